import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import surveyCoreStyles from "survey-core/survey-core.fontless.min.css";
import { getLocale } from "~/i18n/locale.server";
import { getOpenSurvey, getPublicConsultation } from "~/models/consultation.server";
import { getOrganisation } from "~/models/organisation.server";
import { SurveyForm } from "~/survey/survey-form";
import surveyStyles from "~/survey/survey.css";
import { pageTitle } from "~/utils/meta";

// survey-core's CSS and code load only on this route, never on staff or reading pages.
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: "/survey/theme.css" },
  { rel: "stylesheet", href: surveyCoreStyles },
  { rel: "stylesheet", href: surveyStyles },
];

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.title ?? "");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = params.slug ?? "";
  const survey = await getOpenSurvey({ slug });
  if (!survey) {
    if (await getPublicConsultation({ slug })) throw redirect(`/c/${slug}`);
    throw new Response(null, { status: 404 });
  }
  return {
    slug,
    title: survey.title,
    surveyVersionId: survey.surveyVersionId,
    definition: survey.definition,
    locale: await getLocale(request),
    feedbackBy: survey.feedbackBy,
    publicContact: (await getOrganisation({ organisationId: survey.organisationId }))?.publicContact ?? "",
  };
}

export default function AnswerSurvey() {
  const data = useLoaderData<typeof loader>();
  return <SurveyForm {...data} />;
}
