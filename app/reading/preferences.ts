// How a child likes to read Heard: the survey variant and display settings, kept in a cookie on
// their device (no account), applied on every page as classes on <html>.
export const TEXT_SIZES = ["standard", "large", "larger"] as const;
export type TextSize = (typeof TEXT_SIZES)[number];
export const READING_VARIANTS = ["standard", "easy-read"] as const;
export type ReadingVariant = (typeof READING_VARIANTS)[number];

export type ReadingPreferences = {
  variant: ReadingVariant;
  textSize: TextSize;
  highContrast: boolean;
  readableFont: boolean;
  reducedMotion: boolean;
};

export const DEFAULT_READING: ReadingPreferences = {
  variant: "standard",
  textSize: "standard",
  highContrast: false,
  readableFont: false,
  reducedMotion: false,
};

/** The classes on <html> that app.css reads (display.css). */
export function readingClassNames(preferences: ReadingPreferences = DEFAULT_READING): string {
  return [
    preferences.textSize !== "standard" ? `text-${preferences.textSize}` : "",
    preferences.highContrast ? "high-contrast" : "",
    preferences.readableFont ? "readable-font" : "",
    preferences.reducedMotion ? "reduced-motion" : "",
    preferences.variant === "easy-read" ? "easy-read" : "",
  ]
    .filter(Boolean)
    .join(" ");
}
