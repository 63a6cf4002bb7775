// CSV exports. Every cell that a spreadsheet would read as a formula is made inert first
// (DESIGN.md: "CSV exports escaped against formula injection"); quoting is csv-stringify's job.
import { stringify } from "csv-stringify/sync";

// =, +, -, @ start a formula in Excel, LibreOffice and Google Sheets; tab and carriage return can
// too, and so can their full-width forms. Leading spaces do not stop it.
const FORMULA_START = /^[\s\u00a0]*[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;

/** A cell as text that no spreadsheet will run: a risky start gets a leading apostrophe. */
export function escapeCsvCell(value: unknown): string {
  const text = value === null || value === undefined ? "" : value instanceof Date ? value.toISOString() : String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A CSV document (with a header row), every cell escaped; a UTF-8 BOM so Excel reads Welsh letters. */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return "\ufeff" + stringify([header.map(escapeCsvCell), ...rows.map((row) => row.map(escapeCsvCell))], { record_delimiter: "windows", quoted_match: /[\r\n]/ });
}
