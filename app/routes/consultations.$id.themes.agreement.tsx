import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AgreementQuerySchema } from "~/analysis/coding-schema.server";
import { analysisLinks } from "~/analysis/links";
import { TypedText } from "~/components/typed-text";
import { getLocale } from "~/i18n/locale.server";
import { getCodingAgreement, listCoders } from "~/models/coding.server";
import { getConsultation } from "~/models/consultation.server";
import { requireMember, STAFF_WHO_ANALYSE } from "~/utils/auth.server";
import { metaT, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(metaT(matches)("analysis:agreement.title"));
export const links = analysisLinks;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, { roles: STAFF_WHO_ANALYSE });
  const scope = { organisationId: member.organisationId, consultationId: params.id ?? "" };
  const consultation = await getConsultation(scope);
  if (!consultation) throw new Response(null, { status: 404 });
  const query = AgreementQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const coders = await listCoders(scope);
  const [a, b] = [query.a ?? coders[0]?.id, query.b ?? coders[1]?.id];
  const agreement =
    a && b && a !== b ? await getCodingAgreement({ ...scope, memberA: a, memberB: b, locale: await getLocale(request) }) : undefined;
  return data(
    { consultation: { id: consultation.id, title: consultation.title }, coders, a: a ?? "", b: b ?? "", agreement: agreement ?? null },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export default function Agreement() {
  const { consultation, coders, a, b, agreement } = useLoaderData<typeof loader>();
  const { t } = useTranslation("analysis");
  const themeName = new Map(agreement?.themes.map((theme) => [theme.id, theme.name]) ?? []);
  const names = (ids: string[]) => (ids.length === 0 ? t("agreement.noTheme") : ids.map((id) => themeName.get(id) ?? "").join(", "));
  const coderName = (id: string) => coders.find((coder) => coder.id === id)?.name ?? "";
  return (
    <div className="page">
      <p className="caption">
        <Link to={`/consultations/${consultation.id}/themes`}>{t("themes.title")}</Link>
      </p>
      <h1>{t("agreement.title")}</h1>
      <p className="lead">
        <TypedText>{consultation.title}</TypedText>
      </p>
      <p>{t("agreement.intro")}</p>
      {coders.length < 2 ? (
        <p>{t("agreement.needTwo")}</p>
      ) : (
        <Form method="get" className="results-filters" aria-label={t("agreement.choose")}>
          <div className="results-filters__grid">
            {(["a", "b"] as const).map((side) => (
              <div key={side}>
                <label htmlFor={`coder-${side}`}>{t(`agreement.coder${side.toUpperCase()}`)}</label>
                <select id={`coder-${side}`} name={side} defaultValue={side === "a" ? a : b}>
                  {coders.map((coder) => (
                    <option key={coder.id} value={coder.id}>
                      {coder.name}
                    </option>
                  ))}
                </select>
              </div>
            ))}
          </div>
          <button type="submit" className="button">
            {t("agreement.compare")}
          </button>
        </Form>
      )}
      {agreement ? (
        <>
          <p>{t("agreement.compared", { count: agreement.compared })}</p>
          <div className="table-wrap" role="region" aria-labelledby="agreement-caption" tabIndex={0}>
            <table className="table">
              <caption id="agreement-caption" className="heading-s">
                {t("agreement.caption", { a: coderName(a), b: coderName(b) })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t("themes.name")}</th>
                  <th scope="col" className="num">
                    {t("agreement.both")}
                  </th>
                  <th scope="col" className="num">
                    {t("agreement.onlyA")}
                  </th>
                  <th scope="col" className="num">
                    {t("agreement.onlyB")}
                  </th>
                  <th scope="col" className="num">
                    {t("agreement.neither")}
                  </th>
                  <th scope="col" className="num">
                    {t("agreement.kappa")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {agreement.themes.map((theme) => (
                  <tr key={theme.id}>
                    <th scope="row">
                      <TypedText>{theme.name}</TypedText>
                    </th>
                    <td className="num">{theme.table.both}</td>
                    <td className="num">{theme.table.onlyA}</td>
                    <td className="num">{theme.table.onlyB}</td>
                    <td className="num">{theme.table.neither}</td>
                    <td className="num">{theme.kappa === null ? t("agreement.undefined") : theme.kappa.toFixed(2)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h2 className="heading-m">{t("agreement.disagreements", { count: agreement.disagreements.length })}</h2>
          {agreement.disagreements.map((item) => (
            <div className="answer-card" key={item.key}>
              <p className="hint">
                {item.kind === "note" ? (
                  <>
                    {t("coding.noteFrom")} <TypedText>{item.heading}</TypedText>
                  </>
                ) : (
                  item.heading
                )}
              </p>
              <p className="answer-card__text">
                <TypedText lang={item.locale ?? undefined}>{item.text}</TypedText>
              </p>
              <dl className="stat-list">
                <dt>{coderName(a)}</dt>
                <dd>{names(item.a)}</dd>
                <dt>{coderName(b)}</dt>
                <dd>{names(item.b)}</dd>
              </dl>
            </div>
          ))}
        </>
      ) : null}
    </div>
  );
}
