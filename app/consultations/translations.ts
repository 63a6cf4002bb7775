// The consultation's own words in the languages children read: which translation a public page
// uses. Shared by the staff form, the model and the public pages.
import { DEFAULT_LOCALE, SUPPORTED_LOCALES, type Locale } from "~/i18n/i18n";

export const TRANSLATED_FIELDS = ["title", "purpose", "whoFor", "audience", "dataUseStatement"] as const;
export type TranslatedField = (typeof TRANSLATED_FIELDS)[number];
export type ConsultationTexts = Record<TranslatedField, string>;
export type ConsultationTranslation = ConsultationTexts & { locale: string };

// The consultation's own words are written in the default language; the others can be added.
export const TRANSLATION_LOCALES = SUPPORTED_LOCALES.filter((lng) => lng !== DEFAULT_LOCALE);
export const TRANSLATION_LIMITS: Record<TranslatedField, number> = {
  title: 120,
  purpose: 2000,
  whoFor: 300,
  audience: 300,
  dataUseStatement: 2000,
};

/**
 * A translation is shown only when it has every text the consultation has: a half-translated page
 * would mix two languages.
 */
export function isCompleteTranslation(base: ConsultationTexts, translation: ConsultationTexts | undefined): boolean {
  if (!translation) return false;
  return TRANSLATED_FIELDS.every((field) => base[field].trim() === "" || translation[field].trim() !== "");
}

/** Empty in every field: nothing written for that language yet. */
export function isEmptyTranslation(translation: ConsultationTexts): boolean {
  return TRANSLATED_FIELDS.every((field) => translation[field].trim() === "");
}

/** The consultation's words for a page in `locale`, and the language they are in (for `lang`). */
export function consultationTextsFor(
  base: ConsultationTexts,
  translation: ConsultationTexts | undefined,
  locale: Locale,
): { texts: ConsultationTexts; lang: Locale } {
  if (locale !== DEFAULT_LOCALE && translation && isCompleteTranslation(base, translation)) {
    return { texts: pickTexts(translation), lang: locale };
  }
  return { texts: pickTexts(base), lang: DEFAULT_LOCALE };
}

export function pickTexts(source: ConsultationTexts): ConsultationTexts {
  return Object.fromEntries(TRANSLATED_FIELDS.map((field) => [field, source[field]])) as ConsultationTexts;
}
