import { and, desc, eq } from "drizzle-orm";
import { db } from "~/db.server";
import { auditEvents } from "../../db/schema";

export type AuditAction =
  | "member.signed_in"
  | "member.signed_out"
  | "consultation.created"
  | "consultation.template_chosen"
  | "consultation.opened"
  | "consultation.closed"
  | "results.viewed"
  | "outcome.added"
  | "outcome.deleted"
  | "outcomes.published";

export function recordAuditEvent(event: {
  organisationId: string;
  memberId: string | null;
  action: AuditAction;
  subjectType?: string;
  subjectId?: string;
  detail?: Record<string, unknown>;
}) {
  db.insert(auditEvents).values(event).run();
}

export function listAuditEvents({ organisationId, limit = 50 }: { organisationId: string; limit?: number }) {
  return db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.organisationId, organisationId)))
    .orderBy(desc(auditEvents.createdAt))
    .limit(limit)
    .all();
}
