// "Draw it" answers for staff who may read responses: a page of a drawing question's gallery (live
// responses only, narrowed by the results filters), and one drawing as an image. The data URL is
// read in SQL only for the one image asked for; a gallery page reads ids and dates.
import { and, asc, eq, isNull, sql, type SQL } from "drizzle-orm";
import { db, engine, schema } from "~/db.server";
import { filterByAnswer } from "~/analysis/breakdown";
import { decodeDrawing, DRAWINGS_PER_PAGE, galleryPage } from "~/analysis/drawings";
import { getPooledDefinition, responseConditions, type ResultsFilter } from "./results.server";

const { responses } = schema;

type Scope = { organisationId: string; consultationId: string };

/** Question names come from survey definitions; anything that could break out of a JSON path is refused. */
const SAFE_NAME = /^[^"\\]{1,200}$/;

/** One answer as text (a drawing's data URL), on either engine. */
function answerText(questionName: string): SQL<string | null> {
  return engine === "postgres"
    ? sql<string | null>`${responses.answers} ->> ${questionName}`
    : sql<string | null>`${responses.answers} ->> ${`$."${questionName}"`}`;
}

/** One answer as a value (for the answer filter), on either engine: SQLite hands back JSON text. */
function answerValue(questionName: string): SQL<unknown> {
  return engine === "postgres"
    ? sql<unknown>`${responses.answers} -> ${questionName}`
    : sql<unknown>`${responses.answers} -> ${`$."${questionName}"`}`;
}

function parsedValue(value: unknown): unknown {
  if (engine === "postgres" || typeof value !== "string") return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * One page of a drawing question's gallery: the responses (live, matching the filter) that drew
 * something, oldest first, with how many there are in all. `page` is the address's page, kept in range.
 */
export async function listDrawingsPage({ organisationId, consultationId, questionName, filter = {}, page }: Scope & { questionName: string; filter?: ResultsFilter; page?: string }) {
  const empty = { total: 0, page: 1, pages: 1, perPage: DRAWINGS_PER_PAGE, drawings: [] as { responseId: string; submittedAt: Date; position: number }[] };
  if (!SAFE_NAME.test(questionName)) return empty;
  const scope = { organisationId, consultationId };
  const answerQuestion = filter.question && filter.answer && SAFE_NAME.test(filter.question) ? filter.question : undefined;
  let rows = await db
    .select({ id: responses.id, submittedAt: responses.submittedAt, picked: answerValue(answerQuestion ?? questionName) })
    .from(responses)
    .where(and(responseConditions(scope, filter), sql`${answerText(questionName)} like 'data:image/%'`))
    .orderBy(asc(responses.submittedAt), asc(responses.id));
  if (answerQuestion && filter.answer) {
    const definition = await getPooledDefinition(scope);
    if (definition) {
      const sets = rows.map((row) => ({ row, answers: { [answerQuestion]: parsedValue(row.picked) }, variant: "", locale: "", channel: "" }));
      const kept = new Set(filterByAnswer(definition, sets, answerQuestion, filter.answer));
      rows = sets.filter((set) => kept.has(set)).map((set) => set.row);
    }
  }
  const { page: shown, pages } = galleryPage(page, rows.length);
  const start = (shown - 1) * DRAWINGS_PER_PAGE;
  return {
    total: rows.length,
    page: shown,
    pages,
    perPage: DRAWINGS_PER_PAGE,
    drawings: rows.slice(start, start + DRAWINGS_PER_PAGE).map((row, index) => ({ responseId: row.id, submittedAt: row.submittedAt, position: start + index + 1 })),
  };
}

/** One live response's drawing as image bytes, or undefined (no such response, withdrawn, or not a drawing). */
export async function getDrawing({ organisationId, consultationId, responseId, questionName }: Scope & { responseId: string; questionName: string }) {
  if (!SAFE_NAME.test(questionName)) return undefined;
  const [found] = await db
    .select({ drawing: answerText(questionName) })
    .from(responses)
    .where(
      and(
        eq(responses.id, responseId),
        eq(responses.organisationId, organisationId),
        eq(responses.consultationId, consultationId),
        isNull(responses.withdrawnAt),
      ),
    );
  return found ? decodeDrawing(found.drawing) : undefined;
}

/**
 * A gallery per drawing question of the results, each on its first page except the one the
 * address pages through. Dates are left to the caller to format in the reader's language.
 */
export async function listDrawingGalleries({
  questions,
  gallery,
  ...input
}: Scope & { questions: { name: string; title: string }[]; filter?: ResultsFilter; gallery?: { question: string; page: string } }) {
  const galleries = [];
  for (const question of questions) {
    const page = gallery?.question === question.name ? gallery.page : undefined;
    galleries.push({ name: question.name, title: question.title, ...(await listDrawingsPage({ ...input, questionName: question.name, page })) });
  }
  return galleries;
}
