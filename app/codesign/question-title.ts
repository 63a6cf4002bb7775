// Reading and changing one question's title in a SurveyJS definition, wherever the question sits
// (a page, a panel, a dynamic panel's template). Pure: the definition passed in is never changed.
type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Calls `visit` on every element (question or panel) of the definition, depth first. */
function forEachElement(node: unknown, visit: (element: Json) => void) {
  if (Array.isArray(node)) {
    node.forEach((inner) => forEachElement(inner, visit));
    return;
  }
  if (!isObject(node)) return;
  for (const key of ["pages", "elements", "questions", "templateElements"]) {
    const children = node[key];
    if (!Array.isArray(children)) continue;
    for (const child of children) {
      if (isObject(child) && key !== "pages") visit(child);
      forEachElement(child, visit);
    }
  }
}

function findQuestion(definition: Json, name: string): Json | undefined {
  let found: Json | undefined;
  forEachElement(definition, (element) => {
    if (found === undefined && element.name === name && element.type !== "panel") found = element;
  });
  return found;
}

/** The English (default) title of a question, its name when it has no title; undefined if absent. */
export function questionTitleText(definition: Json, name: string): string | undefined {
  const question = findQuestion(definition, name);
  if (!question) return undefined;
  const title = question.title;
  if (typeof title === "string") return title;
  if (isObject(title) && typeof title.default === "string") return title.default;
  return name;
}

/** A copy of the definition with the question's English title replaced; other languages are kept. */
export function withQuestionTitle(definition: Json, name: string, text: string): Json | undefined {
  const copy = structuredClone(definition);
  const question = findQuestion(copy, name);
  if (!question) return undefined;
  question.title = isObject(question.title) ? { ...question.title, default: text } : text;
  return copy;
}
