/**
 * The cached validator against validateAnswers (a new model for every use), over Heard's fixtures
 * and, when present, the shared corpus: the same verdicts, answers and errors, in an order that
 * would show answers or errors leaking from one submission into the next.
 */
import {
  Model,
  type Question,
  type QuestionMatrixDropdownModelBase,
  type QuestionPanelDynamicModel,
  type QuestionSelectBase,
} from "survey-core";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { validateAnswers } from "~/survey/validate-answers";
import { canReuseModel, clearValidationCache, validateAnswersCached } from "~/survey/validation-cache.server";
import { freshModel, plausibleAnswer } from "./support/definition-checks";
import { corpusFiles, corpusPresent, fixtureFiles, noteCorpus, type Definition } from "./support/survey-definitions";

noteCorpus("validation-cache.test.ts");
vi.setConfig({ testTimeout: 120_000 });

beforeEach(() => clearValidationCache());

const breather = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Entries for dynamic matrices and panels: `count` of them, each answering every cell or question. */
function plausibleEntries(q: Question, count: number): Record<string, unknown>[] | undefined {
  let inner: Question[];
  if (q.getType() === "paneldynamic") inner = (q as QuestionPanelDynamicModel).template.questions;
  else if (q.getType() === "matrixdynamic") {
    inner = (q as QuestionMatrixDropdownModelBase).columns.map((column) => column.templateQuestion);
  } else return undefined;
  const entry: Record<string, unknown> = {};
  for (const question of inner) {
    const value = plausibleAnswer(question);
    if (value !== undefined) entry[question.getValueName()] = value;
  }
  return Array.from({ length: count }, () => ({ ...entry }));
}

/** Submissions that between them answer, skip, hide, mistype and refuse things. */
function submissionsFor(def: Definition): { label: string; input: unknown }[] {
  const model = freshModel(def);
  const everything: Record<string, unknown> = {};
  const fewerEntries: Record<string, unknown> = {};
  const lastChoices: Record<string, unknown> = {};
  // Every question, shown or not: later answers hide and show earlier ones.
  for (const q of model.getAllQuestions(false)) {
    const value = plausibleAnswer(q) ?? plausibleEntries(q, 2);
    if (value !== undefined) everything[q.getValueName()] = value;
    const fewer = plausibleEntries(q, 1);
    if (fewer) fewerEntries[q.getValueName()] = fewer;
    // The other end of each single choice shows what the first choice hides.
    const choices = ["radiogroup", "dropdown"].includes(q.getType()) ? (q as QuestionSelectBase).visibleChoices : [];
    const last = choices.filter((item) => !(q as QuestionSelectBase).isOtherItem(item)).at(-1);
    if (last) lastChoices[q.getValueName()] = last.value;
  }
  const keys = Object.keys(everything);
  const half = Object.fromEntries(keys.filter((_, i) => i % 2 === 0).map((key) => [key, everything[key]]));
  const otherHalf = Object.fromEntries(keys.filter((_, i) => i % 2 === 1).map((key) => [key, everything[key]]));
  const nonsense = Object.fromEntries(keys.map((key) => [key, "__not_one_of_the_options__"]));
  const firstChoice = model
    .getAllQuestions(true)
    .find((q: Question) => ["radiogroup", "dropdown"].includes(q.getType())) as QuestionSelectBase | undefined;
  return [
    { label: "everything", input: everything },
    { label: "nothing", input: {} },
    { label: "half", input: half },
    { label: "nonsense", input: nonsense },
    { label: "other half", input: otherHalf },
    { label: "last choices", input: { ...everything, ...lastChoices } },
    { label: "fewer rows and entries", input: { ...everything, ...lastChoices, ...fewerEntries } },
    { label: "one unknown choice", input: firstChoice ? { ...half, [firstChoice.getValueName()]: "__nope__" } : half },
    { label: "not an object", input: [everything] },
    { label: "everything again", input: everything },
  ];
}

/**
 * `thorough`: every kind of submission. Otherwise (corpus surveys that are never reused, so both
 * sides build new models anyway) two submissions show the wiring. `locales`: English and Welsh
 * share a cached model per language, so the fixtures try both.
 */
function compare(name: string, def: Definition, { thorough, locales }: { thorough: boolean; locales: (string | undefined)[] }) {
  it(`${name}: cached validation gives the same results as a new model`, async () => {
    const submissions = submissionsFor(def);
    for (const locale of locales) {
      for (const { label, input } of thorough ? submissions : submissions.slice(0, 2)) {
        await breather();
        const cached = validateAnswersCached(def, input, { locale, cacheKey: `version-${name}` });
        expect(cached, `${label} (${locale ?? "en"})`).toEqual(validateAnswers(def, input, { locale }));
      }
    }
  });
}

describe("validateAnswersCached", () => {
  for (const { file, load } of fixtureFiles()) compare(file, load(), { thorough: true, locales: [undefined, "cy"] });

  it("reuses models only for surveys without dynamic matrices, matrix dropdowns or dynamic panels", () => {
    const reusable = fixtureFiles().map(({ file, load }) => [file, canReuseModel(new Model(load()))]);
    expect(Object.fromEntries(reusable)).toEqual({
      "01-wellbeing-check-in.json": true,
      "02-youth-club-plans.json": true,
      "03-placement-review.json": false,
      "04-family-household.json": false,
      "05-one-question-per-page.json": true,
      "06-drawings-and-contact.json": true,
      "07-after-the-event.json": true,
    });
  });

  it("never uses a model built for another definition under the same key", () => {
    const a = { pages: [{ name: "p", elements: [{ type: "radiogroup", name: "q", choices: ["a"] }] }] };
    const b = { pages: [{ name: "p", elements: [{ type: "radiogroup", name: "q", choices: ["b"] }] }] };
    expect(validateAnswersCached(a, { q: "a" }, { cacheKey: "v1" }).ok).toBe(true);
    expect(validateAnswersCached(b, { q: "a" }, { cacheKey: "v1" }).ok).toBe(false);
    expect(validateAnswersCached(b, { q: "b" }, { cacheKey: "v1" }).ok).toBe(true);
  });

  describe.skipIf(!corpusPresent)("on the shared corpus", () => {
    it("has all 20 files to compare", () => {
      expect(corpusFiles()).toHaveLength(20);
    });

    for (const { file, load } of corpusFiles()) {
      compare(file, load(), { thorough: canReuseModel(new Model(load())), locales: [undefined] });
    }
  });
});
