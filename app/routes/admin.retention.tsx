// Retention, for admins: a dry run of what the next daily run will delete (raw responses, and the
// copies of children's words kept with safeguarding flags) and when. What runs did is in the audit log.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getLocale } from "~/i18n/locale.server";
import { nextRetentionRunAt, planRetention } from "~/models/retention.server";
import { requireMember } from "~/utils/auth.server";
import { formatDateTime, formatDay } from "~/utils/date-time.server";
import { metaT, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(metaT(matches)("retention.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireMember(request, { roles: ["admin"] });
  const locale = await getLocale(request);
  const nextRunAt = await nextRetentionRunAt();
  const plan = await planRetention({ organisationId: admin.organisationId, now: nextRunAt });
  return {
    nextRunAt: formatDateTime(nextRunAt, locale),
    items: plan.map((item) => ({
      consultationId: item.consultationId,
      title: item.title,
      closedOn: formatDay(item.closedAt, locale),
      dueOn: formatDay(item.dueAt, locale),
      responses: item.responseIds.length,
      flags: item.flagIds.length,
      eventRecords: item.eventNoteIds.length + item.eventPhotoIds.length,
    })),
  };
}

export default function Retention() {
  const { nextRunAt, items } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="page">
      <h1>{t("retention.title")}</h1>
      <p className="lead">{t("retention.intro")}</p>
      <p>{t("retention.nextRun", { at: nextRunAt })}</p>
      <h2>{t("retention.dryRunHeading")}</h2>
      {items.length === 0 ? (
        <p>{t("retention.nothing")}</p>
      ) : (
        <div className="table-wrap" role="region" aria-labelledby="retention-caption" tabIndex={0}>
          <table className="table">
            <caption id="retention-caption" className="visually-hidden">
              {t("retention.dryRunHeading")}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("retention.columns.consultation")}</th>
                <th scope="col">{t("retention.columns.closed")}</th>
                <th scope="col">{t("retention.columns.due")}</th>
                <th scope="col" className="num">
                  {t("retention.columns.responses")}
                </th>
                <th scope="col" className="num">
                  {t("retention.columns.eventRecords")}
                </th>
                <th scope="col" className="num">
                  {t("retention.columns.flags")}
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.consultationId}>
                  <td>
                    <Link to={`/consultations/${item.consultationId}`}>{item.title}</Link>
                  </td>
                  <td>{item.closedOn}</td>
                  <td>{item.dueOn}</td>
                  <td className="num">{item.responses}</td>
                  <td className="num">{item.eventRecords}</td>
                  <td className="num">{item.flags}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        <Link to="/admin/audit?action=retention.applied">{t("retention.pastRuns")}</Link>
      </p>
    </div>
  );
}
