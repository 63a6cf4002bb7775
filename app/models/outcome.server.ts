import { and, asc, eq, isNotNull, isNull, max } from "drizzle-orm";
import { db } from "~/db.server";
import { consultations, outcomes } from "../../db/schema";
import type { OutcomeDetails } from "~/consultations/outcome-schema.server";
import { ConsultationStateError } from "./consultation.server";

const outcomeFields = {
  id: outcomes.id,
  youSaid: outcomes.youSaid,
  weDid: outcomes.weDid,
  status: outcomes.status,
  owner: outcomes.owner,
  publishedAt: outcomes.publishedAt,
};

function findConsultation(tx: Pick<typeof db, "select">, organisationId: string, consultationId: string) {
  return tx
    .select({ id: consultations.id, status: consultations.status })
    .from(consultations)
    .where(and(eq(consultations.id, consultationId), eq(consultations.organisationId, organisationId)))
    .get();
}

export function addOutcome({
  organisationId,
  consultationId,
  details,
}: {
  organisationId: string;
  consultationId: string;
  details: OutcomeDetails;
}) {
  return db.transaction((tx) => {
    if (!findConsultation(tx, organisationId, consultationId)) return null;
    const last = tx
      .select({ position: max(outcomes.position) })
      .from(outcomes)
      .where(eq(outcomes.consultationId, consultationId))
      .get();
    return tx
      .insert(outcomes)
      .values({ organisationId, consultationId, ...details, position: (last?.position ?? -1) + 1 })
      .returning({ id: outcomes.id })
      .get();
  });
}

export function listOutcomes({ organisationId, consultationId }: { organisationId: string; consultationId: string }) {
  return db
    .select(outcomeFields)
    .from(outcomes)
    .where(and(eq(outcomes.organisationId, organisationId), eq(outcomes.consultationId, consultationId)))
    .orderBy(asc(outcomes.position))
    .all();
}

/** Deletes a draft outcome item; published items stay (they are on the public record). */
export function deleteDraftOutcome({
  organisationId,
  consultationId,
  outcomeId,
}: {
  organisationId: string;
  consultationId: string;
  outcomeId: string;
}) {
  return (
    db
      .delete(outcomes)
      .where(
        and(
          eq(outcomes.id, outcomeId),
          eq(outcomes.organisationId, organisationId),
          eq(outcomes.consultationId, consultationId),
          isNull(outcomes.publishedAt),
        ),
      )
      .run().changes === 1
  );
}

/**
 * Publishes every outcome item of a consultation and marks it reported, in one transaction.
 * Only after it has closed: a draft must never become public this way, and an open one keeps collecting answers.
 */
export function publishOutcomes({ organisationId, consultationId }: { organisationId: string; consultationId: string }) {
  return db.transaction((tx) => {
    const consultation = findConsultation(tx, organisationId, consultationId);
    if (!consultation) return null;
    if (consultation.status !== "closed" && consultation.status !== "reported") {
      throw new ConsultationStateError("Close the consultation before publishing what changed.");
    }
    const now = new Date();
    const published = tx
      .update(outcomes)
      .set({ publishedAt: now })
      .where(
        and(
          eq(outcomes.organisationId, organisationId),
          eq(outcomes.consultationId, consultationId),
          isNull(outcomes.publishedAt),
        ),
      )
      .run().changes;
    tx.update(consultations)
      .set({ status: "reported", outcomesPublishedAt: now, updatedAt: now })
      .where(and(eq(consultations.id, consultationId), eq(consultations.organisationId, organisationId)))
      .run();
    return { published };
  });
}

/** The published "you said, we did" items, for anyone to read. */
export function listPublishedOutcomes({ consultationId }: { consultationId: string }) {
  return db
    .select({ id: outcomes.id, youSaid: outcomes.youSaid, weDid: outcomes.weDid, status: outcomes.status, owner: outcomes.owner })
    .from(outcomes)
    .where(and(eq(outcomes.consultationId, consultationId), isNotNull(outcomes.publishedAt)))
    .orderBy(asc(outcomes.position))
    .all();
}
