// What the builder shows beside each question: its open comment threads and open suggested
// rewordings, counted. Plain data, shared by the model (which counts) and the builder (which shows).

export type OpenFeedbackRow = { questionName: string | null; kind: "comment" | "suggestion"; count: number };
export type QuestionFeedbackCount = { comments: number; suggestions: number };
export type OpenFeedbackCounts = {
  /** Open threads on the whole survey rather than one question. */
  survey: number;
  /** By question name; a question with nothing open is left out. */
  questions: Record<string, QuestionFeedbackCount>;
};

/** Folds the grouped counts (one row per question and kind) into one entry per question. */
export function tallyOpenFeedback(rows: readonly OpenFeedbackRow[]): OpenFeedbackCounts {
  const counts: OpenFeedbackCounts = { survey: 0, questions: {} };
  for (const { questionName, kind, count } of rows) {
    if (count <= 0) continue;
    if (questionName === null) {
      // A suggestion always names its question; only a comment can be on the whole survey.
      if (kind === "comment") counts.survey += count;
      continue;
    }
    const entry = (counts.questions[questionName] ??= { comments: 0, suggestions: 0 });
    if (kind === "comment") entry.comments += count;
    else entry.suggestions += count;
  }
  return counts;
}

/**
 * The id of a question's place on the review page, so the builder can link straight to it. Question
 * names may hold any character; an id should not hold spaces, so anything unusual becomes "_".
 */
export function questionAnchor(questionName: string): string {
  return `on-question-${questionName.replace(/[^\w-]/g, "_")}`;
}
