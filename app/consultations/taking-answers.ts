// The one rule for whether a consultation takes answers: its status and its opening and closing
// dates (UK days, both inclusive). The model refuses submissions with it, and every page derives the
// status it shows from it, so a consultation past its closing date is closed everywhere at once.
import type { ConsultationStatus } from "../../db/enums";

export type DatedConsultation = { status: ConsultationStatus; opensOn: string; closesOn: string };

/** What a page shows: the stored status, except that an open consultation outside its dates is "not open yet" or "closed". */
export type DisplayedStatus = ConsultationStatus | "scheduled";

/** Why an open consultation does or does not take answers today ("YYYY-MM-DD", Europe/London). */
export function answeringState({ status, opensOn, closesOn }: DatedConsultation, today: string) {
  if (status !== "open") return "not-open" as const;
  // ISO days compare correctly as strings.
  if (today < opensOn) return "before-opening" as const;
  if (today > closesOn) return "after-closing" as const;
  return "taking-answers" as const;
}

export function isTakingAnswers(consultation: DatedConsultation, today: string): boolean {
  return answeringState(consultation, today) === "taking-answers";
}

/**
 * Whether records made by staff or at events (assisted and paper responses, imports, event notes
 * and votes) are still taken: while open, whatever the dates, and after closing, because paper
 * and notes arrive late; not before opening, nor once outcomes are reported or it is archived.
 */
export function takesRecords(status: ConsultationStatus): boolean {
  return status === "open" || status === "closed";
}

export function displayedStatus(consultation: DatedConsultation, today: string): DisplayedStatus {
  switch (answeringState(consultation, today)) {
    case "before-opening":
      return "scheduled";
    case "after-closing":
      return "closed";
    default:
      return consultation.status;
  }
}
