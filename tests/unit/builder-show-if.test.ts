import fc from "fast-check";
import { Model } from "survey-core";
import { describe, expect, it } from "vitest";
import { buildShowIf, parseShowIf, referencedQuestions, type ShowIf } from "~/builder/show-if";

const name = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,10}$/);
const value = fc.oneof(
  fc.string({ maxLength: 15 }).filter((text) => !(text.includes("'") && text.includes('"'))),
  fc.integer({ min: -100, max: 100 }),
  fc.boolean(),
);
const rule = fc.oneof(
  fc.record({ question: name, operator: fc.constantFrom("is" as const, "isNot" as const, "includes" as const, "excludes" as const), value }),
  fc.record({ question: name, operator: fc.constant("answered" as const) }),
);
const showIf: fc.Arbitrary<ShowIf> = fc.record({ join: fc.constantFrom("and" as const, "or" as const), rules: fc.array(rule, { minLength: 1, maxLength: 4 }) });

describe("show-if", () => {
  it("parses back exactly what the menus built", () => {
    fc.assert(
      fc.property(showIf, (built) => {
        const expression = buildShowIf(built)!;
        const parsed = parseShowIf(expression)!;
        expect(parsed.rules).toEqual(built.rules);
        if (built.rules.length > 1) expect(parsed.join).toBe(built.join);
      }),
    );
  });

  it("builds expressions survey-core evaluates as the menus said", () => {
    const survey = new Model({
      elements: [
        { type: "radiogroup", name: "feel", choices: ["happy", "sad"] },
        { type: "checkbox", name: "likes", choices: ["art", "sport"] },
        { type: "text", name: "why", visibleIf: buildShowIf({ join: "and", rules: [{ question: "feel", operator: "is", value: "sad" }, { question: "likes", operator: "includes", value: "art" }] }) },
        { type: "text", name: "other", visibleIf: buildShowIf({ join: "or", rules: [{ question: "feel", operator: "isNot", value: "sad" }, { question: "likes", operator: "answered" }] }) },
      ],
    });
    const why = survey.getQuestionByName("why")!;
    const other = survey.getQuestionByName("other")!;
    survey.setValue("feel", "sad");
    expect([why.isVisible, other.isVisible]).toEqual([false, false]);
    survey.setValue("likes", ["sport", "art"]);
    expect([why.isVisible, other.isVisible]).toEqual([true, true]);
    survey.setValue("feel", "happy");
    expect(why.isVisible).toBe(false);
  });

  it("reads expressions written elsewhere in the same shape", () => {
    expect(parseShowIf("{car.length} > 1")).toBeUndefined();
    expect(parseShowIf("{a} = 'x' and {b} = 'y' or {c} = 'z'")).toBeUndefined();
    expect(parseShowIf("age({birth}) >= 18")).toBeUndefined();
    expect(parseShowIf("({a} = 1)")).toBeUndefined();
    expect(parseShowIf("{ haveKids } = 'Yes'")).toEqual({ join: "and", rules: [{ question: "haveKids", operator: "is", value: "Yes" }] });
    expect(parseShowIf('{a} notequal "x" OR {b} == 2')).toEqual({
      join: "or",
      rules: [
        { question: "a", operator: "isNot", value: "x" },
        { question: "b", operator: "is", value: 2 },
      ],
    });
  });

  it("lists the questions any expression refers to", () => {
    expect(referencedQuestions("{a} = 1 and age({b.c}) > {d}")).toEqual(["a", "b.c", "d"]);
  });
});
