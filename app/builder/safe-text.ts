/**
 * Answers interpolated into HTML are escaped.
 *
 * survey-core replaces `{questionName}` in information text and completion text with the answer
 * and survey-react-ui renders the result as raw HTML: a child's answer `<img onerror=...>` would
 * become an element. Sanitising the definition cannot help (the answer arrives later), so every
 * value survey-core interpolates while it processes HTML is escaped first. Titles and other plain
 * texts are rendered as text by React already, so they are left alone (escaping them would show
 * "&lt;" to the child).
 *
 * Browser-safe: survey-core only.
 */
import type { Question, SurveyModel } from "survey-core";

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

const escaped = new WeakSet<SurveyModel>();

/** Makes `model` escape every answer it interpolates into HTML. Safe to call more than once. */
export function escapeAnswersInHtml(model: SurveyModel): void {
  if (escaped.has(model)) return;
  escaped.add(model);
  let processingHtml = 0;
  const processHtml = model.processHtml.bind(model);
  // processHtml is synchronous: the counter is only raised while survey-core fills in this HTML.
  model.processHtml = (html: string, reason?: string) => {
    processingHtml++;
    try {
      return processHtml(html, reason ?? "");
    } finally {
      processingHtml--;
    }
  };
  // An information text fills in {answers} before it calls processHtml: count that as HTML too.
  const escapeInHtmlQuestion = (question: Question) => {
    if (question.getType() !== "html") return;
    const getProcessedText = question.getProcessedText.bind(question);
    question.getProcessedText = (text: string) => {
      processingHtml++;
      try {
        return getProcessedText(text);
      } finally {
        processingHtml--;
      }
    };
  };
  model.getAllQuestions(false, true, true).forEach(escapeInHtmlQuestion);
  model.onQuestionAdded.add((_, options) => escapeInHtmlQuestion(options.question));
  model.onDynamicPanelAdded.add((_, options) => options.panel.questions.forEach(escapeInHtmlQuestion));
  model.onProcessDynamicText.add((_, options) => {
    if (processingHtml === 0 || options.value === undefined || options.value === null) return;
    const value: unknown = options.value;
    options.value = escapeHtml(Array.isArray(value) ? value.join(", ") : typeof value === "object" ? JSON.stringify(value) : String(value));
  });
}
