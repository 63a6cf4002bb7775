/**
 * Context figures: aggregate statistics from the council's own records ("children in care aged
 * 8–12: 140, CLA return, 31 March 2026"), typed in or imported from CSV, and compared with who
 * answered. Pure: no I/O. Only these aggregate fields exist, so no child-level record can come in;
 * a CSV with any other column is refused whole.
 *
 * Messages are i18n keys in locales/<lng>/context.json; the route translates them.
 */
import { parse } from "csv-parse/sync";
import { z } from "zod";
import type { ResponsesSummary } from "./summarise";

/** A figure larger than any council's population of children is a typing slip. */
export const MAX_FIGURE_VALUE = 10_000_000;
/** More rows than this is not a table of aggregates. */
export const MAX_IMPORT_ROWS = 200;
export const MAX_IMPORT_BYTES = 100 * 1024;

const text = (requiredKey: string, max: number) =>
  z.string({ error: requiredKey }).trim().min(1, requiredKey).max(max, "context:errors.tooLong");

/** "412", "1,204" or "1 204" as a whole number; anything else (decimals, minus signs, words) is refused. */
const wholeNumber = z
  .string({ error: "context:errors.valueRequired" })
  .trim()
  .min(1, "context:errors.valueRequired")
  .transform((value) => value.replace(/[, ]/g, ""))
  .refine((value) => /^\d+$/.test(value), "context:errors.valueWhole")
  .transform(Number)
  .refine((value) => value <= MAX_FIGURE_VALUE, "context:errors.valueTooLarge");

/** A day as 2026-03-31 (a date field) or 31/03/2026 (a UK spreadsheet), kept as 2026-03-31. */
const day = z
  .string({ error: "context:errors.asOfRequired" })
  .trim()
  .min(1, "context:errors.asOfRequired")
  .transform((value) => toIsoDay(value) ?? "")
  .refine((value) => value !== "", "context:errors.asOfInvalid");

export const ContextFigureSchema = z.object({
  label: text("context:errors.labelRequired", 200),
  value: wholeNumber,
  group: z.string().trim().max(100, "context:errors.tooLong").default(""),
  source: text("context:errors.sourceRequired", 200),
  asOf: day,
});

export type ContextFigureInput = z.infer<typeof ContextFigureSchema>;

function toIsoDay(value: string): string | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  const [year, month, date] = iso ? [iso[1], iso[2], iso[3]] : uk ? [uk[3], uk[2], uk[1]] : [];
  if (!year || !month || !date) return undefined;
  const candidate = `${year}-${month.padStart(2, "0")}-${date.padStart(2, "0")}`;
  const parsed = new Date(`${candidate}T00:00:00Z`);
  // 2026-02-30 parses as 2 March: only a day that reads back the same is real.
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === candidate ? candidate : undefined;
}

// ---------------------------------------------------------------------------------------------
// CSV import
// ---------------------------------------------------------------------------------------------

export const CSV_COLUMNS = ["label", "value", "source", "date", "group"] as const;
const REQUIRED_COLUMNS = ["label", "value", "source", "date"] as const;

/** One problem in an import: the file line it is on (1 is the header), the column if any, and a message key. */
export type ImportProblem = { line: number; column?: string; key: string; values?: Record<string, string> };

export type ImportResult = { ok: true; figures: ContextFigureInput[] } | { ok: false; problems: ImportProblem[] };

type ParsedLine = { record: string[]; info: { lines: number } };

/**
 * Reads a CSV of figures (label,value,source,date[,group], header first, any order). Every row is
 * checked; if any is wrong, every problem is listed and nothing is returned to store.
 */
export function parseContextFigureCsv(input: string): ImportResult {
  let lines: ParsedLine[];
  try {
    lines = parse(input, { bom: true, trim: true, skip_empty_lines: true, relax_column_count: true, info: true }) as unknown as ParsedLine[];
  } catch (error) {
    const line = typeof error === "object" && error && "lines" in error && typeof error.lines === "number" ? error.lines : 1;
    return { ok: false, problems: [{ line, key: "context:import.malformed" }] };
  }
  const [header, ...rows] = lines;
  if (!header) return { ok: false, problems: [{ line: 1, key: "context:import.empty" }] };

  const columns = header.record.map((name) => name.trim().toLowerCase());
  const headerProblems = checkHeader(columns);
  if (headerProblems.length > 0) return { ok: false, problems: headerProblems };
  if (rows.length === 0) return { ok: false, problems: [{ line: 2, key: "context:import.noRows" }] };
  if (rows.length > MAX_IMPORT_ROWS) {
    return { ok: false, problems: [{ line: 1, key: "context:import.tooManyRows", values: { max: String(MAX_IMPORT_ROWS) } }] };
  }

  const figures: ContextFigureInput[] = [];
  const problems: ImportProblem[] = [];
  for (const { record, info } of rows) {
    if (record.length !== columns.length) {
      problems.push({ line: info.lines, key: "context:import.wrongColumnCount", values: { expected: String(columns.length), found: String(record.length) } });
      continue;
    }
    const cell = (name: string) => record[columns.indexOf(name)];
    const parsed = ContextFigureSchema.safeParse({ label: cell("label"), value: cell("value"), source: cell("source"), asOf: cell("date"), group: cell("group") ?? "" });
    if (parsed.success) {
      figures.push(parsed.data);
      continue;
    }
    const seen = new Set<string>();
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0]);
      if (seen.has(field)) continue;
      seen.add(field);
      problems.push({ line: info.lines, column: field === "asOf" ? "date" : field, key: issue.message });
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, figures };
}

function checkHeader(columns: string[]): ImportProblem[] {
  const problems: ImportProblem[] = [];
  // Any other column (a name, a date of birth, an ID) could be a child-level record: refuse the file.
  const unknown = columns.filter((column) => !(CSV_COLUMNS as readonly string[]).includes(column));
  if (unknown.length > 0) problems.push({ line: 1, key: "context:import.unknownColumns", values: { columns: unknown.join(", ") } });
  const missing = REQUIRED_COLUMNS.filter((column) => !columns.includes(column));
  if (missing.length > 0) problems.push({ line: 1, key: "context:import.missingColumns", values: { columns: missing.join(", ") } });
  const repeated = columns.filter((column, index) => columns.indexOf(column) !== index);
  if (repeated.length > 0) problems.push({ line: 1, key: "context:import.repeatedColumns", values: { columns: [...new Set(repeated)].join(", ") } });
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Comparing who answered with who the consultation was for
// ---------------------------------------------------------------------------------------------

export type ContextFigure = { id: string; label: string; value: number; group: string; source: string; asOf: string };

/** What the results page already shows for one single-choice question: suppressed cells. */
export type ChoiceCounts = {
  name: string;
  title: string;
  cells: { value: string; label: string; count: number | null; suppressed: boolean }[];
};

export type Comparison = ContextFigure & {
  /** What the figure is compared with: all responses, the answer its group matched, or nothing (no rate then). */
  matched: "all" | { question: string; answer: string } | null;
  /** Responses in the group, or null when suppressed (then there is no rate either). */
  responses: number | null;
  suppressed: boolean;
  /** Responses as a percentage of the figure, one decimal place; null when it cannot be shown. */
  ratePercent: number | null;
};

/** "8–12", "8 - 12", "8 to 12" and "Aged 8-12" all read the same. */
export function normaliseGroup(value: string): string {
  return value
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/\s+to\s+/g, "-")
    .replace(/^aged\s+/, "")
    .replace(/\s+/g, "");
}

/**
 * Each figure with the responses it can be compared with. A figure with a group (an age band)
 * is matched to a choice whose value or text reads the same (the first such question, in survey
 * order); a figure without one is compared with all responses. The counts come already suppressed
 * (suppress.ts, with the same secondary suppression the results tables show), so a hidden count
 * gives no rate: a rate and a figure would give the count back.
 */
export function compareWithContext(
  figures: ContextFigure[],
  questions: ChoiceCounts[],
  total: { count: number | null; suppressed: boolean },
): Comparison[] {
  return figures.map((figure) => {
    if (figure.group === "") return withCount(figure, "all", total);
    const wanted = normaliseGroup(figure.group);
    for (const question of questions) {
      const cell = question.cells.find((candidate) => normaliseGroup(candidate.value) === wanted || normaliseGroup(candidate.label) === wanted);
      if (cell) return withCount(figure, { question: question.title, answer: cell.label }, cell);
    }
    return { ...figure, matched: null, responses: null, suppressed: false, ratePercent: null };
  });
}

function withCount(figure: ContextFigure, matched: Comparison["matched"], counted: { count: number | null; suppressed: boolean }): Comparison {
  const responses = counted.suppressed ? null : counted.count;
  const ratePercent = responses === null || figure.value === 0 ? null : Math.round((responses / figure.value) * 1000) / 10;
  return { ...figure, matched, responses, suppressed: counted.suppressed, ratePercent };
}

/** The single-choice questions of a results summary, as compareWithContext takes them. */
export function choiceCountsOf(summary: ResponsesSummary): ChoiceCounts[] {
  return summary.questions.flatMap((question) =>
    question.kind === "choice" && !question.multi
      ? [{ name: question.name, title: question.title, cells: question.cells.map(({ value, label, count, suppressed }) => ({ value, label, count, suppressed })) }]
      : [],
  );
}
