// Which column of a CSV file fills which question, and how one row's cells become answers as they
// will be stored. The survey's own validator (app/survey/validate-answers.ts) checks the result
// afterwards, exactly as for any other response; this module only turns text into values and says,
// in words an officer can act on, why a cell could not be read.
import { londonLocalToUtc } from "~/events/london-time";
import { setOwn } from "~/survey/answers-that-count";
import { isRealIsoDay, londonToday } from "~/utils/dates";
import { normaliseText, type ImportChoice, type ImportQuestion } from "./importable-questions";
import type { CsvRow } from "./read-csv";

import { DATE_ANSWERED_COLUMN, SKIP_COLUMN } from "./column-targets";

export { DATE_ANSWERED_COLUMN, SKIP_COLUMN };

/** One target per column, in column order: a question name, SKIP_COLUMN or DATE_ANSWERED_COLUMN. */
export type ColumnMapping = string[];

/** Why a row (or the mapping) was refused: a key of locales/<lng>/imports.json and its values. */
export type Reason = { key: string; values?: Record<string, string | number>; column?: number };

const DATE_ANSWERED_HEADERS = new Set(["date answered", "submitted at", "submitted", "timestamp", "dyddiad ateb"]);

/**
 * The mapping proposed when a file is uploaded: a column whose header is a question's name or one
 * of its titles (in any language of the survey) fills that question. A second column with the same
 * header is not imported: the officer chooses.
 */
export function proposeMapping(headers: string[], questions: ImportQuestion[]): ColumnMapping {
  const taken = new Set<string>();
  return headers.map((header) => {
    const wanted = normaliseText(header);
    if (!wanted) return SKIP_COLUMN;
    const question =
      questions.find((q) => normaliseText(q.name) === wanted && !taken.has(q.name)) ??
      questions.find((q) => q.titles.includes(wanted) && !taken.has(q.name));
    const target = question?.name ?? (DATE_ANSWERED_HEADERS.has(wanted) ? DATE_ANSWERED_COLUMN : SKIP_COLUMN);
    if (target === SKIP_COLUMN || taken.has(target)) return SKIP_COLUMN;
    taken.add(target);
    return target;
  });
}

/** Problems with a mapping as a whole; a stored mapping is only used when this finds none. */
export function mappingProblems(mapping: ColumnMapping, headers: string[], questions: ImportQuestion[]): Reason[] {
  if (mapping.length !== headers.length) return [{ key: "mapping.changed" }];
  const known = new Set([SKIP_COLUMN, DATE_ANSWERED_COLUMN, ...questions.map((q) => q.name)]);
  if (mapping.some((target) => !known.has(target))) return [{ key: "mapping.changed" }];
  const problems: Reason[] = [];
  const used = new Map<string, number>();
  mapping.forEach((target, column) => {
    if (target === SKIP_COLUMN) return;
    const first = used.get(target);
    if (first === undefined) used.set(target, column);
    else {
      const question = questions.find((q) => q.name === target)?.title;
      problems.push({
        key: question ? "mapping.sameQuestion" : "mapping.sameDateColumn",
        values: { first: headers[first] || String(first + 1), second: headers[column] || String(column + 1), question: question ?? "" },
        column,
      });
    }
  });
  if (!mapping.some((target) => target !== SKIP_COLUMN && target !== DATE_ANSWERED_COLUMN)) problems.push({ key: "mapping.nothing" });
  return problems;
}

// ---------------------------------------------------------------------------------------------
// One row → answers
// ---------------------------------------------------------------------------------------------

export type RowAnswers = { ok: true; answers: Record<string, unknown>; answeredAt?: Date } | { ok: false; reasons: Reason[] };

const MAX_SHOWN_VALUE = 60;
const MAX_SHOWN_OPTIONS = 12;

/** A cell as a reason quotes it: short, on one line. */
function shown(cell: string): string {
  const oneLine = cell.replace(/\s+/g, " ").trim();
  return oneLine.length > MAX_SHOWN_VALUE ? `${oneLine.slice(0, MAX_SHOWN_VALUE - 1)}…` : oneLine;
}

function optionsList(choices: ImportChoice[]): string {
  const labels = choices.map((choice) => `'${choice.label}'`);
  return labels.length > MAX_SHOWN_OPTIONS ? `${labels.slice(0, MAX_SHOWN_OPTIONS).join(", ")}, …` : labels.join(", ");
}

function findChoice(choices: ImportChoice[], text: string): ImportChoice | undefined {
  const wanted = normaliseText(text);
  return choices.find((choice) => choice.names.includes(wanted));
}

/** Several choices in one cell: "food; place" or "food, place"; ";" wins when both appear. */
function splitChoices(cell: string): string[] {
  const separator = cell.includes(";") ? ";" : ",";
  return cell
    .split(separator)
    .map((part) => part.trim())
    .filter(Boolean);
}

// What people type on paper forms and what other tools export for yes and no, besides the labels.
const YES_WORDS = new Set(["yes", "y", "true", "1", "ie", "do", "oes", "ydw"]);
const NO_WORDS = new Set(["no", "n", "false", "0", "na", "naddo", "nac oes", "nac ydw"]);

/** Plain decimal numbers only, as the validator takes them. */
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** 31/12/2026, 31-12-2026 or 31.12.2026 (UK order), or 2026-12-31: the day as YYYY-MM-DD. */
export function readDay(cell: string): string | undefined {
  const text = cell.trim();
  if (isRealIsoDay(text)) return text;
  const uk = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (!uk) return undefined;
  const day = `${uk[3]}-${uk[2]!.padStart(2, "0")}-${uk[1]!.padStart(2, "0")}`;
  return isRealIsoDay(day) ? day : undefined;
}

/** The date (and optional UK time) a response was answered, never after today. */
export function readDateAnswered(cell: string, now: Date): Date | undefined {
  const match = /^(.+?)(?:[ T](\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?Z?)?$/.exec(cell.trim());
  const day = match ? readDay(match[1]!) : undefined;
  if (!match || !day || day > londonToday(now)) return undefined;
  const hour = Number(match[2] ?? 12);
  const minute = Number(match[3] ?? 0);
  if (hour > 23 || minute > 59) return undefined;
  return londonLocalToUtc(day, `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`);
}

type Converted = { value: unknown; comment?: string } | { reason: Reason };

/** One non-empty cell as the value the question stores. */
function convertCell(question: ImportQuestion, cell: string): Converted {
  const text = cell.trim();
  const label = `'${question.title}'`;
  const notOneOf = (key: string): Converted => ({
    reason: { key, values: { question: label, value: shown(text), options: optionsList(question.choices) } },
  });
  switch (question.kind) {
    case "text":
      // Kept exactly as typed, "=SUM(A1)" included: it is an answer, not a formula.
      return { value: cell };
    case "number":
      return NUMBER.test(text) ? { value: Number(text) } : { reason: { key: "reasons.notANumber", values: { question: label, value: shown(text) } } };
    case "date": {
      const day = readDay(text);
      return day ? { value: day } : { reason: { key: "reasons.notADate", values: { question: label, value: shown(text) } } };
    }
    case "yes-no": {
      const [yes, no] = question.choices as [ImportChoice, ImportChoice];
      const wanted = normaliseText(text);
      if (yes.names.includes(wanted) || YES_WORDS.has(wanted)) return { value: yes.value };
      if (no.names.includes(wanted) || NO_WORDS.has(wanted)) return { value: no.value };
      return { reason: { key: "reasons.notYesNo", values: { question: label, value: shown(text), yes: yes.label, no: no.label } } };
    }
    case "rating":
    case "single-choice": {
      const choice = findChoice(question.choices, text);
      if (choice) return { value: choice.value };
      if (question.other) return otherAnswer(question.other, text);
      return notOneOf("reasons.notAChoice");
    }
    case "multi-choice":
    case "ranking": {
      // A choice whose text holds a comma ("Yes, a bit") is one choice, not two.
      const whole = findChoice(question.choices, text);
      const parts = whole ? [text] : splitChoices(text);
      const values: unknown[] = [];
      const unknown: string[] = [];
      for (const part of parts) {
        const choice = findChoice(question.choices, part);
        if (choice) values.push(choice.value);
        else unknown.push(part);
      }
      if (unknown.length > 0 && !(question.kind === "multi-choice" && question.other)) {
        return { reason: { key: "reasons.notChoices", values: { question: label, value: shown(unknown.join(", ")), options: optionsList(question.choices) } } };
      }
      if (unknown.length > 0 && question.other) {
        const other = otherAnswer(question.other, unknown.join(", "));
        if ("reason" in other) return other;
        return { value: [...values, other.value], comment: other.comment };
      }
      return { value: values };
    }
  }
}

/** Text that names no choice, given as the "Other" answer (its text in the comment box when the survey keeps it there). */
function otherAnswer(other: NonNullable<ImportQuestion["other"]>, text: string): Converted {
  return other.commentKey ? { value: other.value, comment: text } : { value: text };
}

/**
 * One row's answers as they will be stored (before the survey's validator has its say), or why the
 * row cannot be read. Empty cells are questions not answered.
 */
export function rowAnswers(row: CsvRow, headers: string[], mapping: ColumnMapping, questions: ImportQuestion[], now: Date): RowAnswers {
  if (row.cells.length !== headers.length) {
    return { ok: false, reasons: [{ key: "reasons.ragged", values: { cells: row.cells.length, columns: headers.length } }] };
  }
  const byName = new Map(questions.map((q) => [q.name, q]));
  const answers: Record<string, unknown> = {};
  const reasons: Reason[] = [];
  let answeredAt: Date | undefined;
  mapping.forEach((target, column) => {
    const cell = row.cells[column] ?? "";
    if (target === SKIP_COLUMN || cell.trim() === "") return;
    if (target === DATE_ANSWERED_COLUMN) {
      answeredAt = readDateAnswered(cell, now);
      if (!answeredAt) reasons.push({ key: "reasons.dateAnswered", values: { value: shown(cell) } });
      return;
    }
    const question = byName.get(target);
    if (!question) return;
    const converted = convertCell(question, cell);
    if ("reason" in converted) {
      reasons.push(converted.reason);
      return;
    }
    setOwn(answers, question.name, converted.value);
    if (converted.comment !== undefined && question.other?.commentKey) setOwn(answers, question.other.commentKey, converted.comment);
  });
  return reasons.length > 0 ? { ok: false, reasons } : { ok: true, answers, answeredAt };
}
