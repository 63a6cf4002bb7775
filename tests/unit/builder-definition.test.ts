import fc from "fast-check";
import { Model } from "survey-core";
import { describe, expect, it } from "vitest";
import {
  addChoice,
  addPage,
  addQuestion,
  choicesOf,
  deleteQuestion,
  duplicateQuestion,
  editableTitle,
  elementAt,
  moveQuestion,
  newDefinition,
  pagesOf,
  setDescription,
  setPageTitle,
  setProperty,
  setRatingScale,
  setRequired,
  setSpecialAnswer,
  setTitle,
  withPages,
  type Definition,
  type Location,
} from "~/builder/definition";
import { checkForPublishing } from "~/builder/publish-checks";
import { advancedProperties, kindOfElement, QUESTION_KINDS, RATING_STYLES, type QuestionKind } from "~/builder/question-kinds";
import { buildShowIf, type ShowIfRule } from "~/builder/show-if";
import { validateAnswers } from "~/survey/validate-answers";
import { STARTING_TEXTS } from "./support/builder-texts";

const REFUSE = { default: "I'd rather not say", cy: "Byddai'n well gen i beidio â dweud" };
const DONT_KNOW = { default: "I don't know", cy: "Dw i ddim yn gwybod" };

function add(definition: Definition, kind: QuestionKind, page = 0) {
  return addQuestion(definition, { page, kind, texts: STARTING_TEXTS });
}

/**
 * A child answering every question they are shown, in order (drawings cannot be stored yet). Show-ifs
 * only look back, so a question's visibility is settled by the answers before it.
 */
function completeAnswers(definition: Definition): Record<string, unknown> {
  const model = new Model(definition);
  model.clearInvisibleValues = "onHidden";
  for (const [name, value] of Object.entries(everyAnswer(definition))) {
    if (model.getQuestionByName(name)?.isVisible) model.setValue(name, value);
  }
  return model.data as Record<string, unknown>;
}

/** A plausible answer to every question, shown or not. */
function everyAnswer(definition: Definition): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const page of pagesOf(definition)) {
    for (const element of page.elements) {
      const name = String(element.name);
      const first = choicesOf(element)[0]?.value;
      switch (kindOfElement(element)) {
        case "shortText":
        case "longText":
          answers[name] = "Some words";
          break;
        case "number":
          answers[name] = typeof element.min === "number" ? element.min : 7;
          break;
        case "date":
          answers[name] = "2026-05-04";
          break;
        case "singleChoice":
        case "dropdown":
        case "pictureChoice":
          answers[name] = first;
          break;
        case "multipleChoice":
          answers[name] = [first];
          break;
        case "ranking":
          answers[name] = choicesOf(element).map((choice) => choice.value);
          break;
        case "yesNo":
          answers[name] = true;
          break;
        case "rating":
          answers[name] = element.rateMin;
          break;
        case "matrix":
          answers[name] = Object.fromEntries(choicesOf(element, "rows").map((row) => [row.value, choicesOf(element, "columns")[0]!.value]));
          break;
        default:
          break;
      }
    }
  }
  return answers;
}

function expectLoadsCleanly(definition: Definition) {
  const model = new Model(definition);
  expect(model.jsonErrors ?? []).toEqual([]);
  expect(checkForPublishing(definition)).toEqual([]);
}

describe("every question kind", () => {
  it.each(QUESTION_KINDS)("%s: loads in survey-core, passes the publish checks, and a complete answer is accepted", (kind) => {
    const { definition, at } = add(newDefinition(), kind);
    expect(kindOfElement(elementAt(definition, at))).toBe(kind);
    expectLoadsCleanly(definition);
    if (kind === "information" || kind === "drawIt") return;
    const result = validateAnswers(definition, completeAnswers(definition));
    expect(result).toMatchObject({ ok: true });
  });
});

/** One generated question: its kind and the options the builder offers for it. */
const questionSpec = fc.record({
  kind: fc.constantFrom(...QUESTION_KINDS),
  required: fc.boolean(),
  refuse: fc.boolean(),
  dontKnow: fc.boolean(),
  rating: fc.record({ style: fc.constantFrom(...RATING_STYLES), min: fc.integer({ min: 0, max: 1 }), points: fc.integer({ min: 2, max: 5 }) }),
  extraChoices: fc.array(fc.string({ minLength: 1, maxLength: 12 }), { maxLength: 3 }),
  newPage: fc.boolean(),
  showIf: fc.option(fc.record({ join: fc.constantFrom("and" as const, "or" as const), pick: fc.nat(), negate: fc.boolean() })),
});

type QuestionSpec = typeof questionSpec extends fc.Arbitrary<infer T> ? T : never;

function buildSurvey(specs: QuestionSpec[]) {
  let definition = newDefinition();
  let page = 0;
  const conditionable: { name: string; at: Location }[] = [];
  for (const spec of specs) {
    if (spec.newPage && pagesOf(definition)[page]!.elements.length > 0) {
      definition = addPage(definition);
      page += 1;
      definition = setPageTitle(definition, page, "en", `Section ${page + 1}`);
    }
    const added = add(definition, spec.kind, page);
    definition = added.definition;
    const at = added.at;
    if (spec.kind === "rating") {
      definition = setRatingScale(definition, at, { style: spec.rating.style, min: spec.rating.min, max: spec.rating.min + spec.rating.points - 1 });
    }
    if (["singleChoice", "multipleChoice", "dropdown", "ranking"].includes(spec.kind)) {
      for (const text of spec.extraChoices) definition = addChoice(definition, at, { locale: "cy", text });
    }
    if (["singleChoice", "multipleChoice", "dropdown"].includes(spec.kind)) {
      definition = setSpecialAnswer(definition, at, { which: "refuse", on: spec.refuse, text: REFUSE });
      definition = setSpecialAnswer(definition, at, { which: "dontKnow", on: spec.dontKnow, text: DONT_KNOW });
    }
    // Drawings cannot be stored by the server yet, so a required one could never be answered.
    if (spec.required && spec.kind !== "information" && spec.kind !== "drawIt") definition = setRequired(definition, at, true);
    if (spec.showIf && conditionable.length > 0) {
      const target = conditionable[spec.showIf.pick % conditionable.length]!;
      const element = elementAt(definition, target.at);
      const value = kindOfElement(element) === "yesNo" ? true : kindOfElement(element) === "rating" ? (element.rateMin as number) : choicesOf(element)[0]!.value;
      const operator = kindOfElement(element) === "multipleChoice" ? (spec.showIf.negate ? "excludes" : "includes") : spec.showIf.negate ? "isNot" : "is";
      const rules: ShowIfRule[] = [{ question: target.name, operator, value }];
      if (spec.showIf.join === "or") rules.push({ question: target.name, operator: "answered" });
      definition = setProperty(definition, at, "visibleIf", buildShowIf({ join: spec.showIf.join, rules }));
    }
    if (["singleChoice", "multipleChoice", "dropdown", "yesNo", "rating", "pictureChoice"].includes(spec.kind)) {
      conditionable.push({ name: String(elementAt(definition, at).name), at });
    }
  }
  return definition;
}

describe("generated surveys", () => {
  it("load in survey-core without errors, pass the publish checks, and a complete valid answer set is accepted", () => {
    fc.assert(
      fc.property(fc.array(questionSpec, { minLength: 1, maxLength: 6 }), (specs) => {
        const definition = buildSurvey(specs);
        expectLoadsCleanly(definition);
        const answers = completeAnswers(definition);
        if (Object.keys(answers).length === 0) return;
        const result = validateAnswers(definition, answers);
        if (!result.ok) throw new Error(`${JSON.stringify(result.errors)}\n${JSON.stringify(definition)}`);
      }),
      { numRuns: 25 },
    );
  }, 60_000);
});

describe("editing questions", () => {
  it("moves a question up and down, across pages, and stops at the ends", () => {
    let definition = add(newDefinition(), "shortText").definition;
    definition = add(definition, "longText").definition;
    definition = addPage(definition);
    definition = add(definition, "number", 1).definition;
    const names = () => pagesOf(definition).map((page) => page.elements.map((e) => e.name));
    expect(names()).toEqual([["question1", "question2"], ["question3"]]);

    let moved = moveQuestion(definition, { page: 1, index: 0 }, "up");
    definition = moved.definition;
    expect(moved.at).toEqual({ page: 0, index: 2 });
    expect(names()).toEqual([["question1", "question2", "question3"], []]);
    moved = moveQuestion(definition, { page: 0, index: 0 }, "up");
    expect(moved.definition).toBe(definition);
    moved = moveQuestion(definition, { page: 0, index: 0 }, "down");
    expect(pagesOf(moved.definition)[0]!.elements.map((e) => e.name)).toEqual(["question2", "question1", "question3"]);
    moved = moveQuestion(definition, { page: 0, index: 2 }, "down");
    expect(moved.at).toEqual({ page: 1, index: 0 });
  });

  it("duplicates under a new name and deletes", () => {
    let definition = add(newDefinition(), "singleChoice").definition;
    const copy = duplicateQuestion(definition, { page: 0, index: 0 });
    definition = copy.definition;
    expect(elementAt(definition, copy.at).name).toBe("question2");
    expect(elementAt(definition, copy.at).choices).toEqual(elementAt(definition, { page: 0, index: 0 }).choices);
    definition = deleteQuestion(definition, { page: 0, index: 0 });
    expect(pagesOf(definition)[0]!.elements.map((e) => e.name)).toEqual(["question2"]);
  });

  it("never changes the definition it was given", () => {
    const original = add(newDefinition(), "rating").definition;
    const frozen = structuredClone(original);
    setTitle(original, { page: 0, index: 0 }, "en", "How happy are you?");
    setRequired(original, { page: 0, index: 0 }, true);
    moveQuestion(addPage(original), { page: 0, index: 0 }, "down");
    expect(original).toEqual(frozen);
  });

  it("marks optional questions '(optional)' in every language, never with an asterisk", () => {
    let definition = add(newDefinition(), "shortText").definition;
    const at = { page: 0, index: 0 };
    expect(definition.requiredMark).toBe("");
    expect(elementAt(definition, at).title).toEqual({ default: "New question (optional)", cy: "Cwestiwn newydd (dewisol)" });
    definition = setTitle(definition, at, "en", "Your name");
    expect(editableTitle(elementAt(definition, at), "en")).toBe("Your name");
    expect(elementAt(definition, at).title).toEqual({ default: "Your name (optional)", cy: "Cwestiwn newydd (dewisol)" });
    definition = setRequired(definition, at, true);
    expect(elementAt(definition, at)).toMatchObject({ isRequired: true, title: { default: "Your name", cy: "Cwestiwn newydd" } });
    definition = setTitle(definition, at, "cy", "Dy enw");
    expect(elementAt(definition, at).title).toEqual({ default: "Your name", cy: "Dy enw" });
    const model = new Model(definition);
    expect(model.getQuestionByName("question1")!.requiredMark).toBe("");
  });

  it("keeps properties it does not edit, and lists them as advanced", () => {
    const imported: Definition = {
      questions: [{ type: "text", name: "email", inputType: "text", validators: [{ type: "email" }], aiHint: "ask nicely", maskType: "pattern" }],
    };
    let definition = setTitle(withPages(imported), { page: 0, index: 0 }, "en", "Email");
    definition = setDescription(definition, { page: 0, index: 0 }, "en", "We will not share it");
    const element = elementAt(definition, { page: 0, index: 0 });
    expect(element).toMatchObject({ validators: [{ type: "email" }], aiHint: "ask nicely", maskType: "pattern" });
    expect(advancedProperties(element)).toEqual(["validators", "aiHint", "maskType"]);
    expect(kindOfElement({ type: "expression", name: "total" })).toBe("advanced");
  });

  it("writes rateMin and rateMax, never rateCount", () => {
    let definition: Definition = withPages({ elements: [{ type: "rating", name: "r", rateCount: 10 }] });
    definition = setRatingScale(definition, { page: 0, index: 0 }, { style: "stars", min: 1, max: 5 });
    expect(elementAt(definition, { page: 0, index: 0 })).toEqual({ type: "rating", name: "r", rateType: "stars", rateMin: 1, rateMax: 5 });
    expect(() => setRatingScale(definition, { page: 0, index: 0 }, { style: "smileys", min: 1, max: 7 })).toThrow();
  });

  it("gives new choices stable values from their words", () => {
    let definition = add(newDefinition(), "singleChoice").definition;
    definition = addChoice(definition, { page: 0, index: 0 }, { locale: "en", text: "Very happy!" });
    definition = addChoice(definition, { page: 0, index: 0 }, { locale: "en", text: "Very happy" });
    expect(choicesOf(elementAt(definition, { page: 0, index: 0 })).slice(2)).toEqual([
      { value: "very-happy", text: "Very happy!" },
      { value: "very-happy-2", text: "Very happy" },
    ]);
  });
});
