import { normaliseInvitationCode, newInvitationCode } from "~/codesign/invitation-code";
import { questionTitleText, withQuestionTitle } from "~/codesign/question-title";
import { ReviewIntentSchema } from "~/codesign/codesign-schema.server";
import { definitionHash } from "~/codesign/definition-hash.server";

describe("invitation codes", () => {
  test("are two groups of four characters with no look-alikes, and differ each time", () => {
    const codes = Array.from({ length: 200 }, newInvitationCode);
    for (const code of codes) expect(code).toMatch(/^[346789ABCDEFGHJKMNPQRTUVWXY]{4}-[346789ABCDEFGHJKMNPQRTUVWXY]{4}$/);
    expect(new Set(codes).size).toBe(codes.length);
  });

  test("are read however they are typed, and nonsense is not a code", () => {
    expect(normaliseInvitationCode(" k7mp-xw4q ")).toBe("K7MPXW4Q");
    expect(normaliseInvitationCode("K7MP XW4Q")).toBe("K7MPXW4Q");
    expect(normaliseInvitationCode("K7MP-XW4")).toBe("");
    expect(normaliseInvitationCode("K0MP-XW4Q")).toBe("");
    expect(normaliseInvitationCode("")).toBe("");
  });
});

describe("question titles in a definition", () => {
  const definition = {
    pages: [
      { name: "p1", elements: [{ type: "text", name: "plain", title: "Plain title" }] },
      {
        name: "p2",
        elements: [
          {
            type: "panel",
            name: "group",
            elements: [{ type: "comment", name: "nested", title: { default: "Nested", cy: "Nythu" } }],
          },
          { type: "paneldynamic", name: "dynamic", templateElements: [{ type: "text", name: "inner" }] },
        ],
      },
    ],
  };

  test("finds questions on pages, in panels and in dynamic panels", () => {
    expect(questionTitleText(definition, "plain")).toBe("Plain title");
    expect(questionTitleText(definition, "nested")).toBe("Nested");
    expect(questionTitleText(definition, "inner")).toBe("inner");
    expect(questionTitleText(definition, "group")).toBeUndefined();
    expect(questionTitleText(definition, "missing")).toBeUndefined();
  });

  test("changes only the English title, in a copy", () => {
    const changed = withQuestionTitle(definition, "nested", "Better words")!;
    expect(questionTitleText(changed, "nested")).toBe("Better words");
    expect(JSON.stringify(changed)).toContain('"cy":"Nythu"');
    expect(questionTitleText(definition, "nested")).toBe("Nested");
    expect(withQuestionTitle(definition, "missing", "x")).toBeUndefined();
  });
});

describe("definition hash", () => {
  test("ignores key order but not content", () => {
    expect(definitionHash({ a: 1, b: { c: [1, 2], d: "x" } })).toBe(definitionHash({ b: { d: "x", c: [1, 2] }, a: 1 }));
    expect(definitionHash({ a: 1 })).not.toBe(definitionHash({ a: 2 }));
    expect(definitionHash({ list: [1, 2] })).not.toBe(definitionHash({ list: [2, 1] }));
  });
});

describe("the review page's sign-off form", () => {
  test("signs off the standard survey unless it names the easy-read version, and refuses any other variant", () => {
    expect(ReviewIntentSchema.parse({ intent: "sign-off" })).toEqual({ intent: "sign-off", variant: "standard" });
    expect(ReviewIntentSchema.parse({ intent: "sign-off", variant: "easy-read" })).toEqual({ intent: "sign-off", variant: "easy-read" });
    expect(ReviewIntentSchema.safeParse({ intent: "sign-off", variant: "large-print" }).success).toBe(false);
  });
});
