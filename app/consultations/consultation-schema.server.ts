// What a valid consultation is, for the actions that save one. Server-only, so Zod stays out of the browser bundle.
// Messages are i18n keys (locales/<lng>/validation.json); the action translates them for the reader.
import { z } from "zod";
import { requiredText } from "~/utils/form-errors.server";

const isoDate = z
  .string({ error: "validation:consultation.realDate" })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "validation:consultation.realDate" })
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), { error: "validation:consultation.realDate" });

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
    retentionMonths: z.coerce
      .number({ error: "validation:consultation.retentionNumber" })
      .int("validation:consultation.retentionWhole")
      .min(1, "validation:consultation.retentionMin")
      .max(120, "validation:consultation.retentionMax")
      .default(24),
  })
  .superRefine((value, ctx) => {
    if (value.closesOn < value.opensOn) {
      ctx.addIssue({ code: "custom", path: ["closesOn"], message: "validation:consultation.closesBeforeOpens" });
    }
    if (value.feedbackBy < value.closesOn) {
      ctx.addIssue({ code: "custom", path: ["feedbackBy"], message: "validation:consultation.feedbackBeforeCloses" });
    }
  });

export type ConsultationDetails = z.infer<typeof ConsultationDetailsSchema>;

/** The buttons on a consultation's page: choose a template, open, close. */
export const ConsultationIntentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("choose-template"), templateId: z.string().min(1) }),
  z.object({ intent: z.literal("open") }),
  z.object({ intent: z.literal("close") }),
]);
