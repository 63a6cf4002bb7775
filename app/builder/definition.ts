/**
 * Editing a SurveyJS definition, one pure operation at a time.
 *
 * Every operation takes a definition and returns a new one; the input is never changed, so the
 * builder can keep earlier definitions for undo. Questions are found by where they are: the page
 * and their position on it (a definition written elsewhere may have elements with no name).
 * Properties the builder does not edit are carried along untouched.
 */
import { readText, writeText, mapTexts, type BuilderLocale } from "./localized";
import {
  CHOICE_KINDS,
  kindOfElement,
  newElement,
  SPECIAL_ANSWER_KINDS,
  type Element,
  type NewElementTexts,
  type QuestionKind,
  type RatingStyle,
} from "./question-kinds";

export type Definition = Record<string, unknown>;
export type Page = Record<string, unknown> & { elements: Element[] };
/** Where a question is: its page and its position among that page's elements, both from 0. */
export type Location = { page: number; index: number };
export type Choice = { value: string | number | boolean; text?: unknown } & Record<string, unknown>;

export class DefinitionEditError extends Error {
  override name = "DefinitionEditError";
}

/** Question names are the keys answers are stored under: plain ASCII, as the template checks require. */
export const QUESTION_NAME = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** A survey with one empty page. Required questions get no asterisk: optional ones say "(optional)". */
export function newDefinition(): Definition {
  return { requiredMark: "", showQuestionNumbers: "off", pages: [{ name: "page1", elements: [] }] };
}

/**
 * The definition with its questions on pages. SurveyJS also accepts top-level `elements` or
 * (older) `questions`; those are moved into one page only when an edit needs pages.
 */
export function withPages(definition: Definition): Definition {
  if (Array.isArray(definition.pages)) {
    const pages = (definition.pages as unknown[]).map((page) => {
      const record = isRecord(page) ? page : {};
      if (Array.isArray(record.elements)) return record;
      if (Array.isArray(record.questions)) {
        const { questions, ...rest } = record;
        return { ...rest, elements: questions };
      }
      return { ...record, elements: [] };
    });
    return { ...definition, pages };
  }
  const { elements, questions, ...rest } = definition;
  const list = Array.isArray(elements) ? elements : Array.isArray(questions) ? questions : [];
  return { ...rest, pages: [{ name: "page1", elements: list }] };
}

export function pagesOf(definition: Definition): Page[] {
  return withPages(definition).pages as Page[];
}

export function elementAt(definition: Definition, at: Location): Element {
  const element = pagesOf(definition)[at.page]?.elements[at.index];
  if (!isRecord(element)) throw new DefinitionEditError(`No question at page ${at.page + 1}, position ${at.index + 1}`);
  return element;
}

/** Every element at any depth (inside panels too), for names and show-if menus. */
export function allElements(definition: Definition): Element[] {
  const out: Element[] = [];
  const visit = (list: unknown) => {
    if (!Array.isArray(list)) return;
    for (const element of list) {
      if (!isRecord(element)) continue;
      out.push(element);
      visit(element.elements);
      visit(element.questions);
      visit(element.templateElements);
    }
  };
  for (const page of pagesOf(definition)) visit(page.elements);
  return out;
}

export function questionNames(definition: Definition): Set<string> {
  return new Set(allElements(definition).flatMap((element) => (typeof element.name === "string" ? [element.name] : [])));
}

/** A name no element uses yet: "question1", "question2", ... */
export function freeName(definition: Definition, stem = "question"): string {
  const taken = questionNames(definition);
  for (let n = 1; ; n++) {
    const name = `${stem}${n}`;
    if (!taken.has(name)) return name;
  }
}

// --- pages -------------------------------------------------------------------------------------

function replacePages(definition: Definition, change: (pages: Page[]) => Page[]): Definition {
  return { ...withPages(definition), pages: change(pagesOf(definition).map((page) => ({ ...page, elements: [...page.elements] }))) };
}

function freePageName(pages: Page[]): string {
  const taken = new Set(pages.map((page) => page.name));
  for (let n = 1; ; n++) if (!taken.has(`page${n}`)) return `page${n}`;
}

/** Adds an empty page (a section) after `after`, or at the end. */
export function addPage(definition: Definition, after?: number): Definition {
  return replacePages(definition, (pages) => {
    const page: Page = { name: freePageName(pages), elements: [] };
    const at = after === undefined ? pages.length : after + 1;
    return [...pages.slice(0, at), page, ...pages.slice(at)];
  });
}

export function setPageTitle(definition: Definition, page: number, locale: BuilderLocale, text: string): Definition {
  return replacePages(definition, (pages) => {
    const target = pages[page];
    if (!target) throw new DefinitionEditError(`No page ${page + 1}`);
    pages[page] = withProperty(target, "title", writeText(target.title, locale, text)) as Page;
    return pages;
  });
}

/** Removes a page and its questions; the last page cannot go (a survey always has one). */
export function deletePage(definition: Definition, page: number): Definition {
  return replacePages(definition, (pages) => {
    if (!pages[page]) throw new DefinitionEditError(`No page ${page + 1}`);
    if (pages.length === 1) throw new DefinitionEditError("A survey needs at least one page");
    return pages.filter((_, i) => i !== page);
  });
}

export function movePage(definition: Definition, page: number, direction: "up" | "down"): Definition {
  return replacePages(definition, (pages) => {
    const target = page + (direction === "up" ? -1 : 1);
    if (!pages[page] || !pages[target]) return pages;
    [pages[page], pages[target]] = [pages[target]!, pages[page]!];
    return pages;
  });
}

// --- questions ---------------------------------------------------------------------------------

/** Adds a question of a kind at the end of a page (or after `after`); returns where it went. */
export function addQuestion(
  definition: Definition,
  { page, kind, texts, after }: { page: number; kind: QuestionKind; texts: NewElementTexts; after?: number },
): { definition: Definition; at: Location } {
  const element = newElement(kind, freeName(definition), texts);
  // New questions start optional, so their titles say so.
  if (kind !== "information") element.title = mapTexts(element.title, withOptionalMark);
  let at: Location = { page, index: 0 };
  const next = replacePages(definition, (pages) => {
    const target = pages[page];
    if (!target) throw new DefinitionEditError(`No page ${page + 1}`);
    const index = after === undefined ? target.elements.length : after + 1;
    target.elements.splice(index, 0, element);
    at = { page, index };
    return pages;
  });
  return { definition: next, at };
}

/** Applies `change` to one question; returns the new definition. */
export function editQuestion(definition: Definition, at: Location, change: (element: Element) => Element): Definition {
  const current = elementAt(definition, at);
  return replacePages(definition, (pages) => {
    pages[at.page]!.elements[at.index] = change({ ...current });
    return pages;
  });
}

/** A copy right after the original, under a new name (its answers must not mix with the original's). */
export function duplicateQuestion(definition: Definition, at: Location): { definition: Definition; at: Location } {
  const original = elementAt(definition, at);
  const copy = structuredClone(original);
  copy.name = freeName(definition);
  const next = replacePages(definition, (pages) => {
    pages[at.page]!.elements.splice(at.index + 1, 0, copy);
    return pages;
  });
  return { definition: next, at: { page: at.page, index: at.index + 1 } };
}

export function deleteQuestion(definition: Definition, at: Location): Definition {
  elementAt(definition, at);
  return replacePages(definition, (pages) => {
    pages[at.page]!.elements.splice(at.index, 1);
    return pages;
  });
}

/**
 * Moves a question one place up or down. At the top or bottom of a page it moves to the end of
 * the page before or the start of the page after, so every place can be reached with the buttons.
 * Returns where the question is now (unchanged at the very top or bottom of the survey).
 */
export function moveQuestion(
  definition: Definition,
  at: Location,
  direction: "up" | "down",
): { definition: Definition; at: Location } {
  const element = elementAt(definition, at);
  const pages = pagesOf(definition);
  const page = pages[at.page]!;
  let to: Location;
  if (direction === "up") {
    if (at.index > 0) to = { page: at.page, index: at.index - 1 };
    else if (at.page > 0) to = { page: at.page - 1, index: pages[at.page - 1]!.elements.length };
    else return { definition, at };
  } else if (at.index < page.elements.length - 1) to = { page: at.page, index: at.index + 1 };
  else if (at.page < pages.length - 1) to = { page: at.page + 1, index: 0 };
  else return { definition, at };

  const next = replacePages(definition, (copy) => {
    copy[at.page]!.elements.splice(at.index, 1);
    copy[to.page]!.elements.splice(to.index, 0, element);
    return copy;
  });
  return { definition: next, at: to };
}

// --- what a question says ----------------------------------------------------------------------

/** The words that mark an optional question, in each survey language, instead of an asterisk. */
export const OPTIONAL_MARK: Record<string, string> = { en: "(optional)", cy: "(dewisol)" };

function optionalSuffix(locale: string) {
  return ` ${OPTIONAL_MARK[locale] ?? OPTIONAL_MARK.en}`;
}

function withoutOptionalMark(text: string, locale: string) {
  const suffix = optionalSuffix(locale);
  return text.endsWith(suffix) ? text.slice(0, -suffix.length) : text;
}

function withOptionalMark(text: string, locale: string) {
  return text === "" ? text : withoutOptionalMark(text, locale) + optionalSuffix(locale);
}

/** Whether the builder treats the question as one that must be answered. */
export function isRequired(element: Element): boolean {
  return element.isRequired === true;
}

/** The title as the person edits it: without the "(optional)" the builder adds. */
export function editableTitle(element: Element, locale: BuilderLocale): string {
  return withoutOptionalMark(readText(element.title, locale), locale);
}

export function setTitle(definition: Definition, at: Location, locale: BuilderLocale, text: string): Definition {
  return editQuestion(definition, at, (element) => {
    const marked = !isRequired(element) && kindOfElement(element) !== "information" ? withOptionalMark(text.trim(), locale) : text;
    return withProperty(element, "title", writeText(element.title, locale, marked));
  });
}

export function setDescription(definition: Definition, at: Location, locale: BuilderLocale, text: string): Definition {
  return editQuestion(definition, at, (element) => withProperty(element, "description", writeText(element.description, locale, text)));
}

/** Required or optional: an optional question's title says "(optional)" in every language it has. */
export function setRequired(definition: Definition, at: Location, required: boolean): Definition {
  return editQuestion(definition, at, (element) => {
    const title = mapTexts(element.title, (text, locale) =>
      required ? withoutOptionalMark(text, locale) : withOptionalMark(text, locale),
    );
    return withProperty(withProperty(element, "isRequired", required ? true : undefined), "title", title);
  });
}

/** Sets (or with undefined, removes) one property the builder edits directly. */
export function setProperty(definition: Definition, at: Location, property: string, value: unknown): Definition {
  return editQuestion(definition, at, (element) => withProperty(element, property, value));
}

export function setLocalizedProperty(
  definition: Definition,
  at: Location,
  property: string,
  locale: BuilderLocale,
  text: string,
): Definition {
  return editQuestion(definition, at, (element) => withProperty(element, property, writeText(element[property], locale, text)));
}

/** Rating: numbers, stars or smileys from `min` to `max`, with words at each end. */
export function setRatingScale(
  definition: Definition,
  at: Location,
  { style, min, max }: { style: RatingStyle; min: number; max: number },
): Definition {
  if (!Number.isInteger(min) || !Number.isInteger(max) || min >= max) {
    throw new DefinitionEditError("The lowest rating must be a whole number below the highest");
  }
  // survey-core shows at most 5 smileys and 10 of anything comfortably on a phone.
  if (max - min + 1 > (style === "smileys" ? 5 : 10)) throw new DefinitionEditError("Too many points on the scale");
  // rateCount is ignored by survey-core when rateMin/rateMax are set: never write it.
  return editQuestion(definition, at, (element) => {
    const { rateCount: _rateCount, ...rest } = element;
    return { ...rest, rateType: style, rateMin: min, rateMax: max };
  });
}

// --- choices -----------------------------------------------------------------------------------

/** A question's choices as objects (SurveyJS also accepts bare values and "value|text"). */
export function choicesOf(element: Element, property = "choices"): Choice[] {
  const list = element[property];
  if (!Array.isArray(list)) return [];
  return list.map((item) => {
    if (isRecord(item)) return item as Choice;
    if (typeof item === "string" && item.includes("|")) {
      const [value, ...text] = item.split("|");
      return { value: value!, text: text.join("|") };
    }
    return { value: item as string | number | boolean };
  });
}

/** A value for a new choice, from its words: "Very happy" → "very-happy", unique in the list. */
export function choiceValue(text: string, taken: Iterable<unknown>): string {
  const used = new Set(Array.from(taken, (value) => String(value)));
  const base =
    text
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 40) || "choice";
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Adds a choice (or a matrix row or column) with its words in one language; its value never changes after. */
export function addChoice(
  definition: Definition,
  at: Location,
  { locale, text, property = "choices", imageLink }: { locale: BuilderLocale; text: string; property?: string; imageLink?: string },
): Definition {
  return editQuestion(definition, at, (element) => {
    const choices = choicesOf(element, property);
    const choice: Choice = { value: choiceValue(text, choices.map((c) => c.value)), text: writeText(undefined, locale, text) };
    if (imageLink !== undefined) choice.imageLink = imageLink;
    return { ...element, [property]: [...choices, choice] };
  });
}

export function setChoiceText(
  definition: Definition,
  at: Location,
  { index, locale, text, property = "choices" }: { index: number; locale: BuilderLocale; text: string; property?: string },
): Definition {
  return editQuestion(definition, at, (element) => {
    const choices = choicesOf(element, property);
    const choice = choices[index];
    if (!choice) throw new DefinitionEditError(`No choice ${index + 1}`);
    choices[index] = withProperty(choice, "text", writeText(choice.text, locale, text)) as Choice;
    return { ...element, [property]: choices };
  });
}

export function setChoiceImage(definition: Definition, at: Location, index: number, imageLink: string): Definition {
  return editQuestion(definition, at, (element) => {
    const choices = choicesOf(element);
    if (!choices[index]) throw new DefinitionEditError(`No choice ${index + 1}`);
    choices[index] = { ...choices[index]!, imageLink };
    return { ...element, choices };
  });
}

export function removeChoice(definition: Definition, at: Location, index: number, property = "choices"): Definition {
  return editQuestion(definition, at, (element) => ({
    ...element,
    [property]: choicesOf(element, property).filter((_, i) => i !== index),
  }));
}

export function moveChoice(
  definition: Definition,
  at: Location,
  { index, direction, property = "choices" }: { index: number; direction: "up" | "down"; property?: string },
): Definition {
  return editQuestion(definition, at, (element) => {
    const choices = choicesOf(element, property);
    const target = index + (direction === "up" ? -1 : 1);
    if (!choices[index] || !choices[target]) return element;
    [choices[index], choices[target]] = [choices[target]!, choices[index]!];
    return { ...element, [property]: choices };
  });
}

/**
 * "I'd rather not say" and "I don't know": survey-core's own special items (values "refused" and
 * "dontknow"), with Heard's wording in every language given.
 */
export function setSpecialAnswer(
  definition: Definition,
  at: Location,
  { which, on, text }: { which: "refuse" | "dontKnow"; on: boolean; text: Record<string, string> },
): Definition {
  return editQuestion(definition, at, (element) => {
    if (!SPECIAL_ANSWER_KINDS.includes(kindOfElement(element) as QuestionKind)) {
      throw new DefinitionEditError("This kind of question has no such option");
    }
    const show = which === "refuse" ? "showRefuseItem" : "showDontKnowItem";
    const words = which === "refuse" ? "refuseText" : "dontKnowText";
    const next = withProperty(element, show, on ? true : undefined);
    return withProperty(next, words, on ? (element[words] ?? text) : undefined);
  });
}

export function hasChoices(element: Element): boolean {
  return CHOICE_KINDS.includes(kindOfElement(element) as QuestionKind);
}

// --- helpers -----------------------------------------------------------------------------------

/** A copy with one property set, or removed when the value is undefined. */
export function withProperty<T extends Record<string, unknown>>(record: T, property: string, value: unknown): T {
  const copy: Record<string, unknown> = { ...record };
  if (value === undefined) delete copy[property];
  else copy[property] = value;
  return copy as T;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
