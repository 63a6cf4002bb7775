import { Model, type SurveyModel } from "survey-core";
import { describe, expect, it } from "vitest";
import { answersThatCount, keepAnswersToShownQuestions } from "~/survey/answers-that-count";

type Def = Record<string, unknown>;
const survey = (...elements: Def[]): Def => ({ pages: [{ name: "p1", elements }] });
const keep = (def: Def, answers: Record<string, unknown>) => keepAnswersToShownQuestions(def, answers);

describe("keepAnswersToShownQuestions", () => {
  it("keeps everything when everything answered is shown", () => {
    const def = survey({ type: "text", name: "a" }, { type: "text", name: "b", visibleIf: "{a} notempty" });
    expect(keep(def, { a: "x", b: "y" })).toEqual({ a: "x", b: "y" });
  });

  it("drops answers to hidden questions, panels and pages, and keys that are no question's", () => {
    const def = {
      pages: [
        {
          name: "p1",
          elements: [
            { type: "radiogroup", name: "pet", choices: ["cat", "dog"] },
            { type: "panel", name: "dogs", visibleIf: "{pet} = 'dog'", elements: [{ type: "text", name: "walks" }] },
          ],
        },
        { name: "p2", visibleIf: "{pet} = 'cat'", elements: [{ type: "text", name: "purrs" }] },
      ],
    };
    expect(keep(def, { pet: "cat", walks: "2", purrs: "loud", user_role: "manager" })).toEqual({ pet: "cat", purrs: "loud" });
  });

  it("repeats until nothing more is dropped", () => {
    const def = survey(
      { type: "boolean", name: "a" },
      { type: "text", name: "b", visibleIf: "{a} = true" },
      { type: "text", name: "c", visibleIf: "{b} = 'go'" },
      { type: "text", name: "d", visibleIf: "{c} = 'go'" },
    );
    expect(keep(def, { a: false, b: "go", c: "go", d: "x" })).toEqual({ a: false });
  });

  it("drops everything hidden at one pass together, so question order does not matter", () => {
    // Each hides the other. Dropping one at a time would keep whichever came first.
    const ab = [
      { type: "text", name: "a", visibleIf: "{b} empty" },
      { type: "text", name: "b", visibleIf: "{a} empty" },
    ];
    expect(keep(survey(...ab), { a: "x", b: "y" })).toEqual({});
    expect(keep(survey(...[...ab].reverse()), { a: "x", b: "y" })).toEqual({});
  });

  it("keeps a comment box with a shown question and drops it with a hidden one", () => {
    const def = survey(
      { type: "boolean", name: "show" },
      { type: "radiogroup", name: "q", choices: ["a"], showOtherItem: true, visibleIf: "{show} = true" },
    );
    expect(keep(def, { show: true, q: "other", "q-Comment": "mine" })).toEqual({ show: true, q: "other", "q-Comment": "mine" });
    expect(keep(def, { show: false, q: "other", "q-Comment": "mine" })).toEqual({ show: false });
  });

  it("drops hidden cells, hidden rows and unknown keys inside matrices", () => {
    const def = survey(
      {
        type: "matrixdynamic",
        name: "trips",
        columns: [
          { name: "went", cellType: "boolean" },
          { name: "where", cellType: "text", visibleIf: "{row.went} = true" },
        ],
      },
      {
        type: "matrixdropdown",
        name: "days",
        rows: ["mon", { value: "sat", visibleIf: "{weekend} = true" }],
        columns: [{ name: "club", cellType: "text" }],
      },
      { type: "boolean", name: "weekend" },
    );
    const answers = {
      trips: [{ went: false, where: "zoo", junk: 1 }, { went: true, where: "beach" }],
      days: { mon: { club: "art" }, sat: { club: "swim" } },
      weekend: false,
    };
    expect(keep(def, answers)).toEqual({
      trips: [{ went: false }, { went: true, where: "beach" }],
      days: { mon: { club: "art" } },
      weekend: false,
    });
  });

  it("drops hidden questions inside dynamic panels, keeping what either of two panels sharing a value shows", () => {
    const def = survey(
      {
        type: "paneldynamic",
        name: "names",
        valueName: "siblings",
        templateElements: [{ type: "text", name: "name" }],
      },
      {
        type: "paneldynamic",
        name: "ages",
        valueName: "siblings",
        templateElements: [
          { type: "text", name: "age", inputType: "number" },
          { type: "text", name: "school", visibleIf: "{panel.age} >= 4" },
        ],
      },
    );
    const answers = { siblings: [{ name: "Ali", age: 2, school: "Oak" }, { name: "Bo", age: 9, school: "Elm" }] };
    expect(keep(def, answers)).toEqual({ siblings: [{ name: "Ali", age: 2 }, { name: "Bo", age: 9, school: "Elm" }] });
  });
});

describe("answersThatCount", () => {
  const def = survey(
    { type: "boolean", name: "a" },
    { type: "text", name: "b", visibleIf: "{a} = true" },
    { type: "text", name: "c", visibleIf: "{b} notempty" },
  );

  it("gives answers to a new model at every pass, and returns the model holding the result", () => {
    const models: SurveyModel[] = [];
    const newModel = () => {
      const model = new Model(def);
      models.push(model);
      return model;
    };
    const result = answersThatCount(newModel, { a: false, b: "x", c: "y" });
    expect(result.answers).toEqual({ a: false });
    expect(models).toHaveLength(3);
    expect(result.model).toBe(models[2]);
    expect(result.model.data).toEqual({ a: false });
  });

  it("builds one model when nothing hidden was answered", () => {
    let built = 0;
    answersThatCount(() => (built++, new Model(def)), { a: true, b: "x" });
    expect(built).toBe(1);
  });
});

describe("why a model is never given answers twice (survey-core 3.0.0)", () => {
  const matrices = survey(
    {
      type: "matrixdynamic",
      name: "snacks",
      rowCount: 0,
      columns: [
        { name: "snack", cellType: "text" },
        { name: "howMany", cellType: "text", inputType: "number", isRequired: true, defaultValue: 1 },
      ],
    },
    { type: "paneldynamic", name: "pets", panelCount: 1, templateElements: [{ type: "text", name: "petName" }] },
  );

  it("a dynamic matrix that has built its rows no longer fills a column's default", () => {
    const fresh = new Model(matrices);
    fresh.data = { snacks: [{ snack: "fruit" }] };
    expect(fresh.validate(true, false)).toBe(true);

    const reused = new Model(matrices);
    reused.data = { snacks: [{ snack: "crisps", howMany: 3 }] };
    reused.validate(true, false);
    reused.data = { snacks: [{ snack: "fruit" }] };
    expect(reused.validate(true, false)).toBe(false);
  });

  it("a dynamic panel writes its old entries back into new data", () => {
    const reused = new Model(matrices);
    reused.data = { pets: [{ petName: "Tom" }, { petName: "Kit" }] };
    reused.validate(true, false);
    reused.data = {};
    reused.validate(true, false);
    expect(reused.data).toEqual({ pets: [{ petName: "Tom" }] });
  });
});
