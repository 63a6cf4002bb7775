// A stored answer set laid out for reading: each question's title beside exactly what is stored
// for it, in survey order, then anything stored that the survey does not name. Used by the child's
// "see my answers" page, the staff response page and the safeguarding review (with highlights).
import { compilePhrases, findConcerningPhrases, highlightSegments } from "~/safeguarding/concerning-phrases";
import { outlineSurvey } from "~/survey/outline.server";

export type Segment = { text: string; marked: boolean };
/** `other`: the text typed into a question's "Other" box (stored under "<question>-Comment"). */
export type DescribedAnswer = { name: string; title: string; other: boolean; segments: Segment[]; flagged: boolean };

/** A stored value as text: strings as typed, lists joined, anything else as JSON. */
export function storedValueText(value: unknown): string {
  if (typeof value === "string") return value;
  if (Array.isArray(value) && value.every((item) => typeof item === "string" || typeof item === "number")) return value.join(", ");
  return JSON.stringify(value);
}

export function describeAnswers(
  definition: Record<string, unknown>,
  answers: Record<string, unknown>,
  { locale = "en", highlight = [] as readonly string[], flaggedQuestions = [] as readonly string[] } = {},
): DescribedAnswer[] {
  const phrases = compilePhrases(highlight);
  const titles = new Map(outlineSurvey(definition, locale).map((question) => [question.name, question.title]));
  const order = [...titles.keys()];
  const keys = Object.keys(answers);
  const rank = (key: string) => {
    const question = key.endsWith("-Comment") ? key.slice(0, -"-Comment".length) : key;
    const index = order.indexOf(question);
    return (index === -1 ? order.length : index) * 2 + (key === question ? 0 : 1);
  };
  return keys
    .sort((a, b) => rank(a) - rank(b))
    .map((name) => {
      const question = name.endsWith("-Comment") ? name.slice(0, -"-Comment".length) : name;
      const other = name !== question && !titles.has(name);
      const title = titles.get(name) ?? titles.get(question) ?? name;
      const text = storedValueText(answers[name]);
      return {
        name,
        title,
        other,
        segments: highlightSegments(text, findConcerningPhrases(text, phrases)),
        flagged: flaggedQuestions.includes(question),
      };
    });
}
