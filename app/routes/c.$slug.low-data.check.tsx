// "Check your answers", then send: the whole answer set goes through the same validation and the same
// submitResponse as the rich form's JSON endpoint, and the draft is deleted in the same transaction.
import { publicPageHandle } from "~/i18n/public-page";
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";
import { getFixedT } from "~/i18n/locale.server";
import { submitAnswerDraft } from "~/models/answer-draft.server";
import { ConsultationNotOpenError } from "~/models/response.server";
import { answersToCheck, errorsWithLinks, lowDataPath, nextScreen, requireDraft, validateDraft } from "~/survey/low-data.server";
import lowDataStyles from "~/survey/low-data.css";
import { clearDraftToken, setAnswered } from "~/utils/answer-draft-cookie.server";
import { readVerifiedForm } from "~/utils/form-data.server";
import { metaT, pageTitle } from "~/utils/meta";
import { hitRateLimit } from "~/utils/rate-limit.server";

// A public page (the reader's language, quick exit) that sends no JavaScript.
export const handle = { ...publicPageHandle, scripts: false };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: lowDataStyles }];
export const meta: MetaFunction<typeof loader> = ({ data: page, matches }) => {
  const t = metaT(matches);
  return pageTitle(`${page?.errors.length ? t("errors.titlePrefix") : ""}${t("answering:lowData.checkTitle")}`);
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = params.slug ?? "";
  const { survey, answers, locale } = await requireDraft(request, slug);
  const rows = answersToCheck(slug, survey, answers, locale);
  const wantErrors = new URL(request.url).searchParams.has("errors");
  const result = wantErrors ? validateDraft(survey, answers, locale) : undefined;
  const errors = result && !result.ok ? errorsWithLinks(slug, survey, answers, locale, result.errors) : [];
  const page = { slug, rows, errors, lang: locale, firstScreen: nextScreen(survey, answers, locale) ?? 1 };
  return errors.length ? data(page, { status: 400 }) : page;
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const slug = params.slug ?? "";
  const { survey, token, answers, locale } = await requireDraft(request, slug);
  await readVerifiedForm(request);
  const limited = await hitRateLimit(`submit:${context.clientKey}`, { limit: 240, windowMs: 60_000 });
  if (!limited.ok) throw new Response((await getFixedT(request))("answer.errors.tooMany"), { status: 429 });
  const result = validateDraft(survey, answers, locale);
  if (!result.ok) return redirect(lowDataPath(slug, "/check?errors=1"));
  try {
    const stored = await submitAnswerDraft({
      token,
      organisationId: survey.organisationId,
      consultationId: survey.consultationId,
      surveyVersionId: survey.surveyVersionId,
      variant: survey.variant,
      locale,
      channel: "online",
      answers: result.answers,
    });
    const headers = new Headers();
    headers.append("Set-Cookie", await setAnswered(stored));
    headers.append("Set-Cookie", await clearDraftToken());
    return redirect(lowDataPath(slug, "/done"), { headers });
  } catch (error) {
    if (error instanceof ConsultationNotOpenError) throw redirect(`/c/${encodeURIComponent(slug)}`);
    throw error;
  }
}

export default function LowDataCheck() {
  const { slug, rows, errors, lang, firstScreen } = useLoaderData<typeof loader>();
  const { t } = useTranslation("answering");
  const { t: tc } = useTranslation();
  return (
    <div className="page page--narrow low-data">
      {errors.length ? (
        <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
          <h2 id="error-summary-title" className="error-summary__title">
            {tc("errors.summaryTitle")}
          </h2>
          <ul className="error-summary__list">
            {errors.map((error) => (
              <li key={error.href + error.message}>
                <a href={error.href}>{error.message}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <h1>{t("lowData.checkTitle")}</h1>
      {rows.length === 0 ? (
        <p>{t("lowData.nothingYet")}</p>
      ) : (
        <dl className="summary-list">
          {rows.map((row) => (
            <div key={row.name}>
              <dt>
                {row.title}
              </dt>
              <dd>
                <p dir="auto" lang={lang} className="low-data__answer">
                  {row.text}
                </p>
                <Link to={row.change}>
                  {t("lowData.change")}
                  <span className="visually-hidden"> {row.title}</span>
                </Link>
              </dd>
            </div>
          ))}
        </dl>
      )}
      <p>
        <Link to={lowDataPath(slug, `/page/${firstScreen}`)}>{t("lowData.backToFirst")}</Link>
      </p>
      <h2 className="heading-m">{t("lowData.sendHeading")}</h2>
      <p>{t("lowData.sendHelp")}</p>
      <Form method="post">
        <CsrfInput />
        <button type="submit" className="button">
          {t("lowData.send")}
        </button>
      </Form>
    </div>
  );
}
