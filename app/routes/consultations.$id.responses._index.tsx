// A consultation's responses as a list (codes and dates, no answers), for staff who may read single
// responses; never advisors. Find one by the reference code a child gives you.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getLocale } from "~/i18n/locale.server";
import { getConsultation } from "~/models/consultation.server";
import { listResponses } from "~/models/response.server";
import { flaggedResponseIds } from "~/models/safeguarding.server";
import { normaliseReferenceCode } from "~/responses/reference-code";
import { requireResponseReader } from "~/utils/auth.server";
import { formatDateTime } from "~/utils/date-time.server";
import { metaT, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(metaT(matches)("responses.title"));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireResponseReader(request);
  const scope = { organisationId: member.organisationId, consultationId: params.id ?? "" };
  const consultation = await getConsultation(scope);
  if (!consultation) throw new Response(null, { status: 404 });
  const code = new URL(request.url).searchParams.get("code")?.slice(0, 40) ?? "";
  const referenceCode = code ? (normaliseReferenceCode(code) ?? "-") : undefined;
  const locale = await getLocale(request);
  const rows = await listResponses({ ...scope, referenceCode });
  const flagged = member.isSafeguardingLead ? await flaggedResponseIds({ organisationId: member.organisationId, responseIds: rows.map((row) => row.id) }) : new Set<string>();
  return {
    consultation: { id: consultation.id, title: consultation.title, withdrawnCount: consultation.withdrawnCount, answersDeleted: consultation.answersDeletedAt !== null },
    searched: referenceCode !== undefined,
    responses: rows.map((row) => ({
      id: row.id,
      referenceCode: row.referenceCode,
      submittedAt: formatDateTime(row.submittedAt, locale),
      channel: row.channel,
      locale: row.locale,
      flagged: flagged.has(row.id),
    })),
    showFlags: member.isSafeguardingLead,
  };
}

export default function ResponseList() {
  const { consultation, responses, searched, showFlags } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation();
  return (
    <div className="page">
      <p className="caption">
        <Link to={`/consultations/${consultation.id}`}>{consultation.title}</Link>
      </p>
      <h1>{t("responses.title")}</h1>
      <p className="lead">{t("responses.intro")}</p>
      {searchParams.get("erased") ? (
        <div className="notice" role="status">
          {t("responses.erased")}
        </div>
      ) : null}
      {consultation.answersDeleted ? <p>{t("responses.answersDeleted")}</p> : null}
      <p>{t("responses.withdrawn", { count: consultation.withdrawnCount })}</p>
      <Form method="get" className="stack">
        <div className="field">
          <label className="field__label" htmlFor="code">
            {t("responses.findLabel")}
          </label>
          <input id="code" name="code" className="input input--medium" defaultValue={searchParams.get("code") ?? ""} autoComplete="off" spellCheck={false} />
        </div>
        <button type="submit" className="button button--secondary">
          {t("responses.find")}
        </button>
      </Form>
      {responses.length === 0 ? (
        <p>{searched ? t("responses.notFound") : t("responses.none")}</p>
      ) : (
        <div className="table-wrap" role="region" aria-labelledby="responses-caption" tabIndex={0}>
          <table className="table">
            <caption id="responses-caption" className="visually-hidden">
              {t("responses.title")}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("responses.columns.code")}</th>
                <th scope="col">{t("responses.columns.submitted")}</th>
                <th scope="col">{t("responses.columns.channel")}</th>
                <th scope="col">{t("responses.columns.language")}</th>
                {showFlags ? <th scope="col">{t("responses.columns.flag")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {responses.map((response) => (
                <tr key={response.id}>
                  <td>
                    <Link to={`/consultations/${consultation.id}/responses/${response.id}`}>{response.referenceCode}</Link>
                  </td>
                  <td>{response.submittedAt}</td>
                  <td>{t(`channel.${response.channel}`)}</td>
                  <td>{t(`languageName.${response.locale}`, { defaultValue: response.locale })}</td>
                  {showFlags ? <td>{response.flagged ? t("responses.flagged") : ""}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
