// The survey's history: who saved the draft and when, and a readable difference between any two saves.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import codesignStyles from "~/codesign/codesign.css";
import { CompareSchema } from "~/codesign/history-query.server";
import { diffSurveys } from "~/codesign/survey-diff";
import { SurveyDiffView } from "~/codesign/survey-diff-view";
import { TypedText } from "~/components/typed-text";
import { getLocale } from "~/i18n/locale.server";
import { getConsultation } from "~/models/consultation.server";
import { getDraftSave, listDraftSaves } from "~/models/survey-draft.server";
import { requireMember } from "~/utils/auth.server";
import { formatDateTime } from "~/utils/date-time.server";
import { metaT, pageTitle } from "~/utils/meta";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: codesignStyles }];
export const meta: MetaFunction = ({ matches }) => pageTitle(metaT(matches)("codesign:history.title"));

// Every member, advisors included, may read it: drafts and their changes, never an answer.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request);
  const scope = { organisationId: member.organisationId, consultationId: params.id ?? "" };
  const consultation = await getConsultation(scope);
  if (!consultation) throw new Response(null, { status: 404 });
  const [locale, saves] = await Promise.all([getLocale(request), listDraftSaves({ ...scope, limit: 200 })]);
  const asked = CompareSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  // By default: the newest save against the one before it.
  const to = asked.to ?? saves[0]?.revision;
  const from = asked.from ?? saves[1]?.revision;
  const [before, after] = await Promise.all([
    from === undefined ? undefined : getDraftSave({ ...scope, revision: from }),
    to === undefined ? undefined : getDraftSave({ ...scope, revision: to }),
  ]);
  return {
    consultation: { id: consultation.id, title: consultation.title },
    saves: saves.map((save) => ({ revision: save.revision, savedBy: save.savedBy, savedAt: formatDateTime(save.savedAt, locale) })),
    compared: before && after ? { from: before.revision, to: after.revision, diff: diffSurveys(before.definition, after.definition) } : null,
  };
}

export default function SurveyHistory() {
  const { consultation, saves, compared } = useLoaderData<typeof loader>();
  const { t } = useTranslation("codesign");
  const label = (save: (typeof saves)[number]) => t("history.saveLabel", { revision: save.revision, when: save.savedAt, who: save.savedBy ?? t("review.someone") });
  return (
    <div className="page">
      <p className="caption">
        <Link to={`/consultations/${consultation.id}`}>
          <TypedText>{consultation.title}</TypedText>
        </Link>
      </p>
      <h1>{t("history.title")}</h1>
      {saves.length === 0 ? (
        <p>{t("history.none")}</p>
      ) : (
        <>
          <table className="table table--stack">
            <caption className="visually-hidden">{t("history.savesCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("history.columns.revision")}</th>
                <th scope="col">{t("history.columns.when")}</th>
                <th scope="col">{t("history.columns.who")}</th>
              </tr>
            </thead>
            <tbody>
              {saves.map((save) => (
                <tr key={save.revision}>
                  <td>{save.revision}</td>
                  <td>{save.savedAt}</td>
                  <td>
                    <bdi>{save.savedBy ?? t("review.someone")}</bdi>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Form method="get" className="section stack">
            <h2 className="heading-m">{t("history.compareHeading")}</h2>
            <SaveSelect name="from" label={t("history.from")} saves={saves} defaultValue={compared?.from} describe={label} />
            <SaveSelect name="to" label={t("history.to")} saves={saves} defaultValue={compared?.to} describe={label} />
            <button type="submit" className="button button--secondary">
              {t("history.compare")}
            </button>
          </Form>
          {compared ? (
            <section className="section" aria-labelledby="diff-heading">
              <h2 id="diff-heading" className="heading-m">
                {t("history.diffHeading", { from: compared.from, to: compared.to })}
              </h2>
              <SurveyDiffView diff={compared.diff} />
            </section>
          ) : null}
        </>
      )}
    </div>
  );
}

/** A choice of one save to compare ("from" or "to"). */
function SaveSelect<Save extends { revision: number }>({
  name,
  label,
  saves,
  defaultValue,
  describe,
}: {
  name: string;
  label: string;
  saves: Save[];
  defaultValue: number | undefined;
  describe: (save: Save) => string;
}) {
  return (
    <div className="field">
      <label className="field__label" htmlFor={name}>
        {label}
      </label>
      <select id={name} name={name} className="input" defaultValue={defaultValue}>
        {saves.map((save) => (
          <option key={save.revision} value={save.revision}>
            {describe(save)}
          </option>
        ))}
      </select>
    </div>
  );
}
