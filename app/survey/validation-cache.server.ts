/**
 * validateAnswers without building a survey-core model per submission, where that is safe.
 *
 * Building the model is most of the cost of validating (about 12 of 20 ms for 20 questions), and
 * survey versions never change once published, so one model per version and locale is kept and
 * reused. Reuse is only safe for surveys made of questions whose state survey-core fully replaces
 * when it is given new answers: dynamic matrices, matrix dropdowns and dynamic panels keep rows
 * and entries from earlier answers (see answersThatCount), so surveys with them still get a new
 * model every time. A differential test checks that both give the same verdicts and errors.
 *
 * Synchronous use only: validation never awaits, so two submissions never share a model at once.
 */
import { createHash } from "node:crypto";
import type { SurveyModel } from "survey-core";
import { buildValidationModel, validateWith, type ValidationResult } from "./validate-answers";

/** Question types whose state is all in the answers survey-core is given. */
const REUSABLE_TYPES = new Set([
  "text",
  "comment",
  "radiogroup",
  "checkbox",
  "dropdown",
  "tagbox",
  "buttongroup",
  "boolean",
  "rating",
  "slider",
  "imagepicker",
  "ranking",
  "matrix",
  "multipletext",
  "html",
  "expression",
  "image",
  "empty",
  "file",
  "signaturepad",
]);

export function canReuseModel(model: SurveyModel): boolean {
  return model.getAllQuestions(false).every((q) => REUSABLE_TYPES.has(q.getType()));
}

type Entry = { fingerprint: string; model: SurveyModel | undefined };

const MAX_ENTRIES = 32;
/** Least recently used first: a Map keeps insertion order, and a hit is re-inserted. */
const entries = new Map<string, Entry>();

function fingerprintOf(definition: Record<string, unknown>): string {
  return createHash("sha256").update(JSON.stringify(definition)).digest("base64url");
}

/**
 * Same as validateAnswers. `cacheKey` names the survey version (its id); without one the
 * definition's hash names it. Either way a cached model is only used for the very definition it
 * was built from.
 */
export function validateAnswersCached(
  definition: Record<string, unknown>,
  input: unknown,
  options: { locale?: string; cacheKey?: string } = {},
): ValidationResult {
  const { locale } = options;
  const fingerprint = fingerprintOf(definition);
  const key = `${options.cacheKey ?? fingerprint}\u0000${locale ?? ""}`;
  const build = () => buildValidationModel(definition, locale);

  let entry = entries.get(key);
  let spare: SurveyModel | undefined;
  if (entry && entry.fingerprint === fingerprint) {
    entries.delete(key);
  } else {
    // The model that shows whether reuse is safe is also this submission's first new model.
    spare = build();
    entry = { fingerprint, model: canReuseModel(spare) ? spare : undefined };
  }
  entries.set(key, entry);
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);

  const reusable = entry.model;
  // New answers replace all of a reusable model's state, and each validate() works its errors out
  // again. survey-core's clear() would add nothing but time (about as much as the rest together).
  const newModel = reusable
    ? () => reusable
    : () => {
        const model = spare ?? build();
        spare = undefined;
        return model;
      };
  return validateWith(newModel, input, locale);
}

/** For tests: forget every cached model. */
export function clearValidationCache(): void {
  entries.clear();
}
