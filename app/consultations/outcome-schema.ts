import { z } from "zod";
import { OUTCOME_STATUSES } from "../../db/enums";

export const OutcomeDetailsSchema = z.object({
  youSaid: z.string().trim().min(1, "Say what people told you").max(1000, "Keep this to 1,000 characters or fewer"),
  weDid: z.string().trim().min(1, "Say what was done, or why not").max(1000, "Keep this to 1,000 characters or fewer"),
  status: z.enum(OUTCOME_STATUSES, { message: "Choose a status" }),
  owner: z.string().trim().max(200, "Keep this to 200 characters or fewer").default(""),
});

export type OutcomeDetails = z.infer<typeof OutcomeDetailsSchema>;
