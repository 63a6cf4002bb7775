import { and, asc, eq, isNotNull, isNull, max } from "drizzle-orm";
import { db, schema, type Executor } from "~/db.server";
import type { OutcomeDetails } from "~/consultations/outcome-schema.server";
import { recordAuditEvent } from "./audit.server";
import { ConsultationStateError } from "./consultation.server";

const { consultations, outcomes } = schema;

type ConsultationScope = { organisationId: string; consultationId: string };
type Actor = { memberId: string | null };

const outcomeFields = {
  id: outcomes.id,
  youSaid: outcomes.youSaid,
  weDid: outcomes.weDid,
  status: outcomes.status,
  owner: outcomes.owner,
  publishedAt: outcomes.publishedAt,
  updatedAt: outcomes.updatedAt,
};

async function findConsultation(tx: Executor, { organisationId, consultationId }: ConsultationScope) {
  const [found] = await tx
    .select({ id: consultations.id, status: consultations.status })
    .from(consultations)
    .where(and(eq(consultations.id, consultationId), eq(consultations.organisationId, organisationId)));
  return found;
}

function auditOf({ organisationId, consultationId, memberId }: ConsultationScope & Actor) {
  return { organisationId, memberId, subjectType: "consultation", subjectId: consultationId };
}

export async function addOutcome({
  organisationId,
  consultationId,
  memberId,
  details,
}: ConsultationScope & Actor & { details: OutcomeDetails }) {
  return db.transaction(async (tx) => {
    if (!(await findConsultation(tx, { organisationId, consultationId }))) return null;
    const [last] = await tx
      .select({ position: max(outcomes.position) })
      .from(outcomes)
      .where(eq(outcomes.consultationId, consultationId));
    const [added] = await tx
      .insert(outcomes)
      .values({ organisationId, consultationId, ...details, position: (last?.position ?? -1) + 1 })
      .returning({ id: outcomes.id });
    await recordAuditEvent(
      { ...auditOf({ organisationId, consultationId, memberId }), action: "outcome.added", detail: { outcomeId: added!.id } },
      tx,
    );
    return added!;
  });
}

export async function listOutcomes({ organisationId, consultationId }: ConsultationScope) {
  return db
    .select(outcomeFields)
    .from(outcomes)
    .where(and(eq(outcomes.organisationId, organisationId), eq(outcomes.consultationId, consultationId)))
    .orderBy(asc(outcomes.position));
}

export async function getOutcome({ organisationId, consultationId, outcomeId }: ConsultationScope & { outcomeId: string }) {
  const [found] = await db
    .select(outcomeFields)
    .from(outcomes)
    .where(
      and(eq(outcomes.id, outcomeId), eq(outcomes.organisationId, organisationId), eq(outcomes.consultationId, consultationId)),
    );
  return found;
}

/**
 * Changes an outcome item, draft or published: a published one is corrected in place and the public
 * page says when ("updated on …"). Returns false if there is no such item; saving it unchanged changes nothing.
 */
export async function updateOutcome({
  organisationId,
  consultationId,
  memberId,
  outcomeId,
  details,
}: ConsultationScope & Actor & { outcomeId: string; details: OutcomeDetails }) {
  return db.transaction(async (tx) => {
    const scope = and(
      eq(outcomes.id, outcomeId),
      eq(outcomes.organisationId, organisationId),
      eq(outcomes.consultationId, consultationId),
    );
    const [current] = await tx.select(outcomeFields).from(outcomes).where(scope);
    if (!current) return false;
    const changed = (Object.keys(details) as (keyof OutcomeDetails)[]).filter((field) => details[field] !== current[field]);
    if (changed.length === 0) return true;
    await tx
      .update(outcomes)
      .set({ ...details, updatedAt: new Date() })
      .where(scope);
    await recordAuditEvent(
      {
        ...auditOf({ organisationId, consultationId, memberId }),
        action: "outcome.updated",
        detail: { outcomeId, fields: changed, published: current.publishedAt !== null },
      },
      tx,
    );
    return true;
  });
}

/** Deletes a draft outcome item; published items stay (they are on the public record). */
export async function deleteDraftOutcome({
  organisationId,
  consultationId,
  memberId,
  outcomeId,
}: ConsultationScope & Actor & { outcomeId: string }) {
  return db.transaction(async (tx) => {
    const [deleted] = await tx
      .delete(outcomes)
      .where(
        and(
          eq(outcomes.id, outcomeId),
          eq(outcomes.organisationId, organisationId),
          eq(outcomes.consultationId, consultationId),
          isNull(outcomes.publishedAt),
        ),
      )
      .returning({ id: outcomes.id });
    if (!deleted) return false;
    await recordAuditEvent(
      { ...auditOf({ organisationId, consultationId, memberId }), action: "outcome.deleted", detail: { outcomeId } },
      tx,
    );
    return true;
  });
}

/**
 * Publishes every outcome item of a consultation and marks it reported, in one transaction.
 * Only after it has closed: a draft must never become public this way, and an open one keeps collecting answers.
 */
export async function publishOutcomes({ organisationId, consultationId, memberId }: ConsultationScope & Actor) {
  return db.transaction(async (tx) => {
    const consultation = await findConsultation(tx, { organisationId, consultationId });
    if (!consultation) return null;
    if (consultation.status !== "closed" && consultation.status !== "reported") {
      throw new ConsultationStateError("Close the consultation before publishing what changed.");
    }
    const now = new Date();
    const published = await tx
      .update(outcomes)
      .set({ publishedAt: now })
      .where(
        and(
          eq(outcomes.organisationId, organisationId),
          eq(outcomes.consultationId, consultationId),
          isNull(outcomes.publishedAt),
        ),
      )
      .returning({ id: outcomes.id });
    await tx
      .update(consultations)
      .set({ status: "reported", outcomesPublishedAt: now, updatedAt: now })
      .where(and(eq(consultations.id, consultationId), eq(consultations.organisationId, organisationId)));
    await recordAuditEvent(
      {
        ...auditOf({ organisationId, consultationId, memberId }),
        action: "outcomes.published",
        detail: { items: published.length },
      },
      tx,
    );
    return { published: published.length };
  });
}

/**
 * The published "you said, we did" items, for anyone to read, with when each was last corrected
 * after publishing (null if never).
 */
export async function listPublishedOutcomes({ consultationId }: { consultationId: string }) {
  const rows = await db
    .select({
      id: outcomes.id,
      youSaid: outcomes.youSaid,
      weDid: outcomes.weDid,
      status: outcomes.status,
      owner: outcomes.owner,
      publishedAt: outcomes.publishedAt,
      updatedAt: outcomes.updatedAt,
    })
    .from(outcomes)
    .where(and(eq(outcomes.consultationId, consultationId), isNotNull(outcomes.publishedAt)))
    .orderBy(asc(outcomes.position));
  return rows.map(({ publishedAt, updatedAt, ...item }) => ({
    ...item,
    correctedAt: updatedAt && publishedAt && updatedAt > publishedAt ? updatedAt : null,
  }));
}
