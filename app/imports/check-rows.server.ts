// Every row of an uploaded file checked as it will be stored: cells turned into answers
// (column-mapping.ts), then the survey's own server validator, the one every other response passes
// (validateAnswersCached). Rows that fail are rejected with a plain reason; nothing is stored here.
import type { TFunction } from "i18next";
import { validateAnswersCached } from "~/survey/validation-cache.server";
import { rowAnswers, type ColumnMapping, type Reason } from "./column-mapping";
import type { ImportQuestion } from "./importable-questions";
import type { CsvTable } from "./read-csv";

export type GoodRow = { row: number; answers: Record<string, unknown>; answeredAt?: Date };
export type RejectedRow = { row: number; reason: string };
export type CheckedRows = { good: GoodRow[]; rejected: RejectedRow[] };

// Validation is synchronous (about a millisecond a row): every so many rows the event loop gets a
// turn, so a file of thousands does not hold up everybody else's requests meanwhile.
const ROWS_BETWEEN_BREAKS = 200;
const giveOthersATurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export function reasonText(t: TFunction, reason: Reason): string {
  return t(`imports:${reason.key}`, reason.values ?? {});
}

export async function checkRows(input: {
  table: CsvTable;
  mapping: ColumnMapping;
  questions: ImportQuestion[];
  definition: Record<string, unknown>;
  surveyVersionId: string;
  /** The language of the validator's messages (the officer's page language). */
  locale: string;
  t: TFunction;
  now?: Date;
}): Promise<CheckedRows> {
  const { table, mapping, questions, definition, surveyVersionId, locale, t, now = new Date() } = input;
  const good: GoodRow[] = [];
  const rejected: RejectedRow[] = [];
  for (const [index, row] of table.rows.entries()) {
    if (index > 0 && index % ROWS_BETWEEN_BREAKS === 0) await giveOthersATurn();
    const read = rowAnswers(row, table.headers, mapping, questions, now);
    if (!read.ok) {
      rejected.push({ row: row.row, reason: read.reasons.map((reason) => reasonText(t, reason)).join(" ") });
      continue;
    }
    const checked = validateAnswersCached(definition, read.answers, { locale, cacheKey: surveyVersionId });
    if (checked.ok) {
      good.push({ row: row.row, answers: checked.answers, answeredAt: read.answeredAt });
    } else if (checked.errors.some((error) => error.code === "no-answers")) {
      rejected.push({ row: row.row, reason: t("imports:reasons.noAnswers") });
    } else {
      rejected.push({ row: row.row, reason: checked.errors.map((error) => withStop(error.message)).join(" ") });
    }
  }
  return { good, rejected };
}

/** The validator's messages have no full stop; several in one reason read better with one. */
function withStop(message: string): string {
  return /[.!?]$/.test(message) ? message : `${message}.`;
}
