import { expect, test } from "vitest";
import { consultationTextsFor, isCompleteTranslation } from "~/consultations/translations";
import { DEFAULT_READING, readingClassNames } from "~/reading/preferences";
import { applyReadingForm } from "~/reading/preferences.server";

test("the display settings form sets every display choice and keeps the reading variant", () => {
  const current = { ...DEFAULT_READING, variant: "easy-read" as const };
  expect(applyReadingForm(current, { part: "display", textSize: "larger", highContrast: "on", reducedMotion: "on" })).toEqual({
    variant: "easy-read",
    textSize: "larger",
    highContrast: true,
    readableFont: false,
    reducedMotion: true,
  });
});

test("the reading choice sets only the variant; anything else is refused", () => {
  const current = { ...DEFAULT_READING, highContrast: true };
  expect(applyReadingForm(current, { part: "variant", variant: "easy-read" })).toEqual({ ...current, variant: "easy-read" });
  expect(applyReadingForm(current, { part: "variant", variant: "huge" })).toBeUndefined();
  expect(applyReadingForm(current, { part: "display", textSize: "enormous" })).toBeUndefined();
  expect(applyReadingForm(current, { part: "display", textSize: "large", highContrast: "yes please" })).toBeUndefined();
  expect(applyReadingForm(current, {})).toBeUndefined();
});

test("preferences become classes on <html>, none for the defaults", () => {
  expect(readingClassNames(DEFAULT_READING)).toBe("");
  expect(readingClassNames({ variant: "easy-read", textSize: "large", highContrast: true, readableFont: true, reducedMotion: true })).toBe(
    "text-large high-contrast readable-font reduced-motion easy-read",
  );
});

const base = { title: "Your say", purpose: "Tell us", whoFor: "Children", audience: "The panel", dataUseStatement: "Totals only" };
const welsh = { title: "Dweud dy ddweud", purpose: "Dwed wrthon ni", whoFor: "Plant", audience: "Y panel", dataUseStatement: "Cyfansymiau yn unig" };

test("a complete translation is used, marked as the page's language", () => {
  expect(consultationTextsFor(base, welsh, "cy")).toEqual({ texts: welsh, lang: "cy" });
});

test("a half-done translation is not used: the page shows the words as written, marked English", () => {
  const partial = { ...welsh, dataUseStatement: "" };
  expect(isCompleteTranslation(base, partial)).toBe(false);
  expect(consultationTextsFor(base, partial, "cy")).toEqual({ texts: base, lang: "en" });
  expect(consultationTextsFor(base, undefined, "pl")).toEqual({ texts: base, lang: "en" });
  // A text the consultation does not have need not be translated.
  expect(isCompleteTranslation({ ...base, dataUseStatement: "" }, partial)).toBe(true);
});
