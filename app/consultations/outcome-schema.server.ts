// Messages are i18n keys (locales/<lng>/validation.json); the action translates them for the reader.
import { z } from "zod";
import { OUTCOME_STATUSES } from "../../db/enums";
import { requiredText } from "~/utils/form-errors.server";

export const OutcomeDetailsSchema = z.object({
  youSaid: requiredText("validation:outcome.youSaidRequired", 1000, "validation:outcome.keepTo1000"),
  weDid: requiredText("validation:outcome.weDidRequired", 1000, "validation:outcome.keepTo1000"),
  status: z.enum(OUTCOME_STATUSES, { error: "validation:outcome.statusRequired" }),
  owner: z.string().trim().max(200, "validation:outcome.keepTo200").default(""),
});

export type OutcomeDetails = z.infer<typeof OutcomeDetailsSchema>;
