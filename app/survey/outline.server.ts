import { Model } from "survey-core";

/** The question titles of a survey definition, in order, for previews on staff pages. */
export function outlineSurvey(definition: Record<string, unknown>, locale = "en") {
  const model = new Model(definition);
  model.locale = locale === "en" ? "" : locale;
  return model.getAllQuestions(false).map((question) => ({ name: question.name, title: question.processedTitle || question.name, type: question.getType() }));
}
