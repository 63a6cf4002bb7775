import { db, schema, type Executor } from "~/db.server";

const { auditEvents } = schema;

export type AuditAction =
  | "member.signed_in"
  | "member.signed_out"
  | "member.invited"
  | "member.password_set"
  | "member.role_changed"
  | "member.deactivated"
  | "member.reactivated"
  | "member.password_reset_issued"
  | "organisation.created"
  | "organisation.settings_changed"
  | "consultation.created"
  | "consultation.template_chosen"
  | "consultation.opened"
  | "consultation.closed"
  | "consultation.details_changed"
  | "outcome.added"
  | "outcome.updated"
  | "outcome.deleted"
  | "outcomes.published"
  | "data.exported";

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
