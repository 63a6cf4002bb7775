import { Model, type QuestionRatingModel } from "survey-core";
// Survey-core's own messages ("Response required.") come in Welsh once the locale is loaded.
import "survey-core/i18n/welsh";
import { describe, expect, it } from "vitest";
import { keepAnswersToShownQuestions } from "~/survey/answers-that-count";
import { ANSWER_LIMITS, validateAnswers, type AnswerError, type ValidationResult } from "~/survey/validate-answers";

type Def = Record<string, unknown>;

/** A one-page survey around the given elements. */
const survey = (...elements: Def[]): Def => ({ pages: [{ name: "p1", elements }] });

function errorsOf(result: ValidationResult): AnswerError[] {
  if (result.ok) throw new Error(`expected errors, got answers ${JSON.stringify(result.answers)}`);
  return result.errors;
}

function answersOf(result: ValidationResult): Record<string, unknown> {
  if (!result.ok) throw new Error(`expected no errors, got ${JSON.stringify(result.errors)}`);
  return result.answers;
}

const school = {
  type: "radiogroup",
  name: "school",
  title: { default: "How do you feel about school?", cy: "Sut wyt ti'n teimlo am yr ysgol?" },
  choices: [
    { value: "good", text: { default: "Good", cy: "Da" } },
    { value: "ok", text: "OK" },
    { value: "bad", text: "Bad" },
  ],
};

describe("input shape", () => {
  it.each([
    ["null", null],
    ["undefined", undefined],
    ["an array", [{ school: "good" }]],
    ["a string", '{"school":"good"}'],
    ["a number", 42],
    ["a Date", new Date()],
    ["a class instance", new (class Answers { school = "good"; })()],
    ["a Map", new Map([["school", "good"]])],
  ])("rejects %s with one clear error", (_label, input) => {
    const errors = errorsOf(validateAnswers(survey(school), input));
    expect(errors).toEqual([{ question: "", title: "", message: "We could not read your answers. Please try again" }]);
  });

  it("accepts an object with no prototype", () => {
    const input = Object.assign(Object.create(null) as Record<string, unknown>, { school: "good" });
    expect(answersOf(validateAnswers(survey(school), input))).toEqual({ school: "good" });
  });

  it("rejects more than 500 keys", () => {
    const input = Object.fromEntries(Array.from({ length: ANSWER_LIMITS.maxKeys + 1 }, (_, i) => [`k${i}`, "x"]));
    const errors = errorsOf(validateAnswers(survey(school), input));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ question: "" });
    expect(errors[0]!.message).toMatch(/too many answers/);
  });

  it("rejects strings over 10,000 characters, naming the question", () => {
    const long = { type: "comment", name: "story", title: "Tell us more" };
    const errors = errorsOf(validateAnswers(survey(long), { story: "a".repeat(10_001) }));
    expect(errors).toEqual([
      { question: "story", title: "Tell us more", message: "Your answer to 'Tell us more' is too long. Use 10,000 characters or fewer" },
    ]);
    expect(answersOf(validateAnswers(survey(long), { story: "a".repeat(10_000) }))).toEqual({ story: "a".repeat(10_000) });
  });

  it("rejects oversize values even under keys that are not questions", () => {
    const errors = errorsOf(validateAnswers(survey(school), { school: "good", junk: "a".repeat(20_000) }));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ question: "" });
    expect(errors[0]!.message).toMatch(/too long/);
  });

  it("rejects arrays over 500 items", () => {
    const checkbox = { type: "checkbox", name: "pets", choices: ["cat"] };
    const errors = errorsOf(validateAnswers(survey(checkbox), { pets: Array(501).fill("cat") }));
    expect(errors[0]).toMatchObject({ question: "pets", message: "Your answer to 'pets' has too many parts. Use 500 or fewer" });
  });

  it("rejects very deep nesting without recursing forever", () => {
    let deep: unknown = "bottom";
    for (let i = 0; i < 10_000; i++) deep = [deep];
    const errors = errorsOf(validateAnswers(survey(school), { school: deep }));
    expect(errors).toEqual([
      {
        question: "school",
        title: "How do you feel about school?",
        message: "We could not read your answer to 'How do you feel about school?'. Please answer it again",
      },
    ]);
  });

  it("rejects a submission with too many values in total", () => {
    const wide = Array.from({ length: 500 }, () => Array.from({ length: 100 }, () => "x"));
    const errors = errorsOf(validateAnswers(survey(school), { a: wide }));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ question: "" });
    expect(errors[0]!.message).toMatch(/too big/);
  });

  it("treats non-finite numbers as unreadable", () => {
    const number = { type: "text", name: "age", inputType: "number" };
    expect(errorsOf(validateAnswers(survey(number), { age: Number.NaN }))[0]!.message).toMatch(/could not read/);
  });
});

describe("prototype pollution", () => {
  it("ignores __proto__ keys at any depth and never touches Object.prototype", () => {
    const matrix = { type: "matrix", name: "grid", rows: ["r1"], columns: ["c1"] };
    const input: unknown = JSON.parse(
      '{"__proto__": {"polluted": true}, "school": "good", "grid": {"__proto__": {"polluted": true}, "r1": "c1"},' +
        ' "constructor": {"prototype": {"polluted": true}}}',
    );
    const answers = answersOf(validateAnswers(survey(school, matrix), input));
    expect(answers).toEqual({ school: "good", grid: { r1: "c1" } });
    expect(Object.getPrototypeOf(answers)).toBe(Object.prototype);
    expect(Object.keys(answers)).toEqual(["school", "grid"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("survey-core 3.0.0 cannot build a survey with a question named like an Object member", () => {
    // Its question hash is a plain object, so the definition checks must refuse these names;
    // validateAnswers lets the error through rather than guess.
    for (const name of ["constructor", "toString", "__proto__", "hasOwnProperty"]) {
      const def = survey({ type: "text", name });
      expect(() => new Model(def), name).toThrow();
      expect(() => validateAnswers(def, {}), name).toThrow();
    }
  });

  it("does not read answers from an input's prototype chain", () => {
    const inherited = Object.create({ school: "good" }) as Record<string, unknown>;
    expect(errorsOf(validateAnswers(survey(school), inherited))[0]!.message).toMatch(/could not read your answers/);
  });
});

describe("choices", () => {
  it("rejects an unknown choice with a message a child can follow", () => {
    const errors = errorsOf(validateAnswers(survey(school), { school: "amazing" }));
    expect(errors).toEqual([
      {
        question: "school",
        title: "How do you feel about school?",
        message: "Choose one of the options for 'How do you feel about school?'",
      },
    ]);
  });

  it("accepts a known choice and normalises numbers sent as strings", () => {
    const age = { type: "dropdown", name: "age", choices: [8, 9, 10] };
    expect(answersOf(validateAnswers(survey(school, age), { school: "ok", age: "9" }))).toEqual({ school: "ok", age: 9 });
    expect(errorsOf(validateAnswers(survey(age), { age: 11 }))[0]!.message).toBe("Choose one of the options for 'age'");
    expect(errorsOf(validateAnswers(survey(age), { age: [9] }))[0]!.message).toMatch(/could not read/);
  });

  it("rejects a choice hidden by its own visibleIf", () => {
    const q = { type: "radiogroup", name: "pick", choices: ["a", { value: "secret", visibleIf: "{show} = true" }] };
    const def = survey({ type: "boolean", name: "show" }, q);
    expect(errorsOf(validateAnswers(def, { pick: "secret" }))[0]!.message).toMatch(/Choose one of the options/);
    expect(answersOf(validateAnswers(def, { show: true, pick: "secret" }))).toEqual({ show: true, pick: "secret" });
  });

  it("accepts 'other' and 'none' only when the question shows them, keeping the other text", () => {
    const plain = { type: "radiogroup", name: "q", choices: ["a"] };
    const withOther = { ...plain, showOtherItem: true, showNoneItem: true };
    expect(errorsOf(validateAnswers(survey(plain), { q: "other" }))).toHaveLength(1);
    expect(errorsOf(validateAnswers(survey(plain), { q: "none" }))).toHaveLength(1);
    expect(answersOf(validateAnswers(survey(withOther), { q: "none" }))).toEqual({ q: "none" });
    expect(answersOf(validateAnswers(survey(withOther), { q: "other", "q-Comment": "my own words" }))).toEqual({
      q: "other",
      "q-Comment": "my own words",
    });
    // A comment without "other" chosen has nowhere to go.
    expect(answersOf(validateAnswers(survey(withOther), { q: "a", "q-Comment": "stray" }))).toEqual({ q: "a" });
    // survey-core itself asks for the other text.
    expect(errorsOf(validateAnswers(survey(withOther), { q: "other" }))[0]!.message).toMatch(/another value/);
  });

  it("takes the other text as the value when storeOthersAsComment is off", () => {
    const q = { type: "radiogroup", name: "q", choices: ["a"], showOtherItem: true, storeOthersAsComment: false };
    expect(answersOf(validateAnswers(survey(q), { q: "my own words" }))).toEqual({ q: "my own words" });
  });

  it("accepts { value, comment } for a choice with its own comment box, and nothing else as an object", () => {
    const q = { type: "radiogroup", name: "q", choices: [{ value: "a", showCommentArea: true }, "b"] };
    expect(answersOf(validateAnswers(survey(q), { q: { value: "a", comment: "because" } }))).toEqual({
      q: { value: "a", comment: "because" },
    });
    expect(errorsOf(validateAnswers(survey(q), { q: { value: "b", comment: "x" } }))).toHaveLength(1);
    expect(errorsOf(validateAnswers(survey(q), { q: { value: "a", comment: 5 } }))[0]!.message).toMatch(/as text/);
    expect(errorsOf(validateAnswers(survey(q), { q: { value: "a", evil: 1 } }))).toHaveLength(1);
  });

  it("checks single-select image pickers", () => {
    const q = { type: "imagepicker", name: "animal", choices: [{ value: "lion", imageLink: "lion.png" }] };
    expect(answersOf(validateAnswers(survey(q), { animal: "lion" }))).toEqual({ animal: "lion" });
    expect(errorsOf(validateAnswers(survey(q), { animal: "tiger" }))).toHaveLength(1);
  });

  it("takes survey-core's word for custom choices typed into a dropdown", () => {
    const q = { type: "dropdown", name: "q", choices: ["a"], allowCustomChoices: true };
    expect(answersOf(validateAnswers(survey(q), { q: "something new" }))).toEqual({ q: "something new" });
  });
});

describe("multiple choice", () => {
  const pets = {
    type: "checkbox",
    name: "pets",
    title: "Which pets do you have?",
    choices: ["cat", "dog", "fish", { value: "dragon", visibleIf: "false" }],
    showNoneItem: true,
    showSelectAllItem: true,
    maxSelectedChoices: 2,
  };

  it("accepts unique known choices", () => {
    expect(answersOf(validateAnswers(survey(pets), { pets: ["cat", "dog"] }))).toEqual({ pets: ["cat", "dog"] });
  });

  it.each([
    ["an unknown choice", ["cat", "unicorn"], "Choose only from the options for 'Which pets do you have?'"],
    ["a hidden choice", ["dragon"], "Choose only from the options for 'Which pets do you have?'"],
    ["the select-all button's value", [""], "Choose only from the options for 'Which pets do you have?'"],
    ["a repeated choice", ["cat", "cat"], "Choose each option only once for 'Which pets do you have?'"],
    ["more than maxSelectedChoices", ["cat", "dog", "fish"], "Choose no more than 2 options for 'Which pets do you have?'"],
    ["none with something else", ["none", "cat"], "You cannot choose 'None' and other options together for 'Which pets do you have?'"],
    ["a plain string", "cat", "We could not read your answer to 'Which pets do you have?'. Please answer it again"],
  ])("rejects %s", (_label, value, message) => {
    expect(errorsOf(validateAnswers(survey(pets), { pets: value }))).toEqual([
      { question: "pets", title: "Which pets do you have?", message },
    ]);
  });

  it("leaves minSelectedChoices to survey-core, which does check it", () => {
    const q = { ...pets, minSelectedChoices: 2 };
    expect(errorsOf(validateAnswers(survey(q), { pets: ["cat"] }))[0]!.message).toMatch(/at least 2/);
  });

  it("checks tagboxes like checkboxes", () => {
    const q = { type: "tagbox", name: "tags", choices: ["a", "b"] };
    expect(answersOf(validateAnswers(survey(q), { tags: ["b"] }))).toEqual({ tags: ["b"] });
    expect(errorsOf(validateAnswers(survey(q), { tags: ["c"] }))).toHaveLength(1);
  });

  it("checks rankings: known choices, each once", () => {
    const q = { type: "ranking", name: "rank", choices: ["a", "b", "c"] };
    expect(answersOf(validateAnswers(survey(q), { rank: ["c", "a", "b"] }))).toEqual({ rank: ["c", "a", "b"] });
    expect(errorsOf(validateAnswers(survey(q), { rank: ["a", "a", "b"] }))[0]!.message).toMatch(/only once/);
    expect(errorsOf(validateAnswers(survey(q), { rank: ["a", "z"] }))[0]!.message).toMatch(/Rank only the options/);
  });
});

describe("rating", () => {
  const scale = { type: "rating", name: "mood", title: "How happy are you?", rateMin: 1, rateMax: 5 };

  it("rejects 9 on a 1–5 scale", () => {
    expect(errorsOf(validateAnswers(survey(scale), { mood: 9 }))).toEqual([
      { question: "mood", title: "How happy are you?", message: "Choose a rating from 1 to 5 for 'How happy are you?'" },
    ]);
    expect(errorsOf(validateAnswers(survey(scale), { mood: 0 }))).toHaveLength(1);
    expect(errorsOf(validateAnswers(survey(scale), { mood: 2.5 }))).toHaveLength(1);
    expect(errorsOf(validateAnswers(survey(scale), { mood: true }))).toHaveLength(1);
  });

  it("accepts values on the scale, as numbers", () => {
    expect(answersOf(validateAnswers(survey(scale), { mood: 5 }))).toEqual({ mood: 5 });
    expect(answersOf(validateAnswers(survey(scale), { mood: "4" }))).toEqual({ mood: 4 });
  });

  it("ignores rateCount, as survey-core 3.0.0 does: rateCount 10 alone is still 1–5", () => {
    const counted = { type: "rating", name: "r", rateCount: 10 };
    const model = new Model(survey(counted));
    const q = model.getQuestionByName("r") as QuestionRatingModel;
    expect(q.visibleRateValues.map((item) => item.value)).toEqual([1, 2, 3, 4, 5]);
    expect(errorsOf(validateAnswers(survey(counted), { r: 7 }))[0]!.message).toBe("Choose a rating from 1 to 5 for 'r'");
    expect(answersOf(validateAnswers(survey(counted), { r: 5 }))).toEqual({ r: 5 });
    // With rateMax the scale really is longer.
    expect(answersOf(validateAnswers(survey({ ...counted, rateMax: 10 }), { r: 10 }))).toEqual({ r: 10 });
  });

  it("respects rateStep", () => {
    const stepped = { type: "rating", name: "r", rateMin: 0, rateMax: 10, rateStep: 2 };
    expect(answersOf(validateAnswers(survey(stepped), { r: 4 }))).toEqual({ r: 4 });
    expect(errorsOf(validateAnswers(survey(stepped), { r: 3 }))).toHaveLength(1);
  });

  it("uses rateValues when given", () => {
    const custom = { type: "rating", name: "r", rateValues: [{ value: "sad", text: "Sad" }, { value: "happy", text: "Happy" }] };
    expect(answersOf(validateAnswers(survey(custom), { r: "happy" }))).toEqual({ r: "happy" });
    expect(errorsOf(validateAnswers(survey(custom), { r: 3 }))[0]!.message).toBe("Choose one of the ratings for 'r'");
  });
});

describe("boolean", () => {
  const likes = { type: "boolean", name: "likes", title: "Do you like lunch?" };

  it('rejects "maybe"', () => {
    expect(errorsOf(validateAnswers(survey(likes), { likes: "maybe" }))).toEqual([
      { question: "likes", title: "Do you like lunch?", message: "Choose 'Yes' or 'No' for 'Do you like lunch?'" },
    ]);
    expect(errorsOf(validateAnswers(survey(likes), { likes: 1 }))).toHaveLength(1);
  });

  it("accepts true and false (and their string forms)", () => {
    expect(answersOf(validateAnswers(survey(likes), { likes: false }))).toEqual({ likes: false });
    expect(answersOf(validateAnswers(survey(likes), { likes: "true" }))).toEqual({ likes: true });
  });

  it("uses valueTrue and valueFalse when set", () => {
    const custom = { ...likes, valueTrue: "Yes", valueFalse: "No" };
    expect(answersOf(validateAnswers(survey(custom), { likes: "No" }))).toEqual({ likes: "No" });
    expect(errorsOf(validateAnswers(survey(custom), { likes: true }))).toHaveLength(1);
  });
});

describe("text", () => {
  const age = { type: "text", name: "age", title: "How old are you?", inputType: "number", min: 4, max: 25 };

  it('rejects a number "abc"', () => {
    expect(errorsOf(validateAnswers(survey(age), { age: "abc" }))).toEqual([
      { question: "age", title: "How old are you?", message: "Enter a number for 'How old are you?'" },
    ]);
    for (const bad of ["12abc", "0x10", " ", "Infinity", "1e400", true, { n: 1 }]) {
      expect(validateAnswers(survey(age), { age: bad }).ok, JSON.stringify(bad)).toBe(false);
    }
    // An empty string is no answer at all: this question is not required, but something must be answered.
    expect(errorsOf(validateAnswers(survey(age), { age: "" }))).toEqual([NO_ANSWERS]);
    expect(answersOf(validateAnswers(survey(age, school), { age: "", school: "ok" }))).toEqual({ school: "ok" });
  });

  it("accepts numbers and numeric strings, converting the strings", () => {
    expect(answersOf(validateAnswers(survey(age), { age: 11 }))).toEqual({ age: 11 });
    expect(answersOf(validateAnswers(survey(age), { age: " 12.5 " }))).toEqual({ age: 12.5 });
  });

  it("respects min and max (survey-core checks them once it sees a number)", () => {
    expect(errorsOf(validateAnswers(survey(age), { age: 99 }))[0]!.message).toMatch(/greater than 25/);
    expect(errorsOf(validateAnswers(survey(age), { age: "2" }))[0]!.message).toMatch(/less than 4/);
  });

  it("needs strings for text, email, date and comment questions", () => {
    const def = survey(
      { type: "text", name: "name" },
      { type: "text", name: "email", inputType: "email" },
      { type: "comment", name: "story" },
    );
    expect(answersOf(validateAnswers(def, { name: "Sam", email: "sam@example.org", story: "Hi" }))).toEqual({
      name: "Sam",
      email: "sam@example.org",
      story: "Hi",
    });
    const errors = errorsOf(validateAnswers(def, { name: 5, email: false, story: { text: "x" } }));
    expect(errors.map((e) => e.question)).toEqual(["name", "email", "story"]);
    expect(errors[0]!.message).toBe("Write your answer to 'name' as text");
  });

  it("checks dates are real dates", () => {
    const birthday = { type: "text", name: "day", inputType: "date" };
    expect(answersOf(validateAnswers(survey(birthday), { day: "2016-02-29" }))).toEqual({ day: "2016-02-29" });
    for (const bad of ["2015-02-29", "29/02/2016", "tomorrow", 20160229]) {
      expect(errorsOf(validateAnswers(survey(birthday), { day: bad })), String(bad)).toHaveLength(1);
    }
  });

  it("enforces maxLength, which survey-core only displays", () => {
    const short = { type: "comment", name: "c", maxLength: 5 };
    expect(errorsOf(validateAnswers(survey(short), { c: "123456" }))[0]!.message).toBe(
      "Your answer to 'c' is too long. Use 5 characters or fewer",
    );
  });
});

describe("questionPerPage", () => {
  const def = {
    questionsOnPageMode: "questionPerPage",
    pages: [
      {
        name: "p1",
        elements: [
          { type: "text", name: "first", isRequired: true, title: "First" },
          { type: "text", name: "second", isRequired: true, title: "Second" },
        ],
      },
      { name: "p2", elements: [{ type: "text", name: "third", isRequired: true, title: "Third" }] },
    ],
  };

  it("is a real trap: survey-core alone only checks the current question of a page", () => {
    const model = new Model(def);
    model.data = { first: "a", third: "c" };
    model.validate(true);
    expect(model.getQuestionByName("second").errors).toHaveLength(0);
  });

  it("validates every question, on every page", () => {
    expect(errorsOf(validateAnswers(def, { first: "a" })).map((e) => e.question)).toEqual(["second", "third"]);
    expect(errorsOf(validateAnswers(def, { first: "a", second: "b" })).map((e) => e.question)).toEqual(["third"]);
  });
});

describe("start page", () => {
  const def = {
    firstPageIsStartPage: true,
    pages: [
      { name: "start", elements: [{ type: "text", name: "nickname", isRequired: true, title: "Your nickname" }] },
      { name: "p1", elements: [school] },
    ],
  };

  it("is another trap: survey-core's validate() skips the start page", () => {
    const model = new Model(def);
    expect(model.validate(true)).toBe(true);
  });

  it("validates the start page's questions like any other", () => {
    expect(errorsOf(validateAnswers(def, { school: "ok" }))).toEqual([
      { question: "nickname", title: "Your nickname", message: "Response required." },
    ]);
    expect(answersOf(validateAnswers(def, { nickname: "Sam", school: "ok" }))).toEqual({ nickname: "Sam", school: "ok" });
  });
});

describe("visibility", () => {
  const def = {
    pages: [
      {
        name: "p1",
        elements: [
          school,
          { type: "comment", name: "why", title: "Why?", visibleIf: "{school} = 'bad'", isRequired: true },
          {
            type: "panel",
            name: "extra",
            visibleIf: "{school} = 'good'",
            elements: [{ type: "text", name: "best", title: "Best bit?" }],
          },
        ],
      },
      { name: "p2", visibleIf: "{school} = 'ok'", elements: [{ type: "text", name: "later" }] },
    ],
  };

  it("drops answers to hidden questions, panels and pages, and to unknown keys", () => {
    const input = { school: "bad", why: "tests", best: "lunch", later: "x", nonsense: 1, alsoNot: { deep: [1] } };
    expect(answersOf(validateAnswers(def, input))).toEqual({ school: "bad", why: "tests" });
    expect(answersOf(validateAnswers(def, { ...input, school: "good" }))).toEqual({ school: "good", best: "lunch" });
    expect(answersOf(validateAnswers(def, { ...input, school: "ok" }))).toEqual({ school: "ok", later: "x" });
  });

  it("does not complain about wrong answers to hidden questions", () => {
    expect(answersOf(validateAnswers(def, { school: "ok", why: 12, best: ["nope"] }))).toEqual({ school: "ok" });
  });

  it("requires a required question only while it is visible", () => {
    expect(answersOf(validateAnswers(def, { school: "ok" }))).toEqual({ school: "ok" });
    expect(errorsOf(validateAnswers(def, { school: "bad" }))).toEqual([
      { question: "why", title: "Why?", message: "Response required." },
    ]);
  });

  it("keys answers by valueName", () => {
    const shared = survey({ type: "text", name: "q1", valueName: "nickname" });
    expect(answersOf(validateAnswers(shared, { nickname: "Sam", q1: "ignored" }))).toEqual({ nickname: "Sam" });
  });
});

/** survey-core's own verdict on a new model holding `answers`: the root questions it complains about. */
function surveyCoreComplaints(def: Def, answers: Record<string, unknown>): string[] {
  const model = new Model(def);
  model.questionsOnPageMode = "standard";
  model.data = structuredClone(answers);
  model.validate(true, false);
  const roots = model.getAllQuestions(true, false, true).filter((q) => q.errors.length > 0).map((q) => {
    let root = q;
    while (root.parentQuestion) root = root.parentQuestion;
    return root.name;
  });
  return [...new Set(roots)];
}

const complaintsOf = (result: ValidationResult) => (result.ok ? [] : [...new Set(result.errors.map((e) => e.question))]);

describe("matrix column defaults", () => {
  const basket = {
    type: "matrixdynamic",
    name: "snacks",
    title: "Snacks for the trip",
    rowCount: 0,
    columns: [
      { name: "snack", title: "Snack", cellType: "dropdown", choices: ["fruit", "crisps"], isRequired: true },
      { name: "howMany", title: "How many", cellType: "text", inputType: "number", isRequired: true, min: 1, defaultValue: 1 },
    ],
  };
  const days = {
    type: "matrixdropdown",
    name: "days",
    title: "Club days",
    rows: ["monday", "friday"],
    columns: [
      { name: "note", cellType: "text" },
      { name: "going", title: "Going?", cellType: "dropdown", choices: ["yes", "no"], isRequired: true, defaultValue: "yes" },
    ],
  };

  it("accepts a dynamic row that leaves a required, defaulted cell empty, as survey-core does", () => {
    const input = { snacks: [{ snack: "fruit" }] };
    expect(surveyCoreComplaints(survey(basket), input)).toEqual([]);
    expect(answersOf(validateAnswers(survey(basket), input))).toEqual(input);
  });

  it("accepts matrix dropdown rows whose required cells survey-core fills with the column default", () => {
    const input = { days: { monday: { note: "football" } } };
    expect(surveyCoreComplaints(survey(days), input)).toEqual([]);
    expect(answersOf(validateAnswers(survey(days), input))).toEqual(input);
  });

  it("tells 'no rows' ([]) from 'not answered', as survey-core does", () => {
    // Without a value survey-core shows rowCount empty rows, whose required cells must be filled.
    const def = survey(
      { type: "matrixdynamic", name: "rows", title: "Rows", rowCount: 1, columns: [{ name: "a", cellType: "text", isRequired: true }] },
      school,
    );
    expect(surveyCoreComplaints(def, { school: "ok" })).toEqual(["rows"]);
    expect(errorsOf(validateAnswers(def, { school: "ok" }))).toEqual([{ question: "rows", title: "Rows", message: "Response required. (a)" }]);
    expect(surveyCoreComplaints(def, { school: "ok", rows: [] })).toEqual([]);
    expect(answersOf(validateAnswers(def, { school: "ok", rows: [] }))).toEqual({ school: "ok" });
  });

  it("still refuses an empty required cell that has no default", () => {
    const input = { snacks: [{ howMany: 2 }] };
    expect(surveyCoreComplaints(survey(basket), input)).toEqual(["snacks"]);
    expect(errorsOf(validateAnswers(survey(basket), input))).toEqual([
      { question: "snacks", title: "Snacks for the trip", message: "Response required. (Snack)" },
    ]);
  });

  it("lets survey-core see an answer that differs from the default", () => {
    // survey-core remembers which cells held defaults when rows are rebuilt, and would replace
    // Friday's "no" with the default: then "why" would not be required.
    const columns = [
      ...days.columns,
      { name: "why", title: "Why not?", cellType: "comment", requiredIf: "{row.going} = 'no'" },
    ];
    const def = survey({ ...days, columns });
    const input = { days: { monday: { going: "yes" }, friday: { going: "no" } } };
    expect(surveyCoreComplaints(def, input)).toEqual(["days"]);
    expect(errorsOf(validateAnswers(def, input))).toEqual([
      { question: "days", title: "Club days", message: "Response required. (Why not?)" },
    ]);
  });
});

describe("answers to hidden questions", () => {
  // Each question is shown by the one before it; only the last is required.
  const chain = survey(
    { type: "radiogroup", name: "hasWorker", title: "Do you have a social worker?", choices: ["yes", "no"] },
    {
      type: "checkbox",
      name: "contact",
      title: "How do you keep in touch?",
      visibleIf: "{hasWorker} = 'yes'",
      choices: ["visits", "meetings", "phone"],
    },
    { type: "radiogroup", name: "meetingsHelp", visibleIf: "{contact} contains 'meetings'", choices: ["yes", "no"] },
    { type: "comment", name: "whyNot", title: "Why not?", visibleIf: "{meetingsHelp} = 'no'", isRequired: true },
  );

  it("drops answers until visibility is stable, then checks required questions", () => {
    // "contact" is hidden, so it is dropped; that hides "meetingsHelp", so it goes too; and then
    // "whyNot" is hidden and not required.
    const input = { hasWorker: "no", contact: ["meetings"], meetingsHelp: "no" };
    expect(answersOf(validateAnswers(chain, input))).toEqual({ hasWorker: "no" });
  });

  it("agrees with survey-core once the browser applies the same rule, though not before", () => {
    const input = { hasWorker: "no", contact: ["meetings"], meetingsHelp: "no" };
    const kept = keepAnswersToShownQuestions(chain, input);
    expect(kept).toEqual({ hasWorker: "no" });
    expect(surveyCoreComplaints(chain, kept)).toEqual(complaintsOf(validateAnswers(chain, input)));
    // survey-core alone goes on evaluating show-if with the stale answers.
    expect(surveyCoreComplaints(chain, input)).toEqual(["whyNot"]);
  });

  it("still requires the question when the chain is really shown", () => {
    const input = { hasWorker: "yes", contact: ["meetings"], meetingsHelp: "no" };
    expect(errorsOf(validateAnswers(chain, input))).toEqual([{ question: "whyNot", title: "Why not?", message: "Response required." }]);
    expect(surveyCoreComplaints(chain, input)).toEqual(["whyNot"]);
  });

  it("drops cells hidden inside a row before checking the row's required cells", () => {
    const def = survey({
      type: "matrixdynamic",
      name: "trips",
      columns: [
        { name: "went", cellType: "boolean" },
        { name: "where", cellType: "dropdown", choices: ["beach", "zoo"], visibleIf: "{row.went} = true" },
        { name: "liked", cellType: "comment", visibleIf: "{row.where} = 'zoo'", isRequired: true },
      ],
    });
    const input = { trips: [{ went: false, where: "zoo" }] };
    expect(answersOf(validateAnswers(def, input))).toEqual({ trips: [{ went: false }] });
    expect(errorsOf(validateAnswers(def, { trips: [{ went: true, where: "zoo" }] }))[0]!.message).toBe("Response required. (liked)");
  });
});

const NO_ANSWERS: AnswerError = {
  question: "",
  title: "",
  message: "Answer at least one question before you send your answers",
  code: "no-answers",
};

describe("a submission that answers nothing", () => {
  const optional = survey(school, { type: "comment", name: "anything", title: "Anything else?" });

  it("is refused with one clear error, even when every question is optional", () => {
    expect(errorsOf(validateAnswers(optional, {}))).toEqual([NO_ANSWERS]);
    expect(errorsOf(validateAnswers(optional, { school: "", anything: "" }))).toEqual([NO_ANSWERS]);
  });

  it("says so in Welsh for locale cy", () => {
    expect(errorsOf(validateAnswers(optional, {}, { locale: "cy" }))).toEqual([
      { ...NO_ANSWERS, message: "Ateba o leiaf un cwestiwn cyn anfon dy atebion" },
    ]);
  });

  it("counts only answers that are kept: not hidden ones, unknown keys or computed values", () => {
    const def = survey(
      { type: "boolean", name: "show" },
      { type: "text", name: "hidden", visibleIf: "{show} = true" },
      { type: "expression", name: "total", expression: "1 + 1" },
    );
    expect(errorsOf(validateAnswers(def, { hidden: "x", nonsense: 1, total: 2 }))).toEqual([NO_ANSWERS]);
    expect(answersOf(validateAnswers(def, { show: false }))).toEqual({ show: false });
  });

  it("gets the required questions' errors instead when there are some", () => {
    const def = survey({ ...school, isRequired: true }, { type: "comment", name: "anything" });
    expect(errorsOf(validateAnswers(def, {}))).toEqual([
      { question: "school", title: "How do you feel about school?", message: "Response required." },
    ]);
  });

  it("is refused when its only answer is a dynamic matrix with no rows", () => {
    const def = survey({ type: "matrixdynamic", name: "rows", rowCount: 1, columns: [{ name: "a", cellType: "text" }] });
    expect(errorsOf(validateAnswers(def, { rows: [] }))).toEqual([NO_ANSWERS]);
  });
});

describe("required questions and titles", () => {
  const def = survey(
    { ...school, isRequired: true },
    { type: "text", name: "name", isRequired: true },
    { type: "text", name: "custom", isRequired: true, title: "Custom", requiredErrorText: "Tell us this one" },
  );

  it("reports each missing required question with its title", () => {
    expect(errorsOf(validateAnswers(def, {}))).toEqual([
      { question: "school", title: "How do you feel about school?", message: "Response required." },
      { question: "name", title: "name", message: "Response required." },
      { question: "custom", title: "Custom", message: "Tell us this one" },
    ]);
  });

  it("treats empty strings and arrays as no answer", () => {
    expect(errorsOf(validateAnswers(def, { school: "", name: [], custom: "x" })).map((e) => e.question)).toEqual([
      "school",
      "name",
    ]);
  });

  it("uses localized titles (and survey-core's localized messages) for locale cy", () => {
    const errors = errorsOf(validateAnswers(def, { name: "Sam", custom: "x" }, { locale: "cy" }));
    expect(errors).toEqual([
      { question: "school", title: "Sut wyt ti'n teimlo am yr ysgol?", message: "Atebwch y cwestiwn." },
    ]);
    const wrong = errorsOf(validateAnswers(def, { school: "amazing", name: "Sam", custom: "x" }, { locale: "cy" }));
    expect(wrong[0]!.title).toBe("Sut wyt ti'n teimlo am yr ysgol?");
    expect(wrong[0]!.message).toContain("'Sut wyt ti'n teimlo am yr ysgol?'");
  });

  it("falls back to the default text and the name when a title is blank", () => {
    const blank = survey({ type: "text", name: "q", title: " ", isRequired: true });
    expect(errorsOf(validateAnswers(blank, {}, { locale: "cy" }))[0]).toMatchObject({ question: "q", title: "q" });
  });
});

describe("matrices, multiple text and dynamic panels", () => {
  it("checks a single matrix: rows to known columns", () => {
    const grid = {
      type: "matrix",
      name: "grid",
      title: "School",
      rows: [{ value: "food", text: "Food" }, "lessons", { value: "hidden", visibleIf: "false" }],
      columns: [1, 2, 3],
    };
    expect(answersOf(validateAnswers(survey(grid), { grid: { food: "2", lessons: 3, hidden: 1, nope: 1 } }))).toEqual({
      grid: { food: 2, lessons: 3 },
    });
    expect(errorsOf(validateAnswers(survey(grid), { grid: { food: 7 } }))).toEqual([
      { question: "grid", title: "School", message: "Choose one of the options for 'Food' in 'School'" },
    ]);
    expect(errorsOf(validateAnswers(survey(grid), { grid: ["food"] }))[0]!.message).toMatch(/could not read/);
  });

  it("checks multiple text items by their own input type", () => {
    const mt = {
      type: "multipletext",
      name: "about",
      title: "About you",
      items: [{ name: "age", inputType: "number", title: "Age" }, { name: "town" }],
    };
    expect(answersOf(validateAnswers(survey(mt), { about: { age: "10", town: "Cardiff", extra: "x" } }))).toEqual({
      about: { age: 10, town: "Cardiff" },
    });
    expect(errorsOf(validateAnswers(survey(mt), { about: { age: "ten" } }))[0]!.message).toBe(
      "Enter a number for 'Age' in 'About you'",
    );
  });

  const dynamic = {
    type: "matrixdynamic",
    name: "teachers",
    title: "Your teachers",
    maxRowCount: 3,
    columns: [
      { name: "subject", title: "Subject", cellType: "dropdown", choices: ["maths", "art"], isRequired: true },
      { name: "score", cellType: "rating", rateMax: 5 },
      { name: "double", cellType: "expression", expression: "{row.score} * 2" },
    ],
  };

  it("checks each dynamic matrix row's cells and drops computed columns", () => {
    const input = { teachers: [{ subject: "art", score: 4, double: 99, junk: "x" }, { subject: "maths" }] };
    expect(answersOf(validateAnswers(survey(dynamic), input))).toEqual({
      teachers: [{ subject: "art", score: 4 }, { subject: "maths" }],
    });
    expect(errorsOf(validateAnswers(survey(dynamic), { teachers: [{ subject: "art" }, { subject: "PE" }] }))).toEqual([
      { question: "teachers", title: "Your teachers", message: "Choose one of the options for 'Subject' in row 2 of 'Your teachers'" },
    ]);
  });

  it("reports survey-core's errors inside rows against the matrix", () => {
    const errors = errorsOf(validateAnswers(survey(dynamic), { teachers: [{ score: 2 }] }));
    expect(errors).toEqual([{ question: "teachers", title: "Your teachers", message: "Response required. (Subject)" }]);
  });

  it("rejects a dynamic matrix that is not a list of rows, or too many rows", () => {
    for (const bad of ["abc", { 0: { subject: "art" } }, [null], [["art"]]]) {
      expect(errorsOf(validateAnswers(survey(dynamic), { teachers: bad }))[0]!.message, JSON.stringify(bad)).toMatch(
        /could not read/,
      );
    }
    const four = Array.from({ length: 4 }, () => ({ subject: "art" }));
    expect(errorsOf(validateAnswers(survey(dynamic), { teachers: four }))[0]!.message).toBe(
      "Add no more than 3 rows to 'Your teachers'",
    );
  });

  it("checks multi-select matrix rows by row name", () => {
    const mdd = {
      type: "matrixdropdown",
      name: "films",
      rows: [{ value: "up", text: "Up" }],
      columns: [{ name: "seen", title: "Seen it?", cellType: "boolean" }],
    };
    expect(answersOf(validateAnswers(survey(mdd), { films: { up: { seen: true }, other: { seen: true } } }))).toEqual({
      films: { up: { seen: true } },
    });
    expect(errorsOf(validateAnswers(survey(mdd), { films: { up: { seen: "maybe" } } }))[0]!.message).toBe(
      "Choose 'Yes' or 'No' for 'Seen it?' for 'Up' in 'films'",
    );
  });

  it("checks each dynamic panel entry against its template, and never crashes on null entries", () => {
    const pets = {
      type: "paneldynamic",
      name: "pets",
      title: "Your pets",
      templateElements: [
        { type: "text", name: "petName", title: "Name" },
        { type: "radiogroup", name: "kind", title: "Kind", choices: ["cat", "dog"] },
      ],
    };
    expect(answersOf(validateAnswers(survey(pets), { pets: [{ petName: "Tom", kind: "cat", x: 1 }] }))).toEqual({
      pets: [{ petName: "Tom", kind: "cat" }],
    });
    expect(errorsOf(validateAnswers(survey(pets), { pets: [{ kind: "cat" }, { kind: "cow" }] }))[0]!.message).toBe(
      "Choose one of the options for 'Kind' in entry 2 of 'Your pets'",
    );
    expect(errorsOf(validateAnswers(survey(pets), { pets: [null, 3] }))[0]!.message).toMatch(/could not read/);
  });
});

describe("shared values and detail panels", () => {
  it("merges what two dynamic panels sharing one valueName each accept", () => {
    const def = survey(
      {
        type: "paneldynamic",
        name: "names",
        valueName: "employers",
        templateElements: [{ type: "text", name: "employerName", valueName: "name" }],
      },
      {
        type: "paneldynamic",
        name: "details",
        valueName: "employers",
        templateElements: [
          { type: "panel", name: "inner", elements: [{ type: "text", name: "hours", valueName: "hours", inputType: "number" }] },
        ],
      },
    );
    expect(answersOf(validateAnswers(def, { employers: [{ name: "Acme", hours: "20", junk: 1 }] }))).toEqual({
      employers: [{ name: "Acme", hours: 20 }],
    });
    expect(errorsOf(validateAnswers(def, { employers: [{ name: "Acme", hours: "lots" }] }))).toEqual([
      { question: "details", title: "details", message: "Enter a number for 'hours' in entry 1 of 'details'" },
    ]);
  });

  it("checks questions in a dynamic matrix's detail panel", () => {
    const def = survey({
      type: "matrixdynamic",
      name: "meds",
      columns: [{ name: "drug", cellType: "text" }],
      detailPanelMode: "underRow",
      detailElements: [{ type: "boolean", name: "daily", title: "Daily?" }],
    });
    expect(answersOf(validateAnswers(def, { meds: [{ drug: "x", daily: false }] }))).toEqual({
      meds: [{ drug: "x", daily: false }],
    });
    expect(errorsOf(validateAnswers(def, { meds: [{ drug: "x", daily: "sometimes" }] }))[0]!.message).toBe(
      "Choose 'Yes' or 'No' for 'Daily?' in row 1 of 'meds'",
    );
  });
});

describe("questions that take no answers, or cannot yet", () => {
  it("drops values sent for html, expression and image questions", () => {
    const def = survey(
      { type: "html", name: "intro", html: "<p>Hi</p>" },
      { type: "expression", name: "total", expression: "1 + 1" },
      { type: "image", name: "pic", imageLink: "x.png" },
      school,
    );
    expect(answersOf(validateAnswers(def, { intro: "x", total: 99, pic: "y", school: "ok" }))).toEqual({ school: "ok" });
  });

  it("rejects file uploads, and drawings that are not pictures, with a clear message", () => {
    const def = survey({ type: "file", name: "photo" }, { type: "signaturepad", name: "sig" }, school);
    expect(answersOf(validateAnswers(def, { school: "ok" }))).toEqual({ school: "ok" });
    expect(errorsOf(validateAnswers(def, { photo: [{ name: "a.png", content: "data:..." }], sig: "data:image/png" }))).toEqual([
      { question: "photo", title: "photo", message: "This survey cannot take file uploads yet" },
      { question: "sig", title: "sig", message: "The drawing for 'sig' could not be read. Draw it again." },
    ]);
  });

  it("checks sliders against min and max", () => {
    const def = survey({ type: "slider", name: "pain", min: 0, max: 10 }, { type: "slider", name: "span", sliderType: "range" });
    expect(answersOf(validateAnswers(def, { pain: 3, span: [10, 20] }))).toEqual({ pain: 3, span: [10, 20] });
    expect(errorsOf(validateAnswers(def, { pain: 11 }))[0]!.message).toBe("Choose a number from 0 to 10 for 'pain'");
    expect(errorsOf(validateAnswers(def, { span: [10] }))[0]!.message).toBe("Choose two numbers from 0 to 100 for 'span'");
  });
});

describe("a long survey", () => {
  // Speed is measured by `npm run bench:validate`, not asserted here: this machine is shared and noisy.
  it("validates a 20-question survey, every time the same verdict", () => {
    const elements = Array.from({ length: 20 }, (_, i) =>
      i % 2 ? { type: "rating", name: `r${i}`, isRequired: true } : { ...school, name: `s${i}`, isRequired: true },
    );
    const def = { questionsOnPageMode: "questionPerPage", pages: [{ name: "p", elements }] };
    const input = Object.fromEntries(elements.map((e) => [e.name, e.type === "rating" ? 3 : "ok"]));
    for (let i = 0; i < 3; i++) expect(validateAnswers(def, input).ok).toBe(true);
  });
});

describe("messages in the survey's language", () => {
  const mood = {
    type: "rating",
    name: "mood",
    title: { default: "How happy are you?", cy: "Pa mor hapus wyt ti?" },
    rateMin: 1,
    rateMax: 5,
  };
  const def = survey(school, mood);

  it("gives Welsh messages, naming the Welsh title, for locale cy", () => {
    expect(errorsOf(validateAnswers(def, { mood: 9 }, { locale: "cy" }))).toEqual([
      { question: "mood", title: "Pa mor hapus wyt ti?", message: "Dewisa sgôr o 1 i 5 ar gyfer 'Pa mor hapus wyt ti?'" },
    ]);
    expect(errorsOf(validateAnswers(def, { school: "amazing" }, { locale: "cy" }))).toEqual([
      {
        question: "school",
        title: "Sut wyt ti'n teimlo am yr ysgol?",
        message: "Dewisa un o'r opsiynau ar gyfer 'Sut wyt ti'n teimlo am yr ysgol?'",
      },
    ]);
  });

  it("builds Welsh labels for parts of a question, and Welsh messages before any question is read", () => {
    const grid = { type: "matrix", name: "grid", title: { default: "School", cy: "Ysgol" }, rows: ["food"], columns: [1, 2] };
    expect(errorsOf(validateAnswers(survey(grid), { grid: { food: 7 } }, { locale: "cy" }))[0]!.message).toBe(
      "Dewisa un o'r opsiynau ar gyfer 'food' yn 'Ysgol'",
    );
    expect(errorsOf(validateAnswers(def, null, { locale: "cy" }))[0]!.message).toBe(
      "Doedden ni ddim yn gallu darllen dy atebion. Rho gynnig arall arni",
    );
  });

  it("falls back to English for a locale Heard does not support", () => {
    expect(errorsOf(validateAnswers(def, { mood: 9 }, { locale: "fr" }))).toEqual([
      { question: "mood", title: "How happy are you?", message: "Choose a rating from 1 to 5 for 'How happy are you?'" },
    ]);
    expect(errorsOf(validateAnswers(def, { school: "amazing" }, { locale: "fr" }))[0]!.message).toBe(
      "Choose one of the options for 'How do you feel about school?'",
    );
  });
});

describe("draw it (signature pad)", () => {
  const drawing = { type: "signaturepad", name: "drawing", title: "Draw your favourite place" };
  // The 8-byte PNG signature and a little more, as a data URL.
  const png = `data:image/png;base64,${btoa(String.fromCharCode(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13))}`;
  const jpeg = `data:image/jpeg;base64,${btoa(String.fromCharCode(0xff, 0xd8, 0xff, 0xe0, 0, 16))}`;

  it("keeps a PNG or JPEG drawing as sent", () => {
    expect(answersOf(validateAnswers(survey(drawing), { drawing: png }))).toEqual({ drawing: png });
    expect(answersOf(validateAnswers(survey(drawing), { drawing: jpeg }))).toEqual({ drawing: jpeg });
  });

  it.each([
    ["an SVG, which can carry script", `data:image/svg+xml;base64,${btoa("<svg onload='alert(1)'/>")}`],
    ["text claiming to be a PNG", `data:image/png;base64,${btoa("<script>alert(1)</script>")}`],
    ["not base64", "data:image/png;base64,<img src=x>"],
    ["a plain link", "https://example.org/drawing.png"],
    ["a number", 42],
  ])("refuses %s", (_, value) => {
    expect(errorsOf(validateAnswers(survey(drawing), { drawing: value })).map((error) => error.message)).toEqual([
      "The drawing for 'Draw your favourite place' could not be read. Draw it again.",
    ]);
  });

  it("takes a drawing of a realistic size, and refuses one over the limit", () => {
    const realistic = `${png}${"A".repeat(60 * 1024)}`;
    expect(answersOf(validateAnswers(survey(drawing), { drawing: realistic }))).toEqual({ drawing: realistic });
    const huge = `${png}${"A".repeat(400 * 1024)}`;
    expect(errorsOf(validateAnswers(survey(drawing), { drawing: huge }))[0]?.message).toMatch(/too (big|long)/);
  });

  it("holds a text answer dressed up as a picture to the usual length", () => {
    const long = `data:image/png;base64,${"A".repeat(20_000)}`;
    const text = { type: "comment", name: "story", title: "Tell us" };
    expect(errorsOf(validateAnswers(survey(text), { story: long }))[0]?.message).toContain("too long");
  });
});
