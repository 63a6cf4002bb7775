// Shared by the "new consultation" form and its action: one place says what a valid consultation is.
import { z } from "zod";

const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "Enter a real date" })
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), { message: "Enter a real date" });

export const ConsultationDetailsSchema = z
  .object({
    title: z.string().trim().min(1, "Enter a title").max(120, "Title must be 120 characters or fewer"),
    purpose: z.string().trim().min(1, "Say what the consultation is for").max(2000, "Purpose must be 2,000 characters or fewer"),
    whoFor: z.string().trim().min(1, "Say who the consultation is for").max(300, "Keep this to 300 characters or fewer"),
    audience: z
      .string()
      .trim()
      .min(1, "Name who will hear the results")
      .max(300, "Keep this to 300 characters or fewer"),
    opensOn: isoDate,
    closesOn: isoDate,
    feedbackBy: isoDate,
    dataUseStatement: z.string().trim().max(2000, "Keep this to 2,000 characters or fewer").default(""),
    retentionMonths: z.coerce
      .number({ message: "Enter a number of months" })
      .int("Enter a whole number of months")
      .min(1, "Keep answers for at least 1 month")
      .max(120, "Keep answers for at most 120 months")
      .default(24),
  })
  .superRefine((value, ctx) => {
    if (value.closesOn < value.opensOn) {
      ctx.addIssue({ code: "custom", path: ["closesOn"], message: "Closing date must be on or after the opening date" });
    }
    if (value.feedbackBy < value.closesOn) {
      ctx.addIssue({
        code: "custom",
        path: ["feedbackBy"],
        message: "The date people will hear back must be on or after the closing date",
      });
    }
  });

export type ConsultationDetails = z.infer<typeof ConsultationDetailsSchema>;

export type FieldErrors = Partial<Record<string, string>>;

/** First message per field, in form order, for the GOV.UK error summary. */
export function firstErrorPerField(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message;
  }
  return errors;
}
