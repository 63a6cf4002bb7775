import { expect, test } from "vitest";
import { surveyLanguages } from "~/survey/survey-languages";

const page = (elements: unknown[]) => ({ pages: [{ name: "p1", elements }] });

test("a survey written only in plain strings is English only", () => {
  expect(surveyLanguages(page([{ type: "text", name: "q1", title: "Your name?" }]))).toEqual(["en"]);
});

test("a language counts only when every text has it, choices and scale labels included", () => {
  const question = {
    type: "radiogroup",
    name: "q1",
    title: { default: "Pick one", cy: "Dewiswch un", pl: "Wybierz jedno" },
    choices: [
      { value: "a", text: { default: "A", cy: "A", pl: "A" } },
      { value: "b", text: { default: "B", cy: "B" } },
    ],
  };
  expect(surveyLanguages(page([question]))).toEqual(["en", "cy"]);
});

test("a plain-string choice is English, so it rules out every other language", () => {
  const question = { type: "checkbox", name: "q1", title: { default: "Pick", ar: "اختر" }, choices: ["Red", 2] };
  expect(surveyLanguages(page([question]))).toEqual(["en"]);
});

test("numbers and names are not words to translate", () => {
  const question = { type: "radiogroup", name: "colour", title: { default: "Pick", ur: "چنیں" }, choices: [1, 2, 3] };
  expect(surveyLanguages(page([question]))).toEqual(["en", "ur"]);
});

test("an empty translation does not count", () => {
  const question = { type: "comment", name: "q1", title: { default: "Tell us", cy: " " } };
  expect(surveyLanguages(page([question]))).toEqual(["en"]);
});
