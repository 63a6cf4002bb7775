// The safeguarding queue: flags raised on responses, for safeguarding leads only. Opening it is
// audited. It shows which listed phrases matched, never what the child wrote.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FlagStatusTag } from "~/safeguarding/flag-status-tag";
import { getLocale } from "~/i18n/locale.server";
import { listFlags } from "~/models/safeguarding.server";
import { QueueQuerySchema } from "~/safeguarding/schemas.server";
import { requireSafeguardingLead } from "~/utils/auth.server";
import { formatDateTime } from "~/utils/date-time.server";
import { metaT, pageTitle } from "~/utils/meta";
import { FLAG_STATUSES } from "../../db/enums";

export const meta: MetaFunction = ({ matches }) => pageTitle(metaT(matches)("safeguarding.queueTitle"));

export async function loader({ request }: LoaderFunctionArgs) {
  const lead = await requireSafeguardingLead(request);
  const { status } = QueueQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const locale = await getLocale(request);
  const flags = await listFlags({ organisationId: lead.organisationId, memberId: lead.id, status });
  return {
    status: status ?? null,
    flags: flags.map((flag) => ({
      id: flag.id,
      status: flag.status,
      source: flag.source,
      phrases: [...new Set(flag.matches.flatMap((match) => match.phrases))],
      consultationTitle: flag.consultationTitle,
      raisedAt: formatDateTime(flag.createdAt, locale),
    })),
  };
}

export default function SafeguardingQueue() {
  const { flags, status } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="page">
      <h1>{t("safeguarding.queueTitle")}</h1>
      <p className="lead">{t("safeguarding.queueIntro")}</p>
      <p>
        <Link to="/safeguarding/notifications">{t("safeguarding.outboxLink")}</Link>
      </p>
      <nav aria-label={t("safeguarding.filterLabel")}>
        <ul className="link-list">
          <li>
            <Link to="/safeguarding" aria-current={status === null ? "page" : undefined}>
              {t("safeguarding.allStatuses")}
            </Link>
          </li>
          {FLAG_STATUSES.map((value) => (
            <li key={value}>
              <Link to={`/safeguarding?status=${value}`} aria-current={status === value ? "page" : undefined}>
                {t(`flagStatus.${value}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {flags.length === 0 ? (
        <p>{t("safeguarding.noFlags")}</p>
      ) : (
        <div className="table-wrap" role="region" aria-labelledby="flags-caption" tabIndex={0}>
          <table className="table">
            <caption id="flags-caption" className="visually-hidden">
              {t("safeguarding.queueTitle")}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("safeguarding.columns.raised")}</th>
                <th scope="col">{t("safeguarding.columns.consultation")}</th>
                <th scope="col">{t("safeguarding.columns.why")}</th>
                <th scope="col">{t("safeguarding.columns.status")}</th>
              </tr>
            </thead>
            <tbody>
              {flags.map((flag) => (
                <tr key={flag.id}>
                  <td>
                    <Link to={`/safeguarding/${flag.id}`}>{flag.raisedAt}</Link>
                  </td>
                  <td>{flag.consultationTitle}</td>
                  <td>
                    {flag.source === "manual"
                      ? t("safeguarding.raisedByHand")
                      : t("safeguarding.matched", { phrases: flag.phrases.join(", ") })}
                  </td>
                  <td>
                    <FlagStatusTag status={flag.status} />
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
