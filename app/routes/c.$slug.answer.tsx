import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import surveyCoreStyles from "survey-core/survey-core.fontless.min.css";
import { isolateText, TypedText } from "~/components/typed-text";
import consultationStyles from "~/consultations/consultation.css";
import { PublicContact } from "~/consultations/public-contact";
import { getLocale } from "~/i18n/locale.server";
import { consultationTextsFor, pickTexts } from "~/consultations/translations";
import { getAnsweringSurvey } from "~/models/answering.server";
import { getPublicConsultation } from "~/models/consultation.server";
import { getPublicTranslation } from "~/models/consultation-translation.server";
import { SurveyLanguageNotice } from "~/reading/reading-choices";
import { getReadingPreferences, variantForRequest } from "~/reading/preferences.server";
import { surveyLanguages } from "~/survey/survey-languages";
import { normaliseShortCode } from "~/events/short-code";
import { eventIdForTag } from "~/models/event.server";
import { SurveyForm } from "~/survey/survey-form";
import surveyStyles from "~/survey/survey.css";
import { formatDate } from "~/utils/dates";
import { useTranslation } from "react-i18next";
import { pageTitle } from "~/utils/meta";
import { publicPageHandle } from "~/i18n/public-page";

export const handle = publicPageHandle;

// survey-core's CSS and code load only on this route, never on staff or reading pages.
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: "/survey/theme.css" },
  { rel: "stylesheet", href: surveyCoreStyles },
  { rel: "stylesheet", href: surveyStyles },
  { rel: "stylesheet", href: consultationStyles },
];

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(isolateText(data?.title ?? ""));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = params.slug ?? "";
  const [locale, reading] = await Promise.all([getLocale(request), getReadingPreferences(request)]);
  // Not taking answers (a draft, closed, or outside its dates): its own page says why.
  const [survey, consultation] = await Promise.all([
    getAnsweringSurvey({ slug, variant: variantForRequest(request, reading) }),
    getPublicConsultation({ slug }),
  ]);
  if (!survey || !consultation) {
    if (consultation) throw redirect(`/c/${slug}`);
    throw new Response(null, { status: 404 });
  }
  // ?event=<code> from an event's QR code or short link: kept only if it is this consultation's event.
  const eventCode = normaliseShortCode(new URL(request.url).searchParams.get("event"));
  const taggedEvent =
    eventCode && (await eventIdForTag({ organisationId: consultation.organisationId, consultationId: consultation.id, shortCode: eventCode }))
      ? eventCode
      : undefined;
  const translation = await getPublicTranslation({ organisationId: consultation.organisationId, consultationId: consultation.id, locale });
  const { texts, lang } = consultationTextsFor(pickTexts(consultation), translation, locale);
  // A survey is answered only in a language every one of its questions has: never two in one question.
  const languages = surveyLanguages(survey.definition);
  return {
    survey: languages.includes(locale)
      ? {
          eventCode: taggedEvent,
          slug,
          title: texts.title,
          surveyVersionId: survey.surveyVersionId,
          definition: survey.definition,
          locale,
          // Formatted here, in the page's language: SurveyForm shows it as given (a formatted date passes
          // through formatDate unchanged), so the browser never formats it again in another language.
          feedbackBy: formatDate(survey.feedbackBy, locale),
          // Shown in the help panel on the completion page (emphasised when an answer raised a flag).
          publicContact: consultation.contact || consultation.organisationContact,
        }
      : null,
    languages,
    easyRead: survey.variant === "easy-read",
    title: texts.title,
    titleLang: lang,
    organisation: consultation.organisationName,
    contact: consultation.contact || consultation.organisationContact,
  };
}

export default function AnswerSurvey() {
  const { survey, languages, easyRead, title, titleLang, organisation, contact } = useLoaderData<typeof loader>();
  return (
    <>
      <TypedText as="p" className="caption">
        {organisation}
      </TypedText>
      {survey ? (
        <div className={easyRead ? "easy-read-survey" : undefined}>
          <noscript>
            <p className="notice">
              <LowDataLink slug={survey.slug} text="noscript" />
            </p>
          </noscript>
          <SurveyForm {...survey} />
          <p>
            <LowDataLink slug={survey.slug} text="link" />
          </p>
        </div>
      ) : (
        <div className="page page--narrow">
          <h1>
            <TypedText lang={titleLang}>{title}</TypedText>
          </h1>
          <SurveyLanguageNotice languages={languages} />
        </div>
      )}
      <PublicContact organisation={organisation} contact={contact} />
    </>
  );
}

/** The same survey on plain server-rendered pages: no JavaScript, little data. */
function LowDataLink({ slug, text }: { slug: string; text: "noscript" | "link" }) {
  const { t } = useTranslation("answering");
  return <a href={`/c/${encodeURIComponent(slug)}/low-data`}>{t(`lowData.${text}`)}</a>;
}
