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
  "retentionMonths",
] as const;
