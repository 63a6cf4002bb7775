// Codebook and coding forms. Messages are keys in locales/<lng>/analysis.json.
import { z } from "zod";
import { requiredText } from "~/utils/form-errors.server";
import { THEME_COLOUR_NAMES } from "./theme-colours";

export const ThemeSchema = z.object({
  name: requiredText("analysis:errors.themeNameRequired", 100, "analysis:errors.keepTo100"),
  description: z.string().trim().max(500, "analysis:errors.keepTo500").default(""),
  colour: z.enum(THEME_COLOUR_NAMES as [string, ...string[]], { error: "analysis:errors.colourRequired" }),
  parentId: z
    .string()
    .trim()
    .max(100)
    .optional()
    .transform((value) => (value ? value : undefined)),
});

export const CodingSchema = z.object({
  responseId: z.string().min(1).max(100),
  questionName: z.string().min(1).max(200),
  themeIds: z.array(z.string().max(100)).max(100),
  featured: z.boolean(),
});

/** The coding form as fields: theme boxes are repeated `themeIds` fields; `featured` is a box. */
export function readCodingForm(form: FormData) {
  return CodingSchema.safeParse({
    responseId: form.get("responseId"),
    questionName: form.get("questionName"),
    themeIds: form.getAll("themeIds").filter((value) => typeof value === "string"),
    featured: form.get("featured") === "on",
  });
}

export const ReadingQuerySchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  question: z.string().max(200).optional().catch(undefined),
});

export const AgreementQuerySchema = z.object({
  a: z.string().max(100).optional().catch(undefined),
  b: z.string().max(100).optional().catch(undefined),
});
