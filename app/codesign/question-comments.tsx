// Co-design in the builder: beside each question, how many comments and suggested rewordings are
// still open; in the editor, the open comments on the chosen question; above the builder, the open
// comments on the whole survey. Answering and deciding happen on the review page; resolving can
// happen here too (the form posts to the review page, so it also works without JavaScript).
import { Link, useFetcher } from "@remix-run/react";
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";
import { TypedText } from "~/components/typed-text";
import type { BuilderFeedback } from "./builder-feedback.server";
import { questionAnchor } from "./open-feedback";

type Thread = BuilderFeedback["threads"][number];
type Shown = { consultationId: string; feedback: BuilderFeedback };

const OpenFeedback = createContext<Shown | null>(null);

/** Gives the builder's pieces below the open comments; without it they show nothing. */
export function OpenFeedbackProvider({ consultationId, feedback, children }: Shown & { children: ReactNode }) {
  return <OpenFeedback.Provider value={{ consultationId, feedback }}>{children}</OpenFeedback.Provider>;
}

const reviewPath = (consultationId: string, hash: string) => `/consultations/${consultationId}/review#${hash}`;

/** "2 open comments, 1 suggested rewording" beside a question in the builder's list. */
export function QuestionFeedbackBadge({ questionName }: { questionName: string }) {
  const { t } = useTranslation("codesign");
  const shown = useContext(OpenFeedback);
  const count = shown?.feedback.counts.questions[questionName];
  if (!count) return null;
  const parts = [
    count.comments > 0 ? t("builder.openComments", { count: count.comments }) : "",
    count.suggestions > 0 ? t("builder.openSuggestions", { count: count.suggestions }) : "",
  ].filter(Boolean);
  return <p className="feedback-badge">{parts.join(t("builder.and"))}</p>;
}

/** The open comments on the question being edited, with a way to answer and resolve them. */
export function QuestionComments({ questionName }: { questionName: string }) {
  const { t } = useTranslation("codesign");
  const shown = useContext(OpenFeedback);
  if (!shown || !questionName) return null;
  const threads = shown.feedback.threads.filter((thread) => thread.questionName === questionName);
  const suggestions = shown.feedback.counts.questions[questionName]?.suggestions ?? 0;
  const reviewHref = reviewPath(shown.consultationId, questionAnchor(questionName));
  return (
    <OpenThreads
      headingLevel="h3"
      heading={t("builder.questionHeading")}
      threads={threads}
      reviewHref={reviewHref}
      className="builder-subsection question-comments"
    >
      {suggestions > 0 ? (
        <p>
          {t("builder.suggestionsWaiting", { count: suggestions })} <Link to={reviewHref}>{t("builder.decide")}</Link>
        </p>
      ) : null}
    </OpenThreads>
  );
}

/** The open comments on the whole survey, folded away until wanted. */
export function SurveyComments() {
  const { t } = useTranslation("codesign");
  const shown = useContext(OpenFeedback);
  if (!shown) return null;
  const { survey } = shown.feedback.counts;
  const threads = shown.feedback.threads.filter((thread) => thread.questionName === null);
  return (
    <details className="disclosure builder-section">
      <summary className="disclosure__summary">{t("builder.surveySummary", { count: survey })}</summary>
      <div className="disclosure__body">
        <OpenThreads
          headingLevel="h2"
          heading={t("builder.surveyHeading")}
          threads={threads}
          reviewHref={reviewPath(shown.consultationId, "whole-survey-heading")}
        />
      </div>
    </details>
  );
}

function OpenThreads({
  headingLevel: Heading,
  heading,
  threads,
  reviewHref,
  className,
  children,
}: {
  headingLevel: "h2" | "h3";
  heading: string;
  threads: Thread[];
  reviewHref: string;
  className?: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation("codesign");
  const resolver = useResolver();
  const id = `${reviewHref.split("#")[1]}-builder`;
  return (
    <section aria-labelledby={id} className={className}>
      <Heading id={id} className="heading-s" tabIndex={-1} ref={resolver.headingRef}>
        {heading}
      </Heading>
      <p role="status" className={resolver.message ? "" : "visually-hidden"}>
        {resolver.message}
      </p>
      {threads.length === 0 ? <p>{t("builder.none")}</p> : null}
      {threads.length > 0 ? (
        <ul className="comment-threads">
          {threads.map((thread) => (
            <li key={thread.id} className="comment-thread">
              <CommentText comment={thread} />
              {thread.replies.length > 0 ? (
                <ul className="comment-replies">
                  {thread.replies.map((reply) => (
                    <li key={reply.id}>
                      <CommentText comment={reply} />
                    </li>
                  ))}
                </ul>
              ) : null}
              <resolver.fetcher.Form method="post" action={reviewHref.split("#")[0]}>
                <CsrfInput />
                <input type="hidden" name="intent" value="resolve" />
                <input type="hidden" name="commentId" value={thread.id} />
                <Button
                  type="submit"
                  className="link-button"
                  aria-label={t("builder.resolveComment", {
                    name: thread.authorName ?? t("review.someone"),
                    date: thread.createdAt,
                  })}
                >
                  {t("review.resolve")}
                </Button>
              </resolver.fetcher.Form>
            </li>
          ))}
        </ul>
      ) : null}
      {children}
      <p>
        <Link to={reviewHref}>{threads.length > 0 ? t("builder.answerOnReview") : t("builder.commentOnReview")}</Link>
      </p>
    </section>
  );
}

/**
 * Resolving posts to the review page; the builder's data is then reloaded and the thread goes.
 * Focus moves to the heading (the button pressed is gone) and the result is announced.
 */
function useResolver() {
  const { t } = useTranslation("codesign");
  const fetcher = useFetcher<{
    done?: string | null;
    errors?: Record<string, string | undefined> | null;
  }>();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [message, setMessage] = useState("");
  const { state, data } = fetcher;
  useEffect(() => {
    if (state !== "idle" || !data) return;
    setMessage(data.done === "resolve" ? t("review.done.resolve") : Object.values(data.errors ?? {})[0] ?? t("errors.gone"));
    headingRef.current?.focus();
  }, [state, data, t]);
  return { fetcher, headingRef, message };
}

function CommentText({ comment }: { comment: Thread["replies"][number] }) {
  const { t } = useTranslation(["codesign", "common"]);
  return (
    <div className="comment">
      <p className="comment__meta">
        <strong>
          <TypedText>{comment.authorName ?? t("review.someone")}</TypedText>
        </strong>
        {comment.authorRole ? ` (${t(`common:roles.${comment.authorRole}`)})` : null}, {comment.createdAt}
      </p>
      <TypedText as="p" className="comment__body">
        {comment.body}
      </TypedText>
    </div>
  );
}
