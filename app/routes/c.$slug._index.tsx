import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { isolateText, TypedText } from "~/components/typed-text";
import consultationStyles from "~/consultations/consultation.css";
import { PublicContact } from "~/consultations/public-contact";
import { answeringState } from "~/consultations/taking-answers";
import { getLocale } from "~/i18n/locale.server";
import { getPublishedSurveySignOff } from "~/models/codesign.server";
import { answersDueForDeletionAt } from "~/responses/retention";
import { formatDay } from "~/utils/date-time.server";
import { consultationTextsFor, pickTexts } from "~/consultations/translations";
import { getAnsweringSurvey } from "~/models/answering.server";
import { getPublicConsultation } from "~/models/consultation.server";
import { getPublicTranslation } from "~/models/consultation-translation.server";
import { ReadingChoice, SurveyLanguageNotice } from "~/reading/reading-choices";
import { getReadingPreferences } from "~/reading/preferences.server";
import { surveyLanguages } from "~/survey/survey-languages";
import { eventForPage } from "~/events/event-display.server";
import eventStyles from "~/events/events.css";
import { UpcomingEvents } from "~/events/upcoming-events";
import { listUpcomingPublicEvents } from "~/models/event.server";
import { formatDate, londonToday } from "~/utils/dates";
import { pageTitle } from "~/utils/meta";
import { publicPageHandle } from "~/i18n/public-page";

export const handle = publicPageHandle;

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: consultationStyles },
  { rel: "stylesheet", href: eventStyles },
];

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(isolateText(data?.texts.title ?? ""));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = params.slug ?? "";
  const consultation = await getPublicConsultation({ slug });
  if (!consultation) throw new Response(null, { status: 404 });
  const [locale, reading, signedOffAt, easyReadSignedOffAt] = await Promise.all([
    getLocale(request),
    getReadingPreferences(request),
    getPublishedSurveySignOff({ consultationId: consultation.id }),
    getPublishedSurveySignOff({ consultationId: consultation.id, variant: "easy-read" }),
  ]);
  const answering = answeringState(consultation, londonToday());
  const [translation, survey] = await Promise.all([
    getPublicTranslation({ organisationId: consultation.organisationId, consultationId: consultation.id, locale }),
    answering === "taking-answers" ? getAnsweringSurvey({ slug, variant: reading.variant }) : undefined,
  ]);
  // The consultation's own words in the page's language when they have been translated, else as written.
  const { texts, lang } = consultationTextsFor(pickTexts(consultation), translation, locale);
  const languages = survey ? surveyLanguages(survey.definition) : [];
  return {
    texts,
    textsLang: lang,
    consultation: {
      opensOn: formatDate(consultation.opensOn, locale),
      feedbackBy: formatDate(consultation.feedbackBy, locale),
      answering,
      hasOutcomes: consultation.outcomesPublishedAt !== null,
      signedOffOn: signedOffAt ? formatDay(signedOffAt, locale) : null,
      easyReadSignedOffOn: easyReadSignedOffAt ? formatDay(easyReadSignedOffAt, locale) : null,
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
    survey: survey
      ? { offersEasyRead: survey.offersEasyRead, variant: reading.variant, languages, inThisLanguage: languages.includes(locale) }
      : null,
    slug,
    events: (await listUpcomingPublicEvents({ slug })).map((event) => eventForPage(event, locale)),
    organisation: consultation.organisationName,
    // The consultation's own contact if it has one, else the organisation's.
    contact: consultation.contact || consultation.organisationContact,
  };
}

export default function ConsultationIntro() {
  const { texts, textsLang, consultation, survey, organisation, contact, slug, events } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="page page--narrow">
      <TypedText as="p" className="caption">
        {organisation}
      </TypedText>
      <h1>
        <TypedText lang={textsLang}>{texts.title}</TypedText>
      </h1>
      <TypedText as="p" className="lead" lang={textsLang}>
        {texts.purpose}
      </TypedText>
      <h2>{t("public.whoForHeading")}</h2>
      <TypedText as="p" lang={textsLang}>
        {texts.whoFor}
      </TypedText>
      {/* Before the first question, in every variant and language: what the answers are for (above),
          who hears them, when they hear back, how long they are kept, skipping, and safety. */}
      <h2>{t("public.answersHeading")}</h2>
      <ul className="bullets">
        <li>{t("public.noName")}</li>
        <li>
          {t("public.audienceLabel")} <TypedText lang={textsLang}>{texts.audience}</TypedText>
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
      {consultation.signedOffOn ? <p>{t("public.signedOff", { date: consultation.signedOffOn })}</p> : null}
      {consultation.easyReadSignedOffOn ? <p>{t("public.signedOffEasyRead", { date: consultation.easyReadSignedOffOn })}</p> : null}
      {texts.dataUseStatement ? (
        <>
          <p className="heading-s">{t("beforeStart.dataUseLabel")}</p>
          <TypedText as="p" lang={textsLang}>
            {texts.dataUseStatement}
          </TypedText>
        </>
      ) : null}
      <div className="inset">
        <h2 className="heading-s">{t("public.safeHeading")}</h2>
        <p>{t("public.safeText")}</p>
      </div>
      {consultation.answering === "taking-answers" && survey ? (
        <>
          {survey.offersEasyRead ? <ReadingChoice variant={survey.variant} /> : null}
          {survey.inThisLanguage ? (
            <p>
              <Link to="answer" className="button button--start">
                {t("public.start")}
              </Link>
            </p>
          ) : (
            <SurveyLanguageNotice languages={survey.languages} />
          )}
        </>
      ) : consultation.answering === "before-opening" ? (
        <p className="notice">{t("public.opensOn", { date: consultation.opensOn })}</p>
      ) : (
        <p className="notice">{t("public.closed")}</p>
      )}
      <UpcomingEvents events={events} slug={slug} />
      {consultation.hasOutcomes ? (
        <p>
          <Link to="outcomes">{t("public.readOutcomes")}</Link>
        </p>
      ) : null}
      <PublicContact organisation={organisation} contact={contact} />
    </div>
  );
}
