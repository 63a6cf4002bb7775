import { randomInt } from "node:crypto";
import { and, count, desc, eq, isNull } from "drizzle-orm";
import { db, schema } from "~/db.server";
import type { Channel, Variant } from "../../db/schema";
import { isTakingAnswers } from "~/consultations/taking-answers";
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
 */
export async function submitResponse(input: {
  organisationId: string;
  consultationId: string;
  surveyVersionId: string;
  variant: Variant;
  locale: string;
  channel: Channel;
  answers: Record<string, unknown>;
  submittedAt?: Date;
}): Promise<{ referenceCode: string }> {
  return db.transaction(async (tx) => {
    const [target] = await tx
      .select({ status: consultations.status, opensOn: consultations.opensOn, closesOn: consultations.closesOn })
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
        : !!target && (target.status === "open" || target.status === "closed");
    if (!accepting) throw new ConsultationNotOpenError("This consultation is not taking answers.");
    for (let attempt = 0; ; attempt++) {
      const referenceCode = generateReferenceCode();
      const inserted = await tx
        .insert(responses)
        .values({ ...input, referenceCode, submittedAt: input.submittedAt ?? new Date() })
        .onConflictDoNothing({ target: responses.referenceCode })
        .returning({ id: responses.id });
      if (inserted.length === 1) return { referenceCode };
      if (attempt > 5) throw new Error("Could not allocate a unique reference code");
    }
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
