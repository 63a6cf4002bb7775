import { z } from "zod";
import type { TFunction } from "i18next";
import {
  TRANSLATED_FIELDS,
  TRANSLATION_LIMITS,
  TRANSLATION_LOCALES,
  isCompleteTranslation,
  isEmptyTranslation,
  type ConsultationTexts,
  type ConsultationTranslation,
} from "./translations";

/** The form's field name for one text in one language, e.g. "pl.title". */
export const translationFieldName = (locale: string, field: string) => `${locale}.${field}`;

const textSchema = (max: number) => z.string().trim().max(max).catch("");

/**
 * Reads the translations form: every language's texts, trimmed; an error for a text that is too
 * long, and for a language started but missing a text the consultation has (it would not be shown).
 */
export function parseTranslationsForm(fields: Record<string, string>, base: ConsultationTexts, t: TFunction) {
  const translations: ConsultationTranslation[] = [];
  const errors: Record<string, string> = {};
  for (const locale of TRANSLATION_LOCALES) {
    const texts = {} as ConsultationTexts;
    for (const field of TRANSLATED_FIELDS) {
      const name = translationFieldName(locale, field);
      const raw = (fields[name] ?? "").trim();
      const parsed = textSchema(TRANSLATION_LIMITS[field]).safeParse(raw);
      if (raw.length > TRANSLATION_LIMITS[field]) errors[name] = t("answering:translations.errors.tooLong", { max: TRANSLATION_LIMITS[field] });
      texts[field] = parsed.success && raw.length <= TRANSLATION_LIMITS[field] ? parsed.data : raw;
    }
    if (!isEmptyTranslation(texts) && !isCompleteTranslation(base, texts)) {
      const missing = TRANSLATED_FIELDS.find((field) => base[field].trim() !== "" && texts[field] === "")!;
      errors[translationFieldName(locale, missing)] ??= t("answering:translations.errors.partial");
    }
    translations.push({ locale, ...texts });
  }
  return { translations, errors };
}
