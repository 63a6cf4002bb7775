// Sends the outbox by email when SMTP is set up. A send that fails is tried again on later runs
// (up to MAX_SEND_ATTEMPTS), then waits for a lead to press "Try again" in the app.
import {
  listPendingNotifications,
  markNotificationFailed,
  markNotificationSent,
} from "~/models/notification.server";
import { getMailer, mailFrom, type Mailer } from "~/utils/mailer.server";

export async function sendPendingNotifications(mailer: Mailer | null = getMailer(), from = mailFrom()) {
  if (!mailer) return "email not set up";
  const pending = await listPendingNotifications();
  let sent = 0;
  let failed = 0;
  for (const notification of pending) {
    try {
      await mailer.sendMail({ from, to: notification.toAddress, subject: notification.subject, text: notification.body });
      await markNotificationSent({ notificationId: notification.id });
      sent += 1;
    } catch (error) {
      await markNotificationFailed({ notificationId: notification.id, error: error instanceof Error ? error.message : String(error) });
      failed += 1;
    }
  }
  return `${sent} sent, ${failed} failed`;
}
