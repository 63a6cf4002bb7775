// Codebook and coding forms. Messages are keys in locales/<lng>/analysis.json.
import { z } from "zod";
import { requiredText } from "~/utils/form-errors.server";
import { CODING_SOURCES } from "./coding-sources";
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

const ThemeIdsSchema = z.array(z.string().max(100)).max(100);

/** One coding: of a free-text answer (its response and question) or of an event note. */
export const CodingSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("answer"),
    responseId: z.string().min(1).max(100),
    questionName: z.string().min(1).max(200),
    themeIds: ThemeIdsSchema,
    featured: z.boolean(),
  }),
  z.object({ kind: z.literal("note"), eventNoteId: z.string().min(1).max(100), themeIds: ThemeIdsSchema }),
]);

/**
 * The coding form as fields: theme boxes are repeated `themeIds` fields; `featured` is a box. A
 * note's form carries `eventNoteId` instead of `responseId` and `questionName`.
 */
export function readCodingForm(form: FormData) {
  const themeIds = form.getAll("themeIds").filter((value) => typeof value === "string");
  if (form.has("eventNoteId")) return CodingSchema.safeParse({ kind: "note", eventNoteId: form.get("eventNoteId"), themeIds });
  return CodingSchema.safeParse({
    kind: "answer",
    responseId: form.get("responseId"),
    questionName: form.get("questionName"),
    themeIds,
    featured: form.get("featured") === "on",
  });
}

export const ReadingQuerySchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  question: z.string().max(200).optional().catch(undefined),
  source: z.enum(CODING_SOURCES).optional().catch(undefined),
});

export const AgreementQuerySchema = z.object({
  a: z.string().max(100).optional().catch(undefined),
  b: z.string().max(100).optional().catch(undefined),
});
