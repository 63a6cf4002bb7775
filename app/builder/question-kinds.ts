/**
 * The question kinds the builder offers, and how each maps onto a SurveyJS element.
 *
 * One place knows which SurveyJS properties the builder edits for each kind. Everything else an
 * element carries (validators, masks, custom properties, anything a definition written elsewhere
 * holds) is "advanced": kept exactly as it is and listed, never dropped.
 */
export const QUESTION_KINDS = [
  "shortText",
  "longText",
  "number",
  "date",
  "singleChoice",
  "multipleChoice",
  "dropdown",
  "yesNo",
  "rating",
  "pictureChoice",
  "ranking",
  "drawIt",
  "matrix",
  "information",
] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
/** An element the builder cannot edit (a panel, an expression, a file upload...): kept as it is. */
export type ElementKind = QuestionKind | "advanced";

export type Element = Record<string, unknown>;

export const RATING_STYLES = ["labels", "stars", "smileys"] as const;
export type RatingStyle = (typeof RATING_STYLES)[number];

/** Kinds whose answers are picked from a list of choices the builder edits. */
export const CHOICE_KINDS: readonly QuestionKind[] = ["singleChoice", "multipleChoice", "dropdown", "pictureChoice", "ranking"];
/** Kinds where "I'd rather not say" and "I don't know" fit: picking from a list. */
export const SPECIAL_ANSWER_KINDS: readonly QuestionKind[] = ["singleChoice", "multipleChoice", "dropdown"];
/** Kinds whose answer a show-if can test: a fixed set of possible answers. */
export const CONDITION_KINDS: readonly QuestionKind[] = [
  "singleChoice",
  "multipleChoice",
  "dropdown",
  "yesNo",
  "rating",
  "pictureChoice",
];

/** Properties every question kind edits (information text has no answer, so no `isRequired`). */
const COMMON = ["type", "name", "title", "description", "isRequired", "visibleIf"];
const SPECIAL_ANSWERS = ["showRefuseItem", "refuseText", "showDontKnowItem", "dontKnowText"];

/** The SurveyJS properties the builder edits, per kind; any other property is "advanced". */
export const EDITED_PROPERTIES: Record<QuestionKind, readonly string[]> = {
  shortText: [...COMMON, "inputType"],
  longText: [...COMMON],
  number: [...COMMON, "inputType", "min", "max"],
  date: [...COMMON, "inputType"],
  singleChoice: [...COMMON, "choices", ...SPECIAL_ANSWERS],
  multipleChoice: [...COMMON, "choices", ...SPECIAL_ANSWERS],
  dropdown: [...COMMON, "choices", ...SPECIAL_ANSWERS],
  yesNo: [...COMMON, "labelTrue", "labelFalse"],
  rating: [...COMMON, "rateType", "rateMin", "rateMax", "minRateDescription", "maxRateDescription", "displayMode"],
  pictureChoice: [...COMMON, "choices", "showLabel", "multiSelect"],
  ranking: [...COMMON, "choices"],
  drawIt: [...COMMON],
  matrix: [...COMMON, "rows", "columns"],
  information: ["type", "name", "html", "visibleIf"],
};

/** Which kind an element is; "advanced" for anything the builder does not edit. */
export function kindOfElement(element: Element): ElementKind {
  switch (element.type) {
    case "text": {
      const inputType = element.inputType ?? "text";
      if (inputType === "text") return "shortText";
      if (inputType === "number") return "number";
      if (inputType === "date") return "date";
      return "advanced";
    }
    case "comment":
      return "longText";
    case "radiogroup":
      return "singleChoice";
    case "checkbox":
      return "multipleChoice";
    case "dropdown":
      return "dropdown";
    case "boolean":
      return "yesNo";
    case "rating":
      // A rating with its own list of values is not one the builder's min/max editor can show.
      return element.rateValues === undefined ? "rating" : "advanced";
    case "imagepicker":
      return "pictureChoice";
    case "ranking":
      return "ranking";
    case "signaturepad":
      return "drawIt";
    case "matrix":
      return "matrix";
    case "html":
      return "information";
    default:
      return "advanced";
  }
}

/** The properties of an element that the builder does not edit, in the order they appear. */
export function advancedProperties(element: Element): string[] {
  const kind = kindOfElement(element);
  if (kind === "advanced") return Object.keys(element).filter((key) => key !== "type" && key !== "name");
  const edited = EDITED_PROPERTIES[kind];
  return Object.keys(element).filter((key) => !edited.includes(key));
}

/** Whether a person answers this kind (information text has nothing to answer). */
export function isAnswerable(kind: ElementKind): boolean {
  return kind !== "information" && kind !== "advanced";
}

/** A new element of a kind, with the few settings that make it usable straight away. */
export function newElement(kind: QuestionKind, name: string, texts: NewElementTexts): Element {
  const base = { name, title: texts.title };
  switch (kind) {
    case "shortText":
      return { type: "text", ...base };
    case "longText":
      return { type: "comment", ...base };
    case "number":
      return { type: "text", inputType: "number", ...base };
    case "date":
      return { type: "text", inputType: "date", ...base };
    case "singleChoice":
      return { type: "radiogroup", ...base, choices: texts.choices };
    case "multipleChoice":
      return { type: "checkbox", ...base, choices: texts.choices };
    case "dropdown":
      return { type: "dropdown", ...base, choices: texts.choices };
    case "yesNo":
      return { type: "boolean", ...base, labelTrue: texts.yes, labelFalse: texts.no };
    case "rating":
      return {
        type: "rating",
        ...base,
        rateType: "smileys",
        rateMin: 1,
        rateMax: 5,
        minRateDescription: texts.ratingLow,
        maxRateDescription: texts.ratingHigh,
      };
    case "pictureChoice":
      return { type: "imagepicker", ...base, showLabel: true, choices: texts.pictures };
    case "ranking":
      return { type: "ranking", ...base, choices: texts.choices };
    case "drawIt":
      return { type: "signaturepad", ...base };
    case "matrix":
      return { type: "matrix", ...base, rows: texts.rows, columns: texts.columns };
    case "information":
      return { type: "html", name, html: texts.information };
  }
}

/** The starting texts of a new question, in the builder's language, given by the caller (i18n). */
export type NewElementTexts = {
  title: unknown;
  choices: { value: string; text: unknown }[];
  pictures: { value: string; text: unknown; imageLink: string }[];
  rows: { value: string; text: unknown }[];
  columns: { value: string; text: unknown }[];
  yes: unknown;
  no: unknown;
  ratingLow: unknown;
  ratingHigh: unknown;
  information: unknown;
};
