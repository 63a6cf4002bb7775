// The API token form. Messages are keys in locales/<lng>/analysis.json.
import { z } from "zod";
import { API_TOKEN_SCOPES } from "../../db/enums";
import { requiredText } from "~/utils/form-errors.server";

export const TOKEN_DAYS = ["7", "30", "90", "365"] as const;

export const CreateApiTokenSchema = z.object({
  name: requiredText("analysis:errors.tokenNameRequired", 100, "analysis:errors.keepTo100"),
  scope: z.enum(API_TOKEN_SCOPES, { error: "analysis:errors.scopeRequired" }),
  days: z.enum(TOKEN_DAYS, { error: "analysis:errors.daysRequired" }),
});
