// Shared by the form (browser) and its schema (server).
/** The fields of the plan-an-event form, in the order the error summary lists them. */
export const EVENT_FIELDS = [
  "title",
  "day",
  "startTime",
  "endTime",
  "format",
  "place",
  "onlineLink",
  "whoFor",
  "accessArrangements",
  "accessNotes",
  "facilitators",
  "expectedNumbers",
] as const;
