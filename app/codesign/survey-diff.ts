// A readable difference between two SurveyJS definitions, question by question, for the survey's
// history: which questions were added, removed or moved, and what changed in each (its words in any
// language, its choices, whether it is optional, when it shows). Pure: no survey-core, no I/O.
type Json = Record<string, unknown>;

export type QuestionChange =
  | { kind: "added"; name: string; title: string; page: string }
  | { kind: "removed"; name: string; title: string; page: string }
  | { kind: "moved"; name: string; title: string; fromPage: string; toPage: string }
  | { kind: "changed"; name: string; title: string; changes: PropertyChange[] };

export type PropertyChange =
  | { property: "title" | "description"; locale: string; before: string; after: string }
  | { property: "choices"; added: string[]; removed: string[]; relabelled: { value: string; before: string; after: string }[] }
  | { property: string; before: string; after: string };

export type PageChange = { kind: "added" | "removed"; name: string; title: string } | { kind: "retitled"; name: string; before: string; after: string };

export type SurveyDiff = { pages: PageChange[]; questions: QuestionChange[] };

type FlatQuestion = { name: string; page: string; index: number; element: Json };

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** A localizable string as { locale: text }; a plain string is the default locale. */
function localized(value: unknown): Record<string, string> {
  if (typeof value === "string") return { default: value };
  if (!isObject(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

function englishText(value: unknown, fallback: string): string {
  return localized(value).default ?? fallback;
}

function pagesOf(definition: Json): Json[] {
  const pages = definition.pages;
  if (Array.isArray(pages)) return pages.filter(isObject);
  // A definition without pages holds its questions at the top level, as one page.
  return Array.isArray(definition.elements) || Array.isArray(definition.questions) ? [definition] : [];
}

function pageName(page: Json, index: number): string {
  return typeof page.name === "string" ? page.name : `page${index + 1}`;
}

function flattenQuestions(definition: Json): FlatQuestion[] {
  const found: FlatQuestion[] = [];
  const visit = (elements: unknown, page: string) => {
    if (!Array.isArray(elements)) return;
    for (const element of elements) {
      if (!isObject(element)) continue;
      if (element.type === "panel") visit(element.elements, page);
      else if (typeof element.name === "string") found.push({ name: element.name, page, index: found.length, element });
    }
  };
  pagesOf(definition).forEach((page, index) => {
    visit(page.elements ?? page.questions, pageName(page, index));
  });
  return found;
}

type Choice = { value: string; text: string };

function choicesOf(element: Json): Choice[] {
  const choices = element.choices;
  if (!Array.isArray(choices)) return [];
  return choices.map((choice) => {
    if (isObject(choice)) {
      const value = String(choice.value ?? "");
      return { value, text: englishText(choice.text, value) };
    }
    return { value: String(choice), text: String(choice) };
  });
}

function diffChoices(before: Json, after: Json): PropertyChange | undefined {
  const old = choicesOf(before);
  const now = choicesOf(after);
  const oldValues = new Map(old.map((choice) => [choice.value, choice.text]));
  const nowValues = new Map(now.map((choice) => [choice.value, choice.text]));
  const added = now.filter((choice) => !oldValues.has(choice.value)).map((choice) => choice.text);
  const removed = old.filter((choice) => !nowValues.has(choice.value)).map((choice) => choice.text);
  const relabelled = now
    .filter((choice) => oldValues.has(choice.value) && oldValues.get(choice.value) !== choice.text)
    .map((choice) => ({ value: choice.value, before: oldValues.get(choice.value)!, after: choice.text }));
  if (added.length === 0 && removed.length === 0 && relabelled.length === 0) return undefined;
  return { property: "choices", added, removed, relabelled };
}

function diffLocalized(property: "title" | "description", before: unknown, after: unknown): PropertyChange[] {
  const old = localized(before);
  const now = localized(after);
  const locales = [...new Set([...Object.keys(old), ...Object.keys(now)])].sort((a, b) => (a === "default" ? -1 : b === "default" ? 1 : a.localeCompare(b)));
  return locales.filter((locale) => (old[locale] ?? "") !== (now[locale] ?? "")).map((locale) => ({ property, locale, before: old[locale] ?? "", after: now[locale] ?? "" }));
}

/** Anything else is compared as JSON, so no change goes unreported, even in properties the builder does not edit. */
function shown(value: unknown): string {
  if (value === undefined) return "";
  return typeof value === "string" ? value : JSON.stringify(value);
}

function diffQuestion(before: Json, after: Json): PropertyChange[] {
  const changes: PropertyChange[] = [...diffLocalized("title", before.title, after.title), ...diffLocalized("description", before.description, after.description)];
  const choices = diffChoices(before, after);
  if (choices) changes.push(choices);
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((key) => !["name", "title", "description", "choices"].includes(key)).sort();
  for (const key of keys) {
    const old = shown(before[key]);
    const now = shown(after[key]);
    if (old !== now) changes.push({ property: key, before: old, after: now });
  }
  return changes;
}

function diffPages(before: Json, after: Json): PageChange[] {
  const titled = (definition: Json) =>
    new Map(pagesOf(definition).map((page, index) => [pageName(page, index), englishText(page.title, pageName(page, index))] as const));
  const old = titled(before);
  const now = titled(after);
  const changes: PageChange[] = [];
  for (const [name, title] of now) {
    if (!old.has(name)) changes.push({ kind: "added", name, title });
    else if (old.get(name) !== title) changes.push({ kind: "retitled", name, before: old.get(name)!, after: title });
  }
  for (const [name, title] of old) if (!now.has(name)) changes.push({ kind: "removed", name, title });
  return changes;
}

/**
 * Indexes of a longest increasing subsequence: the questions that kept their order. Every other
 * kept question was moved (up or down, or to another page).
 */
function keptInOrder(sequence: number[]): Set<number> {
  const tails: number[] = [];
  const previous: number[] = new Array<number>(sequence.length).fill(-1);
  sequence.forEach((value, index) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (sequence[tails[middle]!]! < value) low = middle + 1;
      else high = middle;
    }
    if (low > 0) previous[index] = tails[low - 1]!;
    tails[low] = index;
  });
  const kept = new Set<number>();
  for (let index = tails[tails.length - 1] ?? -1; index !== -1; index = previous[index]!) kept.add(index);
  return kept;
}

/** What changed from `before` to `after`, in the order of `after` (removed questions last). */
export function diffSurveys(before: Json, after: Json): SurveyDiff {
  const old = new Map(flattenQuestions(before).map((question) => [question.name, question]));
  const now = flattenQuestions(after);
  const nowNames = new Set(now.map((question) => question.name));
  const common = now.filter((question) => old.has(question.name));
  const inOrder = keptInOrder(common.map((question) => old.get(question.name)!.index));
  const moved = new Set(common.filter((_, index) => !inOrder.has(index)).map((question) => question.name));
  const questions: QuestionChange[] = [];
  for (const question of now) {
    const title = englishText(question.element.title, question.name);
    const previous = old.get(question.name);
    if (!previous) {
      questions.push({ kind: "added", name: question.name, title, page: question.page });
      continue;
    }
    if (previous.page !== question.page || moved.has(question.name)) questions.push({ kind: "moved", name: question.name, title, fromPage: previous.page, toPage: question.page });
    const changes = diffQuestion(previous.element, question.element);
    if (changes.length > 0) questions.push({ kind: "changed", name: question.name, title, changes });
  }
  for (const [name, question] of old) {
    if (!nowNames.has(name)) questions.push({ kind: "removed", name, title: englishText(question.element.title, name), page: question.page });
  }
  return { pages: diffPages(before, after), questions };
}

export function isEmptyDiff(diff: SurveyDiff): boolean {
  return diff.pages.length === 0 && diff.questions.length === 0;
}
