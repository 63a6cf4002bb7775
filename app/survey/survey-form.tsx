import { keepAnswersToShownQuestions, sameJson } from "./answers-that-count";
import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { formatDate } from "~/utils/dates";
import { Model, type CompletingEvent, type SurveyModel } from "survey-core";
import "./survey-locales";
import { Survey } from "survey-react-ui";
import "./accessible-rating";
import { renderForwardActionsAsSubmit } from "./submit-action";
import { escapeAnswersInHtml } from "~/builder/safe-text";
import { addEasyReadPictures } from "./easy-read-pictures";
import { ReadAloud } from "~/reading/read-aloud";
import { ErrorSummary } from "~/components/form";
import { AnswersSent } from "./answers-sent";
import { ClearMyAnswers, RestoredNotice, useSavedAnswers } from "./saved-answers";
import { useRootData } from "~/root";

type AnswerError = { question: string; title: string; message: string };

/**
 * A member of staff recording a response (assisted or paper) with this form: where the answers go,
 * the page's own fields sent with them (channel, observation note), and what shows once stored.
 */
export type Recording = {
  url: string;
  fields: () => Record<string, string>;
  done: (referenceCode: string) => ReactNode;
};
type SubmitState =
  | { kind: "answering" }
  | { kind: "sending" }
  | { kind: "accepted"; referenceCode: string; help: boolean }
  | { kind: "rejected"; message: string; errors: AnswerError[] };

/** survey-core calls its default language "" rather than "en". */
function surveyLocale(locale: string) {
  return locale === "en" ? "" : locale;
}

function createModel(definition: Record<string, unknown>, locale: string) {
  const model = new Model(definition);
  // Answers typed into one question can appear in another's text: never as HTML.
  escapeAnswersInHtml(model);
  // Theme variables are served once from /survey/theme.css instead of inlined into every page.
  model.generateStylesheet = false;
  model.locale = surveyLocale(locale);
  model.showCompletedPage = false;
  // Heard's rule for which answers count (answers-that-count.ts): an answer goes when its question is hidden.
  model.clearInvisibleValues = "onHidden";
  renderForwardActionsAsSubmit(model);
  addEasyReadPictures(model, definition);
  for (const question of model.getAllQuestions()) {
    // On narrow phones survey-core swaps smileys for a dropdown; children should always see the faces.
    if (question.getType() === "rating" && question.displayMode === "auto") question.displayMode = "buttons";
  }
  return model;
}

export function SurveyForm({
  slug,
  title,
  surveyVersionId,
  definition,
  locale,
  feedbackBy,
  publicContact = "",
  eventCode,
  recording,
}: {
  slug: string;
  title: string;
  surveyVersionId: string;
  definition: Record<string, unknown>;
  locale: string;
  feedbackBy: string;
  /** The organisation's contact, shown with Childline on the completion page. */
  publicContact?: string;
  /** The consultation event the child came through (its QR code), sent with the answers to tag them. */
  eventCode?: string;
  recording?: Recording;
}) {
  const { t } = useTranslation();
  const csrfToken = useRootData()?.csrfToken ?? "";
  const [model] = useState(() => createModel(definition, locale));
  const [state, setState] = useState<SubmitState>({ kind: "answering" });
  const sending = useRef(false);

  const send = useCallback(
    async (survey: SurveyModel) => {
      if (sending.current) return;
      // Send only the answers that count, by the same rule the server applies; if that changed
      // anything, check the survey again first (a question may have become required).
      const answers = keepAnswersToShownQuestions(definition, survey.data);
      if (!sameJson(answers, survey.data)) {
        survey.data = answers;
        if (!survey.validate(true, true)) return;
      }
      sending.current = true;
      setState({ kind: "sending" });
      const body = new URLSearchParams({
        ...recording?.fields(),
        csrf: csrfToken,
        surveyVersionId,
        answers: JSON.stringify(answers),
        ...(eventCode ? { event: eventCode } : {}),
      });
      try {
        const response = await fetch(recording?.url ?? `/c/${encodeURIComponent(slug)}/responses`, {
          method: "POST",
          body,
          headers: { Accept: "application/json" },
        });
        const result = await response.json().catch(() => null);
        if (response.ok && result?.ok) {
          setState({ kind: "accepted", referenceCode: String(result.referenceCode), help: result.help === true });
        } else {
          const errors: AnswerError[] = Array.isArray(result?.errors) ? result.errors : [];
          showErrorsOnQuestions(survey, errors);
          setState({ kind: "rejected", message: result?.message ?? t("answer.errors.unknown"), errors });
        }
      } catch {
        // Offline or the server did not answer: nothing was stored, the answers stay on screen.
        setState({ kind: "rejected", message: t("answer.errors.network"), errors: [] });
      } finally {
        sending.current = false;
      }
    },
    [csrfToken, definition, slug, surveyVersionId, eventCode, t, recording],
  );

  useEffect(() => {
    const onCompleting = (survey: SurveyModel, options: CompletingEvent) => {
      // Only the server's acknowledgement completes the survey; until then it stays open.
      options.allow = false;
      void send(survey);
    };
    model.onCompleting.add(onCompleting);
    return () => model.onCompleting.remove(onCompleting);
  }, [model, send]);

  // Kept on this device until sent; staff recording for a child keep nothing on theirs.
  const saved = useSavedAnswers(model, `heard:answers:${slug}:${surveyVersionId}`, { enabled: !recording, sent: state.kind === "accepted" });
  // The language switcher navigates without a full reload: follow it, keeping the answers.
  useEffect(() => {
    model.locale = surveyLocale(locale);
  }, [model, locale]);

  if (state.kind === "accepted" && recording) return <>{recording.done(state.referenceCode)}</>;
  if (state.kind === "accepted") {
    return (
      <Completion referenceCode={state.referenceCode} slug={slug} feedbackBy={feedbackBy} help={state.help} publicContact={publicContact} />
    );
  }

  const summaryErrors =
    state.kind === "rejected"
      ? state.errors.length
        ? state.errors.map((error) => ({ field: questionAnchor(model, error.question), message: error.message }))
        : [{ field: "survey", message: state.message }]
      : [];

  return (
    <div className="page page--survey">
      <ErrorSummary
        errors={summaryErrors}
        onSelect={(field) => focusQuestion(model, field)}
      />
      <h1 className="survey-title">{title}</h1>
      <ReadAloud model={model} locale={locale} />
      <RestoredNotice saved={saved} />
      <div id="survey" aria-busy={state.kind === "sending"}>
        <Survey model={model} />
      </div>
      <p role="status" className="survey-status">
        {state.kind === "sending" ? t("answer.sending") : ""}
      </p>
      {recording ? null : <ClearMyAnswers saved={saved} />}
    </div>
  );
}

function showErrorsOnQuestions(survey: SurveyModel, errors: AnswerError[]) {
  for (const error of errors) {
    survey.getQuestionByName(error.question)?.addError(error.message);
  }
}

function questionAnchor(survey: SurveyModel, name: string) {
  return survey.getQuestionByName(name)?.id ?? "survey";
}

function focusQuestion(survey: SurveyModel, anchor: string) {
  const question = survey.getAllQuestions().find((q) => q.id === anchor);
  if (!question) return false;
  if (question.page && survey.currentPage !== question.page) survey.currentPage = question.page;
  setTimeout(() => question.focus(true), 0);
  return true;
}

function Completion({
  referenceCode,
  slug,
  feedbackBy,
  help,
  publicContact,
}: {
  referenceCode: string;
  slug: string;
  feedbackBy: string;
  help: boolean;
  publicContact: string;
}) {
  const { i18n } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <AnswersSent
      referenceCode={referenceCode}
      slug={slug}
      feedbackBy={formatDate(feedbackBy, i18n.language)}
      help={help}
      publicContact={publicContact}
      headingRef={heading}
    />
  );
}
