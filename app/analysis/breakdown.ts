/**
 * Filters and breakdowns of a consultation's answer sets, and the cross-tab of one choice question
 * by a breakdown (how a channel, language, variant or another question's answer, such as an age
 * band, splits the answers). Pure: the model layer fetches, this counts, suppress.ts hides.
 */
import { CHANNELS, VARIANTS } from "../../db/enums";
import { suppressCrossTab, type SuppressedCrossTab } from "./suppress";
import { choiceQuestions, type ChoiceReader } from "./summarise";

/** One response as analysis sees it: its answers and where it came from. */
export type AnswerSet = {
  answers: Record<string, unknown>;
  variant: string;
  locale: string;
  channel: string;
};

/** What a response can be broken down by, besides its answers. */
import { RESPONSE_FACETS, type ResponseFacet } from "./facets";

export { RESPONSE_FACETS, type ResponseFacet };

/** A breakdown: a facet of the response, or the answer to a choice question (by name). */
export type Breakdown = { facet: ResponseFacet } | { question: string };

/** One row or column of a cross-tab; `label` is null for facets, whose names the page translates. */
export type Category = { value: string; label: string | null };

export type CrossTab = {
  rows: { by: Breakdown; title: string | null; categories: Category[] };
  columns: { question: string; title: string; categories: Category[] };
  table: SuppressedCrossTab;
};

/** Keeps the answer sets whose answer to `question` picked `value` (an answer filter such as "age band 11–13"). */
export function filterByAnswer(definition: Record<string, unknown>, sets: AnswerSet[], question: string, value: string) {
  const reader = choiceQuestions(definition).find((candidate) => candidate.name === question);
  const index = reader?.options.findIndex((option) => option.value === value) ?? -1;
  if (!reader || index === -1) return sets;
  return sets.filter((set) => reader.picks(set.answers).includes(index));
}

/** The categories of a facet: every known channel or variant, and the languages actually used. */
function facetCategories(facet: ResponseFacet, sets: AnswerSet[]): Category[] {
  const values = facet === "channel" ? [...CHANNELS] : facet === "variant" ? [...VARIANTS] : [...new Set(sets.map((set) => set.locale))].sort();
  return values.map((value) => ({ value, label: null }));
}

type Axis = { categories: Category[]; title: string | null; multi: boolean; picks: (set: AnswerSet) => number[] };

function facetAxis(facet: ResponseFacet, sets: AnswerSet[]): Axis {
  const categories = facetCategories(facet, sets);
  const index = new Map(categories.map((category, position) => [category.value, position]));
  return {
    categories,
    title: null,
    multi: false,
    picks: (set) => {
      const found = index.get(set[facet]);
      return found === undefined ? [] : [found];
    },
  };
}

function questionAxis(reader: ChoiceReader): Axis {
  return { categories: reader.options, title: reader.title, multi: reader.multi, picks: (set) => reader.picks(set.answers) };
}

/**
 * Counts each answer set in every (row, column) pair it picked, with the row, column and grand
 * totals counted as distinct answer sets (someone who ticked two boxes is one person), then hides
 * small numbers with suppressCrossTab. Returns undefined when a named question is not a choice question.
 */
export function crossTabulate(
  definition: Record<string, unknown>,
  sets: AnswerSet[],
  { by, column, threshold, locale = "" }: { by: Breakdown; column: string; threshold: number; locale?: string },
): CrossTab | undefined {
  const readers = choiceQuestions(definition, locale);
  const columnReader = readers.find((reader) => reader.name === column);
  if (!columnReader) return undefined;
  let rowAxis: Axis;
  if ("facet" in by) rowAxis = facetAxis(by.facet, sets);
  else {
    const rowReader = readers.find((reader) => reader.name === by.question);
    if (!rowReader || rowReader.name === column) return undefined;
    rowAxis = questionAxis(rowReader);
  }
  const columnAxis = questionAxis(columnReader);

  const counts = rowAxis.categories.map(() => columnAxis.categories.map(() => 0));
  const rowTotals = rowAxis.categories.map(() => 0);
  const columnTotals = columnAxis.categories.map(() => 0);
  let total = 0;
  for (const set of sets) {
    const rows = rowAxis.picks(set);
    const columns = columnAxis.picks(set);
    // Only answer sets with both a row and a column count, so every total describes the same people.
    if (rows.length === 0 || columns.length === 0) continue;
    total += 1;
    for (const row of rows) rowTotals[row] = (rowTotals[row] ?? 0) + 1;
    for (const col of columns) columnTotals[col] = (columnTotals[col] ?? 0) + 1;
    for (const row of rows) for (const col of columns) counts[row]![col] = (counts[row]![col] ?? 0) + 1;
  }
  const table = suppressCrossTab(counts, { rowTotals, columnTotals, total }, threshold, {
    rowsAddUp: !columnAxis.multi,
    columnsAddUp: !rowAxis.multi,
  });
  return {
    rows: { by, title: rowAxis.title, categories: rowAxis.categories },
    columns: { question: column, title: columnReader.title, categories: columnAxis.categories },
    table,
  };
}
