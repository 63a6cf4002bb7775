/**
 * Server-side validation of survey answers against the SurveyJS definition they claim to answer.
 *
 * survey-core checks "required", validators and min/max, but it does not type-check values: a
 * rating of 9 on a 1–5 scale, `boolean: "maybe"` or a number "abc" all pass. So this module does
 * four things in order:
 *
 * 1. copies the untrusted input into plain JSON, enforcing size limits and dropping `__proto__`;
 * 2. keeps only the answers that count: answers to hidden questions are dropped until visibility
 *    is stable (the rule in answers-that-count.ts, which the browser form shares);
 * 3. checks every remaining answer against its question, producing a cleaned value (canonical
 *    choice values, numbers instead of numeric strings);
 * 4. has survey-core check the cleaned answers (required, validators), and refuses a submission
 *    that answers nothing.
 *
 * Every model is given answers once, so each verdict is survey-core's own on a new model holding
 * those answers (see answersThatCount for why). Pure: no database, no DOM. One `Model` per call
 * when the answers are already clean and nothing hidden was answered; a few more otherwise.
 */
import type { TFunction } from "i18next";
import {
  Model,
  type ItemValue,
  type PanelModel,
  type Question,
  type QuestionBooleanModel,
  type QuestionCheckboxModel,
  type QuestionMatrixDropdownModelBase,
  type QuestionMatrixDynamicModel,
  type QuestionMatrixModel,
  type QuestionMultipleTextModel,
  type QuestionPanelDynamicModel,
  type QuestionRankingModel,
  type QuestionRatingModel,
  type QuestionSelectBase,
  type QuestionSliderModel,
  type QuestionTextModel,
  type SurveyModel,
} from "survey-core";
import { DEFAULT_LOCALE, getI18n, isSupportedLocale } from "~/i18n/i18n";
import {
  answersThatCount,
  hasOwn,
  isPlainObject,
  isShown,
  questionsByKey,
  rowQuestions,
  sameJson,
  setOwn,
  type NewModel,
} from "./answers-that-count";

/** Set on errors a caller may want to tell apart; most errors have none. */
export type AnswerErrorCode = "no-answers";
export type AnswerError = { question: string; title: string; message: string; code?: AnswerErrorCode };
export type ValidationResult =
  | { ok: true; answers: Record<string, unknown> }
  | { ok: false; errors: AnswerError[] };

export const ANSWER_LIMITS = {
  /** top-level keys in one submission */
  maxKeys: 500,
  maxStringLength: 10_000,
  maxArrayItems: 500,
  /** containers below the answers object (paneldynamic → matrixdynamic → checkbox comments ≈ 6) */
  maxDepth: 8,
  /** every value anywhere in the submission; stops 500 × 500 × 500 shapes */
  maxTotalValues: 20_000,
} as const;

/** Messages come from locales/<lng>/validation.json; `label`s passed around are already translated. */
type Translate = TFunction<"validation">;

// ---------------------------------------------------------------------------------------------
// Step 1: untrusted input → plain JSON copy
// ---------------------------------------------------------------------------------------------

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };
type LimitProblem = "too-long" | "too-many-items" | "too-deep" | "unreadable";

class LimitError extends Error {
  constructor(readonly problem: LimitProblem | "too-many-values") {
    super(problem);
  }
}

/** Copies a value into fresh plain JSON, throwing LimitError; `undefined` means "leave it out". */
function copyJson(value: unknown, depth: number, budget: { left: number }): Json | undefined {
  if (--budget.left < 0) throw new LimitError("too-many-values");
  if (value === undefined) return undefined;
  if (value === null || typeof value === "boolean") return value;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new LimitError("unreadable");
    return value;
  }
  if (typeof value === "string") {
    // A drawing (a picture as a data URL) may be longer; checkQuestion holds every other answer to the limit.
    const limit = depth === 1 && value.startsWith("data:image/") ? MAX_DRAWING_STRING : ANSWER_LIMITS.maxStringLength;
    if (value.length > limit) throw new LimitError("too-long");
    return value;
  }
  if (depth >= ANSWER_LIMITS.maxDepth && (Array.isArray(value) || isPlainObject(value))) {
    throw new LimitError("too-deep");
  }
  if (Array.isArray(value)) {
    if (value.length > ANSWER_LIMITS.maxArrayItems) throw new LimitError("too-many-items");
    // JSON has no holes or undefined in arrays; treat them as null like JSON.stringify would.
    return Array.from(value, (item) => copyJson(item, depth + 1, budget) ?? null);
  }
  if (isPlainObject(value)) {
    const keys = Object.keys(value);
    if (keys.length > ANSWER_LIMITS.maxArrayItems) throw new LimitError("too-many-items");
    const out: JsonObject = {};
    for (const key of keys) {
      if (key === "__proto__") continue;
      const copied = copyJson(value[key], depth + 1, budget);
      if (copied !== undefined) setOwn(out, key, copied);
    }
    return out;
  }
  throw new LimitError("unreadable");
}

type SanitizedInput =
  | { ok: true; data: JsonObject; problems: Map<string, LimitProblem> }
  | { ok: false; message: string };

function sanitizeInput(t: Translate, input: unknown): SanitizedInput {
  if (!isPlainObject(input)) {
    return { ok: false, message: t("answer.unreadableAnswers") };
  }
  const keys = Object.keys(input);
  if (keys.length > ANSWER_LIMITS.maxKeys) {
    return { ok: false, message: t("answer.tooManyAnswers", { max: formatCount(ANSWER_LIMITS.maxKeys) }) };
  }
  const data: JsonObject = {};
  const problems = new Map<string, LimitProblem>();
  const budget = { left: ANSWER_LIMITS.maxTotalValues };
  for (const key of keys) {
    if (key === "__proto__") continue;
    try {
      const copied = copyJson(input[key], 1, budget);
      if (copied !== undefined) setOwn(data, key, copied);
    } catch (error) {
      if (!(error instanceof LimitError)) throw error;
      if (error.problem === "too-many-values") {
        return { ok: false, message: t("answer.tooBig") };
      }
      problems.set(key, error.problem);
    }
  }
  return { ok: true, data, problems };
}

function limitMessage(t: Translate, problem: LimitProblem, label: string): string {
  switch (problem) {
    case "too-long":
      return tooLongMessage(t, label, ANSWER_LIMITS.maxStringLength);
    case "too-many-items":
      return t("answer.tooManyParts", { question: label, max: formatCount(ANSWER_LIMITS.maxArrayItems) });
    case "too-deep":
    case "unreadable":
      return unreadableMessage(t, label);
  }
}

function tooLongMessage(t: Translate, label: string, max: number): string {
  return t("answer.tooLong", { question: label, max: formatCount(max) });
}

function unreadableMessage(t: Translate, label: string): string {
  return t("answer.unreadable", { question: label });
}

// Welsh groups digits the same way ("10,000"), so one format serves both languages.
function formatCount(n: number): string {
  return n.toLocaleString("en-GB");
}

/** survey-core treats these as "no answer"; so do we (and drop them from the result). */
function isEmptyAnswer(value: unknown): boolean {
  if (value === null || value === undefined || value === "") return true;
  if (Array.isArray(value)) return value.length === 0;
  if (isPlainObject(value)) return Object.keys(value).length === 0;
  return false;
}

// ---------------------------------------------------------------------------------------------
// Question kinds
// ---------------------------------------------------------------------------------------------

export type Kind =
  | "single-choice"
  | "multi-choice"
  | "ranking"
  | "rating"
  | "boolean"
  | "text"
  | "comment"
  | "slider"
  | "matrix"
  | "matrix-rows"
  | "matrix-dynamic"
  | "multiple-text"
  | "panel-dynamic"
  | "no-answer"
  | "file"
  | "signature"
  | "unsupported";

/** What kind of answer a question takes, by survey-core type (the import reads files with it too). */
export function kindOf(q: Question): Kind {
  switch (q.getType()) {
    case "radiogroup":
    case "dropdown":
    case "buttongroup":
      return "single-choice";
    case "imagepicker":
      return (q as unknown as { multiSelect: boolean }).multiSelect ? "multi-choice" : "single-choice";
    case "checkbox":
    case "tagbox":
      return "multi-choice";
    case "ranking":
      return "ranking";
    case "rating":
      return "rating";
    case "boolean":
      return "boolean";
    case "text":
      return "text";
    case "comment":
      return "comment";
    case "slider":
      return "slider";
    case "matrix":
      return "matrix";
    case "matrixdropdown":
      return "matrix-rows";
    case "matrixdynamic":
      return "matrix-dynamic";
    case "multipletext":
      return "multiple-text";
    case "paneldynamic":
      return "panel-dynamic";
    case "html":
    case "expression":
    case "image":
    case "empty":
      return "no-answer";
    case "file":
      return "file";
    case "signaturepad":
      return "signature";
    default:
      return "unsupported";
  }
}

/**
 * The container an answer must be before it is handed to survey-core. Wrong containers make
 * survey-core log warnings, and some (a paneldynamic item that is `null`) make it throw.
 */
function fitsContainer(q: Question, value: Json): boolean {
  switch (kindOf(q)) {
    case "multi-choice":
    case "ranking":
      return Array.isArray(value);
    case "matrix":
    case "multiple-text":
      return isPlainObject(value);
    case "matrix-rows":
      return (
        isPlainObject(value) &&
        Object.values(value).every((row) => isPlainObject(row) && fitsDetailPanel(q, row as JsonObject))
      );
    case "matrix-dynamic":
      return Array.isArray(value) && value.every((row) => isPlainObject(row) && fitsDetailPanel(q, row));
    case "panel-dynamic": {
      const template = (q as QuestionPanelDynamicModel).template;
      return Array.isArray(value) && value.every((item) => isPlainObject(item) && fitsPanel(template, item));
    }
    case "single-choice":
      // An object is a choice with its own comment box: { value, comment }.
      return !Array.isArray(value);
    case "rating":
    case "boolean":
    case "text":
    case "comment":
      return !Array.isArray(value) && !isPlainObject(value);
    case "slider":
      return !isPlainObject(value);
    default:
      return true;
  }
}

function fitsPanel(panel: PanelModel, item: JsonObject): boolean {
  return panel.questions.every((inner) => {
    const key = inner.getValueName();
    return !hasOwn(item, key) || fitsContainer(inner, item[key] as Json);
  });
}

function fitsDetailPanel(q: Question, row: JsonObject): boolean {
  const matrix = q as QuestionMatrixDropdownModelBase;
  return matrix.detailPanelMode === "none" || fitsPanel(matrix.detailPanel, row);
}

// ---------------------------------------------------------------------------------------------
// Step 2: per-kind checks. Each returns a cleaned value (undefined = nothing to keep) or errors.
// `label` is how the messages name the question, already quoted: 'How do you feel about school?'
// `t` gives the messages in the survey's language.
// ---------------------------------------------------------------------------------------------

type Checked = { value: unknown } | { errors: string[] };

const keep = (value: unknown): Checked => ({ value });
const fail = (...errors: string[]): Checked => ({ errors });

function checkQuestion(t: Translate, q: Question, raw: Json, label: string): Checked {
  if (isEmptyAnswer(raw)) return keep(undefined);
  const kind = kindOf(q);
  if (kind !== "signature" && typeof raw === "string" && raw.length > ANSWER_LIMITS.maxStringLength) {
    return fail(tooLongMessage(t, label, ANSWER_LIMITS.maxStringLength));
  }
  switch (kind) {
    case "single-choice":
      return checkSingleChoice(t, q as QuestionSelectBase, raw, label);
    case "multi-choice":
      return checkMultiChoice(t, q as QuestionCheckboxModel, raw, label);
    case "ranking":
      return checkRanking(t, q as QuestionRankingModel, raw, label);
    case "rating":
      return checkRating(t, q as QuestionRatingModel, raw, label);
    case "boolean":
      return checkBoolean(t, q as QuestionBooleanModel, raw, label);
    case "text":
      return checkText(t, q as QuestionTextModel, raw, label);
    case "comment":
      return checkString(t, q, raw, label);
    case "slider":
      return checkSlider(t, q as QuestionSliderModel, raw, label);
    case "matrix":
      return checkMatrix(t, q as QuestionMatrixModel, raw, label);
    case "matrix-rows":
      return checkMatrixRows(t, q as QuestionMatrixDropdownModelBase, raw, label);
    case "matrix-dynamic":
      return checkMatrixDynamic(t, q as QuestionMatrixDynamicModel, raw, label);
    case "multiple-text":
      return checkMultipleText(t, q as QuestionMultipleTextModel, raw, label);
    case "panel-dynamic":
      return checkPanelDynamic(t, q as QuestionPanelDynamicModel, raw, label);
    case "no-answer":
      // Computed or decorative: whatever the client sent is not an answer.
      return keep(undefined);
    case "file":
      return fail(t("answer.noFiles"));
    case "signature":
      return checkDrawing(t, raw, label);
    case "unsupported":
      return fail(t("answer.unsupported", { question: label }));
  }
}

// --- choices ---------------------------------------------------------------------------------

/** Choice values from JSON may arrive as "3" for 3 (or the reverse); match on the string form. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const primitive = (v: unknown) => typeof v === "string" || typeof v === "number" || typeof v === "boolean";
  return primitive(a) && primitive(b) && String(a) === String(b);
}

function selectableChoices(q: QuestionSelectBase): ItemValue[] {
  // "Select all" is a button, not a value anyone can hold.
  const selectAll = (q as Partial<QuestionCheckboxModel>).selectAllItem;
  return q.visibleChoices.filter((item) => item !== selectAll);
}

function findChoice(choices: ItemValue[], raw: unknown): ItemValue | undefined {
  return choices.find((item) => item.value === raw) ?? choices.find((item) => sameValue(item.value, raw));
}

/** With storeOthersAsComment off, the "Other" text is stored as the value itself. */
function allowsFreeTextOther(q: QuestionSelectBase): boolean {
  return q.showOtherItem && !q.getStoreOthersAsComment();
}

type ChoicePick = { value: unknown; item?: ItemValue } | { error: "unknown" | "comment" };

/**
 * One selected item: a choice value, `{ value, comment }` for a choice with its own comment box
 * (survey-core 3 stores those as objects), or free "Other" text.
 */
function pickChoice(q: QuestionSelectBase, choices: ItemValue[], raw: Json): ChoicePick {
  if (isPlainObject(raw)) {
    const item = findChoice(choices, raw.value);
    const supportsComment = (item as { showCommentArea?: boolean } | undefined)?.showCommentArea === true;
    if (!item || !supportsComment) return { error: "unknown" };
    if (Object.keys(raw).some((key) => key !== "value" && key !== "comment")) return { error: "unknown" };
    if (raw.comment !== undefined && raw.comment !== null && typeof raw.comment !== "string") {
      return { error: "comment" };
    }
    const value: Record<string, unknown> = { value: item.value };
    if (typeof raw.comment === "string" && raw.comment !== "") value.comment = raw.comment;
    return { value, item };
  }
  const item = findChoice(choices, raw);
  if (item) return { value: item.value, item };
  if (allowsFreeTextOther(q) && typeof raw === "string" && raw.trim() !== "") return { value: raw };
  return { error: "unknown" };
}

function checkSingleChoice(t: Translate, q: QuestionSelectBase, raw: Json, label: string): Checked {
  const pick = pickChoice(q, selectableChoices(q), raw);
  if ("error" in pick) {
    return pick.error === "comment"
      ? fail(t("answer.detailAsText", { question: label }))
      : fail(t("answer.chooseOne", { question: label }));
  }
  return keep(pick.value);
}

function checkMultiChoice(t: Translate, q: QuestionCheckboxModel, raw: Json, label: string): Checked {
  if (!Array.isArray(raw)) return fail(t("answer.chooseFrom", { question: label }));
  const choices = selectableChoices(q);
  const propertyName = q.valuePropertyName || "";
  const picked: { value: unknown; item?: ItemValue }[] = [];
  for (const element of raw) {
    // valuePropertyName stores [{ car: "Ford" }] instead of ["Ford"].
    const inner = propertyName ? (isPlainObject(element) ? (element[propertyName] as Json) : undefined) : element;
    if (inner === undefined) return fail(t("answer.chooseOnlyFrom", { question: label }));
    const pick = pickChoice(q, choices, inner);
    if ("error" in pick) {
      return pick.error === "comment"
        ? fail(t("answer.detailAsText", { question: label }))
        : fail(t("answer.chooseOnlyFrom", { question: label }));
    }
    picked.push(pick);
  }
  const keys = picked.map((p) => String(p.item ? p.item.value : p.value));
  if (new Set(keys).size !== keys.length) return fail(t("answer.chooseEachOnce", { question: label }));
  if (picked.filter((p) => !p.item).length > 1) return fail(t("answer.chooseOnlyFrom", { question: label }));

  const exclusive = picked.find((p) => p.item && (p.item as { isExclusive?: boolean }).isExclusive);
  if (exclusive?.item && picked.length > 1) {
    return fail(t("answer.notTogether", { option: exclusive.item.text, question: label }));
  }
  const max = q.maxSelectedChoices;
  // The none/exclusive items do not count towards the limit in survey-core's UI either.
  if (max > 0 && picked.length > max) return fail(t("answer.tooManyChoices", { max, question: label }));

  const values = picked.map((p) => p.value);
  return keep(propertyName ? values.map((v) => ({ [propertyName]: v })) : values);
}

function checkRanking(t: Translate, q: QuestionRankingModel, raw: Json, label: string): Checked {
  if (!Array.isArray(raw)) return fail(t("answer.putInOrder", { question: label }));
  const choices = selectableChoices(q);
  const values: unknown[] = [];
  for (const element of raw) {
    const item = findChoice(choices, element);
    if (!item) return fail(t("answer.rankOnlyShown", { question: label }));
    values.push(item.value);
  }
  if (new Set(values.map(String)).size !== values.length) {
    return fail(t("answer.rankEachOnce", { question: label }));
  }
  return keep(values);
}

// --- rating, boolean, numbers ------------------------------------------------------------------

function checkRating(t: Translate, q: QuestionRatingModel, raw: Json, label: string): Checked {
  // The model's own list: rateCount alone is ignored by survey-core, rateValues override min/max.
  const items = q.visibleRateValues;
  const item = findChoice(items, raw);
  if (item) return keep(item.value);
  const first = items[0]?.value;
  const last = items[items.length - 1]?.value;
  const generated = !q.rateValues || q.rateValues.length === 0;
  if (generated && typeof first === "number" && typeof last === "number") {
    return fail(t("answer.ratingFromTo", { min: first, max: last, question: label }));
  }
  return fail(t("answer.chooseRating", { question: label }));
}

function checkBoolean(t: Translate, q: QuestionBooleanModel, raw: Json, label: string): Checked {
  const valueTrue: unknown = q.getValueTrue();
  const valueFalse: unknown = q.getValueFalse();
  if (sameValue(valueTrue, raw)) return keep(valueTrue);
  if (sameValue(valueFalse, raw)) return keep(valueFalse);
  const yes = q.labelTrue || t("answer.yes");
  const no = q.labelFalse || t("answer.no");
  return fail(t("answer.yesOrNo", { yes, no, question: label }));
}

/** Plain decimal numbers only: no hex, no "Infinity", no empty string. */
const NUMERIC_STRING = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

function toNumber(raw: Json): number | undefined {
  if (typeof raw === "number") return Number.isFinite(raw) ? raw : undefined;
  if (typeof raw === "string" && NUMERIC_STRING.test(raw.trim())) {
    const n = Number(raw.trim());
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

function expectsNumber(q: QuestionTextModel): boolean {
  if (q.inputType === "number" || q.inputType === "range") return true;
  // Numeric and currency masks save a number unless told to save the masked text.
  const mask = q.maskType;
  return (mask === "numeric" || mask === "currency") && !q.maskSettings?.saveMaskedValue;
}

// Shapes browsers produce for these <input> types, and the message key when an answer is not one.
const DATE_PATTERNS: Record<string, { pattern: RegExp; message: string }> = {
  date: { pattern: /^\d{4}-\d{2}-\d{2}$/, message: "answer.enterDate" },
  "datetime-local": { pattern: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/, message: "answer.enterDateTime" },
  time: { pattern: /^\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/, message: "answer.enterTime" },
  month: { pattern: /^\d{4}-\d{2}$/, message: "answer.enterMonth" },
};

function isRealDate(inputType: string, value: string): boolean {
  if (inputType === "time") {
    const [h = 99, m = 99] = value.split(":").map(Number);
    return h < 24 && m < 60;
  }
  const [y = 0, mo = 0, d = 1] = value.slice(0, 10).split("-").map(Number);
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function checkText(t: Translate, q: QuestionTextModel, raw: Json, label: string): Checked {
  if (expectsNumber(q)) {
    const n = toNumber(raw);
    // min/max (and their expressions) are checked by survey-core once it sees a real number.
    return n === undefined ? fail(t("answer.enterNumber", { question: label })) : keep(n);
  }
  const checked = checkString(t, q, raw, label);
  if ("errors" in checked || typeof checked.value !== "string") return checked;
  const format = DATE_PATTERNS[q.inputType];
  if (format && !(format.pattern.test(checked.value) && isRealDate(q.inputType, checked.value))) {
    return fail(t(format.message, { question: label }));
  }
  return checked;
}

/** Text answers; survey-core shows maxLength as a counter but never enforces it. */
// A "draw it" answer is the picture itself, as survey-core's signature pad sends it: a PNG or JPEG
// data URL. SVG is refused (it can carry script). The bytes must really be that kind of image.
export const MAX_DRAWING_BYTES = 300 * 1024;
// The longest data URL a drawing may arrive as: its base64 plus a little for the prefix.
const MAX_DRAWING_STRING = Math.ceil(MAX_DRAWING_BYTES / 3) * 4 + 64;
const DRAWING_KINDS = [
  { prefix: "data:image/png;base64,", magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { prefix: "data:image/jpeg;base64,", magic: [0xff, 0xd8, 0xff] },
];

function checkDrawing(t: Translate, raw: Json, label: string): Checked {
  const kind = typeof raw === "string" ? DRAWING_KINDS.find((candidate) => raw.startsWith(candidate.prefix)) : undefined;
  if (typeof raw !== "string" || !kind) return fail(t("answer.drawingInvalid", { question: label }));
  const base64 = raw.slice(kind.prefix.length);
  // Four base64 characters carry three bytes: refuse oversized drawings before decoding them.
  if (base64.length > Math.ceil(MAX_DRAWING_BYTES / 3) * 4) return fail(t("answer.drawingTooLarge", { question: label }));
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) return fail(t("answer.drawingInvalid", { question: label }));
  const head = atob(base64.slice(0, 16));
  const matches = kind.magic.every((byte, index) => head.charCodeAt(index) === byte);
  return matches ? keep(raw) : fail(t("answer.drawingInvalid", { question: label }));
}

function checkString(t: Translate, q: Question, raw: Json, label: string): Checked {
  if (typeof raw !== "string") return fail(t("answer.asText", { question: label }));
  const max = Number((q as { getMaxLength?: () => unknown }).getMaxLength?.() ?? 0);
  if (max > 0 && raw.length > max) {
    return fail(tooLongMessage(t, label, max));
  }
  return keep(raw);
}

function checkSlider(t: Translate, q: QuestionSliderModel, raw: Json, label: string): Checked {
  const { min, max } = q;
  const inRange = (n: number | undefined): n is number => n !== undefined && n >= min && n <= max;
  if (q.sliderType === "range") {
    const pair = Array.isArray(raw) ? raw.map(toNumber) : [];
    const [low, high] = pair;
    if (pair.length !== 2 || !inRange(low) || !inRange(high)) {
      return fail(t("answer.twoNumbersFromTo", { min, max, question: label }));
    }
    return keep([low, high]);
  }
  const n = toNumber(raw);
  return inRange(n) ? keep(n) : fail(t("answer.numberFromTo", { min, max, question: label }));
}

// --- containers ------------------------------------------------------------------------------

function titleOf(element: { processedTitle?: string; title?: string; name: string }): string {
  const title = (element.processedTitle ?? element.title ?? "").trim();
  return title || element.name;
}

const quote = (text: string) => `'${text}'`;

function collect(errors: string[], checked: Checked, onValue: (value: unknown) => void): void {
  if ("errors" in checked) errors.push(...checked.errors);
  else if (checked.value !== undefined) onValue(checked.value);
}

function checkMatrix(t: Translate, q: QuestionMatrixModel, raw: Json, label: string): Checked {
  if (!isPlainObject(raw)) return fail(unreadableMessage(t, label));
  const columns = q.visibleColumns as ItemValue[];
  const multiple = q.cellType === "checkbox";
  const out: Record<string, unknown> = {};
  const errors: string[] = [];
  for (const row of q.visibleRows) {
    const key = String(row.name);
    if (!hasOwn(raw, key) || isEmptyAnswer(raw[key])) continue;
    const cell = raw[key] as Json;
    const rowLabel = t("answerLabel.matrixRow", { row: quote(row.text || key), question: label });
    if (multiple) {
      const values = Array.isArray(cell) ? cell.map((v) => findChoice(columns, v)?.value) : [undefined];
      if (values.some((v) => v === undefined)) {
        errors.push(t("answer.chooseOnlyFrom", { question: rowLabel }));
      } else if (new Set(values.map(String)).size !== values.length) {
        errors.push(t("answer.chooseEachOnce", { question: rowLabel }));
      } else {
        setOwn(out, key, values);
      }
    } else {
      const column = findChoice(columns, cell);
      if (column) setOwn(out, key, column.value);
      else errors.push(t("answer.chooseOne", { question: rowLabel }));
    }
  }
  return errors.length ? fail(...errors) : keep(out);
}

function checkMultipleText(t: Translate, q: QuestionMultipleTextModel, raw: Json, label: string): Checked {
  if (!isPlainObject(raw)) return fail(unreadableMessage(t, label));
  const out: Record<string, unknown> = {};
  const errors: string[] = [];
  for (const item of q.items) {
    if (!hasOwn(raw, item.name)) continue;
    const itemLabel = t("answerLabel.textItem", { item: quote(titleOf(item)), question: label });
    collect(errors, checkQuestion(t, item.editor, raw[item.name] as Json, itemLabel), (v) => setOwn(out, item.name, v));
  }
  return errors.length ? fail(...errors) : keep(out);
}

/** Checks the keys of one row or panel item against the questions that own them. */
function checkItem(
  t: Translate,
  questions: Question[],
  raw: JsonObject,
  labelFor: (q: Question) => string,
  errors: string[],
) {
  const out: Record<string, unknown> = {};
  for (const q of questions) {
    const key = q.getValueName();
    if (!hasOwn(raw, key) || hasOwn(out, key) || !isShown(q)) continue;
    collect(errors, checkQuestion(t, q, raw[key] as Json, labelFor(q)), (v) => setOwn(out, key, v));
  }
  return out;
}

function columnTitle(matrix: QuestionMatrixDropdownModelBase, cell: Question): string {
  const column = matrix.getColumnByName(cell.name);
  // Detail-panel questions are not columns.
  return quote(column ? column.title || column.name : titleOf(cell));
}

function checkMatrixRows(t: Translate, q: QuestionMatrixDropdownModelBase, raw: Json, label: string): Checked {
  if (!isPlainObject(raw)) return fail(unreadableMessage(t, label));
  const out: Record<string, unknown> = {};
  const errors: string[] = [];
  for (const row of q.visibleRows) {
    const key = String(row.rowName);
    const rawRow = hasOwn(raw, key) ? raw[key] : undefined;
    if (!isPlainObject(rawRow)) continue;
    const rowText = (row as { text?: string }).text || key;
    const labelFor = (cell: Question) =>
      t("answerLabel.matrixCell", { column: columnTitle(q, cell), row: quote(rowText), question: label });
    const cleaned = checkItem(t, rowQuestions(row), rawRow as JsonObject, labelFor, errors);
    if (Object.keys(cleaned).length) setOwn(out, key, cleaned);
  }
  return errors.length ? fail(...errors) : keep(out);
}

function checkMatrixDynamic(t: Translate, q: QuestionMatrixDynamicModel, raw: Json, label: string): Checked {
  // rowIndex counts all rows from 1; rows hidden by rowsVisibleIf are left out of visibleRows.
  const visible = new Map(q.visibleRows.map((row) => [row.rowIndex - 1, row]));
  return checkRepeatedEntries(t, raw, label, { max: q.maxRowCount, tooManyKey: "answer.tooManyRows" }, (index) => {
    const row = visible.get(index);
    return (
      row && {
        questions: rowQuestions(row),
        labelFor: (cell: Question) =>
          t("answerLabel.dynamicCell", { column: columnTitle(q, cell), row: index + 1, question: label }),
      }
    );
  });
}

function checkPanelDynamic(t: Translate, q: QuestionPanelDynamicModel, raw: Json, label: string): Checked {
  return checkRepeatedEntries(t, raw, label, { max: q.maxPanelCount, tooManyKey: "answer.tooManyEntries" }, (index) => {
    const panel = q.panels[index];
    return (
      panel && {
        questions: panel.questions,
        labelFor: (inner: Question) =>
          t("answerLabel.panelItem", { item: quote(titleOf(inner)), entry: index + 1, question: label }),
      }
    );
  });
}

/**
 * A list of entries (dynamic matrix rows, dynamic panels): an array no longer than `max`, each
 * entry an object checked against the questions of its row or panel. Entries with nothing to
 * check against are left out.
 */
function checkRepeatedEntries(
  t: Translate,
  raw: Json,
  label: string,
  { max, tooManyKey }: { max: number; tooManyKey: string },
  entryAt: (index: number) => { questions: Question[]; labelFor: (inner: Question) => string } | undefined,
): Checked {
  if (!Array.isArray(raw)) return fail(unreadableMessage(t, label));
  if (max > 0 && raw.length > max) return fail(t(tooManyKey, { max, question: label }));
  const errors: string[] = [];
  const entries: unknown[] = [];
  raw.forEach((rawEntry, index) => {
    const entry = entryAt(index);
    if (!entry || !isPlainObject(rawEntry)) return;
    entries.push(checkItem(t, entry.questions, rawEntry, entry.labelFor, errors));
  });
  return errors.length ? fail(...errors) : keep(entries);
}

/** Two questions may share a valueName (e.g. two paneldynamics over one list): merge what each kept. */
function mergeCleaned(a: unknown, b: unknown): unknown {
  if (a === undefined) return b;
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    return a.map((item, i) => mergeCleaned(item, b[i]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(a)) setOwn(out, key, a[key]);
    for (const key of Object.keys(b)) setOwn(out, key, mergeCleaned(out[key], b[key]));
    return out;
  }
  return a;
}

// ---------------------------------------------------------------------------------------------
// Step 3: survey-core's own checks, and the whole thing put together
// ---------------------------------------------------------------------------------------------

function allowsComment(q: Question, value: unknown): boolean {
  if (q.showCommentArea) return true;
  const select = q as Partial<QuestionSelectBase>;
  if (!select.showOtherItem || !select.getStoreOthersAsComment?.()) return false;
  const otherValue = select.otherItem?.value;
  return Array.isArray(value) ? value.some((v) => sameValue(v, otherValue)) : sameValue(value, otherValue);
}

function rootQuestion(q: Question): Question {
  let root = q;
  while (root.parentQuestion) root = root.parentQuestion;
  return root;
}

function surveyCoreErrors(survey: SurveyModel, skip: Set<string>): AnswerError[] {
  survey.validate(true, false);
  const errors: AnswerError[] = [];
  for (const q of survey.getAllQuestions(true, false, true)) {
    if (q.errors.length === 0) continue;
    const root = rootQuestion(q);
    if (skip.has(root.name)) continue;
    for (const error of q.errors) {
      const text = error.getText();
      // Nested cell errors carry no context of their own ("Response required.").
      const message = root === q ? text : `${text} (${titleOf(q)})`;
      errors.push({ question: root.name, title: titleOf(root), message });
    }
  }
  return errors;
}

/** A model ready for validation: every question on one page, no start page, the locale set. */
export function buildValidationModel(definition: Record<string, unknown>, locale: string | undefined): SurveyModel {
  const survey = new Model(definition);
  // questionPerPage makes validate() check only the current question of each page.
  survey.questionsOnPageMode = "standard";
  // validate() skips a start page, but the client does make people answer it before starting.
  survey.firstPageIsStartPage = false;
  if (locale) survey.locale = locale;
  return survey;
}

type Report = (q: Question | undefined, messages: string[]) => void;

/**
 * The answers survey-core may see: only keys that belong to a question (or its comment box). Kept
 * away from it: wrong containers (it logs warnings, and a `null` paneldynamic
 * item makes it throw), file contents, and values of computed questions.
 */
function dataForModel(
  raw: JsonObject,
  byKey: Map<string, Question[]>,
  commentSuffix: string,
): { data: JsonObject; misshapen: Set<string>; keptOut: Set<string> } {
  const data: JsonObject = {};
  const misshapen = new Set<string>();
  const keptOut = new Set<string>();
  for (const key of Object.keys(raw)) {
    const value = raw[key] as Json;
    const owners = byKey.get(key);
    if (!owners) {
      const isComment = key.endsWith(commentSuffix) && byKey.has(key.slice(0, -commentSuffix.length));
      if (isComment) setOwn(data, key, value);
      continue;
    }
    if (owners.some((q) => ["file", "no-answer"].includes(kindOf(q)))) {
      keptOut.add(key);
      continue;
    }
    if (owners.some((q) => !fitsContainer(q, value))) {
      // An empty value in the wrong container ("" for a list) is simply no answer.
      if (!isEmptyAnswer(value)) misshapen.add(key);
    } else setOwn(data, key, value);
  }
  return { data, misshapen, keptOut };
}

/** Checks one answer key against every visible question that stores its value there. */
function checkKey(t: Translate, questions: Question[], value: Json, report: Report): unknown {
  let merged: unknown;
  let failed = false;
  for (const q of questions) {
    const checked = checkQuestion(t, q, value, quote(titleOf(q)));
    if ("errors" in checked) {
      report(q, checked.errors);
      failed = true;
    } else {
      merged = mergeCleaned(merged, checked.value);
    }
  }
  return failed ? undefined : merged;
}

/** Messages in the survey's language; unsupported locales (survey-core accepts any) get English. */
function translatorFor(locale: string | undefined): Translate {
  const lng = isSupportedLocale(locale) ? locale : DEFAULT_LOCALE;
  return getI18n(lng).getFixedT(lng, "validation");
}

export function validateAnswers(
  definition: Record<string, unknown>,
  input: unknown,
  options: { locale?: string } = {},
): ValidationResult {
  return validateWith(() => buildValidationModel(definition, options.locale), input, options.locale);
}

/**
 * validateAnswers with models from `newModel`, which must give one that has never held answers
 * (or behaves exactly like one) every time it is called.
 */
export function validateWith(newModel: NewModel, input: unknown, locale: string | undefined): ValidationResult {
  const t = translatorFor(locale);
  const sanitized = sanitizeInput(t, input);
  if (!sanitized.ok) return { ok: false, errors: [{ question: "", title: "", message: sanitized.message }] };
  const { data: raw, problems } = sanitized;

  // The first model tells which keys are answers; its first use is the rule's first pass.
  let unused: SurveyModel | undefined = newModel();
  const structure = unused;
  const nextModel = () => {
    const model = unused ?? newModel();
    unused = undefined;
    return model;
  };
  const commentSuffix = structure.commentSuffix || "-Comment";
  const allByKey = questionsByKey(structure.getAllQuestions(false));
  const ownerOf = (key: string): Question | undefined => {
    const base = key.endsWith(commentSuffix) ? key.slice(0, -commentSuffix.length) : key;
    return (allByKey.get(key) ?? allByKey.get(base))?.[0];
  };

  const errors: AnswerError[] = [];
  const failed = new Set<string>();
  const report: Report = (q, messages) => {
    if (q) failed.add(q.name);
    for (const message of messages) {
      errors.push({ question: q?.name ?? "", title: q ? titleOf(q) : "", message });
    }
  };

  // Size problems are reported wherever they are: they mean a broken or tampered client.
  for (const [key, problem] of problems) {
    const owner = ownerOf(key);
    report(owner, [limitMessage(t, problem, owner ? quote(titleOf(owner)) : t("answerLabel.someQuestion"))]);
  }

  const { data, misshapen, keptOut } = dataForModel(raw, allByKey, commentSuffix);
  // Answers to hidden questions are dropped (until visibility is stable) without a fuss.
  const counted = answersThatCount(nextModel, data);
  const survey = counted.model;

  const cleaned: Record<string, unknown> = {};
  for (const [key, questions] of questionsByKey(survey.getAllQuestions(false).filter(isShown))) {
    const first = questions[0]!;
    const label = quote(titleOf(first));
    if (misshapen.has(key)) report(first, [unreadableMessage(t, label)]);
    // Files are refused; computed questions' values are dropped.
    else if (keptOut.has(key)) checkKey(t, questions, raw[key] as Json, report);
    else if (hasOwn(counted.answers, key)) {
      const value = counted.answers[key] as Json;
      // survey-core tells "no rows" ([]) from "not answered": keep what was sent for it to see.
      const checked = isEmptyAnswer(value) ? value : checkKey(t, questions, value, report);
      if (checked !== undefined) setOwn(cleaned, key, checked);
    }

    const commentKey = key + commentSuffix;
    if (!hasOwn(counted.answers, commentKey)) continue;
    const commentValue = counted.answers[commentKey] as Json;
    if (isEmptyAnswer(commentValue)) {
      setOwn(cleaned, commentKey, commentValue);
      continue;
    }
    if (!questions.some((q) => allowsComment(q, cleaned[key]))) continue;
    const comment = checkString(t, first, commentValue, t("answerLabel.commentBox", { question: label }));
    if ("errors" in comment) report(first, comment.errors);
    else setOwn(cleaned, commentKey, comment.value);
  }

  // Cleaning made values canonical ("3" became 3) and left out what failed or has no question:
  // conditions may now see things differently, so the rule runs again on the cleaned answers.
  // Either way survey-core's own checks (required, validators, min/max) run on a model holding
  // exactly the answers that will be kept, with real numbers and canonical choice values.
  const final = sameJson(cleaned, counted.answers) ? counted : answersThatCount(nextModel, cleaned);
  errors.push(...surveyCoreErrors(final.model, failed));
  if (errors.length > 0) return { ok: false, errors };

  const answers: Record<string, unknown> = {};
  for (const key of Object.keys(final.answers)) {
    if (!isEmptyAnswer(final.answers[key])) setOwn(answers, key, final.answers[key]);
  }
  if (Object.keys(answers).length === 0) {
    return { ok: false, errors: [{ question: "", title: "", message: t("answer.noAnswers"), code: "no-answers" }] };
  }
  return { ok: true, answers };
}
