// What the builder's requests may carry. Server-only, so Zod stays out of the browser bundle.
import { z } from "zod";
import { isRecord } from "./definition";
import { MAX_IMPORT_LENGTH } from "./import-export";

/** A JSON object, given as text (what the builder posts), at most the import limit long. */
const definitionText = z
  .string()
  .max(MAX_IMPORT_LENGTH)
  .transform((text, ctx) => {
    try {
      const parsed: unknown = JSON.parse(text);
      if (isRecord(parsed)) return parsed;
    } catch {
      // reported below
    }
    ctx.addIssue({ code: "custom", message: "not a JSON object" });
    return z.NEVER;
  });

export const SaveDraftSchema = z.object({
  baseRevision: z.string().regex(/^\d{1,9}$/).transform(Number),
  definition: definitionText,
});

/** The builder page's own form: publishing the draft as the next version. */
export const BuilderIntentSchema = z.object({ intent: z.literal("publish") });
