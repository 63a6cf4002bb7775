// The words a new question starts with, in every language Heard offers, so a question added
// while writing in English already reads sensibly in Welsh (and the other way round).
import { getI18n, SUPPORTED_LOCALES } from "~/i18n/i18n";
import type { NewElementTexts } from "./question-kinds";
import { SYMBOLS } from "./symbols";

function inEveryLanguage(key: string): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const locale of SUPPORTED_LOCALES) {
    texts[locale === "en" ? "default" : locale] = getI18n(locale).getFixedT(locale, "builder")(`newQuestion.${key}`);
  }
  return texts;
}

export function startingTexts(): { texts: NewElementTexts; refuse: Record<string, string>; dontKnow: Record<string, string> } {
  const choice = (value: string, key: string) => ({ value, text: inEveryLanguage(key) });
  return {
    texts: {
      title: inEveryLanguage("title"),
      choices: [choice("first", "choice1"), choice("second", "choice2")],
      pictures: [
        { value: "thumbs-up", text: inEveryLanguage("pictureYes"), imageLink: SYMBOLS[0].path },
        { value: "thumbs-down", text: inEveryLanguage("pictureNo"), imageLink: SYMBOLS[1].path },
      ],
      rows: [choice("first", "row1"), choice("second", "row2")],
      columns: [choice("agree", "column1"), choice("disagree", "column2")],
      yes: inEveryLanguage("yes"),
      no: inEveryLanguage("no"),
      ratingLow: inEveryLanguage("ratingLow"),
      ratingHigh: inEveryLanguage("ratingHigh"),
      information: inEveryLanguage("information"),
    },
    refuse: inEveryLanguage("refuse"),
    dontKnow: inEveryLanguage("dontKnow"),
  };
}
