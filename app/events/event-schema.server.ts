// What a valid event, note, vote and attendance count are, for the actions that save them.
// Server-only (Zod stays out of the browser bundle). Messages are i18n keys in locales/<lng>/events.json.
import { z } from "zod";
import { ACCESS_ARRANGEMENTS, AGE_BANDS, EVENT_FORMATS } from "../../db/enums";
import { requiredText } from "~/utils/form-errors.server";
import { isRealIsoDay } from "~/utils/dates";
import { londonLocalToUtc } from "./london-time";
export { EVENT_FIELDS } from "./event-fields";

const E = (key: string) => `events:errors.${key}`;

const time = z
  .string({ error: E("time") })
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, E("time"));


export const EventDetailsSchema = z
  .object({
    title: requiredText(E("titleRequired"), 120, E("titleTooLong")),
    day: z.string({ error: E("day") }).trim().refine(isRealIsoDay, E("day")),
    startTime: time,
    endTime: time,
    format: z.enum(EVENT_FORMATS, { error: E("format") }),
    place: z.string().trim().max(300, E("keepTo300")).default(""),
    onlineLink: z
      .string()
      .trim()
      .max(500, E("onlineLink"))
      .refine((value) => value === "" || /^https:\/\/[^\s]+$/.test(value), E("onlineLink"))
      .default(""),
    whoFor: z.string().trim().max(300, E("keepTo300")).default(""),
    accessArrangements: z.array(z.enum(ACCESS_ARRANGEMENTS, { error: E("accessArrangements") })).default([]),
    accessNotes: z.string().trim().max(1000, E("keepTo1000")).default(""),
    facilitators: z.array(z.string().max(100)).max(50).default([]),
    expectedNumbers: z
      .string()
      .trim()
      .refine((value) => value === "" || /^\d{1,5}$/.test(value), E("expectedNumbers"))
      .transform((value) => (value === "" ? null : Number(value)))
      .default(null),
  })
  .refine((value) => value.endTime > value.startTime, {
    path: ["endTime"],
    message: E("endBeforeStart"),
    when: ({ value }) => {
      const record = (value ?? {}) as Record<string, unknown>;
      return [record.startTime, record.endTime].every((field) => typeof field === "string" && /^\d\d:\d\d$/.test(field.trim()));
    },
  })
  .refine((value) => (value.format === "online" ? value.onlineLink !== "" : value.place !== ""), {
    path: ["place"],
    message: E("placeOrLink"),
    // Only once a format is chosen: which of the two is needed depends on it.
    when: ({ value }) => (EVENT_FORMATS as readonly unknown[]).includes((value as Record<string, unknown> | undefined)?.format),
  })
  .transform(({ day, startTime, endTime, accessArrangements, facilitators, ...rest }) => ({
    ...rest,
    // A set: ticking a box twice (or a forged repeat) stores it once.
    accessArrangements: [...new Set(accessArrangements)],
    facilitators: [...new Set(facilitators)],
    startsAt: londonLocalToUtc(day, startTime),
    endsAt: londonLocalToUtc(day, endTime),
  }));

export type EventDetails = z.output<typeof EventDetailsSchema>;

/** The form's fields with the repeated ones (tick boxes) as lists. */
export function eventFormInput(formData: FormData): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of formData) {
    if (typeof value === "string" && !(key in fields)) fields[key] = value;
  }
  fields.accessArrangements = formData.getAll("accessArrangements").filter((value) => typeof value === "string");
  fields.facilitators = formData.getAll("facilitators").filter((value) => typeof value === "string");
  return fields;
}

const ageBand = z
  .union([z.literal(""), z.enum(AGE_BANDS)], { error: E("ageBand") })
  .transform((value) => (value === "" ? null : value))
  .default(null);

/** One sticky note, from the capture page or a child's "tell us" form. */
export const EventNoteSchema = z.object({
  // Made by the device (crypto.randomUUID) so a resend is recognised; the form without JS gets one from the page.
  clientId: z.string({ error: E("malformed") }).trim().regex(/^[A-Za-z0-9-]{8,64}$/, E("malformed")),
  text: requiredText(E("noteRequired"), 1000, E("noteTooLong")),
  ageBand,
  theme: z
    .string()
    .trim()
    .max(60, E("themeTooLong"))
    .transform((value) => (value === "" ? null : value))
    .default(null),
});

export const VoteOptionSchema = z.object({
  label: requiredText(E("optionRequired"), 80, E("optionTooLong")),
});

/** A change to one option's dots: +1 per dot counted, or a correction down. */
export const VoteChangeSchema = z.object({
  optionId: z.string().min(1).max(100),
  by: z
    .string()
    .trim()
    .regex(/^[-+]?\d{1,3}$/, E("votesBy"))
    .transform(Number)
    .pipe(z.number().int().min(-100, E("votesBy")).max(100, E("votesBy")).refine((value) => value !== 0, E("votesBy"))),
});

/** Attendance: a whole number per age band, blank meaning none counted. Numbers only, never names. */
export const AttendanceSchema = z.object(
  Object.fromEntries(
    AGE_BANDS.map((band) => [
      band,
      z
        .string()
        .trim()
        .regex(/^\d{0,4}$/, E("attendance"))
        .transform((value) => (value === "" ? 0 : Number(value)))
        .default(0),
    ]),
  ) as Record<(typeof AGE_BANDS)[number], z.ZodDefault<z.ZodPipe<z.ZodString, z.ZodTransform<number, string>>>>,
);
