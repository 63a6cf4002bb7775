// Safeguarding: the organisation's list of concerning phrases, flags raised on responses (on
// arrival or by a lead by hand), the review queue and its notes. Only members with the
// safeguarding-lead capability reach the queue (routes check it); every view and change here is
// audited in the same transaction.
import { and, asc, count, desc, eq, inArray, type SQL } from "drizzle-orm";
import { db, schema, type Executor } from "~/db.server";
import type { FlagStatus } from "../../db/schema";
import { compiledPhraseList, concerningPhrasesIn } from "~/safeguarding/concerning-phrases";
import { OBSERVATION_NOTE, observationNoteTitle } from "~/responses/observation-note";
import { DEFAULT_CONCERNING_PHRASES } from "~/safeguarding/default-phrases";
import { flaggedAnswers, typedTextOf, type FlaggedAnswer } from "~/safeguarding/free-text";
import { outlineSurvey } from "~/survey/outline.server";
import { logError } from "~/utils/log.server";
import { recordAuditEvent } from "./audit.server";
import { queueFlagNotifications } from "./notification.server";

const { consultations, members, responses, safeguardingFlagNotes, safeguardingFlags, safeguardingPhraseLists, surveyVersions } = schema;

type Lead = { organisationId: string; memberId: string };

// ---------------------------------------------------------------------------------------------
// The phrase list
// ---------------------------------------------------------------------------------------------

/** The organisation's own list, or the default list when it has not written one. */
export async function getPhraseList({ organisationId }: { organisationId: string }, executor: Executor = db) {
  const [own] = await executor
    .select({ phrases: safeguardingPhraseLists.phrases, updatedAt: safeguardingPhraseLists.updatedAt })
    .from(safeguardingPhraseLists)
    .where(eq(safeguardingPhraseLists.organisationId, organisationId));
  return own
    ? { phrases: own.phrases, isDefault: false, updatedAt: own.updatedAt }
    : { phrases: [...DEFAULT_CONCERNING_PHRASES], isDefault: true, updatedAt: null };
}

/** An admin replaces the list (already parsed: see parsePhraseList). Audited with the count, not the words. */
export async function savePhraseList({ organisationId, memberId, phrases }: Lead & { phrases: string[] }) {
  await db.transaction(async (tx) => {
    const now = new Date();
    await tx
      .insert(safeguardingPhraseLists)
      .values({ organisationId, phrases, updatedBy: memberId, updatedAt: now })
      .onConflictDoUpdate({ target: safeguardingPhraseLists.organisationId, set: { phrases, updatedBy: memberId, updatedAt: now } });
    await recordAuditEvent(
      { organisationId, memberId, action: "safeguarding.phrases_changed", detail: { phrases: phrases.length } },
      tx,
    );
  });
}

/** Goes back to the default list. */
export async function resetPhraseList({ organisationId, memberId }: Lead) {
  await db.transaction(async (tx) => {
    await tx.delete(safeguardingPhraseLists).where(eq(safeguardingPhraseLists.organisationId, organisationId));
    await recordAuditEvent(
      { organisationId, memberId, action: "safeguarding.phrases_changed", detail: { phrases: DEFAULT_CONCERNING_PHRASES.length, default: true } },
      tx,
    );
  });
}

// ---------------------------------------------------------------------------------------------
// Raising flags
// ---------------------------------------------------------------------------------------------

/** A copy of a response's typed text (question title and text), kept with the flag. */
function excerptOf(
  definition: Record<string, unknown>,
  answers: Record<string, unknown>,
  locale: string,
  questions?: readonly string[],
) {
  const titles = new Map(outlineSurvey(definition, locale).map((question) => [question.name, question.title]));
  return typedTextOf(answers, definition)
    .filter((typed) => !questions || questions.includes(typed.question))
    .map((typed) => ({ question: typed.question, title: titles.get(typed.question) ?? typed.question, text: typed.text }));
}

/**
 * Checks a response's free text against the organisation's list, inside the transaction that
 * stores it, and raises a flag (with its notifications) when something matches. Returns whether it
 * did. A fault in the check itself is logged and never stops the response being stored.
 */
export async function flagResponseOnArrival(
  tx: Executor,
  input: {
    organisationId: string;
    consultationId: string;
    responseId: string;
    definition: Record<string, unknown>;
    answers: Record<string, unknown>;
    locale: string;
    observationNote?: string | null;
  },
): Promise<boolean> {
  const { phrases } = await getPhraseList(input, tx);
  let matches: FlaggedAnswer[];
  let excerpt: ReturnType<typeof excerptOf>;
  try {
    const compiled = compiledPhraseList(phrases);
    matches = flaggedAnswers(input.answers, input.definition, compiled);
    // An assisted response's observation note is checked like free text, and kept with the flag too.
    const inNote = input.observationNote ? concerningPhrasesIn(input.observationNote, compiled) : [];
    // Most responses match nothing: the excerpt (a survey model) is only built for a flag.
    if (matches.length === 0 && inNote.length === 0) return false;
    excerpt = excerptOf(input.definition, input.answers, input.locale, matches.map((match) => match.question));
    if (inNote.length > 0) {
      matches.push({ question: OBSERVATION_NOTE, phrases: inNote });
      excerpt.push({ question: OBSERVATION_NOTE, title: observationNoteTitle(input.locale), text: input.observationNote! });
    }
  } catch (error) {
    logError(error, { where: "safeguarding check on arrival" });
    return false;
  }
  await raiseAutomaticFlag(tx, {
    organisationId: input.organisationId,
    consultationId: input.consultationId,
    responseId: input.responseId,
    matches,
    excerpt,
  });
  return true;
}

/** The question name an event note's match and excerpt are filed under (a note has no survey question). */
export const EVENT_NOTE_QUESTION = "event-note";

/**
 * The same check for a sticky note from a consultation event (docs/decisions/0008-events.md): the
 * flag points at the note instead of a response, and keeps a copy of its words under the event's title.
 */
export async function flagEventNoteOnArrival(
  tx: Executor,
  input: { organisationId: string; consultationId: string; eventNoteId: string; eventTitle: string; text: string },
): Promise<boolean> {
  const { phrases } = await getPhraseList(input, tx);
  let found: string[];
  try {
    found = concerningPhrasesIn(input.text, compiledPhraseList(phrases));
  } catch (error) {
    logError(error, { where: "safeguarding check on an event note" });
    return false;
  }
  if (found.length === 0) return false;
  await raiseAutomaticFlag(tx, {
    organisationId: input.organisationId,
    consultationId: input.consultationId,
    eventNoteId: input.eventNoteId,
    matches: [{ question: EVENT_NOTE_QUESTION, phrases: found }],
    excerpt: [{ question: EVENT_NOTE_QUESTION, title: input.eventTitle, text: input.text }],
  });
  return true;
}

/** Stores an automatic flag with its audit event and the leads' notifications, in the caller's transaction. */
async function raiseAutomaticFlag(
  tx: Executor,
  flag: {
    organisationId: string;
    consultationId: string;
    responseId?: string;
    eventNoteId?: string;
    matches: FlaggedAnswer[];
    excerpt: { question: string; title: string; text: string }[];
  },
) {
  const [raised] = await tx
    .insert(safeguardingFlags)
    .values({ ...flag, source: "automatic", updatedAt: new Date() })
    .returning({ id: safeguardingFlags.id });
  await recordAuditEvent(
    {
      organisationId: flag.organisationId,
      memberId: null,
      action: "safeguarding.flag_raised",
      subjectType: "consultation",
      subjectId: flag.consultationId,
      detail: { flagId: raised!.id, source: "automatic", ...(flag.eventNoteId ? { eventNoteId: flag.eventNoteId } : {}) },
    },
    tx,
  );
  await queueFlagNotifications(tx, { organisationId: flag.organisationId, flagId: raised!.id });
}

export class NoteRequiredError extends Error {}

function requireNote(note: string) {
  const trimmed = note.trim();
  if (!trimmed) throw new NoteRequiredError("A note is needed.");
  return trimmed;
}

/** A lead raises a flag on any response of their organisation by hand, with a note saying why. */
export async function raiseFlagByHand({
  organisationId,
  memberId,
  consultationId,
  responseId,
  note,
}: Lead & { consultationId: string; responseId: string; note: string }) {
  const text = requireNote(note);
  return db.transaction(async (tx) => {
    const [response] = await tx
      .select({ answers: responses.answers, locale: responses.locale, definition: surveyVersions.definition })
      .from(responses)
      .innerJoin(surveyVersions, eq(surveyVersions.id, responses.surveyVersionId))
      .where(and(eq(responses.id, responseId), eq(responses.consultationId, consultationId), eq(responses.organisationId, organisationId)));
    if (!response) return undefined;
    const now = new Date();
    const [flag] = await tx
      .insert(safeguardingFlags)
      .values({
        organisationId,
        consultationId,
        responseId,
        source: "manual",
        matches: [],
        excerpt: excerptOf(response.definition, response.answers, response.locale),
        raisedBy: memberId,
        updatedAt: now,
      })
      .returning({ id: safeguardingFlags.id });
    await tx.insert(safeguardingFlagNotes).values({ organisationId, flagId: flag!.id, memberId, status: "new", note: text });
    await recordAuditEvent(
      {
        organisationId,
        memberId,
        action: "safeguarding.flag_raised",
        subjectType: "consultation",
        subjectId: consultationId,
        detail: { flagId: flag!.id, responseId, source: "manual" },
      },
      tx,
    );
    await queueFlagNotifications(tx, { organisationId, flagId: flag!.id, except: memberId });
    return flag!.id;
  });
}

// ---------------------------------------------------------------------------------------------
// The queue
// ---------------------------------------------------------------------------------------------

/** The queue for a lead (audited as a view): newest first, optionally one status only. No child's words. */
export async function listFlags({ organisationId, memberId, status }: Lead & { status?: FlagStatus }) {
  return db.transaction(async (tx) => {
    const conditions: SQL[] = [eq(safeguardingFlags.organisationId, organisationId)];
    if (status) conditions.push(eq(safeguardingFlags.status, status));
    const flags = await tx
      .select({
        id: safeguardingFlags.id,
        status: safeguardingFlags.status,
        source: safeguardingFlags.source,
        matches: safeguardingFlags.matches,
        createdAt: safeguardingFlags.createdAt,
        updatedAt: safeguardingFlags.updatedAt,
        consultationTitle: consultations.title,
      })
      .from(safeguardingFlags)
      .innerJoin(consultations, eq(consultations.id, safeguardingFlags.consultationId))
      .where(and(...conditions))
      .orderBy(desc(safeguardingFlags.createdAt), desc(safeguardingFlags.id))
      .limit(200);
    await recordAuditEvent({ organisationId, memberId, action: "safeguarding.queue_viewed", detail: { status: status ?? "all", shown: flags.length } }, tx);
    return flags;
  });
}

/** How many flags wait for a first review, for the lead's navigation. */
export async function countNewFlags({ organisationId }: { organisationId: string }) {
  const [row] = await db
    .select({ n: count() })
    .from(safeguardingFlags)
    .where(and(eq(safeguardingFlags.organisationId, organisationId), eq(safeguardingFlags.status, "new")));
  return row?.n ?? 0;
}

/**
 * Everything a lead needs to review one flag: the response's answers in context (or, when the
 * response has gone, the copy kept with the flag), the matched phrases and the notes so far.
 * Each call is recorded as a view.
 */
export async function getFlagForReview({ organisationId, memberId, flagId }: Lead & { flagId: string }) {
  return db.transaction(async (tx) => {
    const [flag] = await tx
      .select({
        id: safeguardingFlags.id,
        status: safeguardingFlags.status,
        source: safeguardingFlags.source,
        matches: safeguardingFlags.matches,
        excerpt: safeguardingFlags.excerpt,
        createdAt: safeguardingFlags.createdAt,
        contentDeletedAt: safeguardingFlags.contentDeletedAt,
        responseId: safeguardingFlags.responseId,
        consultationId: safeguardingFlags.consultationId,
        consultationTitle: consultations.title,
        raisedByName: members.name,
      })
      .from(safeguardingFlags)
      .innerJoin(consultations, eq(consultations.id, safeguardingFlags.consultationId))
      .leftJoin(members, eq(members.id, safeguardingFlags.raisedBy))
      .where(and(eq(safeguardingFlags.id, flagId), eq(safeguardingFlags.organisationId, organisationId)));
    if (!flag) return undefined;
    const [response] = flag.responseId
      ? await tx
          .select({
            referenceCode: responses.referenceCode,
            submittedAt: responses.submittedAt,
            channel: responses.channel,
            locale: responses.locale,
            answers: responses.answers,
            observationNote: responses.observationNote,
            definition: surveyVersions.definition,
          })
          .from(responses)
          .innerJoin(surveyVersions, eq(surveyVersions.id, responses.surveyVersionId))
          .where(and(eq(responses.id, flag.responseId), eq(responses.organisationId, organisationId)))
      : [];
    const notes = await tx
      .select({
        id: safeguardingFlagNotes.id,
        status: safeguardingFlagNotes.status,
        note: safeguardingFlagNotes.note,
        createdAt: safeguardingFlagNotes.createdAt,
        memberName: members.name,
      })
      .from(safeguardingFlagNotes)
      .leftJoin(members, eq(members.id, safeguardingFlagNotes.memberId))
      .where(and(eq(safeguardingFlagNotes.flagId, flagId), eq(safeguardingFlagNotes.organisationId, organisationId)))
      .orderBy(asc(safeguardingFlagNotes.createdAt), asc(safeguardingFlagNotes.id));
    await recordAuditEvent(
      {
        organisationId,
        memberId,
        action: "safeguarding.flag_viewed",
        subjectType: "consultation",
        subjectId: flag.consultationId,
        detail: { flagId },
      },
      tx,
    );
    return { flag, response, notes };
  });
}

/** Moves a flag to a new status; a note is required and kept with the change. Audited. */
export async function changeFlagStatus({
  organisationId,
  memberId,
  flagId,
  status,
  note,
}: Lead & { flagId: string; status: FlagStatus; note: string }) {
  const text = requireNote(note);
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ status: safeguardingFlags.status, consultationId: safeguardingFlags.consultationId })
      .from(safeguardingFlags)
      .where(and(eq(safeguardingFlags.id, flagId), eq(safeguardingFlags.organisationId, organisationId)));
    if (!before) return false;
    await tx
      .update(safeguardingFlags)
      .set({ status, updatedAt: new Date() })
      .where(and(eq(safeguardingFlags.id, flagId), eq(safeguardingFlags.organisationId, organisationId)));
    await tx.insert(safeguardingFlagNotes).values({ organisationId, flagId, memberId, status, note: text });
    await recordAuditEvent(
      {
        organisationId,
        memberId,
        action: "safeguarding.flag_status_changed",
        subjectType: "consultation",
        subjectId: before.consultationId,
        detail: { flagId, from: before.status, to: status },
      },
      tx,
    );
    return true;
  });
}

/** Which of these responses have a flag, for marking them in staff lists (leads only). */
export async function flaggedResponseIds({ organisationId, responseIds }: { organisationId: string; responseIds: string[] }) {
  if (responseIds.length === 0) return new Set<string>();
  const rows = await db
    .select({ responseId: safeguardingFlags.responseId })
    .from(safeguardingFlags)
    .where(and(eq(safeguardingFlags.organisationId, organisationId), inArray(safeguardingFlags.responseId, responseIds)));
  return new Set(rows.flatMap((row) => (row.responseId ? [row.responseId] : [])));
}
