// Messages are i18n keys (locales/<lng>/validation.json); the action translates them for the reader.
import { z } from "zod";
import { OUTCOME_STATUSES } from "../../db/enums";

export const OutcomeDetailsSchema = z.object({
  youSaid: z
    .string({ error: "validation:outcome.youSaidRequired" })
    .trim()
    .min(1, "validation:outcome.youSaidRequired")
    .max(1000, "validation:outcome.keepTo1000"),
  weDid: z
    .string({ error: "validation:outcome.weDidRequired" })
    .trim()
    .min(1, "validation:outcome.weDidRequired")
    .max(1000, "validation:outcome.keepTo1000"),
  status: z.enum(OUTCOME_STATUSES, { error: "validation:outcome.statusRequired" }),
  owner: z.string().trim().max(200, "validation:outcome.keepTo200").default(""),
});

export type OutcomeDetails = z.infer<typeof OutcomeDetailsSchema>;
