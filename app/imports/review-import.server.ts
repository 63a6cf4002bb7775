// What the import page shows for an uploaded file: the file read again, the columns matched
// (the officer's matches, or proposed ones), and every row checked as it would be stored.
import type { TFunction } from "i18next";
import { toCsv } from "~/utils/csv.server";
import { checkRows, reasonText, type CheckedRows, type RejectedRow } from "./check-rows.server";
import { mappingProblems, proposeMapping, SKIP_COLUMN, type ColumnMapping } from "./column-mapping";
import { importableQuestions, type ImportQuestion } from "./importable-questions";
import { decodeCsvBytes, MAX_IMPORT_BYTES, readCsv, type CsvTable } from "./read-csv";

export type ImportReview = {
  table: CsvTable;
  questions: ImportQuestion[];
  mapping: ColumnMapping;
  /** Problems with the matches as a whole (two columns for one question…), each with the column to fix. */
  problems: { message: string; column: number }[];
  checked: CheckedRows;
};

export async function reviewImport(input: {
  csv: string;
  storedMapping: ColumnMapping | null;
  definition: Record<string, unknown>;
  surveyVersionId: string;
  locale: string;
  t: TFunction;
}): Promise<ImportReview | undefined> {
  const read = readCsv(input.csv);
  // The file was read when it was uploaded; it is stored as it was, so this does not happen.
  if (!read.ok) return undefined;
  const { table } = read;
  const questions = importableQuestions(input.definition, input.locale);
  const stored = input.storedMapping;
  // A mapping made for an earlier survey version no longer fits: start again from a proposal.
  const storedFits = !!stored && !mappingProblems(stored, table.headers, questions).some((p) => p.key === "mapping.changed");
  const mapping = storedFits ? stored : proposeMapping(table.headers, questions);
  const reasons = mappingProblems(mapping, table.headers, questions);
  if (stored && !storedFits) reasons.unshift({ key: "mapping.changed" });
  const problems = reasons.map((reason) => ({ message: reasonText(input.t, reason), column: reason.column ?? 0 }));
  const checked =
    reasons.length > 0
      ? { good: [], rejected: [] }
      : await checkRows({ table, mapping, questions, definition: input.definition, surveyVersionId: input.surveyVersionId, locale: input.locale, t: input.t });
  return { table, questions, mapping, problems, checked };
}

/**
 * The officer's matches from the form's `column-<n>` fields, or undefined when one names no
 * question of the survey (a tampered form, or a survey changed meanwhile). Two columns for one
 * question are kept: the page shows that problem for the officer to fix.
 */
export function mappingFromForm(csv: string, fields: Record<string, string>, definition: Record<string, unknown>, locale: string): ColumnMapping | undefined {
  const read = readCsv(csv);
  if (!read.ok) return undefined;
  const mapping = read.table.headers.map((_, index) => fields[`column-${index}`] ?? SKIP_COLUMN);
  const problems = mappingProblems(mapping, read.table.headers, importableQuestions(definition, locale));
  return problems.some((problem) => problem.key === "mapping.changed") ? undefined : mapping;
}

export type UploadProblem = "fileMissing" | "fileTooBig" | "notText" | "empty" | "headerOnly" | "tooManyRows" | "quotes" | "unreadable";

/** An uploaded form field as CSV text worth keeping, or why not (with the status to answer). */
export async function readCsvUpload(
  field: FormDataEntryValue | null,
): Promise<{ ok: true; fileName: string; csv: string } | { ok: false; problem: UploadProblem; values?: Record<string, number>; status: number }> {
  if (!(field instanceof Blob) || field.size === 0) return { ok: false, problem: "fileMissing", status: 400 };
  if (field.size > MAX_IMPORT_BYTES) return { ok: false, problem: "fileTooBig", status: 413 };
  const text = decodeCsvBytes(new Uint8Array(await field.arrayBuffer()));
  if (text === undefined) return { ok: false, problem: "notText", status: 415 };
  const read = readCsv(text);
  if (!read.ok) {
    const { problem, ok: _failed, ...values } = read;
    return { ok: false, problem, values, status: 400 };
  }
  const name = field instanceof File ? field.name : "";
  return { ok: true, fileName: name.slice(0, 200) || "responses.csv", csv: text };
}

/**
 * The rows that were not imported, as they were in the file, after a row number and the reason:
 * for the officer to correct and import again. Cells are escaped against formulas like every export.
 */
export function rejectedRowsCsv(csv: string, rejected: RejectedRow[], t: TFunction): string {
  const read = readCsv(csv);
  const headers = read.ok ? read.table.headers : [];
  const cellsOf = new Map(read.ok ? read.table.rows.map((row) => [row.row, row.cells]) : []);
  return toCsv(
    [t("imports:rejectedCsv.row"), t("imports:rejectedCsv.reason"), ...headers],
    rejected.map((row) => [row.row, row.reason, ...(cellsOf.get(row.row) ?? [])]),
  );
}
