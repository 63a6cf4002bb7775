/**
 * What must be true of a survey before children can answer it. Each problem names the question
 * (by name and, when the builder can edit it, where it is) so the page can link to it, and a code
 * the page turns into plain words (locales/<lng>/builder.json, "problems.<code>").
 *
 * Browser-safe (survey-core only), so the builder can show problems as they appear; the server
 * runs the same checks before a version is published.
 */
import { Model, type JsonError } from "survey-core";
import { allElements, choicesOf, isRecord, pagesOf, type Definition, type Location } from "./definition";
import { readText } from "./localized";
import { CONDITION_KINDS, kindOfElement, type Element, type QuestionKind } from "./question-kinds";
import { parseShowIf, referencedQuestions } from "./show-if";

export type ProblemCode =
  | "cannotLoad"
  | "surveyCoreError"
  | "noQuestions"
  | "noName"
  | "duplicateName"
  | "choiceWithoutValue"
  | "duplicateChoiceValue"
  | "noChoices"
  | "showIfUnknownQuestion"
  | "showIfUnknownAnswer"
  | "showIfItself";

export type Problem = {
  code: ProblemCode;
  /** The question's name, when the problem belongs to one. */
  question?: string;
  /** Where the builder shows it (top-level elements of a page only). */
  at?: Location;
  /** Words for the message: a property, a value, another question's name. */
  detail?: string;
};

/** Every problem found, in the order the questions appear; an empty list means it can be published. */
export function checkForPublishing(definition: Definition): Problem[] {
  const problems: Problem[] = [];
  let model: Model;
  try {
    // survey-core writes into the JSON it is given (a choice with no value gets its text): give it a copy.
    model = new Model(structuredClone(definition));
  } catch (error) {
    return [{ code: "cannotLoad", detail: error instanceof Error ? error.message : String(error) }];
  }
  const where = locator(definition);
  for (const error of model.jsonErrors ?? []) {
    if (!isHeardProperty(error)) problems.push(surveyCoreProblem(error, where));
  }

  const elements = allElements(definition);
  // Panels only group questions: their names hold no answers (a definition may reuse them).
  const questions = elements.filter((element) => element.type !== "panel");
  if (model.getAllQuestions(false).length === 0) problems.push({ code: "noQuestions" });

  const seen = new Set<string>();
  for (const element of questions) {
    const name = typeof element.name === "string" ? element.name.trim() : "";
    if (!name) {
      // Information text needs no name to show; anything that takes an answer does.
      if (element.type !== "html") problems.push({ code: "noName", at: where(element) });
      continue;
    }
    if (seen.has(name)) problems.push({ code: "duplicateName", question: name, at: where(element) });
    seen.add(name);
  }

  for (const element of questions) problems.push(...choiceProblems(element, where));
  problems.push(...showIfProblems(definition, where));
  return problems;
}

// Heard's own survey-level properties, which survey-core does not know: an easy-read survey's
// pictures (app/survey/easy-read.ts).
const HEARD_PROPERTIES = new Set(["heardPictures"]);

function isHeardProperty(error: JsonError) {
  const property = (error as JsonError & { propertyName?: string }).propertyName;
  return property !== undefined && HEARD_PROPERTIES.has(property);
}

function surveyCoreProblem(error: JsonError, where: (element: Element) => Location | undefined): Problem {
  const json: unknown = error.jsonObj;
  const name = isRecord(json) && typeof json.name === "string" ? json.name : undefined;
  const property = (error as JsonError & { propertyName?: string }).propertyName;
  return {
    code: "surveyCoreError",
    question: name,
    at: isRecord(json) ? where(json) : undefined,
    detail: property ?? error.getFullDescription(),
  };
}

const CHOICE_LISTS = ["choices", "rows", "columns"] as const;

function choiceProblems(element: Element, where: (element: Element) => Location | undefined): Problem[] {
  const problems: Problem[] = [];
  const name = typeof element.name === "string" ? element.name : undefined;
  const kind = kindOfElement(element);
  for (const property of CHOICE_LISTS) {
    if (!Array.isArray(element[property])) continue;
    // Matrix dropdown columns are questions of their own, not choices.
    if (property === "columns" && element.type !== "matrix") continue;
    const values = new Set<string>();
    for (const choice of choicesOf(element, property)) {
      const value = choice.value;
      if (value === undefined || value === null || String(value).trim() === "") {
        problems.push({ code: "choiceWithoutValue", question: name, at: where(element), detail: readText(choice.text, "en") });
        continue;
      }
      if (values.has(String(value))) {
        problems.push({ code: "duplicateChoiceValue", question: name, at: where(element), detail: String(value) });
      }
      values.add(String(value));
    }
  }
  const needsChoices = ["singleChoice", "multipleChoice", "dropdown", "pictureChoice", "ranking"].includes(kind);
  const fromElsewhere = element.choicesFromQuestion !== undefined || element.choicesByUrl !== undefined;
  if (needsChoices && !fromElsewhere && choicesOf(element).length === 0) {
    problems.push({ code: "noChoices", question: name, at: where(element) });
  }
  return problems;
}

/** The answers a show-if may compare a question with, or undefined when any answer may do. */
function possibleAnswers(element: Element): Set<string> | undefined {
  const kind = kindOfElement(element);
  if (!CONDITION_KINDS.includes(kind as QuestionKind)) return undefined;
  if (kind === "yesNo") {
    return new Set([String(element.valueTrue ?? true), String(element.valueFalse ?? false)]);
  }
  if (kind === "rating") {
    const min = typeof element.rateMin === "number" ? element.rateMin : 1;
    const max = typeof element.rateMax === "number" ? element.rateMax : 5;
    const step = typeof element.rateStep === "number" && element.rateStep > 0 ? element.rateStep : 1;
    const values = new Set<string>();
    for (let v = min; v <= max && values.size < 100; v += step) values.add(String(v));
    return values;
  }
  if (element.choicesFromQuestion !== undefined) return undefined;
  const values = new Set(choicesOf(element).map((choice) => String(choice.value)));
  if (element.showRefuseItem === true) values.add("refused");
  if (element.showDontKnowItem === true) values.add("dontknow");
  if (element.showNoneItem === true) values.add(String(element.noneValue ?? "none"));
  if (element.showOtherItem === true) values.add("other");
  return values;
}

/** Variables a definition declares itself, which a show-if may refer to as if they were questions. */
function declaredNames(definition: Definition): Set<string> {
  const names = new Set<string>();
  if (Array.isArray(definition.calculatedValues)) {
    for (const value of definition.calculatedValues) if (isRecord(value) && typeof value.name === "string") names.add(value.name);
  }
  return names;
}

function showIfProblems(definition: Definition, where: (element: Element) => Location | undefined): Problem[] {
  const problems: Problem[] = [];
  const byName = new Map<string, Element>();
  for (const element of allElements(definition)) {
    if (typeof element.name === "string" && !byName.has(element.name)) byName.set(element.name, element);
  }
  const declared = declaredNames(definition);
  const owners: Element[] = [...pagesOf(definition), ...allElements(definition)];
  for (const owner of owners) {
    if (typeof owner.visibleIf !== "string") continue;
    const name = typeof owner.name === "string" ? owner.name : undefined;
    const at = where(owner);
    const parsed = parseShowIf(owner.visibleIf);
    if (parsed) {
      for (const rule of parsed.rules) {
        const target = byName.get(rule.question);
        if (!target) {
          if (!declared.has(rule.question)) problems.push({ code: "showIfUnknownQuestion", question: name, at, detail: rule.question });
          continue;
        }
        if (target === owner) {
          problems.push({ code: "showIfItself", question: name, at });
          continue;
        }
        const answers = possibleAnswers(target);
        if (answers && rule.value !== undefined && !answers.has(String(rule.value))) {
          problems.push({ code: "showIfUnknownAnswer", question: name, at, detail: `${rule.question}: ${String(rule.value)}` });
        }
      }
      continue;
    }
    // Advanced logic written elsewhere: check only that the questions it names exist.
    for (const reference of referencedQuestions(owner.visibleIf)) {
      if (/^(row|panel|item|parentPanel|rootPanel|\$)/.test(reference)) continue;
      const base = reference.split(/[.[]/)[0]!;
      if (!byName.has(reference) && !byName.has(base) && !declared.has(base)) {
        problems.push({ code: "showIfUnknownQuestion", question: name, at, detail: reference });
      }
    }
  }
  return problems;
}

/** Finds where a top-level element sits, so a problem can link to it in the builder. */
function locator(definition: Definition): (element: Element) => Location | undefined {
  const places = new Map<unknown, Location>();
  pagesOf(definition).forEach((page, pageIndex) =>
    page.elements.forEach((element, index) => places.set(element, { page: pageIndex, index })),
  );
  // Elements are found by identity first; survey-core's error objects point at copies, so by name too.
  const byName = new Map<string, Location>();
  pagesOf(definition).forEach((page, pageIndex) =>
    page.elements.forEach((element, index) => {
      if (isRecord(element) && typeof element.name === "string" && !byName.has(element.name)) {
        byName.set(element.name, { page: pageIndex, index });
      }
    }),
  );
  return (element) => places.get(element) ?? (typeof element.name === "string" ? byName.get(element.name) : undefined);
}
