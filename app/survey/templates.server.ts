/**
 * The template library: ready-made SurveyJS definitions kept as data in `surveys/<id>.json`.
 *
 * Files are read once, on first use, and every one is checked twice: its wrapper against a Zod
 * schema, and its survey by survey-core itself (unknown types or properties, no questions,
 * duplicate or unsafe question names). A bad template is a programming error that should stop the
 * app at start-up, so the error names the file and every problem found, not just the first.
 */
import fs from "node:fs";
import path from "node:path";
import { Model } from "survey-core";
import { z } from "zod";

export type SurveyTemplate = {
  id: string;
  title: Record<string, string>;
  summary: Record<string, string>;
  whoFor: string;
  survey: Record<string, unknown>;
};

/** A SurveyJS localizable string: plain text, or `{ "default": "...", "cy": "...", ... }`. */
const Localizable = z.union(
  [
    z.string().trim().min(1),
    z.object({ default: z.string().trim().min(1) }).catchall(z.string().trim().min(1)),
  ],
  { error: 'must be text or {"default": "...", "cy": "..."} with no empty strings' },
);

const TemplateFile = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "use lower-case letters, digits and hyphens"),
    title: Localizable,
    summary: Localizable,
    whoFor: z.string().trim().min(1),
    survey: z.record(z.string(), z.unknown()),
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

  const { id, title, summary, whoFor, survey } = parsed.data;
  const expectedId = path.basename(filePath, ".json");
  if (id !== expectedId) throw new Error(`id "${id}" does not match the file name (expected "${expectedId}")`);

  const problems = checkSurvey(survey);
  if (problems.length > 0) throw new Error(problems.join("; "));

  return { id, title: toLocalized(title), summary: toLocalized(summary), whoFor, survey };
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

/** Zod issues on one line each, as "where: what", so they read well inside the list of files. */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join(".") : "file"}: ${issue.message}`)
    .join("; ");
}

function toLocalized(text: z.infer<typeof Localizable>): Record<string, string> {
  return typeof text === "string" ? { default: text } : { ...text };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
