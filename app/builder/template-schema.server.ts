// What the organisation-template and picture forms accept. Server-only, so Zod stays out of the
// browser bundle. Messages are i18n keys (locales/<lng>/templates.json); actions translate them.
import { z } from "zod";
import { requiredText } from "~/utils/form-errors.server";
import { TEMPLATE_SOURCES } from "~/models/survey-template.server";
import { MAX_ALT_TEXT_LENGTH, MAX_PICTURE_BYTES, pictureTypeOf } from "./pictures";
import type { SurveyPictureType } from "../../db/enums";

export const TemplateDetailsSchema = z.object({
  name: requiredText("templates:errors.nameMissing", 120, "templates:errors.nameTooLong"),
  description: z.string().trim().max(500, "templates:errors.descriptionTooLong").default(""),
  beforeYouStart: z.string().trim().max(4000, "templates:errors.beforeYouStartTooLong").default(""),
});

export const SaveTemplateSchema = TemplateDetailsSchema.extend({
  source: z.enum(TEMPLATE_SOURCES, { error: "templates:errors.sourceMissing" }),
});

export const TemplateIntentSchema = z.discriminatedUnion("intent", [
  TemplateDetailsSchema.extend({ intent: z.literal("rename") }),
  z.object({ intent: z.literal("delete") }),
]);

/**
 * Alt text is read aloud instead of the picture: plain words (letters, numbers and ordinary
 * punctuation), not markup, an address or a file name.
 */
const PLAIN_WORDS = /^[\p{L}\p{M}\p{N}\s.,;:!?'’"“”()&/–—-]+$/u;
export const PictureAltTextSchema = z.object({
  altText: requiredText("templates:errors.altTextMissing", MAX_ALT_TEXT_LENGTH, "templates:errors.altTextTooLong")
    .refine((text) => PLAIN_WORDS.test(text) && /\p{L}/u.test(text), "templates:errors.altTextPlain")
    .refine((text) => !/\.(png|jpe?g|webp|gif|svg)$/i.test(text) && !/^(https?:|www\.)/i.test(text), "templates:errors.altTextPlain"),
});

export type PictureUpload =
  | { ok: true; contentType: SurveyPictureType; bytes: Buffer }
  | { ok: false; error: "pictureMissing" | "pictureTooBig" | "pictureType"; status: 400 | 413 | 415 };

/** An uploaded form field as a picture to keep, or why not: missing, too big (checked first), or not PNG/JPEG/WebP. */
export async function readPictureUpload(field: FormDataEntryValue | null): Promise<PictureUpload> {
  if (!(field instanceof Blob) || field.size === 0) return { ok: false, error: "pictureMissing", status: 400 };
  if (field.size > MAX_PICTURE_BYTES) return { ok: false, error: "pictureTooBig", status: 413 };
  const bytes = Buffer.from(await field.arrayBuffer());
  const contentType = pictureTypeOf(bytes);
  return contentType ? { ok: true, contentType, bytes } : { ok: false, error: "pictureType", status: 415 };
}
