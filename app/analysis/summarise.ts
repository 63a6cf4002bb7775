/**
 * Turns a survey definition and its answer sets into per-question counts, with small numbers
 * suppressed (see suppress.ts). Pure apart from survey-core's locale registration: no I/O.
 *
 * Every question is listed, not only those visible for some answer set, so the shape of a summary
 * never depends on who answered. Choice-like questions get one cell per option; free text and
 * anything without fixed options (matrices, ranking, files...) only gets the number who answered.
 */
import {
  Model,
  type ItemValue,
  type Question,
  type QuestionBooleanModel,
  type QuestionImagePickerModel,
  type QuestionRatingModel,
  type QuestionSelectBase,
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

export type QuestionSummary =
  | {
      kind: "choice";
      name: string;
      title: string;
      answered: number | null;
      answeredSuppressed: boolean;
      cells: CellCount[];
    }
  | { kind: "text"; name: string; title: string; answered: number | null; answeredSuppressed: boolean };

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
type Shape =
  | { kind: "choice"; multi: boolean; options: Option[]; otherKey: string | null }
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

  if (shape.kind === "text") {
    const answered = answers.filter(hasAnswer).length;
    const result = suppressSmallCounts([], threshold, { total: answered });
    return { kind: "text", name, title, answered: result.total, answeredSuppressed: result.totalSuppressed };
  }

  const { answered, counts } = tallyChoices(shape, answers);
  const result = suppressSmallCounts(counts, threshold, { total: answered });
  const cells = shape.options.map((option, index): CellCount => {
    const cell = result.cells[index] ?? { count: null, suppressed: true, reason: "base" as const };
    const percent =
      result.showPercentages && cell.count !== null ? Math.round((cell.count / answered) * 100) : null;
    return {
      label: option.label,
      value: option.value,
      count: cell.count,
      percent,
      suppressed: cell.suppressed,
      reason: cell.reason,
    };
  });
  return {
    kind: "choice",
    name,
    title,
    answered: result.total,
    answeredSuppressed: result.totalSuppressed,
    cells,
  };
}

function shapeOf(question: Question): Shape {
  const type = question.getType();
  if (type === "rating") {
    return { kind: "choice", multi: false, options: ratingOptions(question as QuestionRatingModel), otherKey: null };
  }
  if (type === "boolean") {
    return { kind: "choice", multi: false, options: booleanOptions(question as QuestionBooleanModel), otherKey: null };
  }
  const multiImage = type === "imagepicker" && (question as QuestionImagePickerModel).multiSelect;
  if (SINGLE_CHOICE.has(type) || MULTI_CHOICE.has(type) || type === "imagepicker") {
    const select = question as QuestionSelectBase;
    return {
      kind: "choice",
      multi: MULTI_CHOICE.has(type) || multiImage,
      options: selectOptions(select),
      otherKey: select.showOtherItem ? keyOf(select.otherItem.value) : null,
    };
  }
  // Ranking, matrices, sliders, files...: no fixed option list to count, so only "answered".
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
  shape: Extract<Shape, { kind: "choice" }>,
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
