// What a valid consultation is, for the actions that save one. Server-only, so Zod stays out of the browser bundle.
// Messages are i18n keys (locales/<lng>/validation.json); the action translates them for the reader.
import { z } from "zod";
import { requiredText } from "~/utils/form-errors.server";
import { isRealIsoDay } from "~/utils/dates";

const REAL_DATE = "validation:consultation.realDate";

/** A real calendar day, YYYY-MM-DD (what a date input sends): "2026-02-30" is refused, not rolled into March. */
const isoDate = z.string({ error: REAL_DATE }).trim().refine(isRealIsoDay, { error: REAL_DATE });

const RETENTION = {
  number: "validation:consultation.retentionNumber",
  whole: "validation:consultation.retentionWhole",
  min: "validation:consultation.retentionMin",
  max: "validation:consultation.retentionMax",
};

/** Whole months, written as digits: "1e1", "1.5" and "0x10" are refused rather than read as numbers. */
const retentionMonths = z
  .string({ error: RETENTION.number })
  .trim()
  .superRefine((value, ctx) => {
    if (/^[-+]?\d+$/.test(value)) return;
    const looksNumeric = value !== "" && !Number.isNaN(Number(value));
    ctx.addIssue({ code: "custom", message: looksNumeric ? RETENTION.whole : RETENTION.number, abort: true });
  })
  .transform(Number)
  .pipe(z.number().min(1, RETENTION.min).max(120, RETENTION.max))
  .default(24);

const contact = z.string().trim().max(300, "validation:consultation.keepTo300").default("");

type DatePayload = { value: unknown };
/** Compares two of the form's dates only when both are real, so the other fields' errors still show with it. */
function datesAreReal(...fields: string[]) {
  return ({ value }: DatePayload) => {
    const record = (value ?? {}) as Record<string, unknown>;
    return fields.every((field) => typeof record[field] === "string" && isRealIsoDay(record[field]));
  };
}

export const ConsultationDetailsSchema = z
  .object({
    title: requiredText("validation:consultation.titleRequired", 120, "validation:consultation.titleTooLong"),
    purpose: requiredText("validation:consultation.purposeRequired", 2000, "validation:consultation.purposeTooLong"),
    whoFor: requiredText("validation:consultation.whoForRequired", 300, "validation:consultation.keepTo300"),
    audience: requiredText("validation:consultation.audienceRequired", 300, "validation:consultation.keepTo300"),
    opensOn: isoDate,
    closesOn: isoDate,
    feedbackBy: isoDate,
    dataUseStatement: z.string().trim().max(2000, "validation:consultation.keepTo2000").default(""),
    contact,
    retentionMonths,
  })
  .refine((value) => value.closesOn >= value.opensOn, {
    path: ["closesOn"],
    message: "validation:consultation.closesBeforeOpens",
    when: datesAreReal("opensOn", "closesOn"),
  })
  .refine((value) => value.feedbackBy >= value.closesOn, {
    path: ["feedbackBy"],
    message: "validation:consultation.feedbackBeforeCloses",
    when: datesAreReal("closesOn", "feedbackBy"),
  });

export type ConsultationDetails = z.infer<typeof ConsultationDetailsSchema>;

/** While open, only the closing date, the feedback date and the contact can change; the opening date stays as it was. */
export function openConsultationChangesSchema({ opensOn }: { opensOn: string }) {
  return z
    .object({ closesOn: isoDate, feedbackBy: isoDate, contact })
    .refine((value) => value.closesOn >= opensOn, {
      path: ["closesOn"],
      message: "validation:consultation.closesBeforeOpens",
      when: datesAreReal("closesOn"),
    })
    .refine((value) => value.feedbackBy >= value.closesOn, {
      path: ["feedbackBy"],
      message: "validation:consultation.feedbackBeforeCloses",
      when: datesAreReal("closesOn", "feedbackBy"),
    });
}

export type OpenConsultationChanges = z.infer<ReturnType<typeof openConsultationChangesSchema>>;

/** The buttons on a consultation's page: choose a template. */
export const ConsultationIntentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("choose-template"), templateId: z.string().min(1) }),
  z.object({ intent: z.literal("remove-easy-read") }),
  // One of the organisation's own templates (app/models/survey-template.server.ts).
  z.object({ intent: z.literal("choose-organisation-template"), organisationTemplateId: z.string().min(1) }),
]);
