/**
 * Importing a SurveyJS definition someone pasted or uploaded, and exporting one.
 *
 * Import is generous with what it keeps (every property, known to survey-core or not, stays as
 * written) and strict about shape: the text must be JSON, the survey an object, every page and
 * element an object, every element of a type survey-core knows, every list a list. A problem is
 * reported with where it is: the line and column of broken JSON, or the question and property.
 */
import { Serializer } from "survey-core";
import { isRecord, type Definition } from "./definition";

export type ImportProblem =
  | { code: "empty" }
  | { code: "malformed"; line: number; column: number }
  | { code: "notASurvey" }
  | { code: "noQuestions" }
  | { code: "badElement"; question: string; property: string };

export type ImportResult = { ok: true; definition: Definition; unknownProperties: string[] } | { ok: false; problem: ImportProblem };

/** The most text an import may hold (the form posts it): far above any real survey. */
export const MAX_IMPORT_LENGTH = 1_000_000;

export function importDefinition(text: string): ImportResult {
  if (text.trim() === "") return { ok: false, problem: { code: "empty" } };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: { code: "malformed", ...positionOfJsonError(text, error) } };
  }
  if (!isRecord(parsed)) return { ok: false, problem: { code: "notASurvey" } };
  const problem = checkShape(parsed);
  if (problem) return { ok: false, problem };
  return { ok: true, definition: parsed, unknownProperties: unknownProperties(parsed) };
}

/** The definition as a file: the JSON exactly as stored, pretty-printed. */
export function exportDefinition(definition: Definition): string {
  return `${JSON.stringify(definition, null, 2)}\n`;
}

/** Line and column (from 1) of the place JSON.parse stopped at. */
export function positionOfJsonError(text: string, error: unknown): { line: number; column: number } {
  const message = error instanceof Error ? error.message : "";
  const lineColumn = /line (\d+) column (\d+)/i.exec(message);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const position = /position (\d+)/i.exec(message);
  // "Unexpected end of JSON input" has no position: the problem is at the very end.
  const offset = position ? Number(position[1]) : text.length;
  const before = text.slice(0, offset);
  const lines = before.split("\n");
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}

const LIST_PROPERTIES = ["choices", "rows", "columns", "elements", "questions", "templateElements", "validators"];
const EXPRESSION_PROPERTIES = ["visibleIf", "enableIf", "requiredIf"];

/** What is wrong with the shape of a definition (the save endpoint checks every save with it). */
export function checkShape(definition: Definition): ImportProblem | undefined {
  const topLevel = ["pages", "elements", "questions"].filter((key) => definition[key] !== undefined);
  if (topLevel.length === 0) return { code: "noQuestions" };
  for (const key of topLevel) {
    const list = definition[key];
    if (!Array.isArray(list)) return { code: "badElement", question: "", property: key };
    if (key === "pages") {
      for (const page of list) {
        if (!isRecord(page)) return { code: "badElement", question: "", property: "pages" };
        const problem = checkElements(page.elements ?? page.questions ?? [], pageLabel(page));
        if (problem) return problem;
      }
    } else {
      const problem = checkElements(list, "");
      if (problem) return problem;
    }
  }
  return undefined;
}

function pageLabel(page: Record<string, unknown>) {
  return typeof page.name === "string" ? page.name : "";
}

function checkElements(list: unknown, parent: string): ImportProblem | undefined {
  if (!Array.isArray(list)) return { code: "badElement", question: parent, property: "elements" };
  for (const element of list) {
    if (!isRecord(element)) return { code: "badElement", question: parent, property: "elements" };
    const name = typeof element.name === "string" ? element.name : parent;
    if (typeof element.type !== "string" || !Serializer.findClass(element.type)) {
      return { code: "badElement", question: name, property: "type" };
    }
    if (element.name !== undefined && typeof element.name !== "string" && typeof element.name !== "number") {
      return { code: "badElement", question: parent, property: "name" };
    }
    for (const property of LIST_PROPERTIES) {
      // A long-text box's "rows" is its height, a number; only a matrix has lists of rows and columns.
      if ((property === "rows" || property === "columns") && !element.type.startsWith("matrix")) continue;
      if (element[property] !== undefined && !Array.isArray(element[property])) return { code: "badElement", question: name, property };
    }
    for (const property of EXPRESSION_PROPERTIES) {
      if (element[property] !== undefined && typeof element[property] !== "string") return { code: "badElement", question: name, property };
    }
    const nested = checkElements(element.elements ?? element.questions ?? element.templateElements ?? [], name);
    if (nested) return nested;
  }
  return undefined;
}

/** Properties survey-core does not know, as "question.property": kept, and shown as advanced. */
export function unknownProperties(definition: Definition): string[] {
  const found = new Set<string>();
  const visit = (value: Record<string, unknown>, className: string, label: string) => {
    for (const key of Object.keys(value)) {
      if (key !== "type" && !Serializer.findProperty(className, key)) found.add(label ? `${label}.${key}` : key);
    }
    for (const key of ["pages", "elements", "questions", "templateElements"]) {
      const list = value[key];
      if (!Array.isArray(list)) continue;
      for (const child of list) {
        if (!isRecord(child)) continue;
        const childClass = key === "pages" ? "page" : typeof child.type === "string" ? child.type : "question";
        visit(child, childClass, typeof child.name === "string" ? child.name : childClass);
      }
    }
  };
  visit(definition, "survey", "");
  return [...found];
}
