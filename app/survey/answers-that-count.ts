/**
 * Which answers count: the one rule the server and the browser form share.
 *
 * survey-core keeps an answer after its question is hidden and goes on evaluating show-if
 * conditions with it, so a stale answer (given, then hidden by a later change) can make other
 * questions appear and become required. Heard's rule:
 *
 *   drop every answer whose question is hidden, then evaluate visibility again with what is left,
 *   and repeat until nothing more is dropped; only then check required questions.
 *
 * Everything hidden at one pass is dropped together (not question by question), so the result
 * does not depend on question order. Inside dynamic matrices, matrix dropdowns and dynamic panels
 * the same applies to each row's or entry's cells. Keys that belong to no question are dropped
 * too: they must not steer conditions.
 *
 * Browser-safe: survey-core only, no i18n, no Node.
 */
import {
  Model,
  type MatrixDropdownRowModelBase,
  type Question,
  type QuestionMatrixDropdownModelBase,
  type QuestionMatrixDynamicModel,
  type QuestionMatrixModel,
  type QuestionPanelDynamicModel,
  type SurveyModel,
} from "survey-core";

export type Answers = Record<string, unknown>;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object") return false;
  if (Object.prototype.toString.call(value) !== "[object Object]") return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export function hasOwn(object: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

/** Assigning `obj["__proto__"] = x` would replace the prototype, so every write goes through here. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Shown to the person: the question and every panel and page around it are visible. */
export function isShown(q: Question): boolean {
  return q.isVisible && q.isParentVisible;
}

/** The cells of a matrix row, then the questions of its detail panel. */
export function rowQuestions(row: MatrixDropdownRowModelBase): Question[] {
  const cells = row.cells.map((cell) => cell.question);
  if (!row.hasPanel) return cells;
  // Detail panels are built lazily, when first shown.
  row.showDetailPanel();
  return [...cells, ...(row.detailPanel?.questions ?? [])];
}

/** Top-level answer keys (valueName, else name) and the questions that store a value there. */
export function questionsByKey(questions: Question[]): Map<string, Question[]> {
  const groups = new Map<string, Question[]>();
  for (const q of questions) {
    const key = q.getValueName();
    groups.set(key, [...(groups.get(key) ?? []), q]);
  }
  return groups;
}

/** A survey-core model that has never held answers (or one that behaves exactly like it). */
export type NewModel = () => SurveyModel;

/**
 * Applies the rule. Returns the answers that count and a model holding them.
 *
 * Each pass sets answers on a model from `newModel` exactly once. survey-core 3.0.0 is not safe
 * to give new answers twice: rows of dynamic matrices already built keep their old shape (a
 * column's `defaultValue` is no longer filled in; a matrix dropdown replaces answers equal to a
 * default it saw before), and dynamic panels write their old entries back into the data. One pass
 * is enough when no answer is hidden, so usually this builds one model.
 */
export function answersThatCount(newModel: NewModel, answers: Answers): { answers: Answers; model: SurveyModel } {
  let current = answers;
  // Each pass that changes anything removes at least one value, so this many passes always end it.
  const maxPasses = countValues(answers) + 2;
  for (let pass = 0; pass < maxPasses; pass++) {
    const model = newModel();
    model.data = structuredClone(current);
    const next = answersToShownQuestions(model, current);
    if (sameJson(next, current)) return { answers: current, model };
    current = next;
  }
  throw new Error("answersThatCount did not settle");
}

/**
 * The rule for the browser form: call it with the survey's definition and `survey.data` before
 * survey-core validates on Complete, and send what it returns. It builds models of its own, so
 * the one on screen is left alone.
 */
export function keepAnswersToShownQuestions(definition: Record<string, unknown>, answers: Answers): Answers {
  return answersThatCount(() => new Model(definition), answers).answers;
}

/** One pass: the parts of `answers` whose questions the model shows now. */
export function answersToShownQuestions(model: SurveyModel, answers: Answers): Answers {
  const commentSuffix = model.commentSuffix || "-Comment";
  const owners = questionsByKey(model.getAllQuestions(false));
  const out: Answers = {};
  for (const key of Object.keys(answers)) {
    const own = owners.get(key);
    if (own) {
      const kept = keepShownParts(own.filter(isShown), answers[key], commentSuffix);
      if (kept !== undefined) setOwn(out, key, kept);
      continue;
    }
    // "q-Comment": the comment box (or "Other" text) of question q.
    const base = key.endsWith(commentSuffix) ? key.slice(0, -commentSuffix.length) : undefined;
    if (base !== undefined && (owners.get(base) ?? []).some(isShown)) setOwn(out, key, answers[key]);
  }
  return out;
}

/** What each shown owner keeps of one value; owners sharing a valueName keep the union. */
function keepShownParts(shownOwners: Question[], value: unknown, suffix: string): unknown {
  let kept: unknown;
  for (const q of shownOwners) kept = union(kept, shownPartOf(q, value, suffix));
  return kept;
}

function shownPartOf(q: Question, value: unknown, suffix: string): unknown {
  switch (q.getType()) {
    case "matrixdynamic": {
      if (!Array.isArray(value)) return value;
      // rowIndex counts all rows from 1; rows hidden by rowsVisibleIf are not in visibleRows.
      const rows = new Map((q as QuestionMatrixDynamicModel).visibleRows.map((row) => [row.rowIndex - 1, row]));
      return value.flatMap((entry, index) => {
        const row = rows.get(index);
        if (!row) return [];
        return [isPlainObject(entry) ? keepShownKeys(rowQuestions(row), entry, suffix) : entry];
      });
    }
    case "matrixdropdown": {
      if (!isPlainObject(value)) return value;
      const out: Answers = {};
      for (const row of (q as QuestionMatrixDropdownModelBase).visibleRows) {
        const name = String(row.rowName);
        if (!hasOwn(value, name)) continue;
        const entry = value[name];
        setOwn(out, name, isPlainObject(entry) ? keepShownKeys(rowQuestions(row), entry, suffix) : entry);
      }
      return out;
    }
    case "paneldynamic": {
      if (!Array.isArray(value)) return value;
      const panels = (q as QuestionPanelDynamicModel).panels;
      return value.map((entry, index) => {
        const panel = panels[index];
        return panel && isPlainObject(entry) ? keepShownKeys(panel.questions, entry, suffix) : entry;
      });
    }
    case "matrix": {
      if (!isPlainObject(value)) return value;
      const out: Answers = {};
      for (const row of (q as QuestionMatrixModel).visibleRows) {
        const name = String(row.name);
        if (hasOwn(value, name)) setOwn(out, name, value[name]);
      }
      return out;
    }
    default:
      return value;
  }
}

/** One row or panel entry: the values of its shown questions (and their comment boxes). */
function keepShownKeys(questions: Question[], entry: Answers, suffix: string): Answers {
  const out: Answers = {};
  for (const q of questions) {
    if (!isShown(q)) continue;
    const key = q.getValueName();
    if (hasOwn(entry, key)) setOwn(out, key, union(out[key], shownPartOf(q, entry[key], suffix)));
    if (hasOwn(entry, key + suffix)) setOwn(out, key + suffix, entry[key + suffix]);
  }
  return out;
}

/** Two views of one value (questions sharing a valueName): keep whatever either keeps. */
function union(a: unknown, b: unknown): unknown {
  if (a === undefined) return b;
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) return a.map((item, i) => union(item, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const out: Answers = {};
    for (const key of Object.keys(a)) setOwn(out, key, a[key]);
    for (const key of Object.keys(b)) setOwn(out, key, union(out[key], b[key]));
    return out;
  }
  return a;
}

/** Deep equality of JSON values; key order does not matter. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameJson(item, b[i]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => hasOwn(b, key) && sameJson(a[key], b[key]));
  }
  return false;
}

function countValues(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + 1 + countValues(item), 0);
  if (isPlainObject(value)) return Object.values(value).reduce((sum: number, item) => sum + 1 + countValues(item), 0);
  return 0;
}
