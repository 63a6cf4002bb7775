import type { ItemValue, QuestionRatingModel } from "survey-core";

/**
 * The accessible name of a rating point: its number, with the scale's words at either end
 * ("1, Not safe at all", "2", … "5, Very safe"). The rich form's smileys and stars and the
 * low-data pages' radios say the same thing.
 */
export function ratingItemName(question: QuestionRatingModel, item: ItemValue, index: number): string {
  const values = question.visibleRateValues;
  const text = String(item.text ?? item.value);
  if (index === 0 && question.minRateDescription) return `${text}, ${question.minRateDescription}`;
  if (index === values.length - 1 && question.maxRateDescription) return `${text}, ${question.maxRateDescription}`;
  return text;
}
