import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import surveyCoreStyles from "survey-core/survey-core.fontless.min.css";
import { isolateText, TypedText } from "~/components/typed-text";
import consultationStyles from "~/consultations/consultation.css";
import { PublicContact } from "~/consultations/public-contact";
import { getLocale } from "~/i18n/locale.server";
import { getOpenSurvey, getPublicConsultation } from "~/models/consultation.server";
import { SurveyForm } from "~/survey/survey-form";
import surveyStyles from "~/survey/survey.css";
import { formatDate } from "~/utils/dates";
import { useTranslation } from "react-i18next";
import { pageTitle } from "~/utils/meta";

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
  // Not taking answers (a draft, closed, or outside its dates): its own page says why.
  const [survey, consultation] = await Promise.all([getOpenSurvey({ slug }), getPublicConsultation({ slug })]);
  if (!survey || !consultation) {
    if (consultation) throw redirect(`/c/${slug}`);
    throw new Response(null, { status: 404 });
  }
  const locale = await getLocale(request);
  return {
    survey: {
      slug,
      title: survey.title,
      surveyVersionId: survey.surveyVersionId,
      definition: survey.definition,
      locale,
      // Formatted here, in the page's language: SurveyForm shows it as given (a formatted date passes
      // through formatDate unchanged), so the browser never formats it again in another language.
      feedbackBy: formatDate(survey.feedbackBy, locale),
      // Shown in the help panel on the completion page (emphasised when an answer raised a flag).
      publicContact: consultation.contact || consultation.organisationContact,
    },
    title: survey.title,
    organisation: consultation.organisationName,
    contact: consultation.contact || consultation.organisationContact,
  };
}

export default function AnswerSurvey() {
  const { survey, organisation, contact } = useLoaderData<typeof loader>();
  return (
    <>
      <TypedText as="p" className="caption">
        {organisation}
      </TypedText>
      <noscript>
        <p className="notice">
          <LowDataLink slug={survey.slug} text="noscript" />
        </p>
      </noscript>
      <SurveyForm {...survey} />
      <p>
        <LowDataLink slug={survey.slug} text="link" />
      </p>
      <PublicContact organisation={organisation} contact={contact} />
    </>
  );
}

/** The same survey on plain server-rendered pages: no JavaScript, little data. */
function LowDataLink({ slug, text }: { slug: string; text: "noscript" | "link" }) {
  const { t } = useTranslation("answering");
  return <a href={`/c/${encodeURIComponent(slug)}/low-data`}>{t(`lowData.${text}`)}</a>;
}
