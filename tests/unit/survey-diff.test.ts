import { diffSurveys, isEmptyDiff } from "~/codesign/survey-diff";

const before = {
  pages: [
    {
      name: "about",
      title: "About you",
      elements: [
        { type: "radiogroup", name: "age", title: { default: "How old are you?", cy: "Faint yw dy oed di?" }, choices: [{ value: "8-12", text: "8 to 12" }, { value: "13-18", text: "13 to 18" }] },
        { type: "comment", name: "better", title: "What could be better?" },
        { type: "boolean", name: "again", title: "Would you come again?" },
      ],
    },
    { name: "end", title: "The end", elements: [{ type: "text", name: "gone", title: "A question that goes" }] },
  ],
};

test("the same definition, with keys in another order, has no differences", () => {
  // Every object's keys reversed: a definition saved by another tool.
  const reverseKeys = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(reverseKeys)
      : value !== null && typeof value === "object"
        ? Object.fromEntries(Object.entries(value).reverse().map(([key, inner]) => [key, reverseKeys(inner)]))
        : value;
  const reordered = reverseKeys(before) as Record<string, unknown>;
  expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(before));
  expect(isEmptyDiff(diffSurveys(before, before))).toBe(true);
  expect(isEmptyDiff(diffSurveys(before, reordered))).toBe(true);
});

test("names every kind of change in plain terms", () => {
  const after = {
    pages: [
      {
        name: "about",
        title: "About you and your home",
        elements: [
          { type: "comment", name: "better", title: "What could be better?", isRequired: true },
          {
            type: "radiogroup",
            name: "age",
            title: { default: "How old are you now?", cy: "Faint yw dy oed di?" },
            choices: [{ value: "8-12", text: "8 to 12 years" }, { value: "19+", text: "19 or older" }],
            visibleIf: "{again} = true",
          },
        ],
      },
      { name: "more", title: "More", elements: [{ type: "boolean", name: "again", title: "Would you come again?" }, { type: "rating", name: "new", title: "How was it?" }] },
    ],
  };
  const diff = diffSurveys(before, after);
  expect(diff.pages).toEqual([
    { kind: "retitled", name: "about", before: "About you", after: "About you and your home" },
    { kind: "added", name: "more", title: "More" },
    { kind: "removed", name: "end", title: "The end" },
  ]);
  expect(diff.questions).toEqual([
    // Swapping two neighbours: the one reported as moved is the one that left the order the rest kept.
    { kind: "moved", name: "better", title: "What could be better?", fromPage: "about", toPage: "about" },
    { kind: "changed", name: "better", title: "What could be better?", changes: [{ property: "isRequired", before: "", after: "true" }] },
    {
      kind: "changed",
      name: "age",
      title: "How old are you now?",
      changes: [
        { property: "title", locale: "default", before: "How old are you?", after: "How old are you now?" },
        { property: "choices", added: ["19 or older"], removed: ["13 to 18"], relabelled: [{ value: "8-12", before: "8 to 12", after: "8 to 12 years" }] },
        { property: "visibleIf", before: "", after: "{again} = true" },
      ],
    },
    { kind: "moved", name: "again", title: "Would you come again?", fromPage: "about", toPage: "more" },
    { kind: "added", name: "new", title: "How was it?", page: "more" },
    { kind: "removed", name: "gone", title: "A question that goes", page: "end" },
  ]);
});

test("a change in Welsh only is reported with its language", () => {
  const after = structuredClone(before);
  (after.pages[0]!.elements[0]!.title as { cy: string }).cy = "Beth yw dy oed di?";
  expect(diffSurveys(before, after).questions).toEqual([
    { kind: "changed", name: "age", title: "How old are you?", changes: [{ property: "title", locale: "cy", before: "Faint yw dy oed di?", after: "Beth yw dy oed di?" }] },
  ]);
});

test("questions inside panels are compared too, and a definition without pages works", () => {
  const flat = { elements: [{ type: "panel", name: "box", elements: [{ type: "text", name: "inside", title: "Inside" }] }] };
  const changed = { elements: [{ type: "panel", name: "box", elements: [{ type: "text", name: "inside", title: "Inside now" }] }] };
  expect(diffSurveys(flat, changed).questions).toEqual([
    { kind: "changed", name: "inside", title: "Inside now", changes: [{ property: "title", locale: "default", before: "Inside", after: "Inside now" }] },
  ]);
});
