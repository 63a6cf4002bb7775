/**
 * Turns a survey definition and its answer sets into per-question counts, with small numbers
 * suppressed (see suppress.ts). Pure apart from survey-core's locale registration: no I/O.
 *
 * Every question is listed, not only those visible for some answer set, so the shape of a summary
 * never depends on who answered. Choice-like questions (choices, ratings, smileys, pictures) get one
 * cell per option; numbers get a median and range; rankings the mean position and first choices;
 * matrices one group of cells per row; drawings and free text only the number who answered.
 * Every count passes through suppressSmallCounts once, here: charts, tables and exports reuse it.
 */
import {
  Model,
  type ItemValue,
  type Question,
  type QuestionBooleanModel,
  type QuestionImagePickerModel,
  type QuestionRatingModel,
  type QuestionMatrixModel,
  type QuestionSelectBase,
  type QuestionTextModel,
} from "survey-core";
// Registers survey-core's Welsh strings ("Iawn"/"Na", "Arall (disgrifiwch)") for default labels.
import "survey-core/i18n/welsh";
import { suppressSmallCounts } from "./suppress";

export type CellCount = {
  label: string;
  value: string;
  count: number | null;
  percent: number | null;
  suppressed: boolean;
  /** Why the cell is hidden, so the UI can say "fewer than 5" only where that is true. */
  reason?: "small" | "secondary" | "base" | null;
};

/** What a choice-like question looked like to the child, so the chart can say so. */
export type ChoiceStyle = "choice" | "rating" | "smiley" | "picture";

type Answered = { name: string; title: string; answered: number | null; answeredSuppressed: boolean };

/** One item of a ranking: its mean position (1 = first) and how many put it first. */
export type RankedItem = { label: string; value: string; meanPosition: number | null; first: CellCount };

/** One row of a matrix: its own answered count and one cell per column. */
export type MatrixRow = { label: string; value: string; answered: number | null; answeredSuppressed: boolean; cells: CellCount[] };

export type QuestionSummary =
  | (Answered & { kind: "choice"; style: ChoiceStyle; multi: boolean; cells: CellCount[] })
  | (Answered & { kind: "number"; median: number | null; min: number | null; max: number | null })
  | (Answered & { kind: "ranking"; items: RankedItem[] })
  | (Answered & { kind: "matrix"; columns: { label: string; value: string }[]; rows: MatrixRow[] })
  | (Answered & { kind: "drawing" })
  | (Answered & { kind: "text" });

export type ResponsesSummary = {
  total: number | null;
  totalSuppressed: boolean;
  questions: QuestionSummary[];
};

export type SummariseOptions = { threshold: number; locale?: string };

/** Display-only elements: they never hold an answer (expression values are computed, not given). */
const NOT_ANSWERABLE = new Set(["html", "expression", "image"]);
const SINGLE_CHOICE = new Set(["radiogroup", "dropdown", "buttongroup"]);
const MULTI_CHOICE = new Set(["checkbox", "tagbox"]);

/** One countable option of a choice-like question. */
type Option = { key: string; value: string; label: string };

/** How to read one question's answers. */
type ChoiceShape = { kind: "choice"; style: ChoiceStyle; multi: boolean; options: Option[]; otherKey: string | null };
type Shape =
  | ChoiceShape
  | { kind: "number" }
  | { kind: "ranking"; options: Option[] }
  | { kind: "matrix"; rows: Option[]; columns: Option[] }
  | { kind: "drawing" }
  | { kind: "text" };

export function summariseResponses(
  definition: Record<string, unknown>,
  answerSets: Record<string, unknown>[],
  options: SummariseOptions,
): ResponsesSummary {
  const model = new Model(definition);
  model.locale = options.locale ?? "";

  const questions = model
    .getAllQuestions(false)
    .filter((question) => !NOT_ANSWERABLE.has(question.getType()))
    .map((question) => summariseQuestion(question, answerSets, options.threshold));

  const total = suppressSmallCounts([], options.threshold, { total: answerSets.length });
  return { total: total.total, totalSuppressed: total.totalSuppressed, questions };
}

function summariseQuestion(
  question: Question,
  answerSets: Record<string, unknown>[],
  threshold: number,
): QuestionSummary {
  const name = question.name;
  const title = question.title || name;
  const answers = answerSets.map((answers) => answers[name]);
  const shape = shapeOf(question);

  const answered = answers.filter(hasAnswer).length;
  const base = suppressSmallCounts([], threshold, { total: answered });
  const common = { name, title, answered: base.total, answeredSuppressed: base.totalSuppressed };

  switch (shape.kind) {
    case "choice":
      return { ...common, ...summariseChoice(shape, answers, threshold) };
    case "number":
      return { ...common, kind: "number", ...summariseNumbers(answers, base.totalSuppressed) };
    case "ranking":
      return { ...common, kind: "ranking", items: summariseRanking(shape.options, answers, threshold) };
    case "matrix":
      return { ...common, kind: "matrix", ...summariseMatrix(shape, answers, threshold) };
    case "drawing":
    case "text":
      return { ...common, kind: shape.kind };
  }
}

/** Counts per option; the percent base is those who picked at least one known option. */
function summariseChoice(shape: ChoiceShape, answers: unknown[], threshold: number) {
  const { answered, counts } = tallyChoices(shape, answers);
  const result = suppressSmallCounts(counts, threshold, { total: answered });
  return {
    kind: "choice" as const,
    style: shape.style,
    multi: shape.multi,
    answered: result.total,
    answeredSuppressed: result.totalSuppressed,
    cells: toCells(shape.options, result, answered),
  };
}

/** Suppressed counts as labelled cells, with a whole-number percent only where the rules allow it. */
function toCells(options: Option[], result: ReturnType<typeof suppressSmallCounts>, base: number): CellCount[] {
  return options.map((option, index): CellCount => {
    const cell = result.cells[index] ?? { count: null, suppressed: true, reason: "base" as const };
    const percent = result.showPercentages && cell.count !== null ? Math.round((cell.count / base) * 100) : null;
    return { label: option.label, value: option.value, count: cell.count, percent, suppressed: cell.suppressed, reason: cell.reason };
  });
}

/**
 * Median and range of number answers. With fewer answers than the threshold nothing is shown:
 * the lowest and highest answers are single children's answers.
 */
function summariseNumbers(answers: unknown[], baseSuppressed: boolean) {
  const numbers = answers
    .map((answer) => (typeof answer === "number" ? answer : typeof answer === "string" && answer.trim() !== "" ? Number(answer) : NaN))
    .filter((value) => Number.isFinite(value))
    .sort((a, b) => a - b);
  if (baseSuppressed || numbers.length === 0) return { median: null, min: null, max: null };
  return { median: median(numbers), min: numbers[0] ?? null, max: numbers[numbers.length - 1] ?? null };
}

export function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return Math.round(value * 100) / 100;
}

/**
 * Mean position of each ranked item (1 = ranked first) and how many ranked it first. First-choice
 * counts add up to those who ranked, so they are suppressed as one group with that total; a mean
 * is only shown when the whole base is shown.
 */
function summariseRanking(options: Option[], answers: unknown[], threshold: number): RankedItem[] {
  const indexByKey = new Map(options.map((option, index) => [option.key, index]));
  const firsts = options.map(() => 0);
  const positionSums = options.map(() => 0);
  const positionCounts = options.map(() => 0);
  let ranked = 0;
  for (const answer of answers) {
    if (!Array.isArray(answer) || answer.length === 0) continue;
    ranked += 1;
    answer.forEach((value, position) => {
      const index = indexByKey.get(keyOf(value) ?? "");
      if (index === undefined) return;
      positionSums[index] = (positionSums[index] ?? 0) + position + 1;
      positionCounts[index] = (positionCounts[index] ?? 0) + 1;
      if (position === 0) firsts[index] = (firsts[index] ?? 0) + 1;
    });
  }
  const result = suppressSmallCounts(firsts, threshold, { total: ranked });
  const cells = toCells(options, result, ranked);
  return options.map((option, index) => {
    const placed = positionCounts[index] ?? 0;
    const meanPosition = result.showPercentages && placed >= threshold ? Math.round(((positionSums[index] ?? 0) / placed) * 10) / 10 : null;
    return { label: option.label, value: option.value, meanPosition, first: cells[index]! };
  });
}

/** One suppressed group per matrix row: each row's cells add up to the children who answered that row. */
function summariseMatrix(shape: Extract<Shape, { kind: "matrix" }>, answers: unknown[], threshold: number) {
  const columnIndex = new Map(shape.columns.map((column, index) => [column.key, index]));
  const rows = shape.rows.map((row): MatrixRow => {
    const counts = shape.columns.map(() => 0);
    let answered = 0;
    for (const answer of answers) {
      if (!answer || typeof answer !== "object" || Array.isArray(answer)) continue;
      const index = columnIndex.get(keyOf((answer as Record<string, unknown>)[row.value]) ?? "");
      if (index === undefined) continue;
      counts[index] = (counts[index] ?? 0) + 1;
      answered += 1;
    }
    const result = suppressSmallCounts(counts, threshold, { total: answered });
    return { label: row.label, value: row.value, answered: result.total, answeredSuppressed: result.totalSuppressed, cells: toCells(shape.columns, result, answered) };
  });
  return { columns: shape.columns.map(({ label, value }) => ({ label, value })), rows };
}

function shapeOf(question: Question): Shape {
  const type = question.getType();
  if (type === "rating") {
    const rating = question as QuestionRatingModel;
    const style = rating.rateType === "smileys" ? "smiley" : "rating";
    return { kind: "choice", style, multi: false, options: ratingOptions(rating), otherKey: null };
  }
  if (type === "boolean") {
    return { kind: "choice", style: "choice", multi: false, options: booleanOptions(question as QuestionBooleanModel), otherKey: null };
  }
  if (type === "text" && (question as QuestionTextModel).inputType === "number") return { kind: "number" };
  if (type === "ranking") return { kind: "ranking", options: selectOptions(question as QuestionSelectBase) };
  if (type === "matrix") {
    const matrix = question as QuestionMatrixModel;
    return { kind: "matrix", rows: itemOptions(matrix.rows as ItemValue[]), columns: itemOptions(matrix.columns as ItemValue[]) };
  }
  if (type === "signaturepad") return { kind: "drawing" };
  const multiImage = type === "imagepicker" && (question as QuestionImagePickerModel).multiSelect;
  if (SINGLE_CHOICE.has(type) || MULTI_CHOICE.has(type) || type === "imagepicker") {
    const select = question as QuestionSelectBase;
    return {
      kind: "choice",
      style: type === "imagepicker" ? "picture" : "choice",
      multi: MULTI_CHOICE.has(type) || multiImage,
      options: selectOptions(select),
      otherKey: select.showOtherItem ? keyOf(select.otherItem.value) : null,
    };
  }
  // Free text, dropdown matrices, files...: no fixed option list to count, so only "answered".
  return { kind: "text" };
}

/** Each rate value, labelled with its own text, or its number plus the end descriptions. */
function ratingOptions(question: QuestionRatingModel): Option[] {
  const items = question.visibleRateValues;
  return items.map((item, index) => {
    const number = String(item.value);
    let label = item.hasText ? item.text : number;
    const description =
      index === 0 ? question.minRateDescription : index === items.length - 1 ? question.maxRateDescription : "";
    if (!item.hasText && description) label = `${number} (${description})`;
    return { key: keyOf(item.value) ?? number, value: number, label };
  });
}

function booleanOptions(question: QuestionBooleanModel): Option[] {
  const valueTrue: unknown = question.getValueTrue();
  const valueFalse: unknown = question.getValueFalse();
  return [
    { key: keyOf(valueTrue) ?? "true", value: String(valueTrue), label: question.labelTrue },
    { key: keyOf(valueFalse) ?? "false", value: String(valueFalse), label: question.labelFalse },
  ];
}

/** The question's own choices (all of them, whatever their visibleIf) plus the special items it shows. */
function selectOptions(question: QuestionSelectBase): Option[] {
  const items: ItemValue[] = [...(question.choices as ItemValue[])];
  if (question.showNoneItem) items.push(question.noneItem);
  if (question.showRefuseItem) items.push(question.refuseItem);
  if (question.showDontKnowItem) items.push(question.dontKnowItem);
  if (question.showOtherItem) items.push(question.otherItem);

  return itemOptions(items);
}

/** Items as countable options, each value once. */
function itemOptions(items: ItemValue[]): Option[] {
  const seen = new Set<string>();
  return items.flatMap((item) => {
    const key = keyOf(item.value);
    if (key === null || seen.has(key)) return [];
    seen.add(key);
    return [{ key, value: String(item.value), label: item.text || String(item.value) }];
  });
}

/**
 * Counts, per option, the answer sets that picked it, and how many answered with at least one
 * known option (the percent base). A value that is not an option counts as "Other" when the
 * question offers one (SurveyJS stores the typed text itself when storeOthersAsComment is off);
 * otherwise it is ignored, because server validation should never have let it in.
 */
function tallyChoices(
  shape: ChoiceShape,
  answers: unknown[],
): { answered: number; counts: number[] } {
  const indexByKey = new Map(shape.options.map((option, index) => [option.key, index]));
  const counts = shape.options.map(() => 0);
  let answered = 0;

  for (const answer of answers) {
    const picked = new Set<number>();
    for (const value of selectedValues(answer, shape.multi)) {
      const key = keyOf(value);
      const index =
        (key !== null ? indexByKey.get(key) : undefined) ??
        (shape.otherKey !== null && hasAnswer(value) ? indexByKey.get(shape.otherKey) : undefined);
      if (index !== undefined) picked.add(index);
    }
    if (picked.size > 0) answered += 1;
    picked.forEach((index) => (counts[index] = (counts[index] ?? 0) + 1));
  }
  return { answered, counts };
}

function selectedValues(answer: unknown, multi: boolean): unknown[] {
  if (answer === undefined || answer === null) return [];
  if (multi) return Array.isArray(answer) ? answer : [];
  return Array.isArray(answer) ? [] : [answer];
}

/** A comparable key for a choice value; 1 and "1" match, as JSON round trips can turn one into the other. */
function keyOf(value: unknown): string | null {
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return String(value);
  return null;
}

function hasAnswer(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === "string") return value.trim() !== "";
  if (Array.isArray(value)) return value.some(hasAnswer);
  if (typeof value === "object") return Object.values(value).some(hasAnswer);
  return true;
}

// ---------------------------------------------------------------------------------------------
// Reading one choice question's answers, for filters and cross-tabs (breakdown.ts)
// ---------------------------------------------------------------------------------------------

export type ChoiceReader = {
  name: string;
  title: string;
  multi: boolean;
  options: { value: string; label: string }[];
  /** Indexes into `options` of what this answer set picked (empty: not answered). */
  picks: (answers: Record<string, unknown>) => number[];
};

/** The choice-like questions of a definition (choices, ratings, smileys, pictures, yes/no), in order. */
export function choiceQuestions(definition: Record<string, unknown>, locale = ""): ChoiceReader[] {
  const model = new Model(definition);
  model.locale = locale;
  return model.getAllQuestions(false).flatMap((question) => {
    const shape = shapeOf(question);
    if (shape.kind !== "choice") return [];
    const name = question.name;
    return [
      {
        name,
        title: question.title || name,
        multi: shape.multi,
        options: shape.options.map(({ value, label }) => ({ value, label })),
        picks: (answers: Record<string, unknown>) => {
          const counted = tallyChoices(shape, [answers[name]]).counts;
          return counted.flatMap((count, index) => (count > 0 ? [index] : []));
        },
      },
    ];
  });
}

/** The free-text questions of a definition (comments and text boxes that are not numbers), in order. */
export function freeTextQuestions(definition: Record<string, unknown>, locale = ""): { name: string; title: string }[] {
  const model = new Model(definition);
  model.locale = locale;
  return model
    .getAllQuestions(false)
    .filter((question) => question.getType() === "comment" || (question.getType() === "text" && shapeOf(question).kind === "text"))
    .map((question) => ({ name: question.name, title: question.title || question.name }));
}
