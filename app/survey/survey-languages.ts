// Which UI languages a survey definition can be answered in. A language counts only when every
// text a child reads has it: survey-core would otherwise fill the gaps with the default language,
// and one question would mix two languages.
import { SUPPORTED_LOCALES, type Locale } from "~/i18n/i18n";

// SurveyJS properties that hold words people read (localizable strings).
const TEXT_PROPERTIES = new Set([
  "title",
  "description",
  "text",
  "html",
  "placeholder",
  "minRateDescription",
  "maxRateDescription",
  "labelTrue",
  "labelFalse",
  "otherText",
  "otherPlaceholder",
  "noneText",
  "selectAllText",
  "commentText",
  "commentPlaceholder",
  "completedHtml",
  "requiredErrorText",
  "completeText",
  "pageNextText",
  "pagePrevText",
  "startSurveyText",
]);
// Lists whose plain-string items are shown as written (a choice "Red" reads "Red").
const TEXT_LISTS = new Set(["choices", "rows", "columns", "rateValues"]);

type Text = { locales: Set<string> };

/** Every text in the definition, with the locales it is written in ("default" is English). */
function collectTexts(value: unknown, key: string | null, found: Text[]) {
  if (Array.isArray(value)) {
    for (const item of value) {
      if (key && TEXT_LISTS.has(key) && typeof item === "string") found.push({ locales: new Set(["default"]) });
      else collectTexts(item, null, found);
    }
    return;
  }
  if (value === null || typeof value !== "object") {
    if (key && TEXT_PROPERTIES.has(key) && typeof value === "string" && value.trim() !== "") {
      found.push({ locales: new Set(["default"]) });
    }
    return;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (key && TEXT_PROPERTIES.has(key)) {
    // A localizable string: { "default": "...", "cy": "..." }.
    found.push({ locales: new Set(entries.filter(([, text]) => typeof text === "string" && text.trim() !== "").map(([lng]) => lng)) });
    return;
  }
  for (const [innerKey, inner] of entries) collectTexts(inner, innerKey, found);
}

/** The UI languages every text of the survey is written in, in the order the language picker shows them. */
export function surveyLanguages(definition: Record<string, unknown>): Locale[] {
  const texts: Text[] = [];
  collectTexts(definition, null, texts);
  return SUPPORTED_LOCALES.filter((lng) =>
    texts.every(({ locales }) => locales.has(lng) || (lng === "en" && locales.has("default"))),
  );
}

/** survey-core calls its default language "" rather than "en". */
export function surveyCoreLocale(locale: string) {
  return locale === "en" ? "" : locale;
}
