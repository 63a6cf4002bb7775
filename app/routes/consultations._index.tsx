import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDate } from "~/utils/dates";
import { StatusTag } from "~/components/status-tag";
import { TableCellLabel } from "~/components/table-cell-label";
import { listConsultations } from "~/models/consultation.server";
import { requireMember } from "~/utils/auth.server";
import { metaT, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(metaT(matches)("consultations.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requireMember(request);
  return {
    consultations: await listConsultations({ organisationId: member.organisationId }),
    canCreate: member.role === "admin" || member.role === "officer",
  };
}

export default function Consultations() {
  const { consultations, canCreate } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
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
                    <Link to={`/consultations/${consultation.id}`}>{consultation.title}</Link>
                  </td>
                  <td>
                    <TableCellLabel>{t("consultations.columns.status")}</TableCellLabel>
                    <StatusTag status={consultation.status} />
                  </td>
                  <td>
                    <TableCellLabel>{t("consultations.columns.dates")}</TableCellLabel>
                    {formatDate(consultation.opensOn, i18n.language)} – {formatDate(consultation.closesOn, i18n.language)}
                  </td>
                  <td className="num">
                    <TableCellLabel>{t("consultations.columns.responses")}</TableCellLabel>
                    {consultation.responseCount}
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
