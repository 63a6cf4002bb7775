import { questionAnchor, tallyOpenFeedback } from "~/codesign/open-feedback";

describe("tallyOpenFeedback", () => {
  test("puts each question's open comments and suggestions together, and whole-survey comments apart", () => {
    expect(
      tallyOpenFeedback([
        { questionName: "feelSafe", kind: "comment", count: 2 },
        { questionName: null, kind: "comment", count: 3 },
        { questionName: "feelSafe", kind: "suggestion", count: 1 },
        { questionName: "school", kind: "suggestion", count: 4 },
      ]),
    ).toEqual({ survey: 3, questions: { feelSafe: { comments: 2, suggestions: 1 }, school: { comments: 0, suggestions: 4 } } });
  });

  test("leaves out questions with nothing open", () => {
    expect(tallyOpenFeedback([{ questionName: "feelSafe", kind: "comment", count: 0 }])).toEqual({ survey: 0, questions: {} });
  });
});

describe("questionAnchor", () => {
  test("makes a usable id from any question name, never one of the review page's numbered headings", () => {
    expect(questionAnchor("feel safe?")).toBe("on-question-feel_safe_");
    expect(questionAnchor("0")).not.toBe("question-0");
  });
});
