// Retention that deletes: once a closed consultation's retention period has passed, its raw
// responses are deleted, and so are its events' notes and photos, the copies of children's words
// kept with its safeguarding flags and the notes written about them. Event attendance and dot-vote
// counts are aggregates and stay. Counts already published, themes and "you said, we did"
// remain. The daily job (app/jobs/scheduler.server.ts) runs applyRetention; admins see
// planRetention's dry run first. Both use the same selection, so a run deletes what the dry run listed.
import { and, asc, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { answersDueForDeletionAt } from "~/responses/retention";
import { recordAuditEvent } from "./audit.server";
import { getJobState } from "./job.server";

/** The scheduled job's name (app/jobs/scheduler.server.ts). */
export const RETENTION_JOB = "apply-retention";

const { consultations, eventNotes, eventPhotos, events, responses, safeguardingFlagNotes, safeguardingFlags } = schema;

export type RetentionPlanItem = {
  organisationId: string;
  consultationId: string;
  title: string;
  closedAt: Date;
  dueAt: Date;
  responseIds: string[];
  flagIds: string[];
  /** Sticky notes written at the consultation's events (children's words too). */
  eventNoteIds: string[];
  /** Photos of flipcharts from its events. */
  eventPhotoIds: string[];
};

/** What a retention run at `now` would delete (for one organisation, or all). */
export async function planRetention({ now = new Date(), organisationId }: { now?: Date; organisationId?: string } = {}) {
  const closed = await db
    .select({
      organisationId: consultations.organisationId,
      consultationId: consultations.id,
      title: consultations.title,
      closedAt: consultations.closedAt,
      retentionMonths: consultations.retentionMonths,
    })
    .from(consultations)
    .where(and(isNotNull(consultations.closedAt), organisationId ? eq(consultations.organisationId, organisationId) : undefined))
    .orderBy(asc(consultations.closedAt));
  const plan: RetentionPlanItem[] = [];
  for (const consultation of closed) {
    const dueAt = answersDueForDeletionAt(consultation.closedAt!, consultation.retentionMonths);
    if (dueAt.getTime() > now.getTime()) continue;
    const scope = { organisationId: consultation.organisationId, consultationId: consultation.consultationId };
    const [responseRows, flagRows, noteRows, photoRows] = await Promise.all([
      db
        .select({ id: responses.id })
        .from(responses)
        .where(and(eq(responses.organisationId, scope.organisationId), eq(responses.consultationId, scope.consultationId))),
      db
        .select({ id: safeguardingFlags.id })
        .from(safeguardingFlags)
        .where(
          and(
            eq(safeguardingFlags.organisationId, scope.organisationId),
            eq(safeguardingFlags.consultationId, scope.consultationId),
            isNull(safeguardingFlags.contentDeletedAt),
          ),
        ),
      db
        .select({ id: eventNotes.id })
        .from(eventNotes)
        .where(and(eq(eventNotes.organisationId, scope.organisationId), eq(eventNotes.consultationId, scope.consultationId))),
      db
        .select({ id: eventPhotos.id })
        .from(eventPhotos)
        .innerJoin(events, eq(events.id, eventPhotos.eventId))
        .where(and(eq(eventPhotos.organisationId, scope.organisationId), eq(events.consultationId, scope.consultationId))),
    ]);
    if (responseRows.length + flagRows.length + noteRows.length + photoRows.length === 0) continue;
    plan.push({
      ...scope,
      title: consultation.title,
      closedAt: consultation.closedAt!,
      dueAt,
      responseIds: responseRows.map((row) => row.id).sort(),
      flagIds: flagRows.map((row) => row.id).sort(),
      eventNoteIds: noteRows.map((row) => row.id).sort(),
      eventPhotoIds: photoRows.map((row) => row.id).sort(),
    });
  }
  return plan;
}

/**
 * Deletes what planRetention lists for `now`, one consultation per transaction, each with an audit
 * event saying how much went. Returns what it deleted.
 */
export async function applyRetention({ now = new Date() }: { now?: Date } = {}) {
  const plan = await planRetention({ now });
  const done: { consultationId: string; responseIds: string[]; flagIds: string[]; eventNoteIds: string[]; eventPhotoIds: string[] }[] = [];
  for (const item of plan) {
    done.push(
      await db.transaction(async (tx) => {
        const deleted = await tx
          .delete(responses)
          .where(and(eq(responses.organisationId, item.organisationId), eq(responses.consultationId, item.consultationId)))
          .returning({ id: responses.id });
        const deletedNotes =
          item.eventNoteIds.length === 0
            ? []
            : await tx
                .delete(eventNotes)
                .where(and(eq(eventNotes.organisationId, item.organisationId), inArray(eventNotes.id, item.eventNoteIds)))
                .returning({ id: eventNotes.id });
        const deletedPhotos =
          item.eventPhotoIds.length === 0
            ? []
            : await tx
                .delete(eventPhotos)
                .where(and(eq(eventPhotos.organisationId, item.organisationId), inArray(eventPhotos.id, item.eventPhotoIds)))
                .returning({ id: eventPhotos.id });
        const cleared =
          item.flagIds.length === 0
            ? []
            : await tx
                .update(safeguardingFlags)
                .set({ excerpt: null, contentDeletedAt: now, updatedAt: now })
                .where(and(eq(safeguardingFlags.organisationId, item.organisationId), inArray(safeguardingFlags.id, item.flagIds)))
                .returning({ id: safeguardingFlags.id });
        if (cleared.length > 0) {
          await tx
            .update(safeguardingFlagNotes)
            .set({ note: "" })
            .where(and(eq(safeguardingFlagNotes.organisationId, item.organisationId), inArray(safeguardingFlagNotes.flagId, item.flagIds)));
        }
        await tx
          .update(consultations)
          .set({ answersDeletedAt: now })
          .where(and(eq(consultations.id, item.consultationId), eq(consultations.organisationId, item.organisationId)));
        await recordAuditEvent(
          {
            organisationId: item.organisationId,
            memberId: null,
            action: "retention.applied",
            subjectType: "consultation",
            subjectId: item.consultationId,
            detail: { responses: deleted.length, flags: cleared.length, eventNotes: deletedNotes.length, eventPhotos: deletedPhotos.length },
          },
          tx,
        );
        return {
          consultationId: item.consultationId,
          responseIds: deleted.map((row) => row.id).sort(),
          flagIds: cleared.map((row) => row.id).sort(),
          eventNoteIds: deletedNotes.map((row) => row.id).sort(),
          eventPhotoIds: deletedPhotos.map((row) => row.id).sort(),
        };
      }),
    );
  }
  return done;
}

/** When the daily retention job runs next (it claims its first run at once, so "now" when it never ran). */
export async function nextRetentionRunAt(now = new Date()) {
  const state = await getJobState({ name: RETENTION_JOB });
  return new Date(Math.max(now.getTime(), Number(state?.nextRunAt ?? 0)));
}
