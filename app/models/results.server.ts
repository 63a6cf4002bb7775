import { and, asc, desc, eq, gte, isNull, lt, sql, type SQL } from "drizzle-orm";
import { db, schema } from "~/db.server";
import type { Channel, Variant } from "../../db/schema";
import { crossTabulate, filterByAnswer, type AnswerSet, type Breakdown } from "~/analysis/breakdown";
import { poolDefinitions } from "~/analysis/pool-versions";
import { choiceQuestions, summariseResponses } from "~/analysis/summarise";
import { getConsultation } from "./consultation.server";
import { getSuppressionThreshold } from "./organisation.server";
import { recordExport } from "./audit.server";

const { responses, surveyVersions } = schema;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Which responses to count. Days are whole UK days, inclusive ("2026-11-01"). */
export type ResultsFilter = {
  variant?: Variant;
  locale?: string;
  channel?: Channel;
  from?: string;
  to?: string;
  /** Only responses whose answer to this choice question picked `answer`. */
  question?: string;
  answer?: string;
  /** Only responses that came through this consultation event's QR code or short link (responses.event_id). */
  eventId?: string;
};

type Scope = { organisationId: string; consultationId: string };

/**
 * Every survey version's definition, the latest standard one first: results pool answers across
 * versions and variants by question name (pool-versions.ts).
 */
export async function getPooledDefinition({ organisationId, consultationId }: Scope) {
  const versions = await db
    .select({ definition: surveyVersions.definition })
    .from(surveyVersions)
    .where(and(eq(surveyVersions.organisationId, organisationId), eq(surveyVersions.consultationId, consultationId)))
    // "standard" sorts after "easy-read", so descending puts the standard variant first within a version.
    .orderBy(desc(surveyVersions.version), desc(surveyVersions.variant));
  return versions.length === 0 ? undefined : poolDefinitions(versions.map((version) => version.definition));
}

function dayStart(day: string) {
  // A UK day starts at midnight London time; within a minute or an hour either way is close enough
  // for a filter, so UTC midnight is used (as the audit log does).
  return new Date(`${day}T00:00:00Z`);
}

/** The live responses of a consultation that match the filter's response fields (not its answer filter). */
export function responseConditions({ organisationId, consultationId }: Scope, filter: ResultsFilter) {
  const conditions: SQL[] = [
    eq(responses.organisationId, organisationId),
    eq(responses.consultationId, consultationId),
    isNull(responses.withdrawnAt),
  ];
  if (filter.variant) conditions.push(eq(responses.variant, filter.variant));
  if (filter.locale) conditions.push(eq(responses.locale, filter.locale));
  if (filter.channel) conditions.push(eq(responses.channel, filter.channel));
  if (filter.eventId) conditions.push(eq(responses.eventId, filter.eventId));
  if (filter.from) conditions.push(gte(responses.submittedAt, dayStart(filter.from)));
  if (filter.to) conditions.push(lt(responses.submittedAt, new Date(dayStart(filter.to).getTime() + DAY_MS)));
  return and(...conditions);
}

/** The live answer sets that match the filter's response fields (not yet its answer filter). */
async function listFilteredAnswerSets(scope: Scope, filter: ResultsFilter): Promise<AnswerSet[]> {
  return db
    .select({ answers: responses.answers, variant: responses.variant, locale: responses.locale, channel: responses.channel })
    .from(responses)
    .where(responseConditions(scope, filter))
    .orderBy(asc(responses.submittedAt));
}

/** The languages a consultation's responses were given in, for the language filter. */
async function listResponseLocales(scope: Scope) {
  const rows = await db
    .selectDistinct({ locale: responses.locale })
    .from(responses)
    .where(responseConditions(scope, {}))
    .orderBy(sql`1`);
  return rows.map((row) => row.locale);
}

/**
 * Counts and percentages per question for the responses that match the filter, with small numbers
 * suppressed at the organisation's threshold; and, when asked, one choice question broken down by
 * a facet or by another choice question (a cross-tab, suppressed in two dimensions).
 */
export async function getConsultationResults({
  organisationId,
  consultationId,
  locale,
  filter = {},
  crossTab,
}: Scope & {
  locale: string;
  filter?: ResultsFilter;
  crossTab?: { by: Breakdown; column: string };
}) {
  const consultation = await getConsultation({ organisationId, consultationId });
  if (!consultation) return null;
  const scope = { organisationId, consultationId };
  const threshold = await getSuppressionThreshold({ organisationId });
  const pooled = await getPooledDefinition(scope);
  const definition = pooled ?? consultation.draftDefinition ?? { pages: [] };
  let sets = pooled ? await listFilteredAnswerSets(scope, filter) : [];
  if (filter.question && filter.answer) sets = filterByAnswer(definition, sets, filter.question, filter.answer);
  const answerSets = sets.map((set) => set.answers);
  return {
    consultation: { id: consultation.id, title: consultation.title },
    threshold,
    summary: summariseResponses(definition, answerSets, { threshold, locale }),
    choices: {
      questions: choiceQuestions(definition, locale).map(({ name, title, options }) => ({ name, title, options })),
      locales: pooled ? await listResponseLocales(scope) : [],
    },
    crossTab: crossTab ? (crossTabulate(definition, sets, { ...crossTab, threshold, locale }) ?? null) : null,
  };
}

/** The question names of the pooled definition, in order (the columns of a responses export). */
async function answerColumns(scope: Scope) {
  const definition = await getPooledDefinition(scope);
  if (!definition) return [];
  return summariseResponses(definition, [], { threshold: 1 }).questions.map((question) => question.name);
}

/**
 * Every live response of a consultation matching the filter, with the question columns, for an
 * export; the export is recorded (data.exported) before the rows are handed over.
 */
export async function exportResponses({ organisationId, consultationId, memberId, filter = {}, format }: Scope & { memberId: string; filter?: ResultsFilter; format: string }) {
  const consultation = await getConsultation({ organisationId, consultationId });
  if (!consultation) return undefined;
  const scope = { organisationId, consultationId };
  const rows = await db
    .select({ id: responses.id, submittedAt: responses.submittedAt, channel: responses.channel, variant: responses.variant, locale: responses.locale, answers: responses.answers })
    .from(responses)
    .where(responseConditions(scope, filter))
    .orderBy(asc(responses.submittedAt), asc(responses.id));
  await recordExport({ organisationId, memberId, subjectType: "consultation", subjectId: consultationId, detail: { what: "responses", format, rows: rows.length, filter } });
  return { title: consultation.title, columns: await answerColumns(scope), rows };
}

/** The suppressed results for an export (the same numbers the results page shows), recorded as an export. */
export async function exportAggregates(input: Scope & { memberId: string; locale: string; filter?: ResultsFilter; format: string }) {
  const results = await getConsultationResults(input);
  if (!results) return undefined;
  await recordExport({
    organisationId: input.organisationId,
    memberId: input.memberId,
    subjectType: "consultation",
    subjectId: input.consultationId,
    detail: { what: "aggregates", format: input.format, filter: input.filter ?? {} },
  });
  return results;
}

export const API_PAGE_SIZE = 100;

/** One page of live responses for the API, oldest first, with the filter's channel and dates. */
export async function listResponsesPage({ organisationId, consultationId, filter = {}, page }: Scope & { filter?: ResultsFilter; page: number }) {
  const rows = await db
    .select({ id: responses.id, submittedAt: responses.submittedAt, channel: responses.channel, variant: responses.variant, locale: responses.locale, surveyVersionId: responses.surveyVersionId, answers: responses.answers })
    .from(responses)
    .where(responseConditions({ organisationId, consultationId }, filter))
    .orderBy(asc(responses.submittedAt), asc(responses.id))
    .limit(API_PAGE_SIZE + 1)
    .offset((page - 1) * API_PAGE_SIZE);
  return { responses: rows.slice(0, API_PAGE_SIZE), hasMore: rows.length > API_PAGE_SIZE };
}

/** Every published survey version of a consultation (each variant's definition), newest first. */
export async function listSurveyVersions({ organisationId, consultationId }: Scope) {
  return db
    .select({ id: surveyVersions.id, version: surveyVersions.version, variant: surveyVersions.variant, publishedAt: surveyVersions.publishedAt, definition: surveyVersions.definition })
    .from(surveyVersions)
    .where(and(eq(surveyVersions.organisationId, organisationId), eq(surveyVersions.consultationId, consultationId)))
    .orderBy(desc(surveyVersions.version), desc(surveyVersions.variant));
}
