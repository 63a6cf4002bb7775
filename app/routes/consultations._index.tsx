import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StatusTag } from "~/components/status-tag";
import { TableCellLabel } from "~/components/table-cell-label";
import { TypedText } from "~/components/typed-text";
import consultationStyles from "~/consultations/consultation.css";
import { displayedStatus } from "~/consultations/taking-answers";
import { getLocale } from "~/i18n/locale.server";
import { listConsultations } from "~/models/consultation.server";
import { getSuppressionThreshold } from "~/models/organisation.server";
import { suppressStandaloneCount } from "~/analysis/suppress";
import { ShownCount } from "~/analysis/shown-count";
import { requireMember } from "~/utils/auth.server";
import { formatDate, londonToday } from "~/utils/dates";
import { metaT, pageTitle } from "~/utils/meta";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: consultationStyles }];

export const meta: MetaFunction = ({ matches }) => pageTitle(metaT(matches)("consultations.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requireMember(request);
  const [locale, consultations, threshold] = await Promise.all([
    getLocale(request),
    listConsultations({ organisationId: member.organisationId }),
    getSuppressionThreshold({ organisationId: member.organisationId }),
  ]);
  const today = londonToday();
  return {
    consultations: consultations.map((consultation) => ({
      id: consultation.id,
      title: consultation.title,
      status: displayedStatus(consultation, today),
      opensOn: formatDate(consultation.opensOn, locale),
      closesOn: formatDate(consultation.closesOn, locale),
      responseCount: suppressStandaloneCount(consultation.responseCount, threshold),
    })),
    canCreate: member.role === "admin" || member.role === "officer",
  };
}

export default function Consultations() {
  const { consultations, canCreate } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="page">
      <h1>{t("consultations.title")}</h1>
      {canCreate ? (
        <p>
          <Link to="/consultations/new" className="button">
            {t("consultations.new")}
          </Link>
        </p>
      ) : null}
      {consultations.length === 0 ? (
        <p>{t("consultations.none")}</p>
      ) : (
        <div className="table-wrap" role="region" aria-labelledby="consultations-caption" tabIndex={0}>
          <table className="table table--stack">
            <caption id="consultations-caption" className="visually-hidden">
              {t("consultations.title")}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("consultations.columns.title")}</th>
                <th scope="col">{t("consultations.columns.status")}</th>
                <th scope="col">{t("consultations.columns.dates")}</th>
                <th scope="col" className="num">
                  {t("consultations.columns.responses")}
                </th>
              </tr>
            </thead>
            <tbody>
              {consultations.map((consultation) => (
                <tr key={consultation.id}>
                  <td>
                    <Link to={`/consultations/${consultation.id}`}>
                      <TypedText>{consultation.title}</TypedText>
                    </Link>
                  </td>
                  <td>
                    <TableCellLabel>{t("consultations.columns.status")}</TableCellLabel>
                    <StatusTag status={consultation.status} />
                  </td>
                  <td>
                    <TableCellLabel>{t("consultations.columns.dates")}</TableCellLabel>
                    {consultation.opensOn} – {consultation.closesOn}
                  </td>
                  <td className="num">
                    <TableCellLabel>{t("consultations.columns.responses")}</TableCellLabel>
                    <ShownCount count={consultation.responseCount} />
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
