// Reading a CSV file of responses (typed up from paper forms or exported from another survey tool)
// into a header and rows of text cells. csv-parse does the parsing; this module decides what a
// usable file is: UTF-8 text, a header row, at least one row of answers, not too many rows.
// Pure: no database, no DOM. Cells are kept exactly as typed (a cell starting with "=" stays text).
import { parse } from "csv-parse/sync";

/** Uploads larger than this are refused before they are read. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/** Rows of answers in one file: a few thousand paper forms fit; more should be split. */
export const MAX_IMPORT_ROWS = 10_000;

/** One row of answers. `row` is its number as a spreadsheet shows it: the header is row 1. */
export type CsvRow = { row: number; cells: string[] };
export type CsvTable = { headers: string[]; rows: CsvRow[] };

export type CsvProblem =
  | { problem: "notText" }
  | { problem: "empty" }
  | { problem: "headerOnly" }
  | { problem: "tooManyRows"; max: number }
  | { problem: "quotes"; line: number }
  | { problem: "unreadable"; line: number };

/**
 * The file's bytes as text, or undefined when they are not UTF-8 text (a spreadsheet saved as
 * .xlsx, a picture, UTF-16). A byte order mark is left for readCsv to drop.
 */
export function decodeCsvBytes(bytes: Uint8Array): string | undefined {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
  // Valid UTF-8 can still be binary (zip files such as .xlsx hold NUL bytes): text never does.
  return text.includes("\u0000") ? undefined : text;
}

/** Spreadsheets set to European regional settings save CSV with ";" between cells. */
function detectDelimiter(text: string): "," | ";" | "\t" {
  const firstLine = text.slice(0, text.search(/\r|\n|$/));
  const counts = ([",", ";", "\t"] as const).map((delimiter) => ({ delimiter, n: firstLine.split(delimiter).length - 1 }));
  const best = counts.reduce((a, b) => (b.n > a.n ? b : a));
  return best.n > 0 ? best.delimiter : ",";
}

/** csv-parse's errors carry a code (CSV_QUOTE_NOT_CLOSED, INVALID_OPENING_QUOTE, …) and the line. */
function csvParseProblem(error: unknown): CsvProblem | undefined {
  const { code, lines } = (error ?? {}) as { code?: unknown; lines?: unknown };
  if (typeof code !== "string" || !/^(CSV_|INVALID_)/.test(code)) return undefined;
  const line = typeof lines === "number" ? lines : 0;
  return code.includes("QUOTE") ? { problem: "quotes", line } : { problem: "unreadable", line };
}

const isBlankRow = (cells: string[]) => cells.every((cell) => cell.trim() === "");

export function readCsv(text: string): { ok: true; table: CsvTable } | ({ ok: false } & CsvProblem) {
  const withoutBom = text.startsWith("\uFEFF") ? text.slice(1) : text;
  let records: string[][];
  try {
    records = parse(withoutBom, {
      delimiter: detectDelimiter(withoutBom),
      // Files mix line endings when rows were pasted from elsewhere.
      record_delimiter: ["\r\n", "\n", "\r"],
      // Ragged rows are reported row by row (see raggedRows), not as a failure of the whole file.
      relax_column_count: true,
      // Blank lines are kept (and skipped below) so that row numbers stay what a spreadsheet shows.
      // MAX_IMPORT_ROWS + header + one more to know it was exceeded.
      to: MAX_IMPORT_ROWS + 2,
    }) as string[][];
  } catch (error) {
    const problem = csvParseProblem(error);
    if (!problem) throw error;
    return { ok: false, ...problem };
  }
  const headerIndex = records.findIndex((cells) => !isBlankRow(cells));
  if (headerIndex === -1) return { ok: false, problem: "empty" };
  const header = records[headerIndex]!;
  const rest = records.slice(headerIndex + 1);
  const rows = rest.flatMap((cells, index) => (isBlankRow(cells) ? [] : [{ row: headerIndex + index + 2, cells }]));
  if (rows.length === 0) return { ok: false, problem: "headerOnly" };
  if (rows.length > MAX_IMPORT_ROWS) return { ok: false, problem: "tooManyRows", max: MAX_IMPORT_ROWS };
  return { ok: true, table: { headers: header.map((cell) => cell.trim()), rows } };
}
