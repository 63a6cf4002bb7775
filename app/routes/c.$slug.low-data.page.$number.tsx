// One screen of the low-data survey: a plain form that POSTs. The answers go into the draft whatever
// they are (nothing typed is lost), then the screen is checked by the same validation as the rich
// form; with problems the child comes back here to see them (GOV.UK error summary), otherwise on to
// the next screen shown, or to "check your answers" after the last.
import { publicPageHandle } from "~/i18n/public-page";
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";
import { isolateText, TypedText } from "~/components/typed-text";
import { getI18n } from "~/i18n/i18n";
import { saveAnswerDraft } from "~/models/answer-draft.server";
import { lowDataPath, nextScreen, requireDraft, ScreenNumber, screenErrors } from "~/survey/low-data.server";
import lowDataStyles from "~/survey/low-data.css";
import { describeScreen, moreQuestionsShown, readScreen } from "~/survey/plain-pages.server";
import { PlainQuestions } from "~/survey/plain-screen";
import { readVerifiedForm } from "~/utils/form-data.server";
import { metaT, pageTitle } from "~/utils/meta";

// A public page (the reader's language, quick exit) that sends no JavaScript.
export const handle = { ...publicPageHandle, scripts: false };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: lowDataStyles }];
export const meta: MetaFunction<typeof loader> = ({ data: page, matches }) => {
  const t = metaT(matches);
  const title = isolateText(page?.screen.title || page?.title || "");
  return pageTitle(`${page?.errors.length ? t("errors.titlePrefix") : ""}${title}`);
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = params.slug ?? "";
  const { survey, answers, locale } = await requireDraft(request, slug);
  const number = ScreenNumber.safeParse(params.number);
  if (!number.success) throw new Response(null, { status: 404 });
  const screen = describeScreen(survey.definition, locale, answers, number.data);
  // Hidden by an answer (or past the end): on to the next screen that is shown.
  if (!screen) {
    const next = nextScreen(survey, answers, locale, number.data);
    throw redirect(lowDataPath(slug, next ? `/page/${next}` : "/check"));
  }
  const search = new URL(request.url).searchParams;
  const t = getI18n(locale).getFixedT(locale, "answering");
  const errors = search.has("errors") ? screenErrors(t, survey, answers, locale, number.data, search.getAll("ranking")) : [];
  const page = { slug, title: survey.title, locale, screen, errors };
  return errors.length ? data(page, { status: 400 }) : page;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const slug = params.slug ?? "";
  const { survey, token, answers, locale } = await requireDraft(request, slug);
  const number = ScreenNumber.safeParse(params.number);
  if (!number.success) throw new Response(null, { status: 404 });
  const form = await readVerifiedForm(request);
  const read = readScreen(survey.definition, locale, answers, number.data, (name) =>
    form.getAll(name).flatMap((value) => (typeof value === "string" ? [value.slice(0, 20_000)] : [])),
  );
  if (!(await saveAnswerDraft({ token, consultationId: survey.consultationId, answers: read.answers }))) throw redirect(lowDataPath(slug));
  // An answer here showed more questions on this screen (show-if within a page): the child sees
  // them before moving on, rather than errors about questions they have not seen yet.
  if (moreQuestionsShown(survey.definition, locale, answers, read.answers, number.data)) {
    return redirect(lowDataPath(slug, `/page/${number.data}`));
  }
  const t = getI18n(locale).getFixedT(locale, "answering");
  const unreadable = read.problems.map((problem) => problem.question);
  if (screenErrors(t, survey, read.answers, locale, number.data, unreadable).length) {
    const search = new URLSearchParams([["errors", "1"], ...unreadable.map((name) => ["ranking", name])]);
    return redirect(lowDataPath(slug, `/page/${number.data}?${search}`));
  }
  const next = nextScreen(survey, read.answers, locale, number.data);
  return redirect(lowDataPath(slug, next ? `/page/${next}` : "/check"));
}

export default function LowDataScreen() {
  const { slug, title, locale, screen, errors } = useLoaderData<typeof loader>();
  const { t } = useTranslation("answering");
  const { t: tc } = useTranslation();
  const fieldOf = new Map(screen.questions.map((question) => [question.name, question.field]));
  const byQuestion = Object.fromEntries(errors.map((error) => [error.question, error.message]));
  return (
    <div className="page page--narrow low-data">
      <p>
        <Link className="back-link" to={screen.previous ? lowDataPath(slug, `/page/${screen.previous}`) : lowDataPath(slug)}>
          {t("lowData.back")}
        </Link>
      </p>
      {errors.length ? (
        <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
          <h2 id="error-summary-title" className="error-summary__title">
            {tc("errors.summaryTitle")}
          </h2>
          <ul className="error-summary__list">
            {errors.map((error) => (
              <li key={error.question}>
                <a href={`#${fieldOf.get(error.question) ?? ""}`}>{error.message}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p className="caption">
        <TypedText>{title}</TypedText> · {t("lowData.progress", { position: screen.position, count: screen.count })}
      </p>
      <h1>{screen.title || <TypedText>{title}</TypedText>}</h1>
      {screen.description ? <p className="lead">{screen.description}</p> : null}
      <Form method="post" noValidate>
        <CsrfInput />
        <PlainQuestions questions={screen.questions} errors={byQuestion} lang={locale} />
        <button type="submit" className="button">
          {t("lowData.continueButton")}
        </button>
      </Form>
    </div>
  );
}
