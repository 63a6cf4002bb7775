// The questions of a survey that a column of a CSV file can fill, with what a cell may say for
// each: a choice's value or its visible text in any language of the survey, yes/no words, numbers,
// dates. Grids, repeating panels, files and drawings have no single cell to come from, so they are
// left out (the officer types those in on the paper form page instead).
import { kindOf as answerKindOf } from "~/survey/validate-answers";
import { Model, type ItemValue, type Question, type QuestionBooleanModel, type QuestionSelectBase, type QuestionTextModel } from "survey-core";

export type ImportKind = "single-choice" | "multi-choice" | "ranking" | "rating" | "yes-no" | "number" | "date" | "text";

/** A choice (or rating, or yes/no side) and every way a cell may name it, normalised. */
export type ImportChoice = { value: unknown; label: string; names: string[] };

export type ImportQuestion = {
  name: string;
  /** The title in the page's language, for the mapping's select and messages. */
  title: string;
  /** Every title the question has, in every language of the survey, normalised. */
  titles: string[];
  kind: ImportKind;
  choices: ImportChoice[];
  /** A choice question's "Other" item: text that names no choice becomes this, with the text kept. */
  other?: { value: unknown; commentKey?: string };
};

/** Case, spacing and Unicode forms do not matter when a cell or header is matched. */
export function normaliseText(text: string): string {
  return text.normalize("NFKC").toLocaleLowerCase("en-GB").replace(/\s+/g, " ").trim();
}

/** Every text a localizable string holds ("Yes", {"default": "Yes", "cy": "Ie"}), normalised. */
function allTexts(json: unknown, fallback: string): string[] {
  const texts =
    typeof json === "string"
      ? [json]
      : json && typeof json === "object"
        ? Object.values(json as Record<string, unknown>).filter((text): text is string => typeof text === "string")
        : [];
  return [...new Set([...texts, fallback].map(normaliseText).filter(Boolean))];
}

function choiceOf(item: ItemValue): ImportChoice {
  return { value: item.value, label: item.text, names: [...new Set([normaliseText(String(item.value)), ...allTexts(item.locText.getJson(), item.text)])] };
}

const TEXT_NUMBER_TYPES = new Set(["number", "range"]);
const TEXT_DATE_TYPES = new Set(["date"]);

/** The validator's kinds of question that one spreadsheet cell can hold, as the import reads them. */
function kindOf(q: Question): ImportKind | undefined {
  const kind = answerKindOf(q);
  switch (kind) {
    case "single-choice":
    case "multi-choice":
    case "ranking":
    case "rating":
      return kind;
    case "boolean":
      return "yes-no";
    case "slider":
      return "number";
    case "comment":
      return "text";
    case "text": {
      const inputType = (q as QuestionTextModel).inputType;
      if (TEXT_NUMBER_TYPES.has(inputType)) return "number";
      if (TEXT_DATE_TYPES.has(inputType)) return "date";
      return "text";
    }
    default:
      return undefined;
  }
}

function choicesOf(q: Question, kind: ImportKind): ImportChoice[] {
  if (kind === "rating") return (q as unknown as { visibleRateValues: ItemValue[] }).visibleRateValues.map(choiceOf);
  if (kind === "yes-no") {
    const yesNo = q as QuestionBooleanModel;
    return [
      { value: yesNo.getValueTrue(), label: yesNo.labelTrue || "Yes", names: allTexts(yesNo.locLabelTrue.getJson(), yesNo.labelTrue) },
      { value: yesNo.getValueFalse(), label: yesNo.labelFalse || "No", names: allTexts(yesNo.locLabelFalse.getJson(), yesNo.labelFalse) },
    ];
  }
  if (kind === "single-choice" || kind === "multi-choice" || kind === "ranking") {
    const select = q as QuestionSelectBase;
    const selectAll = (select as Partial<{ selectAllItem: ItemValue }>).selectAllItem;
    return select.visibleChoices.filter((item) => item !== selectAll).map(choiceOf);
  }
  return [];
}

function otherOf(q: Question, kind: ImportKind, commentSuffix: string): ImportQuestion["other"] {
  if (kind !== "single-choice" && kind !== "multi-choice") return undefined;
  const select = q as QuestionSelectBase;
  if (!select.showOtherItem) return undefined;
  return select.getStoreOthersAsComment()
    ? { value: select.otherItem.value, commentKey: q.getValueName() + commentSuffix }
    : { value: select.otherItem.value };
}

/** The questions a CSV column can fill, in survey order, titled in `locale`. */
export function importableQuestions(definition: Record<string, unknown>, locale: string): ImportQuestion[] {
  const survey = new Model(definition);
  survey.locale = locale === "en" ? "" : locale;
  const commentSuffix = survey.commentSuffix || "-Comment";
  const seen = new Set<string>();
  return survey.getAllQuestions(false).flatMap((q) => {
    const kind = kindOf(q);
    // Two questions can share one answer (a valueName): one column fills it.
    if (!kind || q.isReadOnly || seen.has(q.getValueName())) return [];
    seen.add(q.getValueName());
    const title = (q.processedTitle || q.title || q.name).trim();
    return [
      {
        name: q.getValueName(),
        title,
        titles: allTexts(q.locTitle.getJson(), title),
        kind,
        choices: choicesOf(q, kind),
        other: otherOf(q, kind, commentSuffix),
      },
    ];
  });
}
