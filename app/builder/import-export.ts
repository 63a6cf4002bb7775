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
  } catch {
    return { ok: false, problem: { code: "malformed", ...positionOfJsonError(text) } };
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

/**
 * Line and column (from 1) of the first thing in `text` that is not JSON. Browsers word
 * JSON.parse's errors differently and some give no position at all, so this finds the place
 * itself with a small scanner that follows the JSON grammar.
 */
export function positionOfJsonError(text: string): { line: number; column: number } {
  const offset = firstJsonErrorOffset(text);
  const lines = text.slice(0, offset).split("\n");
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}

function firstJsonErrorOffset(text: string): number {
  let i = 0;
  const fail = (): never => {
    throw i;
  };
  const space = () => {
    while (i < text.length && " \t\n\r".includes(text[i]!)) i++;
  };
  const literal = (word: string) => {
    for (const char of word) {
      if (text[i] !== char) fail();
      i++;
    }
  };
  const string = () => {
    i++; // the opening quote
    while (i < text.length && text[i] !== '"') {
      if (text.charCodeAt(i) < 0x20) fail();
      if (text[i] === "\\") {
        i++;
        if (text[i] === "u") {
          for (let k = 1; k <= 4; k++) if (!/[0-9a-fA-F]/.test(text[i + k] ?? "")) fail();
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? "x")) fail();
      }
      i++;
    }
    if (text[i] !== '"') fail();
    i++;
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!match || match[0] === "-") fail();
    i += match![0].length;
  };
  const value = (): void => {
    space();
    const char = text[i];
    if (char === "{") {
      i++;
      space();
      if (text[i] === "}") {
        i++;
        return;
      }
      for (;;) {
        space();
        if (text[i] !== '"') fail();
        string();
        space();
        if (text[i] !== ":") fail();
        i++;
        value();
        space();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "}") {
          i++;
          return;
        }
        fail();
      }
    }
    if (char === "[") {
      i++;
      space();
      if (text[i] === "]") {
        i++;
        return;
      }
      for (;;) {
        value();
        space();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "]") {
          i++;
          return;
        }
        fail();
      }
    }
    if (char === '"') return string();
    if (char === "t") return literal("true");
    if (char === "f") return literal("false");
    if (char === "n") return literal("null");
    if (char === "-" || (char !== undefined && char >= "0" && char <= "9")) return number();
    fail();
  };
  try {
    value();
    space();
    if (i < text.length) fail();
  } catch (offset) {
    return Math.min(typeof offset === "number" ? offset : text.length, text.length);
  }
  return text.length;
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
