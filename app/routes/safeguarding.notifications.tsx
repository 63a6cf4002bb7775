// The notification outbox, for safeguarding leads: what was sent to whom, what is waiting, and a
// way to try again. Without email set up, this page is where leads see notifications.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";
import { getLocale } from "~/i18n/locale.server";
import { listNotifications, retryNotification } from "~/models/notification.server";
import { RetryNotificationSchema } from "~/safeguarding/schemas.server";
import { requireSafeguardingLead } from "~/utils/auth.server";
import { formatDateTime } from "~/utils/date-time.server";
import { formFields, readVerifiedForm } from "~/utils/form-data.server";
import { isEmailSetUp } from "~/utils/mailer.server";
import { metaT, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(metaT(matches)("outbox.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const lead = await requireSafeguardingLead(request);
  const locale = await getLocale(request);
  const notifications = await listNotifications({ organisationId: lead.organisationId });
  return {
    emailSetUp: isEmailSetUp(),
    notifications: notifications.map((notification) => ({
      id: notification.id,
      recipientName: notification.recipientName,
      subject: notification.subject,
      link: notification.kind === "safeguarding_flag" && notification.subjectId ? `/safeguarding/${notification.subjectId}` : null,
      status: notification.status,
      attempts: notification.attempts,
      lastError: notification.lastError,
      createdAt: formatDateTime(notification.createdAt, locale),
      sentAt: notification.sentAt ? formatDateTime(notification.sentAt, locale) : null,
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const lead = await requireSafeguardingLead(request);
  const parsed = RetryNotificationSchema.safeParse(formFields(await readVerifiedForm(request)));
  if (!parsed.success) throw new Response("Choose a notification.", { status: 400 });
  const retried = await retryNotification({ organisationId: lead.organisationId, memberId: lead.id, ...parsed.data });
  if (!retried) throw new Response("That notification has already been sent or no longer exists.", { status: 409 });
  return { retried: true };
}

export default function Outbox() {
  const { notifications, emailSetUp } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="page">
      <p className="caption">
        <Link to="/safeguarding">{t("safeguarding.queueTitle")}</Link>
      </p>
      <h1>{t("outbox.title")}</h1>
      <p className="lead">{emailSetUp ? t("outbox.introEmail") : t("outbox.introNoEmail")}</p>
      {notifications.length === 0 ? (
        <p>{t("outbox.none")}</p>
      ) : (
        <div className="table-wrap" role="region" aria-labelledby="outbox-caption" tabIndex={0}>
          <table className="table">
            <caption id="outbox-caption" className="visually-hidden">
              {t("outbox.title")}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("outbox.columns.created")}</th>
                <th scope="col">{t("outbox.columns.to")}</th>
                <th scope="col">{t("outbox.columns.about")}</th>
                <th scope="col">{t("outbox.columns.status")}</th>
                <th scope="col">{t("outbox.columns.action")}</th>
              </tr>
            </thead>
            <tbody>
              {notifications.map((notification) => (
                <tr key={notification.id}>
                  <td>{notification.createdAt}</td>
                  <td>{notification.recipientName}</td>
                  <td>
                    {notification.link ? <Link to={notification.link}>{notification.subject}</Link> : notification.subject}
                  </td>
                  <td>
                    {notification.status === "sent"
                      ? t("outbox.status.sent", { at: notification.sentAt })
                      : notification.status === "failed"
                        ? t("outbox.status.failed", { count: notification.attempts })
                        : emailSetUp
                          ? t("outbox.status.pending")
                          : t("outbox.status.waiting")}
                    {notification.lastError ? <span className="hint"> {notification.lastError}</span> : null}
                  </td>
                  <td>
                    {notification.status === "failed" ? (
                      <Form method="post">
                        <CsrfInput />
                        <input type="hidden" name="notificationId" value={notification.id} />
                        <Button type="submit" className="link-button">
                          {t("outbox.retry")}
                        </Button>
                      </Form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
