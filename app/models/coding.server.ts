// Coding free text into themes: a consultation's codebook, each analyst's coding of each answer and
// each event note (docs/decisions/0008-events.md), featured quotes, counts per theme, and agreement
// between two analysts (double coding). Answers and notes share one codebook; a note's channel is `event`.
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { db, schema, type Executor } from "~/db.server";
import type { CodingSource } from "~/analysis/coding-sources";
import { agreementPerTheme } from "~/analysis/kappa";
import { freeTextQuestions } from "~/analysis/summarise";
import { suppressCrossTab } from "~/analysis/suppress";
import type { QdaProjectInput, QdaSource } from "~/analysis/refi-qda.server";
import { THEME_COLOURS, type ThemeColour } from "~/analysis/theme-colours";
import { recordAuditEvent, recordExport } from "./audit.server";
import { getConsultation } from "./consultation.server";
import { getSuppressionThreshold } from "./organisation.server";
import { getPooledDefinition } from "./results.server";

const { answerCodings, eventNoteCodings, eventNotes, events, featuredQuotes, members, responses, themes } = schema;

type Scope = { organisationId: string; consultationId: string };
type Acting = Scope & { memberId: string };

export class ThemeParentNotFoundError extends Error {}
export class AnswerNotFoundError extends Error {}
export class EventNoteNotFoundError extends Error {}

export async function listThemes({ organisationId, consultationId }: Scope) {
  return db
    .select({ id: themes.id, name: themes.name, description: themes.description, colour: themes.colour, parentId: themes.parentId })
    .from(themes)
    .where(and(eq(themes.organisationId, organisationId), eq(themes.consultationId, consultationId)))
    .orderBy(asc(themes.createdAt), asc(themes.name));
}

/** Adds a theme to the codebook; a parent must be a theme of the same codebook. */
export async function addTheme({
  organisationId,
  consultationId,
  memberId,
  theme,
}: Acting & { theme: { name: string; description: string; colour: ThemeColour; parentId?: string } }) {
  return db.transaction(async (tx) => {
    if (theme.parentId) {
      const [parent] = await tx
        .select({ id: themes.id })
        .from(themes)
        .where(and(eq(themes.id, theme.parentId), eq(themes.organisationId, organisationId), eq(themes.consultationId, consultationId)));
      if (!parent) throw new ThemeParentNotFoundError("The parent theme is not in this codebook.");
    }
    const [added] = await tx
      .insert(themes)
      .values({ organisationId, consultationId, ...theme, parentId: theme.parentId ?? null })
      .returning({ id: themes.id });
    await recordAuditEvent(
      { organisationId, memberId, action: "theme.added", subjectType: "consultation", subjectId: consultationId, detail: { themeId: added!.id } },
      tx,
    );
    return added!;
  });
}

/** One free-text answer with its place (response and question) and where it came from. */
export type FreeTextAnswer = {
  responseId: string;
  questionName: string;
  questionTitle: string;
  text: string;
  locale: string;
  channel: string;
};

/** Every live free-text answer of a consultation, optionally one question's only, or those containing `search`. */
export async function listFreeTextAnswers({
  organisationId,
  consultationId,
  locale,
  question,
  search,
}: Scope & { locale: string; question?: string; search?: string }): Promise<FreeTextAnswer[]> {
  const definition = await getPooledDefinition({ organisationId, consultationId });
  if (!definition) return [];
  const questions = freeTextQuestions(definition, locale).filter((candidate) => !question || candidate.name === question);
  const rows = await db
    .select({ id: responses.id, answers: responses.answers, locale: responses.locale, channel: responses.channel })
    .from(responses)
    .where(and(eq(responses.organisationId, organisationId), eq(responses.consultationId, consultationId), isNull(responses.withdrawnAt)))
    .orderBy(asc(responses.submittedAt), asc(responses.id));
  const needle = search?.trim().toLocaleLowerCase();
  return rows.flatMap((row) =>
    questions.flatMap((candidate) => {
      const text = row.answers[candidate.name];
      if (typeof text !== "string" || text.trim() === "") return [];
      if (needle && !text.toLocaleLowerCase().includes(needle)) return [];
      return [{ responseId: row.id, questionName: candidate.name, questionTitle: candidate.title, text, locale: row.locale, channel: row.channel }];
    }),
  );
}

/** The reading and coding view: answers with this member's own themes on each, and whether it is featured. */
export async function listAnswersForCoding(input: Scope & { memberId: string; locale: string; question?: string; search?: string }) {
  const answers = await listFreeTextAnswers(input);
  const scope = and(eq(answerCodings.organisationId, input.organisationId), eq(answerCodings.consultationId, input.consultationId));
  const mine = await db
    .select({ responseId: answerCodings.responseId, questionName: answerCodings.questionName, themeIds: answerCodings.themeIds })
    .from(answerCodings)
    .where(and(scope, eq(answerCodings.memberId, input.memberId)));
  const featured = await db
    .select({ responseId: featuredQuotes.responseId, questionName: featuredQuotes.questionName })
    .from(featuredQuotes)
    .where(and(eq(featuredQuotes.organisationId, input.organisationId), eq(featuredQuotes.consultationId, input.consultationId)));
  const key = (responseId: string, questionName: string) => `${responseId} ${questionName}`;
  const codedBy = new Map(mine.map((coding) => [key(coding.responseId, coding.questionName), coding.themeIds]));
  const featuredKeys = new Set(featured.map((quote) => key(quote.responseId, quote.questionName)));
  return answers.map((answer) => {
    const themeIds = codedBy.get(key(answer.responseId, answer.questionName));
    return { ...answer, coded: themeIds !== undefined, themeIds: themeIds ?? [], featured: featuredKeys.has(key(answer.responseId, answer.questionName)) };
  });
}

/** One event note as text to read and code: which event it was written at, and its words. */
export type EventNoteText = { eventNoteId: string; eventId: string; eventTitle: string; text: string; channel: "event" };

/** Every note of the consultation's events (oldest event first), optionally those containing `search`. */
export async function listEventNoteTexts({ organisationId, consultationId, search }: Scope & { search?: string }): Promise<EventNoteText[]> {
  const rows = await db
    .select({ eventNoteId: eventNotes.id, eventId: eventNotes.eventId, eventTitle: events.title, text: eventNotes.text })
    .from(eventNotes)
    .innerJoin(events, eq(events.id, eventNotes.eventId))
    .where(and(eq(eventNotes.organisationId, organisationId), eq(eventNotes.consultationId, consultationId)))
    .orderBy(asc(events.startsAt), asc(eventNotes.createdAt), asc(eventNotes.id));
  const needle = search?.trim().toLocaleLowerCase();
  return rows
    .filter((row) => row.text.trim() !== "" && (!needle || row.text.toLocaleLowerCase().includes(needle)))
    .map((row) => ({ ...row, channel: "event" as const }));
}

/** Event notes for the coding view, with this member's own themes on each. */
export async function listEventNotesForCoding(input: Scope & { memberId: string; search?: string }) {
  const notes = await listEventNoteTexts(input);
  const mine = await db
    .select({ eventNoteId: eventNoteCodings.eventNoteId, themeIds: eventNoteCodings.themeIds })
    .from(eventNoteCodings)
    .where(
      and(
        eq(eventNoteCodings.organisationId, input.organisationId),
        eq(eventNoteCodings.consultationId, input.consultationId),
        eq(eventNoteCodings.memberId, input.memberId),
      ),
    );
  const codedBy = new Map(mine.map((coding) => [coding.eventNoteId, coding.themeIds]));
  return notes.map((note) => {
    const themeIds = codedBy.get(note.eventNoteId);
    return { ...note, coded: themeIds !== undefined, themeIds: themeIds ?? [] };
  });
}

/**
 * The reading and coding view's text: free-text answers and event notes, narrowed by source, question
 * (which only answers have, so choosing one leaves notes out) and search.
 */
export async function listTextForCoding(
  input: Scope & { memberId: string; locale: string; source?: CodingSource; question?: string; search?: string },
) {
  const wantAnswers = input.source !== "notes";
  const wantNotes = input.source !== "answers" && !input.question;
  const [answers, notes] = await Promise.all([
    wantAnswers ? listAnswersForCoding(input) : Promise.resolve([]),
    wantNotes ? listEventNotesForCoding(input) : Promise.resolve([]),
  ]);
  return { answers, notes };
}

/** Whether this consultation has a live response with a free-text answer to this question. */
async function requireAnswer(executor: Executor, { organisationId, consultationId, responseId, questionName }: Scope & { responseId: string; questionName: string }) {
  const [row] = await executor
    .select({ answers: responses.answers })
    .from(responses)
    .where(and(eq(responses.id, responseId), eq(responses.organisationId, organisationId), eq(responses.consultationId, consultationId), isNull(responses.withdrawnAt)));
  const text = row?.answers[questionName];
  if (typeof text !== "string" || text.trim() === "") throw new AnswerNotFoundError("No such answer in this consultation.");
}

/** The given theme ids that are in this consultation's codebook (others are dropped). */
async function themesInCodebook(executor: Executor, { organisationId, consultationId }: Scope, themeIds: string[]) {
  if (themeIds.length === 0) return [];
  const known = await executor
    .select({ id: themes.id })
    .from(themes)
    .where(and(eq(themes.organisationId, organisationId), eq(themes.consultationId, consultationId), inArray(themes.id, themeIds)));
  // Sorted: stored codings (and the disagreements built from them) read the same on both engines.
  return known.map((theme) => theme.id).sort();
}

/**
 * Records this member's themes for one answer (replacing their earlier coding; an empty list still
 * says "coded, no theme") and, with it, whether the answer is a featured quote.
 */
export async function codeAnswer({
  organisationId,
  consultationId,
  memberId,
  responseId,
  questionName,
  themeIds,
  featured,
}: Acting & { responseId: string; questionName: string; themeIds: string[]; featured?: boolean }) {
  return db.transaction(async (tx) => {
    await requireAnswer(tx, { organisationId, consultationId, responseId, questionName });
    const valid = await themesInCodebook(tx, { organisationId, consultationId }, themeIds);
    await tx
      .insert(answerCodings)
      .values({ organisationId, consultationId, responseId, questionName, memberId, themeIds: valid, updatedAt: new Date() })
      .onConflictDoUpdate({
        target: [answerCodings.responseId, answerCodings.questionName, answerCodings.memberId],
        set: { themeIds: valid, updatedAt: new Date() },
      });
    const detail = { responseId, questionName, themes: valid.length };
    await recordAuditEvent({ organisationId, memberId, action: "answer.coded", subjectType: "consultation", subjectId: consultationId, detail }, tx);
    if (featured !== undefined) {
      const where = and(eq(featuredQuotes.responseId, responseId), eq(featuredQuotes.questionName, questionName), eq(featuredQuotes.organisationId, organisationId));
      const [existing] = await tx.select({ id: featuredQuotes.id }).from(featuredQuotes).where(where);
      if (featured && !existing) {
        await tx.insert(featuredQuotes).values({ organisationId, consultationId, responseId, questionName, memberId });
        await recordAuditEvent({ organisationId, memberId, action: "quote.featured", subjectType: "consultation", subjectId: consultationId, detail: { responseId, questionName } }, tx);
      } else if (!featured && existing) {
        await tx.delete(featuredQuotes).where(where);
        await recordAuditEvent({ organisationId, memberId, action: "quote.unfeatured", subjectType: "consultation", subjectId: consultationId, detail: { responseId, questionName } }, tx);
      }
    }
    return { themeIds: valid };
  });
}

/**
 * Records this member's themes for one event note (replacing their earlier coding; an empty list
 * still says "coded, no theme").
 */
export async function codeEventNote({ organisationId, consultationId, memberId, eventNoteId, themeIds }: Acting & { eventNoteId: string; themeIds: string[] }) {
  return db.transaction(async (tx) => {
    const [note] = await tx
      .select({ id: eventNotes.id })
      .from(eventNotes)
      .where(and(eq(eventNotes.id, eventNoteId), eq(eventNotes.organisationId, organisationId), eq(eventNotes.consultationId, consultationId)));
    if (!note) throw new EventNoteNotFoundError("No such event note in this consultation.");
    const valid = await themesInCodebook(tx, { organisationId, consultationId }, themeIds);
    await tx
      .insert(eventNoteCodings)
      .values({ organisationId, consultationId, eventNoteId, memberId, themeIds: valid, updatedAt: new Date() })
      .onConflictDoUpdate({ target: [eventNoteCodings.eventNoteId, eventNoteCodings.memberId], set: { themeIds: valid, updatedAt: new Date() } });
    await recordAuditEvent(
      { organisationId, memberId, action: "event_note.coded", subjectType: "consultation", subjectId: consultationId, detail: { eventNoteId, themes: valid.length } },
      tx,
    );
    return { themeIds: valid };
  });
}

/** What was coded: one answer (a response's answer to one question) or one event note. */
export type CodedItem = { kind: "answer"; responseId: string; questionName: string } | { kind: "note"; eventNoteId: string };

/** One string per coded item, the same for every analyst's coding of it. */
function itemKey(item: CodedItem) {
  return item.kind === "answer" ? `answer ${item.responseId} ${item.questionName}` : `note ${item.eventNoteId}`;
}

/**
 * Every coding of the consultation's live answers and its event notes: who applied which themes to
 * which item, and the item's channel (a note's is `event`).
 */
async function listCodings({ organisationId, consultationId }: Scope) {
  const [answerRows, noteRows] = await Promise.all([
    db
      .select({
        responseId: answerCodings.responseId,
        questionName: answerCodings.questionName,
        memberId: answerCodings.memberId,
        memberName: members.name,
        themeIds: answerCodings.themeIds,
        updatedAt: answerCodings.updatedAt,
        channel: responses.channel,
      })
      .from(answerCodings)
      .innerJoin(responses, and(eq(responses.id, answerCodings.responseId), isNull(responses.withdrawnAt)))
      .innerJoin(members, eq(members.id, answerCodings.memberId))
      .where(and(eq(answerCodings.organisationId, organisationId), eq(answerCodings.consultationId, consultationId))),
    db
      .select({ eventNoteId: eventNoteCodings.eventNoteId, memberId: eventNoteCodings.memberId, memberName: members.name, themeIds: eventNoteCodings.themeIds, updatedAt: eventNoteCodings.updatedAt })
      .from(eventNoteCodings)
      .innerJoin(members, eq(members.id, eventNoteCodings.memberId))
      .where(and(eq(eventNoteCodings.organisationId, organisationId), eq(eventNoteCodings.consultationId, consultationId))),
  ]);
  const coded = (item: CodedItem, row: { memberId: string; memberName: string; themeIds: string[]; updatedAt: Date }, channel: string) => ({
    item,
    key: itemKey(item),
    memberId: row.memberId,
    memberName: row.memberName,
    themeIds: row.themeIds,
    codedAt: row.updatedAt,
    channel,
  });
  return [
    ...answerRows.map((row) => coded({ kind: "answer", responseId: row.responseId, questionName: row.questionName }, row, row.channel)),
    ...noteRows.map((row) => coded({ kind: "note", eventNoteId: row.eventNoteId }, row, "event")),
  ];
}

/**
 * Answers and event notes per theme (one counts once in a theme if any analyst applied it), overall and by
 * channel. The table is one cross-tab (rows: themes, columns: channels, row totals: the overall
 * count shown beside them), suppressed as a whole at the organisation's threshold, so no hidden
 * channel cell can be worked out by subtracting the shown ones from the theme's total.
 */
export async function getThemeCounts(scope: Scope) {
  const threshold = await getSuppressionThreshold({ organisationId: scope.organisationId });
  const codebook = await listThemes(scope);
  const codings = await listCodings(scope);
  const answersPerTheme = new Map(codebook.map((theme) => [theme.id, new Map<string, string>()]));
  const codedAnswers = new Map<string, string>();
  for (const coding of codings) {
    const key = coding.key;
    for (const themeId of coding.themeIds) {
      const answers = answersPerTheme.get(themeId);
      if (!answers) continue;
      answers.set(key, coding.channel);
      codedAnswers.set(key, coding.channel);
    }
  }
  const channels = [...new Set(codedAnswers.values())].sort();
  const countIn = (answers: Map<string, string>, channel: string) => [...answers.values()].filter((value) => value === channel).length;
  const table = suppressCrossTab(
    codebook.map((theme) => channels.map((channel) => countIn(answersPerTheme.get(theme.id)!, channel))),
    {
      rowTotals: codebook.map((theme) => answersPerTheme.get(theme.id)!.size),
      // Answers with at least one theme, per channel: not shown, but passed so the margins are honest.
      columnTotals: channels.map((channel) => countIn(codedAnswers, channel)),
      total: codedAnswers.size,
    },
    threshold,
    // Each answer has one channel, so a theme's channel cells add up to its total; an answer may
    // have several themes, so a channel's cells do not add up to anything shown.
    { rowsAddUp: true, columnsAddUp: false },
  );
  const byChannel = channels.map((channel, column) => ({ channel, cells: table.cells.map((row) => row[column]!) }));
  return { threshold, themes: codebook.map((theme, index) => ({ ...theme, count: table.rowTotals[index]! })), channels, byChannel };
}

/** The analysts who have coded answers in this consultation, for choosing two to compare. */
export async function listCoders(scope: Scope) {
  const codings = await listCodings(scope);
  const coders = new Map(codings.map((coding) => [coding.memberId, coding.memberName]));
  return [...coders].map(([id, name]) => ({ id, name }));
}

/**
 * How two analysts agree: per theme, Cohen's kappa over the answers and event notes both have
 * coded; and the items where their themes differ, to talk through.
 */
export async function getCodingAgreement(scope: Scope & { memberA: string; memberB: string; locale: string }) {
  const consultation = await getConsultation(scope);
  if (!consultation) return undefined;
  const codebook = await listThemes(scope);
  const codings = await listCodings(scope);
  const byItem = new Map<string, { a?: Set<string>; b?: Set<string>; item: CodedItem; key: string }>();
  for (const coding of codings) {
    if (coding.memberId !== scope.memberA && coding.memberId !== scope.memberB) continue;
    const entry = byItem.get(coding.key) ?? { item: coding.item, key: coding.key };
    entry[coding.memberId === scope.memberA ? "a" : "b"] = new Set(coding.themeIds);
    byItem.set(coding.key, entry);
  }
  const both = [...byItem.values()].filter((entry): entry is { a: Set<string>; b: Set<string>; item: CodedItem; key: string } => !!entry.a && !!entry.b);
  const agreement = agreementPerTheme(
    codebook.map((theme) => theme.id),
    both,
  );
  const differing = both.filter((entry) => entry.a.size !== entry.b.size || [...entry.a].some((id) => !entry.b.has(id)));
  const [answers, notes] = await Promise.all([listFreeTextAnswers({ ...scope }), listEventNoteTexts(scope)]);
  // What the page shows above each disagreement (the question, or the event) and the words themselves.
  const textOf = new Map<string, { heading: string; text: string; locale: string | null }>([
    ...answers.map((answer) => [itemKey({ kind: "answer", ...answer }), { heading: answer.questionTitle, text: answer.text, locale: answer.locale }] as const),
    ...notes.map((note) => [itemKey({ kind: "note", eventNoteId: note.eventNoteId }), { heading: note.eventTitle, text: note.text, locale: null }] as const),
  ]);
  return {
    compared: both.length,
    themes: codebook.map((theme, index) => ({ id: theme.id, name: theme.name, colour: theme.colour, ...agreement[index]! })),
    disagreements: differing.flatMap((entry) => {
      const shown = textOf.get(entry.key);
      if (!shown) return [];
      return [{ key: entry.key, kind: entry.item.kind, ...shown, a: [...entry.a], b: [...entry.b] }];
    }),
  };
}

/**
 * Everything a REFI-QDA project needs (app/analysis/refi-qda.server.ts): the codebook, every live
 * free-text answer and every event note, coded or not (a researcher may go on coding), and each
 * analyst's themes on them. Withdrawn answers are never included; flagged ones are, as in the
 * responses export. Recorded as an export. Undefined when the consultation is not the organisation's.
 */
export async function exportCodedText(scope: Scope & { memberId: string; locale: string; exportedAt?: Date }): Promise<QdaProjectInput | undefined> {
  const consultation = await getConsultation(scope);
  if (!consultation) return undefined;
  const [codebook, answers, notes, codings, [exporter]] = await Promise.all([
    listThemes(scope),
    listFreeTextAnswers(scope),
    listEventNoteTexts(scope),
    listCodings(scope),
    db.select({ id: members.id, name: members.name }).from(members).where(and(eq(members.id, scope.memberId), eq(members.organisationId, scope.organisationId))),
  ]);
  if (!exporter) return undefined;
  const codingsOf = new Map<string, QdaSource["codings"]>();
  for (const coding of codings) codingsOf.set(coding.key, [...(codingsOf.get(coding.key) ?? []), { memberId: coding.memberId, themeIds: coding.themeIds, codedAt: coding.codedAt }]);
  const sources: QdaSource[] = [
    ...answers.map((answer) => {
      const key = itemKey({ kind: "answer", responseId: answer.responseId, questionName: answer.questionName });
      return {
        key,
        name: `${answer.questionName} ${answer.responseId.slice(0, 8)}`,
        description: answer.questionTitle,
        text: answer.text,
        variables: { source: "answer", channel: answer.channel, question: answer.questionName, language: answer.locale },
        codings: codingsOf.get(key) ?? [],
      };
    }),
    ...notes.map((note) => {
      const key = itemKey({ kind: "note", eventNoteId: note.eventNoteId });
      return {
        key,
        name: `event note ${note.eventNoteId.slice(0, 8)}`,
        description: note.eventTitle,
        text: note.text,
        variables: { source: "event note", channel: note.channel, event: note.eventTitle },
        codings: codingsOf.get(key) ?? [],
      };
    }),
  ];
  const exportedAt = scope.exportedAt ?? new Date();
  await recordExport({
    organisationId: scope.organisationId,
    memberId: scope.memberId,
    subjectType: "consultation",
    subjectId: scope.consultationId,
    // Counts only: never the words.
    detail: { what: "coded text", format: "qdpx", answers: answers.length, eventNotes: notes.length, codings: codings.length },
  });
  const coders = new Map(codings.map((coding) => [coding.memberId, { id: coding.memberId, name: coding.memberName }]));
  return {
    name: consultation.title,
    description: `Free-text answers and event notes from Heard, exported ${exportedAt.toISOString().slice(0, 10)}.`,
    exportedAt,
    exportedBy: exporter,
    users: [...coders.values()],
    themes: codebook.map((theme) => ({ ...theme, colour: THEME_COLOURS[theme.colour as ThemeColour] ?? THEME_COLOURS.grey })),
    sources,
  };
}
