// The notification outbox: one row per person to tell, written in the same transaction as what it
// is about, so nothing is lost between a flag and its notice. A scheduled job sends pending rows by
// email when SMTP is set up (app/jobs/notifications.server.ts); otherwise they wait, readable in
// the app. A notification carries a link and never what a child wrote.
import { and, desc, eq, inArray, isNull, lt, lte, sql } from "drizzle-orm";
import { db, schema, type Executor } from "~/db.server";
import { getEnv } from "~/utils/env.server";
import { recordAuditEvent } from "./audit.server";

const { members, notifications } = schema;

/** After this many failed attempts a notification stops being retried until someone asks again. */
export const MAX_SEND_ATTEMPTS = 5;
const KEEP_DELIVERED_MS = 30 * 24 * 60 * 60 * 1000;

/** A path in the app as a full link when Heard knows its public address. */
function linkTo(path: string) {
  const base = getEnv().PUBLIC_URL?.replace(/\/+$/, "");
  return base ? `${base}${path}` : path;
}

/**
 * Queues one notification per active safeguarding lead of the organisation (or, if it has none,
 * per active admin, so a flag is never seen by nobody). `except` leaves out the member who raised it.
 */
export async function queueFlagNotifications(
  tx: Executor,
  { organisationId, flagId, except }: { organisationId: string; flagId: string; except?: string },
) {
  const active = and(eq(members.organisationId, organisationId), isNull(members.deactivatedAt));
  let recipients = await tx.select({ id: members.id, email: members.email }).from(members).where(and(active, eq(members.isSafeguardingLead, true)));
  if (recipients.length === 0) {
    recipients = await tx.select({ id: members.id, email: members.email }).from(members).where(and(active, eq(members.role, "admin")));
  }
  recipients = recipients.filter((recipient) => recipient.id !== except);
  if (recipients.length === 0) return 0;
  const link = linkTo(`/safeguarding/${flagId}`);
  await tx.insert(notifications).values(
    recipients.map((recipient) => ({
      organisationId,
      memberId: recipient.id,
      kind: "safeguarding_flag",
      subjectId: flagId,
      toAddress: recipient.email,
      subject: "Heard: a response needs a safeguarding review",
      body:
        "A response in Heard has been flagged for safeguarding review.\n\n" +
        `Sign in to Heard and open the flag: ${link}\n\n` +
        "This email does not contain what was written. Please review it in Heard.",
    })),
  );
  return recipients.length;
}

/** The organisation's outbox, newest first. */
export async function listNotifications({ organisationId, limit = 100 }: { organisationId: string; limit?: number }) {
  return db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      subjectId: notifications.subjectId,
      recipientName: members.name,
      toAddress: notifications.toAddress,
      subject: notifications.subject,
      status: notifications.status,
      attempts: notifications.attempts,
      lastError: notifications.lastError,
      createdAt: notifications.createdAt,
      sentAt: notifications.sentAt,
    })
    .from(notifications)
    .innerJoin(members, eq(members.id, notifications.memberId))
    .where(eq(notifications.organisationId, organisationId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
}

/** Puts a notification that failed (or is still waiting) back in line for sending, audited. */
export async function retryNotification({
  organisationId,
  memberId,
  notificationId,
}: {
  organisationId: string;
  memberId: string;
  notificationId: string;
}) {
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(notifications)
      .set({ status: "pending", attempts: 0, lastError: null })
      .where(
        and(
          eq(notifications.id, notificationId),
          eq(notifications.organisationId, organisationId),
          inArray(notifications.status, ["pending", "failed"]),
        ),
      )
      .returning({ id: notifications.id });
    if (!updated) return false;
    await recordAuditEvent(
      { organisationId, memberId, action: "notification.retried", subjectType: "notification", subjectId: notificationId },
      tx,
    );
    return true;
  });
}

/** Notifications waiting to be sent, oldest first, across organisations (for the sending job). */
export async function listPendingNotifications({ limit = 50 }: { limit?: number } = {}) {
  return db
    .select({
      id: notifications.id,
      toAddress: notifications.toAddress,
      subject: notifications.subject,
      body: notifications.body,
      attempts: notifications.attempts,
    })
    .from(notifications)
    .where(and(eq(notifications.status, "pending"), lt(notifications.attempts, MAX_SEND_ATTEMPTS)))
    .orderBy(notifications.createdAt)
    .limit(limit);
}

export async function markNotificationSent({ notificationId, now = new Date() }: { notificationId: string; now?: Date }) {
  await db
    .update(notifications)
    .set({ status: "sent", sentAt: now, attempts: sql`${notifications.attempts} + 1`, lastError: null })
    .where(eq(notifications.id, notificationId));
}

/** Records a failed attempt; after MAX_SEND_ATTEMPTS it is marked failed and waits for a person to retry it. */
export async function markNotificationFailed({ notificationId, error }: { notificationId: string; error: string }) {
  await db
    .update(notifications)
    .set({
      attempts: sql`${notifications.attempts} + 1`,
      lastError: error.slice(0, 500),
      status: sql`case when ${notifications.attempts} + 1 >= ${MAX_SEND_ATTEMPTS} then 'failed' else 'pending' end`,
    })
    .where(eq(notifications.id, notificationId));
}

/** Clears notifications delivered more than 30 days ago (the daily clean-up job). */
export async function deleteDeliveredNotifications(now = Date.now()) {
  const deleted = await db
    .delete(notifications)
    .where(and(eq(notifications.status, "sent"), lte(notifications.sentAt, new Date(now - KEEP_DELIVERED_MS))))
    .returning({ id: notifications.id });
  return deleted.length;
}
