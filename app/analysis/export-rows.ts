/**
 * Rows for exports, built from what analysis already decided may be shown: aggregate rows come from
 * the suppressed summary (so an export never shows a cell the page hides), response rows from the
 * answer sets. Pure: formatting of cells against formula injection is the writer's job.
 */
import type { QuestionSummary, ResponsesSummary } from "./summarise";

export const AGGREGATE_HEADER = ["question", "question_title", "row", "answer", "count", "percent"] as const;

type Cell = { count: number | null; suppressed: boolean; percent?: number | null };

/** A hidden count as the words the page uses ("fewer than 5"), never the number. */
function countText(cell: Cell, threshold: number): string | number {
  if (!cell.suppressed) return cell.count ?? 0;
  return `fewer than ${threshold}`;
}

export function aggregateRows(summary: ResponsesSummary, threshold: number): (string | number)[][] {
  const rows: (string | number)[][] = [];
  const total = summary.totalSuppressed ? `fewer than ${threshold}` : (summary.total ?? 0);
  rows.push(["", "", "", "responses", total, ""]);
  for (const question of summary.questions) rows.push(...questionRows(question, threshold));
  return rows;
}

function questionRows(question: QuestionSummary, threshold: number): (string | number)[][] {
  const answered = question.answeredSuppressed ? `fewer than ${threshold}` : (question.answered ?? 0);
  const head = [question.name, question.title, "", "answered", answered, ""];
  const percent = (cell: Cell) => (cell.percent === null || cell.percent === undefined ? "" : cell.percent);
  switch (question.kind) {
    case "choice":
      return [head, ...question.cells.map((cell) => [question.name, question.title, "", cell.label, countText(cell, threshold), percent(cell)])];
    case "number":
      return [head, [question.name, question.title, "", "median", question.median ?? "", ""], [question.name, question.title, "", "min", question.min ?? "", ""], [question.name, question.title, "", "max", question.max ?? "", ""]];
    case "ranking":
      return [
        head,
        ...question.items.flatMap((item) => [
          [question.name, question.title, item.label, "first choice", countText(item.first, threshold), percent(item.first)],
          [question.name, question.title, item.label, "mean position", item.meanPosition ?? "", ""],
        ]),
      ];
    case "matrix":
      return [head, ...question.rows.flatMap((row) => row.cells.map((cell) => [question.name, question.title, row.label, cell.label, countText(cell, threshold), percent(cell)]))];
    default:
      return [head];
  }
}

export const RESPONSE_FIELDS = ["response_id", "submitted_at", "channel", "variant", "locale"] as const;

/** One row per response: where it came from, then each question's answer as text (lists joined by "; "). */
export function responseRows(
  questionNames: string[],
  responses: { id: string; submittedAt: Date; channel: string; variant: string; locale: string; answers: Record<string, unknown> }[],
): { header: string[]; rows: (string | number | boolean)[][] } {
  return {
    header: [...RESPONSE_FIELDS, ...questionNames],
    rows: responses.map((response) => [
      response.id,
      response.submittedAt.toISOString(),
      response.channel,
      response.variant,
      response.locale,
      ...questionNames.map((name) => answerText(response.answers[name])),
    ]),
  };
}

function answerText(value: unknown): string | number | boolean {
  if (value === undefined || value === null) return "";
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (Array.isArray(value) && value.every((item) => typeof item !== "object")) return value.map(String).join("; ");
  return JSON.stringify(value);
}
