import type { ConsultationStatus } from "../../db/enums";

// The consultation form's fields in page order: the order errors are listed in the error summary.
export const CONSULTATION_FIELDS = [
  "title",
  "purpose",
  "whoFor",
  "audience",
  "opensOn",
  "closesOn",
  "feedbackBy",
  "dataUseStatement",
  "contact",
  "retentionMonths",
] as const;

export type ConsultationField = (typeof CONSULTATION_FIELDS)[number];

// Once children can answer, what they were told must not change under them: only the closing date,
// the date they hear back and who to contact may still move (the form and the model both use this).
export const FIELDS_EDITABLE_WHILE_OPEN = ["closesOn", "feedbackBy", "contact"] as const satisfies readonly ConsultationField[];

/** The details a member may still change at this status (none once closed). */
export function editableFields(status: ConsultationStatus): readonly ConsultationField[] {
  if (status === "draft" || status === "in_review") return CONSULTATION_FIELDS;
  if (status === "open") return FIELDS_EDITABLE_WHILE_OPEN;
  return [];
}
