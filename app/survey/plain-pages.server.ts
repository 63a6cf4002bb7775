/**
 * The survey as plain server-rendered pages, for children without JavaScript or on a slow or metered
 * connection (the "low data" version, ADR 0007).
 *
 * survey-core decides everything a page shows (which pages and questions are visible with the
 * answers so far, choices, titles in the survey's language); this module only turns that into plain
 * data a React component renders as ordinary form fields, and turns the posted form back into
 * answers of the same shapes the rich form sends. Validation is not here: the routes use the same
 * `validateAnswersCached` as the JSON endpoint, so both paths accept and store exactly the same things.
 *
 * Screens: one per survey page, or one per question when the survey asks one question per page.
 * A screen is addressed by its position among all screens (1-based), visible or not, so its address
 * does not move when answers hide an earlier page.
 */
import sanitizeHtml from "sanitize-html";
import {
  Model,
  type ItemValue,
  type Question,
  type QuestionBooleanModel,
  type QuestionMatrixModel,
  type QuestionMultipleTextModel,
  type QuestionRatingModel,
  type QuestionSelectBase,
  type QuestionTextModel,
  type SurveyModel,
} from "survey-core";
import { isShown, type Answers } from "./answers-that-count";
import { ratingItemName } from "./rating-names";

export type Choice = { value: string; text: string };

type Common = {
  name: string;
  /** Prefix of every form field (and the id of the first), e.g. "a3". */
  field: string;
  title: string;
  description: string;
  required: boolean;
  /** The panel the question sits in, when it is not directly on the page. */
  group: string;
};

export type PlainQuestion = Common &
  (
    | { kind: "text"; inputType: string; value: string; maxLength?: number; min?: string; max?: string }
    | { kind: "textarea"; value: string; maxLength?: number }
    | { kind: "radios"; choices: Choice[]; value: string; other?: OtherBox }
    | { kind: "checkboxes"; choices: Choice[]; value: string[]; exclusive: string[]; other?: OtherBox }
    | { kind: "rating"; style: "smileys" | "stars" | "numbers"; choices: (Choice & { picture: string })[]; value: string }
    | { kind: "ranking"; choices: Choice[]; value: string[] }
    | { kind: "matrix"; rows: Choice[]; columns: Choice[]; value: Record<string, string> }
    | { kind: "multipletext"; items: (Choice & { inputType: string })[]; value: Record<string, string> }
    | { kind: "html"; html: string }
    | { kind: "unsupported" }
  );

/** The "Other" box of a choice question: shown with the choice whose value is `when`. */
type OtherBox = { when: string; label: string; value: string };

export type PlainScreen = {
  /** 1-based, among all screens. */
  number: number;
  /** 1-based, among the screens shown with the answers so far, and how many are shown. */
  position: number;
  count: number;
  title: string;
  description: string;
  questions: PlainQuestion[];
  previous: number | undefined;
  next: number | undefined;
};

type Screen = { title: string; description: string; questions: Question[]; shown: boolean };

function surveyLocale(locale: string) {
  return locale === "en" ? "" : locale;
}

/** A model holding the answers, every question on its own page's screen. */
function modelWith(definition: Record<string, unknown>, locale: string, answers: Answers): SurveyModel {
  const model = new Model(definition);
  model.questionsOnPageMode = "standard";
  model.firstPageIsStartPage = false;
  model.locale = surveyLocale(locale);
  model.data = structuredClone(answers);
  return model;
}

function screensOf(model: SurveyModel, onePerQuestion: boolean): Screen[] {
  const screens: Screen[] = [];
  for (const page of model.pages) {
    const shownQuestions = page.questions.filter(isShown);
    if (onePerQuestion) {
      for (const question of page.questions) {
        screens.push({ title: "", description: "", questions: [question], shown: isShown(question) });
      }
    } else {
      const shown = page.isVisible && shownQuestions.length > 0;
      screens.push({ title: page.processedTitle ?? "", description: page.description ?? "", questions: page.questions, shown });
    }
  }
  return screens;
}

function asksOneQuestionPerPage(definition: Record<string, unknown>) {
  return definition.questionsOnPageMode === "questionPerPage";
}

/** The numbers of the screens shown with these answers, in order. */
export function shownScreens(definition: Record<string, unknown>, locale: string, answers: Answers): number[] {
  const screens = screensOf(modelWith(definition, locale, answers), asksOneQuestionPerPage(definition));
  return screens.flatMap((screen, index) => (screen.shown ? [index + 1] : []));
}

/** The screen a question is on (to link an error to it), if it is shown. */
export function screenOfQuestion(definition: Record<string, unknown>, locale: string, answers: Answers, questionName: string) {
  const screens = screensOf(modelWith(definition, locale, answers), asksOneQuestionPerPage(definition));
  const index = screens.findIndex((screen) => screen.shown && screen.questions.some((q) => q.name === questionName));
  return index === -1 ? undefined : { number: index + 1, field: fieldOf(screens[index]!, questionName) };
}

/** The question names a screen shows, for picking its errors out of the whole survey's. */
export function questionsOnScreen(definition: Record<string, unknown>, locale: string, answers: Answers, number: number) {
  const screens = screensOf(modelWith(definition, locale, answers), asksOneQuestionPerPage(definition));
  return (screens[number - 1]?.questions ?? []).filter(isShown).map((q) => q.name);
}

/** Whether the new answers show a question on the screen that the old ones did not. */
export function moreQuestionsShown(definition: Record<string, unknown>, locale: string, before: Answers, after: Answers, number: number) {
  const shown = new Set(questionsOnScreen(definition, locale, before, number));
  return questionsOnScreen(definition, locale, after, number).some((name) => !shown.has(name));
}

function fieldOf(screen: Screen, questionName: string) {
  return `a${screen.questions.findIndex((q) => q.name === questionName) + 1}`;
}

/** Screen `number` as plain data, or undefined when it does not exist or is not shown. */
export function describeScreen(
  definition: Record<string, unknown>,
  locale: string,
  answers: Answers,
  number: number,
): PlainScreen | undefined {
  const model = modelWith(definition, locale, answers);
  const screens = screensOf(model, asksOneQuestionPerPage(definition));
  const screen = screens[number - 1];
  if (!screen?.shown) return undefined;
  const shown = screens.flatMap((s, index) => (s.shown ? [index + 1] : []));
  const position = shown.indexOf(number);
  const questions = screen.questions.flatMap((q, index) => (isShown(q) ? [describeQuestion(model, q, `a${index + 1}`)] : []));
  return {
    number,
    position: position + 1,
    count: shown.length,
    title: screen.title,
    description: screen.description,
    questions,
    previous: shown[position - 1],
    next: shown[position + 1],
  };
}

// ---------------------------------------------------------------------------------------------
// Questions → plain data
// ---------------------------------------------------------------------------------------------

const asText = (value: unknown) => (value === undefined || value === null ? "" : String(value));

function choicesOf(items: ItemValue[]): Choice[] {
  return items.map((item) => ({ value: String(item.value), text: item.text || String(item.value) }));
}

/** The text inputs HTML offers that need no script and that survey-core's values match. */
const HTML_INPUT_TYPES = new Set(["text", "number", "date", "email", "tel", "url", "time", "month", "week", "datetime-local", "color"]);

const SMILEY_FACES = ["😞", "🙁", "😐", "🙂", "😀"];

/** A face for each point of a smiley scale, saddest first, spread over the five faces. */
function smileyFor(index: number, count: number) {
  const at = count <= 1 ? 2 : Math.round((index * (SMILEY_FACES.length - 1)) / (count - 1));
  return SMILEY_FACES[at]!;
}

function describeQuestion(model: SurveyModel, q: Question, field: string): PlainQuestion {
  const parent = q.parent as unknown as { isPanel?: boolean; processedTitle?: string } | undefined;
  const common: Common = {
    name: q.name,
    field,
    title: q.processedTitle || q.name,
    description: q.processedDescription ?? "",
    required: q.isRequired,
    group: parent?.isPanel ? (parent.processedTitle ?? "") : "",
  };
  const value: unknown = model.getValue(q.getValueName());
  const comment = asText(model.getValue(q.getValueName() + (model.commentSuffix || "-Comment")));
  switch (q.getType()) {
    case "text": {
      const text = q as QuestionTextModel;
      const inputType = HTML_INPUT_TYPES.has(text.inputType) ? text.inputType : "text";
      return {
        ...common,
        kind: "text",
        inputType,
        value: asText(value),
        maxLength: text.maxLength > 0 ? text.maxLength : undefined,
        min: text.min ? String(text.min) : undefined,
        max: text.max ? String(text.max) : undefined,
      };
    }
    case "slider": {
      const slider = q as unknown as { min: number; max: number };
      return { ...common, kind: "text", inputType: "number", value: asText(value), min: String(slider.min), max: String(slider.max) };
    }
    case "comment": {
      const maxLength = (q as unknown as { maxLength: number }).maxLength;
      return { ...common, kind: "textarea", value: asText(value), maxLength: maxLength > 0 ? maxLength : undefined };
    }
    case "radiogroup":
    case "dropdown":
    case "buttongroup":
    case "imagepicker": {
      const select = q as QuestionSelectBase;
      if (q.getType() === "imagepicker" && (q as unknown as { multiSelect: boolean }).multiSelect) return checkboxes(common, select, value, comment);
      return { ...common, kind: "radios", choices: choicesOf(select.visibleChoices), value: asText(value), other: otherBox(select, comment) };
    }
    case "checkbox":
    case "tagbox":
      return checkboxes(common, q as QuestionSelectBase, value, comment);
    case "boolean": {
      const yesNo = q as QuestionBooleanModel;
      const choices = [
        { value: String(yesNo.valueTrue ?? true), text: yesNo.labelTrue || "Yes" },
        { value: String(yesNo.valueFalse ?? false), text: yesNo.labelFalse || "No" },
      ];
      return { ...common, kind: "radios", choices, value: asText(value) };
    }
    case "rating": {
      const rating = q as QuestionRatingModel;
      const items = rating.visibleRateValues;
      const style = rating.rateType === "smileys" ? "smileys" : rating.rateType === "stars" ? "stars" : "numbers";
      const choices = items.map((item, index) => ({
        value: String(item.value),
        text: ratingItemName(rating, item, index),
        picture: style === "smileys" ? smileyFor(index, items.length) : style === "stars" ? "★".repeat(index + 1) + "☆".repeat(items.length - index - 1) : "",
      }));
      return { ...common, kind: "rating", style, choices, value: asText(value) };
    }
    case "ranking": {
      const select = q as QuestionSelectBase;
      return { ...common, kind: "ranking", choices: choicesOf(select.visibleChoices), value: Array.isArray(value) ? value.map(String) : [] };
    }
    case "matrix": {
      const matrix = q as QuestionMatrixModel;
      const rows = matrix.visibleRows.map((row) => ({ value: String(row.name), text: row.text || String(row.name) }));
      const given: Record<string, string> = {};
      if (value && typeof value === "object") for (const [row, cell] of Object.entries(value)) given[row] = asText(cell);
      return { ...common, kind: "matrix", rows, columns: choicesOf(matrix.visibleColumns), value: given };
    }
    case "multipletext": {
      const multiple = q as QuestionMultipleTextModel;
      const items = multiple.items.map((item) => ({
        value: item.name,
        text: item.fullTitle || item.title || item.name,
        inputType: HTML_INPUT_TYPES.has(item.inputType) ? item.inputType : "text",
      }));
      const given: Record<string, string> = {};
      if (value && typeof value === "object") for (const [item, text] of Object.entries(value)) given[item] = asText(text);
      return { ...common, kind: "multipletext", items, value: given };
    }
    case "html": {
      const html = (q as unknown as { processedHtml?: string; html?: string }).processedHtml ?? "";
      // Definitions are staff-written but rendered to children: only plain text formatting survives.
      const clean = sanitizeHtml(html, { allowedTags: ["p", "br", "strong", "em", "b", "i", "ul", "ol", "li"], allowedAttributes: {} });
      return { ...common, kind: "html", html: clean };
    }
    default:
      return { ...common, kind: "unsupported" };
  }
}

function otherBox(select: QuestionSelectBase, comment: string): OtherBox | undefined {
  if (!select.showOtherItem || !select.getStoreOthersAsComment()) return undefined;
  return { when: String(select.otherItem.value), label: select.otherPlaceholder || select.otherItem.text, value: comment };
}

function checkboxes(common: Common, select: QuestionSelectBase, value: unknown, comment: string): PlainQuestion {
  const choices = choicesOf(select.visibleChoices.filter((item) => item.value !== (select as unknown as { selectAllItem?: ItemValue }).selectAllItem?.value));
  // "None" (and "I'd rather not say" kinds) exclude the others; survey-core enforces it in the browser.
  const exclusive = select.visibleChoices.filter((item) => (item as unknown as { isExclusive?: boolean }).isExclusive || item.value === select.noneItem?.value).map((item) => String(item.value));
  return {
    ...common,
    kind: "checkboxes",
    choices,
    value: Array.isArray(value) ? value.map(String) : [],
    exclusive,
    other: otherBox(select, comment),
  };
}

// ---------------------------------------------------------------------------------------------
// Posted form → answers
// ---------------------------------------------------------------------------------------------

/** Every value the form sent under a name (checkboxes send several). */
export type FormValues = (name: string) => string[];

export type ReadScreen = { answers: Answers; problems: { question: string; field: string; problem: "ranking" }[] };

/**
 * The answers with this screen's questions replaced by what its form sent: values of the kinds the
 * rich form sends (numbers for numbers and ratings, the choice's own value, lists for checkboxes and
 * rankings). Anything that is not a value the question offers is kept as typed, so validation
 * refuses it with its usual message and the child sees what they typed.
 */
export function readScreen(
  definition: Record<string, unknown>,
  locale: string,
  answers: Answers,
  number: number,
  form: FormValues,
): ReadScreen {
  const screen = describeScreen(definition, locale, answers, number);
  const next: Answers = { ...answers };
  const problems: ReadScreen["problems"] = [];
  if (!screen) return { answers: next, problems };
  const model = modelWith(definition, locale, answers);
  const suffix = model.commentSuffix || "-Comment";
  for (const question of screen.questions) {
    const key = model.getQuestionByName(question.name)?.getValueName() ?? question.name;
    delete next[key];
    delete next[key + suffix];
    const first = (name: string) => (form(name)[0] ?? "").trim();
    const set = (value: unknown) => {
      if (value !== undefined) Object.defineProperty(next, key, { value, enumerable: true, writable: true, configurable: true });
    };
    const setComment = (other: OtherBox | undefined, chosen: boolean) => {
      const text = first(`${question.field}-other`);
      if (other && chosen && text) next[key + suffix] = text;
    };
    switch (question.kind) {
      case "text":
        set(textValue(first(question.field), question.inputType));
        break;
      case "textarea":
        set(first(question.field) || undefined);
        break;
      case "radios": {
        const picked = pickChoice(question.choices, first(question.field), model.getQuestionByName(question.name));
        set(picked);
        setComment(question.other, first(question.field) === question.other?.when);
        break;
      }
      case "rating":
        set(pickChoice(question.choices, first(question.field), model.getQuestionByName(question.name)));
        break;
      case "checkboxes": {
        const sent = form(question.field);
        const select = model.getQuestionByName(question.name) as QuestionSelectBase;
        const values = sent.map((text) => originalValue(select.visibleChoices, text));
        set(values.length ? values : undefined);
        setComment(question.other, question.other ? sent.includes(question.other.when) : false);
        break;
      }
      case "ranking": {
        const ranked = readRanking(question.choices, (index) => first(`${question.field}-${index + 1}`));
        if (ranked === "problem") {
          problems.push({ question: question.name, field: question.field, problem: "ranking" });
          break;
        }
        const select = model.getQuestionByName(question.name) as QuestionSelectBase;
        set(ranked?.map((text) => originalValue(select.visibleChoices, text)));
        break;
      }
      case "matrix": {
        const matrix = model.getQuestionByName(question.name) as QuestionMatrixModel;
        const value: Record<string, unknown> = {};
        question.rows.forEach((row, index) => {
          const sent = first(`${question.field}-${index + 1}`);
          if (sent) Object.defineProperty(value, row.value, { value: originalValue(matrix.visibleColumns, sent), enumerable: true, writable: true, configurable: true });
        });
        set(Object.keys(value).length ? value : undefined);
        break;
      }
      case "multipletext": {
        const value: Record<string, unknown> = {};
        question.items.forEach((item, index) => {
          const typed = textValue(first(`${question.field}-${index + 1}`), item.inputType);
          if (typed !== undefined) Object.defineProperty(value, item.value, { value: typed, enumerable: true, writable: true, configurable: true });
        });
        set(Object.keys(value).length ? value : undefined);
        break;
      }
      default:
        // html, unsupported: nothing to read; an answer given elsewhere stays as it was.
        if (answers[key] !== undefined) set(answers[key]);
    }
  }
  return { answers: next, problems };
}

/** A number input's text as a number when it is one; anything else as typed (validation refuses it). */
function textValue(text: string, inputType: string): unknown {
  if (!text) return undefined;
  if (inputType === "number") {
    const number = Number(text);
    return text.trim() !== "" && Number.isFinite(number) ? number : text;
  }
  return text;
}

/** The choice's own value (a number stays a number); text that is no choice is kept as sent. */
function pickChoice(choices: Choice[], sent: string, question: Question | null): unknown {
  if (!sent) return undefined;
  if (!choices.some((choice) => choice.value === sent)) return sent;
  const type = question?.getType();
  if (type === "boolean") {
    const yesNo = question as QuestionBooleanModel;
    return sent === String(yesNo.valueTrue ?? true) ? (yesNo.valueTrue ?? true) : (yesNo.valueFalse ?? false);
  }
  if (type === "rating") return originalValue((question as QuestionRatingModel).visibleRateValues, sent);
  return originalValue((question as QuestionSelectBase).visibleChoices, sent);
}

function originalValue(items: ItemValue[], sent: string): unknown {
  const item = items.find((candidate) => String(candidate.value) === sent);
  return item ? item.value : sent;
}

/**
 * A ranking typed as numbers: every choice a different whole number from 1 to the number of
 * choices gives the choices in that order; nothing typed gives no answer; anything else is a problem.
 */
export function readRanking(choices: Choice[], typed: (index: number) => string): string[] | undefined | "problem" {
  const ranks = choices.map((_, index) => typed(index));
  if (ranks.every((rank) => rank === "")) return undefined;
  const numbers = ranks.map((rank) => (/^\d+$/.test(rank) ? Number(rank) : NaN));
  const valid = numbers.every((n) => n >= 1 && n <= choices.length) && new Set(numbers).size === choices.length;
  if (!valid) return "problem";
  return choices.map((choice, index) => ({ choice, rank: numbers[index]! })).sort((a, b) => a.rank - b.rank).map((entry) => entry.choice.value);
}

// ---------------------------------------------------------------------------------------------
// Answers → words, for "check your answers"
// ---------------------------------------------------------------------------------------------

/** What the child chose or typed for a question, in the words they saw ("" when unanswered). */
export function answerText(question: PlainQuestion): string {
  const textOf = (choices: Choice[], value: string) => choices.find((choice) => choice.value === value)?.text ?? value;
  switch (question.kind) {
    case "text":
    case "textarea":
      return question.value;
    case "radios":
    case "rating": {
      if (!question.value) return "";
      const chosen = textOf(question.choices, question.value);
      return question.kind === "radios" && question.other?.value && question.value === question.other.when ? `${chosen}: ${question.other.value}` : chosen;
    }
    case "checkboxes":
      return question.value
        .map((value) => (question.other?.value && value === question.other.when ? `${textOf(question.choices, value)}: ${question.other.value}` : textOf(question.choices, value)))
        .join("\n");
    case "ranking":
      return question.value.map((value, index) => `${index + 1}. ${textOf(question.choices, value)}`).join("\n");
    case "matrix":
      return question.rows.flatMap((row) => (question.value[row.value] ? [`${row.text}: ${textOf(question.columns, question.value[row.value]!)}`] : [])).join("\n");
    case "multipletext":
      return question.items.flatMap((item) => (question.value[item.value] ? [`${item.text}: ${question.value[item.value]}`] : [])).join("\n");
    default:
      return "";
  }
}

/** Every answered question on the shown screens, with its words and the screen to change it on. */
export function answersByScreen(definition: Record<string, unknown>, locale: string, answers: Answers) {
  return shownScreens(definition, locale, answers).flatMap((number) => {
    const screen = describeScreen(definition, locale, answers, number)!;
    return screen.questions.flatMap((question) => {
      const text = answerText(question);
      return text ? [{ name: question.name, title: question.title, text, screen: number, field: question.field }] : [];
    });
  });
}
