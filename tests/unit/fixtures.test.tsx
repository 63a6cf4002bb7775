/**
 * Heard's own SurveyJS definitions in tests/fixtures/surveys: written for these tests, in Heard's
 * words, to cover the same question types and logic as the shared corpus (which is optional). They
 * go through the same checks as the corpus, and a few of Heard's rules are checked on them.
 */
import { Model } from "survey-core";
import { describe, expect, it } from "vitest";
import { keepAnswersToShownQuestions } from "~/survey/answers-that-count";
import { validateAnswers, type ValidationResult } from "~/survey/validate-answers";
import { describeDefinitionChecks } from "./support/definition-checks";
import { fixtureFiles, loadFixture, type Definition } from "./support/survey-definitions";

type Node = Record<string, unknown>;

/** Every object in a definition, depth first. */
function* objectsIn(value: unknown): Generator<Node> {
  if (Array.isArray(value)) for (const item of value) yield* objectsIn(item);
  else if (value && typeof value === "object") {
    yield value as Node;
    for (const inner of Object.values(value)) yield* objectsIn(inner);
  }
}

/** What the fixtures use, as short labels ("rating:stars", "logic:enableIf", …). */
function featuresOf(def: Definition): Set<string> {
  const found = new Set<string>();
  if (def.questionsOnPageMode === "questionPerPage") found.add("mode:questionPerPage");
  if (Array.isArray(def.questions)) found.add("legacy:questions");
  for (const node of objectsIn(def)) {
    const type = typeof node.type === "string" ? node.type : undefined;
    if (type) found.add(type);
    if (type === "text") found.add(`text:${typeof node.inputType === "string" ? node.inputType : "text"}`);
    if (type === "rating") found.add(`rating:${node.rateValues ? "values" : typeof node.rateType === "string" ? node.rateType : "numbers"}`);
    for (const logic of ["visibleIf", "requiredIf", "enableIf", "choicesVisibleIf", "choicesFromQuestion"]) {
      if (typeof node[logic] === "string") found.add(`logic:${logic}`);
    }
    if (type === "matrixdynamic" && Array.isArray(node.columns)) {
      const columns = node.columns as Node[];
      if (columns.some((column) => column.isRequired === true && column.defaultValue !== undefined)) {
        found.add("matrixdynamic:defaulted-required-column");
      }
    }
    if (typeof node.default === "string" && typeof node.cy === "string") found.add("localized:cy");
  }
  return found;
}

describe("the fixtures", () => {
  it("cover every question type and kind of logic the corpus tests exercise", () => {
    const found = new Set(fixtureFiles().flatMap(({ load }) => [...featuresOf(load())]));
    const wanted = [
      "text:text",
      "comment",
      "text:number",
      "text:date",
      "text:email",
      "text:tel",
      "text:month",
      "text:time",
      "text:range",
      "radiogroup",
      "checkbox",
      "dropdown",
      "tagbox",
      "boolean",
      "rating:numbers",
      "rating:stars",
      "rating:smileys",
      "rating:values",
      "imagepicker",
      "ranking",
      "signaturepad",
      "file",
      "matrix",
      "matrixdropdown",
      "matrixdynamic",
      "matrixdynamic:defaulted-required-column",
      "paneldynamic",
      "panel",
      "multipletext",
      "slider",
      "html",
      "expression",
      "logic:visibleIf",
      "logic:requiredIf",
      "logic:enableIf",
      "logic:choicesVisibleIf",
      "logic:choicesFromQuestion",
      "mode:questionPerPage",
      "legacy:questions",
      "localized:cy",
    ];
    expect(wanted.filter((feature) => !found.has(feature))).toEqual([]);
  });
});

// 06 carries custom properties on purpose, as real definitions do.
describeDefinitionChecks(fixtureFiles(), { expectedJsonErrors: new Set(["06"]) });

const complaintsOf = (result: ValidationResult) => (result.ok ? [] : [...new Set(result.errors.map((e) => e.question))]);

describe("Heard's rules on the fixtures", () => {
  it("03: rows may leave required cells that have a default empty, as survey-core allows", () => {
    const def = loadFixture("03");
    const input = {
      "school-life": { lessons: 2, breaks: 3, teachers: 3 },
      "family-time": { mum: { "how-often": "weekly" } },
      "support-sessions": [{ service: "mentor", helpful: 4 }],
    };
    const model = new Model(def);
    model.data = structuredClone(input);
    expect(model.validate(true, false)).toBe(true);
    expect(validateAnswers(def, input)).toEqual({ ok: true, answers: input });
  });

  it("03: a row still needs its required cells that have no default", () => {
    const def = loadFixture("03");
    const input = { "school-life": { lessons: 2, breaks: 3, teachers: 3 }, "support-sessions": [{ sessions: 2 }] };
    expect(validateAnswers(def, input)).toEqual({
      ok: false,
      errors: [{ question: "support-sessions", title: "Support you have had since your last review", message: "Response required. (Who from?)" }],
    });
  });

  it("07: stale answers from a hidden panel do not make later pages required", () => {
    const def = loadFixture("07");
    // Came, joined the transport session, said no to the bus pass; then changed to "did not come".
    const input = { "came-to-forum": "0", "sessions-joined": ["transport"], "forum-rating": 4, "bus-pass-idea": "no" };
    const counted = keepAnswersToShownQuestions(def, input);
    expect(counted).toEqual({ "came-to-forum": "0" });
    expect(validateAnswers(def, input)).toEqual({ ok: true, answers: counted });
  });

  it("07: the same answers count when the forum was attended", () => {
    const def = loadFixture("07");
    const input = { "came-to-forum": "1", "sessions-joined": ["transport"], "forum-rating": 4, "bus-pass-idea": "no" };
    expect(complaintsOf(validateAnswers(def, input))).toEqual(["bus-pass-why"]);
  });

  it("05: checks every question in questionPerPage mode, the start page's too", () => {
    const def = loadFixture("05");
    expect(complaintsOf(validateAnswers(def, { "visit-park": "never" }))).toEqual(["ready", "park-now", "wanted-most", "why-never"]);
  });
});
