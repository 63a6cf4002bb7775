// The low-data survey's start: works with no JavaScript at all and uses little data. Starting (or
// starting again) is a POST: it creates the draft that keeps answers between pages (ADR 0007).
import { publicPageHandle } from "~/i18n/public-page";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";
import { isolateText, TypedText } from "~/components/typed-text";
import { getLocale } from "~/i18n/locale.server";
import { discardAnswerDraft, getAnswerDraft, startAnswerDraft } from "~/models/answer-draft.server";
import { getPublicConsultation } from "~/models/consultation.server";
import { SurveyLanguageNotice } from "~/reading/reading-choices";
import { answerableIn, lowDataPath, nextScreen, requireOpenSurvey, StartSchema } from "~/survey/low-data.server";
import { surveyLanguages } from "~/survey/survey-languages";
import lowDataStyles from "~/survey/low-data.css";
import { readDraftToken, setDraftToken } from "~/utils/answer-draft-cookie.server";
import { formFields, readVerifiedForm } from "~/utils/form-data.server";
import { pageTitle } from "~/utils/meta";
import { hitRateLimit } from "~/utils/rate-limit.server";

// A public page (the reader's language, quick exit) that sends no JavaScript.
export const handle = { ...publicPageHandle, scripts: false };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: lowDataStyles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(isolateText(data?.title ?? ""));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = params.slug ?? "";
  const token = await readDraftToken(request);
  const consultation = token ? await getPublicConsultation({ slug }) : undefined;
  const draft = token && consultation ? await getAnswerDraft({ token, consultationId: consultation.id }) : undefined;
  const survey = await requireOpenSurvey(request, slug, draft?.surveyVersionId);
  const locale = await getLocale(request);
  // A survey is answered only in a language every one of its questions has: never two in one question.
  if (!answerableIn(survey, locale)) {
    return { slug, title: survey.title, resumeAt: null, languages: surveyLanguages(survey.definition) };
  }
  const resume = draft && draft.surveyVersionId === survey.surveyVersionId ? nextScreen(survey, draft.answers, locale) : undefined;
  return { slug, title: survey.title, resumeAt: resume ?? null, languages: null };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const slug = params.slug ?? "";
  const survey = await requireOpenSurvey(request, slug);
  const parsed = StartSchema.safeParse(formFields(await readVerifiedForm(request)));
  if (!parsed.success) throw new Response(null, { status: 400 });
  // Each start writes a row: limited per client like submissions, generous for a class on one address.
  const limited = await hitRateLimit(`draft:${context.clientKey}`, { limit: 240, windowMs: 60_000 });
  if (!limited.ok) throw new Response(null, { status: 429 });
  const old = await readDraftToken(request);
  if (old) await discardAnswerDraft({ token: old, consultationId: survey.consultationId });
  const token = await startAnswerDraft(survey);
  const first = nextScreen(survey, {}, await getLocale(request)) ?? 1;
  return redirect(lowDataPath(slug, `/page/${first}`), { headers: { "Set-Cookie": await setDraftToken(token) } });
}

export default function LowDataStart() {
  const { slug, title, resumeAt, languages } = useLoaderData<typeof loader>();
  const { t } = useTranslation("answering");
  return (
    <div className="page page--narrow low-data">
      <TypedText as="h1">{title}</TypedText>
      <p className="lead">{t("lowData.intro")}</p>
      <p>{t("lowData.howItWorks")}</p>
      {languages ? (
        <SurveyLanguageNotice languages={languages} />
      ) : resumeAt ? (
        <>
          <p>
            <Link className="button" to={lowDataPath(slug, `/page/${resumeAt}`)}>
              {t("lowData.continue")}
            </Link>
          </p>
          <Form method="post">
            <CsrfInput />
            <button type="submit" name="intent" value="start-again" className="button button--secondary">
              {t("lowData.startAgain")}
            </button>
          </Form>
        </>
      ) : (
        <Form method="post">
          <CsrfInput />
          <button type="submit" name="intent" value="start" className="button button--start">
            {t("lowData.start")}
          </button>
        </Form>
      )}
      <p>
        <Link to={`/c/${slug}`}>{t("lowData.aboutConsultation")}</Link>
      </p>
    </div>
  );
}
