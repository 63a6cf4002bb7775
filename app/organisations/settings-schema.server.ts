// What the organisation settings form accepts. Messages are i18n keys (locales/<lng>/validation.json).
import { z } from "zod";
import { requiredText } from "~/utils/form-errors.server";

const threshold = "validation:settings.threshold";

export const OrganisationSettingsSchema = z.object({
  name: requiredText("validation:settings.nameRequired", 200, "validation:settings.nameTooLong"),
  publicContact: z.string().trim().max(500, "validation:settings.contactTooLong").default(""),
  // One message for every way it can be wrong: blank, not a whole number, or out of range.
  suppressionThreshold: z
    .string({ error: threshold })
    .trim()
    .regex(/^\d{1,3}$/, threshold)
    .transform(Number)
    .pipe(z.number().int().min(2, threshold).max(50, threshold)),
});
