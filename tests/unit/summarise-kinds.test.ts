// Numbers, rankings, matrices, pictures and drawings; pooling answers across survey versions by
// question name; and cross-tabs of one choice question by a facet or another question.
import { describe, expect, it } from "vitest";
import { crossTabulate, filterByAnswer, type AnswerSet } from "~/analysis/breakdown";
import { poolDefinitions } from "~/analysis/pool-versions";
import { median, summariseResponses, type QuestionSummary } from "~/analysis/summarise";

const definition = {
  pages: [
    {
      name: "p",
      elements: [
        { type: "text", inputType: "number", name: "age", title: "How old are you?" },
        { type: "ranking", name: "priorities", title: "Put these in order", choices: ["parks", "clubs", "buses"] },
        {
          type: "matrix",
          name: "grid",
          title: "How do you feel about",
          columns: [{ value: "good", text: "Good" }, { value: "bad", text: "Bad" }],
          rows: [{ value: "school", text: "School" }, { value: "home", text: "Home" }],
        },
        {
          type: "imagepicker",
          name: "pet",
          title: "Pick a picture",
          choices: [{ value: "cat", imageLink: "/cat.png", text: "Cat" }, { value: "dog", imageLink: "/dog.png", text: "Dog" }],
        },
        { type: "signaturepad", name: "drawing", title: "Draw your day" },
        { type: "radiogroup", name: "band", title: "Age band", choices: [{ value: "young", text: "8 to 11" }, { value: "old", text: "12 to 18" }] },
      ],
    },
  ],
};

function find(questions: QuestionSummary[], name: string) {
  return questions.find((question) => question.name === name)!;
}

/** Ten children: ages 8..17, all rank parks first but one; half like school. */
function tenChildren() {
  return Array.from({ length: 10 }, (_, i) => ({
    age: 8 + i,
    priorities: i === 0 ? ["clubs", "parks", "buses"] : ["parks", "clubs", "buses"],
    grid: { school: i < 5 ? "good" : "bad", home: "good" },
    pet: i < 6 ? "cat" : "dog",
    drawing: "data:image/png;base64,AAAA",
    band: i < 5 ? "young" : "old",
  }));
}

describe("question kinds", () => {
  const summary = summariseResponses(definition, tenChildren(), { threshold: 5 });

  it("gives the median and range of a number question", () => {
    expect(find(summary.questions, "age")).toMatchObject({ kind: "number", median: 12.5, min: 8, max: 17, answered: 10 });
  });

  it("hides the median and range when fewer than the threshold answered: the ends are single children's answers", () => {
    const few = summariseResponses(definition, tenChildren().slice(0, 3), { threshold: 5 });
    expect(find(few.questions, "age")).toMatchObject({ kind: "number", median: null, min: null, max: null, answeredSuppressed: true });
  });

  it("gives a ranking's mean position and first choices, the small first-choice count hidden", () => {
    const ranking = find(summary.questions, "priorities");
    if (ranking.kind !== "ranking") throw new Error("not a ranking");
    expect(ranking.items.map((item) => [item.value, item.meanPosition])).toEqual([
      ["parks", 1.1],
      ["clubs", 1.9],
      ["buses", 3],
    ]);
    expect(ranking.items[0]!.first.suppressed).toBe(true); // 9 of 10: shown would give away the 1
    expect(ranking.items[1]!.first).toMatchObject({ suppressed: true, reason: "small" });
    expect(ranking.items[2]!.first.count).toBe(0);
  });

  it("counts each matrix row as its own group", () => {
    const matrix = find(summary.questions, "grid");
    if (matrix.kind !== "matrix") throw new Error("not a matrix");
    expect(matrix.columns.map((column) => column.label)).toEqual(["Good", "Bad"]);
    expect(matrix.rows[0]!.cells.map((cell) => cell.count)).toEqual([5, 5]);
    expect(matrix.rows[1]!.cells.map((cell) => [cell.count, cell.percent])).toEqual([
      [10, 100],
      [0, 0],
    ]);
  });

  it("charts a picture question as choices, and counts drawings without reading them", () => {
    expect(find(summary.questions, "pet")).toMatchObject({ kind: "choice", style: "picture" });
    expect(find(summary.questions, "drawing")).toMatchObject({ kind: "drawing", answered: 10 });
  });

  it("takes the median of an even and an odd list", () => {
    expect(median([1, 2, 3, 4])).toBe(2.5);
    expect(median([1, 5, 9])).toBe(5);
    expect(median([])).toBeNull();
  });
});

describe("pooling versions", () => {
  it("keeps the first definition's questions and adds only those another version alone asked", () => {
    const older = { pages: [{ name: "x", elements: [{ type: "comment", name: "extra", title: "Anything else?", visibleIf: "{gone} = 1" }, { type: "text", inputType: "number", name: "age" }] }] };
    const pooled = poolDefinitions([definition, older]);
    const summary = summariseResponses(pooled, [{ extra: "Hello" }, { extra: "Hi" }], { threshold: 1 });
    expect(summary.questions.map((question) => question.name)).toEqual(["age", "priorities", "grid", "pet", "drawing", "band", "extra"]);
    expect(find(summary.questions, "extra")).toMatchObject({ answered: 2, title: "Anything else?" });
  });
});

describe("breakdowns", () => {
  const sets: AnswerSet[] = tenChildren().map((answers, i) => ({ answers, variant: "standard", locale: i < 7 ? "en" : "cy", channel: i < 6 ? "online" : "paper" }));

  it("filters by the answer to a choice question", () => {
    expect(filterByAnswer(definition, sets, "band", "old")).toHaveLength(5);
    expect(filterByAnswer(definition, sets, "band", "no-such-option")).toHaveLength(10);
  });

  /** Forty children: a third chose the dog; 22 aged 8 to 11; 3 answered on paper. */
  const forty: AnswerSet[] = Array.from({ length: 40 }, (_, i) => ({
    answers: { pet: i % 3 === 0 ? "dog" : "cat", band: i < 22 ? "young" : "old" },
    variant: "standard",
    locale: "en",
    channel: i < 37 ? "online" : "paper",
  }));

  it("cross-tabulates a question by channel, every channel a row, and hides what the small paper row would give away", () => {
    const tab = crossTabulate(definition, forty, { by: { facet: "channel" }, column: "pet", threshold: 5 })!;
    expect(tab.rows.categories.map((category) => category.value)).toEqual(["online", "assisted", "event", "paper", "import"]);
    expect(tab.table.cells.map((row) => row.map((cell) => cell.count))).toEqual([[null, null], [0, 0], [0, 0], [null, null], [0, 0]]);
    expect(tab.table.cells[3]!.map((cell) => cell.reason)).toEqual(["small", "small"]);
    expect(tab.table.rowTotals.map((cell) => cell.count)).toEqual([null, 0, 0, null, 0]);
    expect(tab.table.columnTotals.map((cell) => cell.count)).toEqual([26, 14]);
    expect(tab.table.total.count).toBe(40);
  });

  it("cross-tabulates one question by another", () => {
    const tab = crossTabulate(definition, forty, { by: { question: "band" }, column: "pet", threshold: 5 })!;
    expect(tab.rows.categories.map((category) => category.label)).toEqual(["8 to 11", "12 to 18"]);
    expect(tab.table.cells.map((row) => row.map((cell) => cell.count))).toEqual([
      [14, 8],
      [12, 6],
    ]);
    expect(tab.table.rowTotals.map((cell) => cell.count)).toEqual([22, 18]);
  });

  it("refuses a question by itself or a question that is not a choice", () => {
    expect(crossTabulate(definition, sets, { by: { question: "pet" }, column: "pet", threshold: 5 })).toBeUndefined();
    expect(crossTabulate(definition, sets, { by: { facet: "channel" }, column: "age", threshold: 5 })).toBeUndefined();
  });
});
