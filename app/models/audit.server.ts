import { db } from "~/db.server";
import { auditEvents } from "../../db/schema";

export type AuditAction =
  | "member.signed_in"
  | "member.signed_out"
  | "consultation.created"
  | "consultation.template_chosen"
  | "consultation.opened"
  | "consultation.closed"
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
