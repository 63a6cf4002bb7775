import { and, asc, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import { db, schema, type Executor } from "~/db.server";

const { auditEvents, consultations, members } = schema;

export const AUDIT_ACTIONS = [
  "member.signed_in",
  "member.signed_out",
  "member.invited",
  "member.password_set",
  "member.role_changed",
  "member.deactivated",
  "member.reactivated",
  "member.password_reset_issued",
  "organisation.created",
  "organisation.settings_changed",
  "consultation.created",
  "consultation.template_chosen",
  "consultation.opened",
  "consultation.closed",
  "consultation.details_changed",
  "consultation.translations_changed",
  "consultation.easy_read_published",
  "consultation.easy_read_removed",
  "survey.draft_saved",
  "survey.version_published",
  "outcome.added",
  "outcome.updated",
  "outcome.deleted",
  "outcomes.published",
  "data.exported",
  "response.viewed",
  "response.erased",
  "response.withdrawn",
  "response.recorded",
  "responses.imported",
  "retention.applied",
  "safeguarding.phrases_changed",
  "safeguarding.queue_viewed",
  "safeguarding.flag_raised",
  "safeguarding.flag_viewed",
  "safeguarding.flag_status_changed",
  "notification.retried",
  "advisor.invitation_created",
  "advisor.invitation_revoked",
  "advisor.joined",
  "survey.commented",
  "survey.comment_resolved",
  "survey.wording_suggested",
  "survey.wording_accepted",
  "survey.wording_declined",
  "survey.signed_off",
  "event.planned",
  "event.changed",
  "event.note_added",
  "event.vote_option_added",
  "event.votes_changed",
  "event.attendance_recorded",
  "event.photo_added",
  "theme.added",
  "answer.coded",
  "event_note.coded",
  "quote.featured",
  "quote.unfeatured",
  "api_token.created",
  "api_token.revoked",
  "api.read",
  "survey_template.saved",
  "survey_template.renamed",
  "survey_template.archived",
  "survey_picture.uploaded",
  "context_figure.added",
  "context_figure.changed",
  "context_figure.deleted",
  "context_figures.imported",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export function isAuditAction(value: unknown): value is AuditAction {
  return typeof value === "string" && (AUDIT_ACTIONS as readonly string[]).includes(value);
}

export type AuditEventInput = {
  organisationId: string;
  memberId: string | null;
  action: AuditAction;
  subjectType?: string;
  subjectId?: string;
  detail?: Record<string, unknown>;
};

/**
 * Writes one audit event. Model functions that change something call this with their own
 * transaction (`tx`), so the change and its record land together or not at all.
 */
export async function recordAuditEvent(event: AuditEventInput, executor: Executor = db) {
  await executor.insert(auditEvents).values(event);
}

/** Records that a member exported data (CSV, XLSX, API): what and how much, never the data itself. */
export async function recordExport({
  organisationId,
  memberId,
  subjectType,
  subjectId,
  detail,
}: Omit<AuditEventInput, "action">) {
  await recordAuditEvent({ organisationId, memberId, action: "data.exported", subjectType, subjectId, detail });
}

export type AuditFilter = {
  memberId?: string;
  action?: AuditAction;
  consultationId?: string;
  /** Whole days, inclusive: "2026-11-01". */
  from?: string;
  to?: string;
};

const DAY_MS = 24 * 60 * 60 * 1000;

function auditConditions(organisationId: string, filter: AuditFilter) {
  const conditions: SQL[] = [eq(auditEvents.organisationId, organisationId)];
  if (filter.memberId) conditions.push(eq(auditEvents.memberId, filter.memberId));
  if (filter.action) conditions.push(eq(auditEvents.action, filter.action));
  if (filter.consultationId) {
    conditions.push(eq(auditEvents.subjectType, "consultation"), eq(auditEvents.subjectId, filter.consultationId));
  }
  if (filter.from) conditions.push(gte(auditEvents.createdAt, new Date(`${filter.from}T00:00:00Z`)));
  if (filter.to) conditions.push(lt(auditEvents.createdAt, new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + DAY_MS)));
  return and(...conditions);
}

function auditRows(executor: Executor, organisationId: string, filter: AuditFilter) {
  return executor
    .select({
      id: auditEvents.id,
      createdAt: auditEvents.createdAt,
      action: auditEvents.action,
      memberId: auditEvents.memberId,
      memberName: members.name,
      memberEmail: members.email,
      subjectType: auditEvents.subjectType,
      subjectId: auditEvents.subjectId,
      consultationTitle: consultations.title,
      detail: auditEvents.detail,
    })
    .from(auditEvents)
    .leftJoin(members, and(eq(members.id, auditEvents.memberId), eq(members.organisationId, auditEvents.organisationId)))
    .leftJoin(
      consultations,
      and(
        eq(auditEvents.subjectType, "consultation"),
        eq(consultations.id, auditEvents.subjectId),
        eq(consultations.organisationId, auditEvents.organisationId),
      ),
    )
    .where(auditConditions(organisationId, filter))
    .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id));
}

/** One page of the organisation's audit log, newest first. Read-only: nothing in the app edits or deletes it. */
export async function listAuditEvents({
  organisationId,
  filter,
  page = 1,
  pageSize = 50,
}: {
  organisationId: string;
  filter: AuditFilter;
  page?: number;
  pageSize?: number;
}) {
  const rows = await auditRows(db, organisationId, filter)
    .limit(pageSize + 1)
    .offset((page - 1) * pageSize);
  return { events: rows.slice(0, pageSize), hasMore: rows.length > pageSize };
}

export const AUDIT_EXPORT_LIMIT = 50_000;

/** Every matching event for a CSV export; the export itself is recorded (data.exported) in the same transaction. */
export async function exportAuditEvents({
  organisationId,
  memberId,
  filter,
}: {
  organisationId: string;
  memberId: string;
  filter: AuditFilter;
}) {
  return db.transaction(async (tx) => {
    const rows = await auditRows(tx, organisationId, filter).limit(AUDIT_EXPORT_LIMIT);
    await recordAuditEvent(
      { organisationId, memberId, action: "data.exported", subjectType: "audit_log", detail: { rows: rows.length, filter } },
      tx,
    );
    return rows;
  });
}

/** The members and consultations an audit log can be filtered by. */
export async function listAuditFilterChoices({ organisationId }: { organisationId: string }) {
  const [people, work] = await Promise.all([
    db.select({ id: members.id, name: members.name }).from(members).where(eq(members.organisationId, organisationId)).orderBy(asc(members.name)),
    db
      .select({ id: consultations.id, title: consultations.title })
      .from(consultations)
      .where(eq(consultations.organisationId, organisationId))
      .orderBy(asc(consultations.title)),
  ]);
  return { members: people, consultations: work };
}
