/**
 * What a person typed, picked out of a stored answer set, so it can be checked for concerning
 * phrases. Pure. Every string in the answers counts as typed text unless the survey definition
 * offers it as a value to choose (a choice, row or column value): those were written by staff, not
 * by the child. SurveyJS keeps an "Other" box's text under "<question>-Comment"; it is reported
 * against its question.
 */
import type { CompiledPhrase } from "./concerning-phrases";
import { concerningPhrasesIn } from "./concerning-phrases";

export type TypedText = { question: string; text: string };
export type FlaggedAnswer = { question: string; phrases: string[] };

const CHOICE_KEYS = new Set(["choices", "rows", "columns", "rateValues"]);

/** Every value a definition lets a person pick rather than type. */
export function choiceValuesOf(definition: unknown): Set<string> {
  const values = new Set<string>();
  const addItems = (items: unknown) => {
    if (!Array.isArray(items)) return;
    for (const item of items) {
      if (typeof item === "string" || typeof item === "number") values.add(String(item));
      else if (item && typeof item === "object") {
        const { value, name } = item as { value?: unknown; name?: unknown };
        if (typeof value === "string" || typeof value === "number") values.add(String(value));
        else if (typeof name === "string") values.add(name);
      }
    }
  };
  const walk = (node: unknown) => {
    if (Array.isArray(node)) {
      node.forEach(walk);
      return;
    }
    if (!node || typeof node !== "object") return;
    for (const [key, value] of Object.entries(node)) {
      if (CHOICE_KEYS.has(key)) addItems(value);
      if (key === "valueTrue" || key === "valueFalse") values.add(String(value));
      walk(value);
    }
  };
  walk(definition);
  for (const special of ["other", "none", "refused", "dontknow", "true", "false"]) values.add(special);
  return values;
}

/** The question an answer key belongs to ("talkTo-Comment" → "talkTo"). */
function questionOf(key: string) {
  return key.endsWith("-Comment") ? key.slice(0, -"-Comment".length) : key;
}

export function typedTextOf(answers: Record<string, unknown>, definition: unknown): TypedText[] {
  const choices = choiceValuesOf(definition);
  const found: TypedText[] = [];
  const walk = (question: string, value: unknown, depth: number) => {
    if (depth > 10) return;
    if (typeof value === "string") {
      if (value.trim() && !choices.has(value)) found.push({ question, text: value });
    } else if (Array.isArray(value)) {
      for (const item of value) walk(question, item, depth + 1);
    } else if (value && typeof value === "object") {
      for (const inner of Object.values(value)) walk(question, inner, depth + 1);
    }
  };
  for (const [key, value] of Object.entries(answers)) walk(questionOf(key), value, 0);
  return found;
}

/** The answers (by question) whose typed text contains a phrase of the list, and which phrases. */
export function flaggedAnswers(
  answers: Record<string, unknown>,
  definition: unknown,
  phrases: readonly CompiledPhrase[],
): FlaggedAnswer[] {
  const byQuestion = new Map<string, Set<string>>();
  for (const { question, text } of typedTextOf(answers, definition)) {
    const found = concerningPhrasesIn(text, phrases);
    if (found.length === 0) continue;
    const set = byQuestion.get(question) ?? new Set<string>();
    found.forEach((phrase) => set.add(phrase));
    byQuestion.set(question, set);
  }
  return [...byQuestion].map(([question, set]) => ({ question, phrases: [...set] }));
}
