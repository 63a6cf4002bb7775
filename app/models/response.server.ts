import { randomInt } from "node:crypto";
import { and, count, desc, eq, isNull, sql } from "drizzle-orm";
import { db, schema } from "~/db.server";
import type { Channel, Variant } from "../../db/schema";
import { recordAuditEvent } from "./audit.server";
import { flagResponseOnArrival } from "./safeguarding.server";
import { isTakingAnswers, takesRecords } from "~/consultations/taking-answers";
import { londonToday } from "~/utils/dates";

const { consultations, responses, surveyVersions } = schema;

// No 0/O, 1/I/L: a child reading the code aloud or writing it down should not be able to mix them up.
const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

export function generateReferenceCode() {
  const chars = Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]);
  return `${chars.slice(0, 4).join("")}-${chars.slice(4).join("")}`;
}

export class ConsultationNotOpenError extends Error {}

/**
 * Stores one validated response in a transaction and returns its reference code. The caller only
 * acknowledges the child once this returns, so an acknowledged answer is always on disk.
 * In the same transaction its free text is checked against the organisation's concerning phrases;
 * `help` says a flag was raised, so the completion page can put help first (without saying why).
 */
export async function submitResponse(input: {
  organisationId: string;
  consultationId: string;
  surveyVersionId: string;
  variant: Variant;
  locale: string;
  channel: Channel;
  answers: Record<string, unknown>;
  /** Assisted responses: what the practitioner noticed; checked for concerning phrases like free text. */
  observationNote?: string | null;
  submittedAt?: Date;
  /** The consultation event the answer came through (its QR code or short link), already checked to be this consultation's. */
  eventId?: string | null;
}): Promise<{ referenceCode: string; help: boolean; responseId: string }> {
  return db.transaction(async (tx) => {
    const [target] = await tx
      .select({ status: consultations.status, definition: surveyVersions.definition, opensOn: consultations.opensOn, closesOn: consultations.closesOn })
      .from(surveyVersions)
      .innerJoin(consultations, eq(consultations.id, surveyVersions.consultationId))
      .where(
        and(
          eq(surveyVersions.id, input.surveyVersionId),
          eq(surveyVersions.consultationId, input.consultationId),
          eq(surveyVersions.organisationId, input.organisationId),
        ),
      );
    // Online answers only while open and between the opening and closing dates; paper and event
    // records may still be entered after closing.
    const accepting =
      input.channel === "online"
        ? !!target && isTakingAnswers(target, londonToday())
        : !!target && takesRecords(target.status);
    if (!target || !accepting) throw new ConsultationNotOpenError("This consultation is not taking answers.");
    for (let attempt = 0; ; attempt++) {
      const referenceCode = generateReferenceCode();
      const inserted = await tx
        .insert(responses)
        .values({ ...input, referenceCode, submittedAt: input.submittedAt ?? new Date() })
        .onConflictDoNothing({ target: responses.referenceCode })
        .returning({ id: responses.id });
      if (inserted.length === 1) {
        const help = await flagResponseOnArrival(tx, { ...input, responseId: inserted[0]!.id, definition: target.definition });
        return { referenceCode, help, responseId: inserted[0]!.id };
      }
      if (attempt > 5) throw new Error("Could not allocate a unique reference code");
    }
  });
}

export const RECORDING_CHANNELS = ["assisted", "paper"] as const satisfies readonly Channel[];
export type RecordingChannel = (typeof RECORDING_CHANNELS)[number];

/**
 * A member of staff records a response: with or for a child (`assisted`, with an optional
 * observation note) or typed in from a paper form (`paper`). The answers are validated by the
 * caller exactly as a child's are; stored, flagged and audited in one transaction.
 */
export async function recordResponse(input: {
  organisationId: string;
  consultationId: string;
  surveyVersionId: string;
  memberId: string;
  channel: RecordingChannel;
  locale: string;
  answers: Record<string, unknown>;
  observationNote?: string;
}) {
  const { memberId, observationNote, ...response } = input;
  return db.transaction(async (tx) => {
    const stored = await submitResponse({
      ...response,
      variant: "standard",
      // Only an assisted response has an observation note; a paper form has nobody to observe.
      observationNote: input.channel === "assisted" && observationNote?.trim() ? observationNote.trim() : null,
    });
    await recordAuditEvent(
      {
        organisationId: input.organisationId,
        memberId,
        action: "response.recorded",
        subjectType: "consultation",
        subjectId: input.consultationId,
        detail: { responseId: stored.responseId, channel: input.channel },
      },
      tx,
    );
    return stored;
  });
}

/** A consultation's responses that still count: not withdrawn. */
function liveResponsesOf(organisationId: string, consultationId: string) {
  return and(
    eq(responses.organisationId, organisationId),
    eq(responses.consultationId, consultationId),
    isNull(responses.withdrawnAt),
  );
}

/** Every live (not withdrawn) answer set of a consultation, for analysis. */
export async function listAnswerSets({ organisationId, consultationId }: { organisationId: string; consultationId: string }) {
  const rows = await db
    .select({ answers: responses.answers })
    .from(responses)
    .where(liveResponsesOf(organisationId, consultationId));
  return rows.map((row) => row.answers);
}

/** How many live responses came by each channel (online, assisted, paper, …), for results. */
export async function countResponsesByChannel({ organisationId, consultationId }: { organisationId: string; consultationId: string }) {
  const rows = await db
    .select({ channel: responses.channel, n: count() })
    .from(responses)
    .where(liveResponsesOf(organisationId, consultationId))
    .groupBy(responses.channel);
  return new Map<Channel, number>(rows.map((row) => [row.channel, Number(row.n)]));
}

export async function countResponses({ organisationId, consultationId }: { organisationId: string; consultationId: string }) {
  const [row] = await db.select({ n: count() }).from(responses).where(liveResponsesOf(organisationId, consultationId));
  return row?.n ?? 0;
}

/** The survey definition that a consultation's responses were given against (latest standard version). */
export async function getLatestSurveyVersion({ organisationId, consultationId }: { organisationId: string; consultationId: string }) {
  const [latest] = await db
    .select({ id: surveyVersions.id, version: surveyVersions.version, definition: surveyVersions.definition })
    .from(surveyVersions)
    .where(
      and(
        eq(surveyVersions.organisationId, organisationId),
        eq(surveyVersions.consultationId, consultationId),
        eq(surveyVersions.variant, "standard"),
      ),
    )
    .orderBy(desc(surveyVersions.version))
    .limit(1);
  return latest;
}

// ---------------------------------------------------------------------------------------------
// A child's rights over their answers, by reference code
// ---------------------------------------------------------------------------------------------

/**
 * Deletes the response with this reference code (not hidden: deleted) and counts it as withdrawn
 * on its consultation. Safeguarding flags raised on it stay, with the copy of the flagged words.
 * Returns whether a response was deleted; the public page says the same thing either way.
 */
export async function withdrawResponse({ referenceCode }: { referenceCode: string }) {
  return db.transaction(async (tx) => {
    const [deleted] = await tx
      .delete(responses)
      .where(eq(responses.referenceCode, referenceCode))
      .returning({ id: responses.id, organisationId: responses.organisationId, consultationId: responses.consultationId });
    if (!deleted) return false;
    await tx
      .update(consultations)
      .set({ withdrawnCount: sql`${consultations.withdrawnCount} + 1` })
      .where(and(eq(consultations.id, deleted.consultationId), eq(consultations.organisationId, deleted.organisationId)));
    await recordAuditEvent(
      {
        organisationId: deleted.organisationId,
        memberId: null,
        action: "response.withdrawn",
        subjectType: "consultation",
        subjectId: deleted.consultationId,
      },
      tx,
    );
    return true;
  });
}

/** Exactly what is stored for the response with this code, for the child who holds it. */
export async function getResponseByReferenceCode({ referenceCode }: { referenceCode: string }) {
  const [found] = await db
    .select({
      referenceCode: responses.referenceCode,
      consultationTitle: consultations.title,
      submittedAt: responses.submittedAt,
      channel: responses.channel,
      variant: responses.variant,
      locale: responses.locale,
      answers: responses.answers,
      definition: surveyVersions.definition,
    })
    .from(responses)
    .innerJoin(consultations, eq(consultations.id, responses.consultationId))
    .innerJoin(surveyVersions, eq(surveyVersions.id, responses.surveyVersionId))
    .where(eq(responses.referenceCode, referenceCode));
  return found;
}

// ---------------------------------------------------------------------------------------------
// Staff reading and erasing single responses (never advisors: routes check the role)
// ---------------------------------------------------------------------------------------------

type ConsultationScope = { organisationId: string; consultationId: string };

/** A consultation's responses as a list (no answers), newest first; optionally the one with a code. */
export async function listResponses({ organisationId, consultationId, referenceCode }: ConsultationScope & { referenceCode?: string }) {
  return db
    .select({
      id: responses.id,
      referenceCode: responses.referenceCode,
      submittedAt: responses.submittedAt,
      channel: responses.channel,
      locale: responses.locale,
    })
    .from(responses)
    .where(
      and(
        eq(responses.organisationId, organisationId),
        eq(responses.consultationId, consultationId),
        referenceCode ? eq(responses.referenceCode, referenceCode) : undefined,
      ),
    )
    .orderBy(desc(responses.submittedAt), desc(responses.id))
    .limit(500);
}

/** One response with its answers, for a member of staff; recorded as a view. */
export async function getResponseForStaff({
  organisationId,
  consultationId,
  responseId,
  memberId,
}: ConsultationScope & { responseId: string; memberId: string }) {
  return db.transaction(async (tx) => {
    const [found] = await tx
      .select({
        id: responses.id,
        referenceCode: responses.referenceCode,
        submittedAt: responses.submittedAt,
        channel: responses.channel,
        variant: responses.variant,
        locale: responses.locale,
        answers: responses.answers,
        observationNote: responses.observationNote,
        definition: surveyVersions.definition,
      })
      .from(responses)
      .innerJoin(surveyVersions, eq(surveyVersions.id, responses.surveyVersionId))
      .where(and(eq(responses.id, responseId), eq(responses.consultationId, consultationId), eq(responses.organisationId, organisationId)));
    if (!found) return undefined;
    await recordAuditEvent(
      { organisationId, memberId, action: "response.viewed", subjectType: "consultation", subjectId: consultationId, detail: { responseId } },
      tx,
    );
    return found;
  });
}

/** A member of staff erases a response, giving a reason; audited with the reason. */
export async function eraseResponse({
  organisationId,
  consultationId,
  responseId,
  memberId,
  reason,
}: ConsultationScope & { responseId: string; memberId: string; reason: string }) {
  return db.transaction(async (tx) => {
    const [deleted] = await tx
      .delete(responses)
      .where(and(eq(responses.id, responseId), eq(responses.consultationId, consultationId), eq(responses.organisationId, organisationId)))
      .returning({ id: responses.id });
    if (!deleted) return false;
    await recordAuditEvent(
      {
        organisationId,
        memberId,
        action: "response.erased",
        subjectType: "consultation",
        subjectId: consultationId,
        detail: { responseId, reason },
      },
      tx,
    );
    return true;
  });
}
