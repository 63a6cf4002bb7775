/**
 * The template library: ready-made SurveyJS definitions kept as data in `surveys/<id>.json`.
 *
 * Files are read once, on first use, and every one is checked twice: its wrapper against a Zod
 * schema, and its survey by survey-core itself (unknown types or properties, no questions,
 * duplicate or unsafe question names). A bad template is a programming error that should stop the
 * app at start-up, so the error names the file and every problem found, not just the first.
 *
 * A template may also carry:
 * - `beforeYouStart`: the note a person reads before the first question (what the answers are
 *   for, who will hear them, when they will hear back, how long answers are kept, that questions
 *   can be skipped, what happens if they say they are not safe). The council's own details go in
 *   through placeholders such as `{{audience}}`, filled by `fillPlaceholders`.
 * - `easyRead`: an easy-read variant, its own SurveyJS definition. Its questions share names
 *   (and choice values) with the standard survey, so answers from both pool into one dataset;
 *   the loader refuses a variant that would not pool.
 */
import fs from "node:fs";
import path from "node:path";
import { type ItemValue, Model, type Question, type QuestionRatingModel, type QuestionSelectBase } from "survey-core";
import { z } from "zod";

/** The points of a before-you-start note, in the order they are shown. */
export const BEFORE_YOU_START_POINTS = ["whatFor", "whoHears", "hearBack", "keptFor", "skipping", "notSafe"] as const;
export type BeforeYouStartPoint = (typeof BEFORE_YOU_START_POINTS)[number];
export type BeforeYouStart = Record<BeforeYouStartPoint, Record<string, string>>;

/**
 * The consultation's details a before-you-start note may name. Each is put in as a whole phrase
 * (after a colon in most translations), so no language has to inflect it.
 * - audience: who will hear the answers ("the Corporate Parenting Panel")
 * - feedbackBy: the date people will hear back by, already formatted in the page's language
 * - keptUntil: the date answers are deleted, already formatted in the page's language
 * - contact: the organisation's own contact for questions or worries
 */
export const PLACEHOLDERS = ["audience", "feedbackBy", "keptUntil", "contact"] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

export type SurveyTemplate = {
  id: string;
  title: Record<string, string>;
  summary: Record<string, string>;
  whoFor: string;
  /** The standard variant. */
  survey: Record<string, unknown>;
  beforeYouStart?: BeforeYouStart;
  easyRead?: { survey: Record<string, unknown>; beforeYouStart?: BeforeYouStart };
};

/** A SurveyJS localizable string: plain text, or `{ "default": "...", "cy": "...", ... }`. */
const Localizable = z.union(
  [
    z.string().trim().min(1),
    z.object({ default: z.string().trim().min(1) }).catchall(z.string().trim().min(1)),
  ],
  { error: 'must be text or {"default": "...", "cy": "..."} with no empty strings' },
);

const BeforeYouStartFile = z
  .object(Object.fromEntries(BEFORE_YOU_START_POINTS.map((point) => [point, Localizable])) as Record<
    BeforeYouStartPoint,
    typeof Localizable
  >)
  .strict();

const Definition = z.record(z.string(), z.unknown());

const TemplateFile = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "use lower-case letters, digits and hyphens"),
    title: Localizable,
    summary: Localizable,
    whoFor: z.string().trim().min(1),
    beforeYouStart: BeforeYouStartFile.optional(),
    survey: Definition,
    easyRead: z.object({ beforeYouStart: BeforeYouStartFile.optional(), survey: Definition }).strict().optional(),
  })
  .strict();

/** Question names are the keys answers are stored under: short, stable, plain ASCII. */
const QUESTION_NAME = /^[A-Za-z][A-Za-z0-9_-]*$/;

export class TemplateError extends Error {
  override name = "TemplateError";
}

export function defaultTemplatesDir(): string {
  // The app always runs from the repository root (npm scripts, CI and the server entry).
  return path.join(process.cwd(), "surveys");
}

const cache = new Map<string, SurveyTemplate[]>();

/** All templates, sorted by id. Reads and checks the folder on first call; throws TemplateError. */
function cachedTemplates(dir: string): SurveyTemplate[] {
  const key = path.resolve(dir);
  let templates = cache.get(key);
  if (!templates) {
    templates = loadTemplates(key);
    cache.set(key, templates);
  }
  return templates;
}

// Callers get copies, so one that edits a definition (say, to start a new consultation) cannot
// change the library for everyone else.
export function listTemplates(dir: string = defaultTemplatesDir()): SurveyTemplate[] {
  return cachedTemplates(dir).map((template) => structuredClone(template));
}

export function getTemplate(id: string, dir: string = defaultTemplatesDir()): SurveyTemplate | undefined {
  const template = cachedTemplates(dir).find((candidate) => candidate.id === id);
  return template && structuredClone(template);
}

/** The text for a locale, falling back to the default text (then any text at all). */
export function localized(text: Record<string, string>, locale: string): string {
  return text[locale] || text.default || Object.values(text).find(Boolean) || "";
}

const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

/** The placeholders a text uses, e.g. ["audience", "feedbackBy"]: known or not, each once. */
export function placeholdersIn(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(PLACEHOLDER), (match) => match[1]!))];
}

/**
 * Puts the consultation's details into a before-you-start text. Values are plain text (the page
 * renders the result as text, never as HTML); a placeholder without a value is left as it is, so a
 * missing detail shows up in review rather than reading as a sentence with a hole in it.
 */
export function fillPlaceholders(text: string, values: Partial<Record<Placeholder, string>>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = (values as Record<string, string | undefined>)[name];
    return value === undefined ? whole : value;
  });
}

/** Reads and checks every `*.json` in `dir`, uncached. Throws one TemplateError listing every bad file. */
export function loadTemplates(dir: string): SurveyTemplate[] {
  let files: string[];
  try {
    files = fs.readdirSync(dir).filter((file) => file.endsWith(".json")).sort();
  } catch (error) {
    throw new TemplateError(`Cannot read the survey template folder ${dir}: ${messageOf(error)}`);
  }

  const templates: SurveyTemplate[] = [];
  const failures: string[] = [];
  for (const file of files) {
    const filePath = path.join(dir, file);
    try {
      templates.push(parseTemplate(filePath));
    } catch (error) {
      failures.push(`${file}: ${messageOf(error)}`);
    }
  }
  if (failures.length > 0) {
    const plural = failures.length > 1 ? "s" : "";
    throw new TemplateError(`Invalid survey template${plural} in ${dir}:\n- ${failures.join("\n- ")}`);
  }
  return templates;
}

function parseTemplate(filePath: string): SurveyTemplate {
  const raw = readJson(filePath);
  const parsed = TemplateFile.safeParse(raw);
  if (!parsed.success) throw new Error(describeIssues(parsed.error));

  const { id, title, summary, whoFor, survey, beforeYouStart, easyRead } = parsed.data;
  const expectedId = path.basename(filePath, ".json");
  if (id !== expectedId) throw new Error(`id "${id}" does not match the file name (expected "${expectedId}")`);

  const problems = checkSurvey(survey);
  if (beforeYouStart) problems.push(...checkPlaceholders(beforeYouStart, "beforeYouStart"));
  if (easyRead) {
    problems.push(...checkSurvey(easyRead.survey).map((problem) => `easyRead ${problem}`));
    if (easyRead.beforeYouStart) problems.push(...checkPlaceholders(easyRead.beforeYouStart, "easyRead.beforeYouStart"));
    if (problems.length === 0) problems.push(...checkPooling(survey, easyRead.survey));
  }
  if (problems.length > 0) throw new Error(problems.join("; "));

  const template: SurveyTemplate = { id, title: toLocalized(title), summary: toLocalized(summary), whoFor, survey };
  if (beforeYouStart) template.beforeYouStart = toBeforeYouStart(beforeYouStart);
  if (easyRead) {
    template.easyRead = { survey: easyRead.survey };
    if (easyRead.beforeYouStart) template.easyRead.beforeYouStart = toBeforeYouStart(easyRead.beforeYouStart);
  }
  return template;
}

function readJson(filePath: string): unknown {
  const text = fs.readFileSync(filePath, "utf8");
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`not valid JSON: ${messageOf(error)}`);
  }
}

/** What survey-core (and our naming rules) object to in a definition; empty when it is fine. */
function checkSurvey(survey: Record<string, unknown>): string[] {
  let model: Model;
  try {
    model = new Model(survey);
  } catch (error) {
    return [`survey-core could not build the survey: ${messageOf(error)}`];
  }
  const problems = (model.jsonErrors ?? []).map((error) => `survey: ${error.getFullDescription()}`);

  const questions = model.getAllQuestions(false);
  if (questions.length === 0) problems.push("survey has no questions");

  const seen = new Set<string>();
  for (const question of questions) {
    if (!QUESTION_NAME.test(question.name)) {
      problems.push(`question name "${question.name}" must be plain ASCII letters, digits, "-" or "_"`);
    }
    if (seen.has(question.name)) problems.push(`question name "${question.name}" is used twice`);
    seen.add(question.name);
  }
  return problems;
}

/** Every placeholder is one we can fill, and every translation names the same ones as the default. */
function checkPlaceholders(note: z.infer<typeof BeforeYouStartFile>, where: string): string[] {
  const problems: string[] = [];
  for (const point of BEFORE_YOU_START_POINTS) {
    const texts = toLocalized(note[point]);
    const expected = placeholdersIn(texts.default ?? "").sort().join(", ");
    for (const [locale, text] of Object.entries(texts)) {
      const used = placeholdersIn(text);
      const unknown = used.filter((name) => !(PLACEHOLDERS as readonly string[]).includes(name));
      if (unknown.length > 0) problems.push(`${where}.${point}.${locale}: unknown placeholder {{${unknown.join("}}, {{")}}}`);
      if (used.sort().join(", ") !== expected) {
        problems.push(`${where}.${point}.${locale}: uses placeholders [${used.join(", ")}], the default uses [${expected}]`);
      }
    }
  }
  return problems;
}

/** Questions that hold an answer: html, image and expression elements only show something. */
export function answerableQuestions(survey: Record<string, unknown>): Question[] {
  return new Model(survey)
    .getAllQuestions(false)
    .filter((question) => !["html", "image", "expression", "empty"].includes(question.getType()));
}

/** How an answer is shaped, so the two variants of a question store answers the same way. */
function answerShape(question: Question): string {
  const type = question.getType();
  if (type === "radiogroup" || type === "dropdown" || type === "buttongroup") return "one choice";
  if (type === "checkbox" || type === "tagbox") return "several choices";
  if (type === "imagepicker") {
    return (question as unknown as { multiSelect: boolean }).multiSelect ? "several choices" : "one choice";
  }
  if (type === "text" || type === "comment") return "text";
  return type;
}

/** Every value a choice question can store, including "other" and "none" when shown. */
export function choiceValues(question: Question): unknown[] {
  const select = question as QuestionSelectBase;
  if (!Array.isArray(select.choices)) return [];
  const items: ItemValue[] = [...select.choices];
  if (select.showOtherItem && question.getType() !== "imagepicker") items.push(select.otherItem);
  if (select.showNoneItem && question.getType() !== "imagepicker") items.push(select.noneItem);
  return items.map((item) => item.value as unknown);
}

/**
 * The easy-read variant must pool with the standard one: each of its questions is a standard
 * question's name, stores its answer in the same shape, and only offers values the standard
 * question offers (a rating keeps the same scale).
 */
function checkPooling(standard: Record<string, unknown>, easyRead: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const byName = new Map(answerableQuestions(standard).map((question) => [question.name, question]));
  for (const question of answerableQuestions(easyRead)) {
    const match = byName.get(question.name);
    if (!match) {
      problems.push(`easyRead question "${question.name}" is not a question of the standard survey`);
      continue;
    }
    if (answerShape(question) !== answerShape(match)) {
      problems.push(`easyRead question "${question.name}" takes ${answerShape(question)}, the standard one ${answerShape(match)}`);
      continue;
    }
    const allowed = new Set(choiceValues(match).map(String));
    const extra = choiceValues(question).filter((value) => !allowed.has(String(value)));
    if (extra.length > 0) {
      problems.push(`easyRead question "${question.name}" offers values the standard one does not: ${extra.join(", ")}`);
    }
    if (question.getType() === "rating") {
      const [a, b] = [question as QuestionRatingModel, match as QuestionRatingModel];
      if (a.rateMin !== b.rateMin || a.rateMax !== b.rateMax || a.rateStep !== b.rateStep) {
        problems.push(`easyRead question "${question.name}" has a different rating scale from the standard one`);
      }
    }
  }
  return problems;
}

/** Zod issues on one line each, as "where: what", so they read well inside the list of files. */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join(".") : "file"}: ${issue.message}`)
    .join("; ");
}

function toLocalized(text: z.infer<typeof Localizable>): Record<string, string> {
  return typeof text === "string" ? { default: text } : { ...text };
}

function toBeforeYouStart(note: z.infer<typeof BeforeYouStartFile>): BeforeYouStart {
  return Object.fromEntries(BEFORE_YOU_START_POINTS.map((point) => [point, toLocalized(note[point])])) as BeforeYouStart;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
