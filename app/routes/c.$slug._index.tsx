import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { isolateText, TypedText } from "~/components/typed-text";
import consultationStyles from "~/consultations/consultation.css";
import { PublicContact } from "~/consultations/public-contact";
import { answeringState } from "~/consultations/taking-answers";
import { getLocale } from "~/i18n/locale.server";
import { getPublishedSurveySignOff } from "~/models/codesign.server";
import { getPublicConsultation } from "~/models/consultation.server";
import { answersDueForDeletionAt } from "~/responses/retention";
import { formatDay } from "~/utils/date-time.server";
import { formatDate, londonToday } from "~/utils/dates";
import { pageTitle } from "~/utils/meta";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: consultationStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(isolateText(data?.consultation.title ?? ""));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const consultation = await getPublicConsultation({ slug: params.slug ?? "" });
  if (!consultation) throw new Response(null, { status: 404 });
  const [locale, signedOffAt] = await Promise.all([getLocale(request), getPublishedSurveySignOff({ consultationId: consultation.id })]);
  return {
    consultation: {
      title: consultation.title,
      purpose: consultation.purpose,
      whoFor: consultation.whoFor,
      audience: consultation.audience,
      dataUseStatement: consultation.dataUseStatement,
      opensOn: formatDate(consultation.opensOn, locale),
      feedbackBy: formatDate(consultation.feedbackBy, locale),
      answering: answeringState(consultation, londonToday()),
      hasOutcomes: consultation.outcomesPublishedAt !== null,
      signedOffOn: signedOffAt ? formatDay(signedOffAt, locale) : null,
      // The promise on the page is the retention job's rule (app/models/retention.server.ts).
      retention: consultation.answersDeletedAt
        ? ({ state: "deleted" } as const)
        : consultation.closedAt
          ? ({
              state: "due",
              date: formatDay(answersDueForDeletionAt(consultation.closedAt, consultation.retentionMonths), locale),
            } as const)
          : ({ state: "after-closing", months: consultation.retentionMonths } as const),
    },
    organisation: consultation.organisationName,
    // The consultation's own contact if it has one, else the organisation's.
    contact: consultation.contact || consultation.organisationContact,
  };
}

export default function ConsultationIntro() {
  const { consultation, organisation, contact } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="page page--narrow">
      <TypedText as="p" className="caption">
        {organisation}
      </TypedText>
      <h1>
        <TypedText>{consultation.title}</TypedText>
      </h1>
      <TypedText as="p" className="lead">
        {consultation.purpose}
      </TypedText>
      <h2>{t("public.whoForHeading")}</h2>
      <TypedText as="p">{consultation.whoFor}</TypedText>
      <h2>{t("public.answersHeading")}</h2>
      <ul className="bullets">
        <li>{t("public.noName")}</li>
        <li>
          {t("public.audienceLabel")} <TypedText>{consultation.audience}</TypedText>
        </li>
        <li>{t("public.feedbackBy", { date: consultation.feedbackBy })}</li>
        <li>{t("public.skip")}</li>
        <li>
          {consultation.retention.state === "deleted"
            ? t("public.answersDeleted")
            : consultation.retention.state === "due"
              ? t("public.deletedOnDate", { date: consultation.retention.date })
              : t("public.keptFor", { count: consultation.retention.months })}
        </li>
      </ul>
      {consultation.dataUseStatement ? <TypedText as="p">{consultation.dataUseStatement}</TypedText> : null}
      {consultation.signedOffOn ? <p>{t("codesign:public.signedOff", { date: consultation.signedOffOn })}</p> : null}
      <div className="inset">
        <h2 className="heading-s">{t("public.safeHeading")}</h2>
        <p>{t("public.safeText")}</p>
      </div>
      {consultation.answering === "taking-answers" ? (
        <p>
          <Link to="answer" className="button button--start">
            {t("public.start")}
          </Link>
        </p>
      ) : consultation.answering === "before-opening" ? (
        <p className="notice">{t("public.opensOn", { date: consultation.opensOn })}</p>
      ) : (
        <p className="notice">{t("public.closed")}</p>
      )}
      {consultation.hasOutcomes ? (
        <p>
          <Link to="outcomes">{t("public.readOutcomes")}</Link>
        </p>
      ) : null}
      <PublicContact organisation={organisation} contact={contact} />
    </div>
  );
}
