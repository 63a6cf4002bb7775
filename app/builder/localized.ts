/**
 * SurveyJS localizable strings: plain text, or `{ "default": "...", "cy": "..." }`.
 *
 * The builder edits one language at a time. Heard's default language (English) is SurveyJS's
 * "default" key; every other language uses its own code. Writing one language never touches
 * another, and plain text stays plain text while only the default language is written.
 */
export type BuilderLocale = "en" | "cy";
export type LocalizedText = string | Record<string, string>;

const surveyKey = (locale: string) => (locale === "en" ? "default" : locale);

function isTextRecord(value: unknown): value is Record<string, string> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** The text for one language, or "" when that language has none. */
export function readText(value: unknown, locale: string): string {
  if (typeof value === "string") return locale === "en" ? value : "";
  if (isTextRecord(value)) {
    const text = value[surveyKey(locale)];
    return typeof text === "string" ? text : "";
  }
  if (typeof value === "number") return locale === "en" ? String(value) : "";
  return "";
}

/** The text for one language, falling back to the default language: what a respondent would see. */
export function shownText(value: unknown, locale: string): string {
  return readText(value, locale) || readText(value, "en");
}

/** `value` with one language's text replaced; undefined when no text is left in any language. */
export function writeText(value: unknown, locale: string, text: string): LocalizedText | undefined {
  const key = surveyKey(locale);
  if (typeof value === "string" || value === undefined || value === null) {
    if (key === "default") return text === "" ? undefined : text;
    const record: Record<string, string> = typeof value === "string" && value !== "" ? { default: value } : {};
    if (text !== "") record[key] = text;
    return Object.keys(record).length > 0 ? record : undefined;
  }
  if (!isTextRecord(value)) return text === "" ? undefined : key === "default" ? text : { [key]: text };
  const record = { ...value };
  if (text === "") delete record[key];
  else record[key] = text;
  return Object.keys(record).length > 0 ? record : undefined;
}

/** Applies `change` to the text of every language the value holds (and to plain text). */
export function mapTexts(value: unknown, change: (text: string, locale: string) => string): unknown {
  if (typeof value === "string") return change(value, "en");
  if (!isTextRecord(value)) return value;
  const out: Record<string, string> = {};
  for (const [key, text] of Object.entries(value)) {
    out[key] = typeof text === "string" ? change(text, key === "default" ? "en" : key) : text;
  }
  return out;
}

export function isLocalizedText(value: unknown): value is LocalizedText {
  return typeof value === "string" || (isTextRecord(value) && Object.values(value).every((v) => typeof v === "string"));
}
