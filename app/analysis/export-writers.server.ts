// Streamed CSV and XLSX writers for exports. Every text cell passes through escapeCsvCell (a risky
// start gets an apostrophe) in both formats: an XLSX saved again as CSV must not turn into formulas.
import { PassThrough, Readable } from "node:stream";
import { stringify } from "csv-stringify";
import ExcelJS from "exceljs";
import { escapeCsvCell } from "~/utils/csv.server";

type Row = readonly (string | number | boolean)[];

function safeCell(value: string | number | boolean): string | number | boolean {
  return typeof value === "string" ? escapeCsvCell(value) : value;
}

/** A CSV download as a stream: UTF-8 with a BOM (so Excel reads Welsh letters), Windows line ends. */
export function csvStream(header: readonly string[], rows: Iterable<Row>): ReadableStream<Uint8Array> {
  const stringifier = stringify({ record_delimiter: "windows", bom: true, cast: { boolean: (value) => String(value) } });
  const source = Readable.from(
    (function* () {
      yield header.map((cell) => escapeCsvCell(cell));
      for (const row of rows) yield row.map(safeCell);
    })(),
    { objectMode: true },
  );
  return Readable.toWeb(source.pipe(stringifier)) as ReadableStream<Uint8Array>;
}

/** An XLSX download as a stream, one sheet, written row by row (exceljs's streaming writer). */
export function xlsxStream(sheetName: string, header: readonly string[], rows: Iterable<Row>): ReadableStream<Uint8Array> {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  sheet.addRow(header.map((cell) => escapeCsvCell(cell))).commit();
  for (const row of rows) sheet.addRow(row.map(safeCell)).commit();
  sheet.commit();
  workbook.commit().catch((error: unknown) => output.destroy(error instanceof Error ? error : new Error(String(error))));
  return Readable.toWeb(output) as ReadableStream<Uint8Array>;
}

export const CONTENT_TYPES = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;
