// Co-designing the draft survey with young advisors: comments on a question or the whole survey
// (answered and resolved), suggested rewordings an officer accepts or declines in one action, and
// advisors' sign-off of the draft as it stands.
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { ReviewIntentSchema, type ReviewIntent } from "~/codesign/codesign-schema.server";
import codesignStyles from "~/codesign/codesign.css";
import { EasyReadSignOff } from "~/codesign/easy-read-sign-off";
import { questionAnchor } from "~/codesign/open-feedback";
import { CsrfInput } from "~/components/csrf-input";
import { ErrorSummary, TextAreaField, TextInputField } from "~/components/form";
import { SuccessBanner } from "~/components/success-banner";
import { TypedText } from "~/components/typed-text";
import consultationStyles from "~/consultations/consultation.css";
import { getFixedT, getLocale } from "~/i18n/locale.server";
import {
  addSurveyComment,
  decideWordingSuggestion,
  getEasyReadToReview,
  listSignOffs,
  listSurveyComments,
  listWordingSuggestions,
  NotFoundError,
  resolveSurveyComment,
  signOffSurvey,
  suggestWording,
  SurveyNotEditableError,
} from "~/models/codesign.server";
import { getConsultation } from "~/models/consultation.server";
import { outlineSurvey } from "~/survey/outline.server";
import { requireMember, STAFF_WHO_MANAGE } from "~/utils/auth.server";
import { formatDateTime, formatDay } from "~/utils/date-time.server";
import { formFields, readVerifiedForm } from "~/utils/form-data.server";
import { fieldErrorMessages, type FieldErrors } from "~/utils/form-errors.server";
import { metaT, pageTitle } from "~/utils/meta";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: consultationStyles },
  { rel: "stylesheet", href: codesignStyles },
];

export const meta: MetaFunction = ({ matches }) => pageTitle(metaT(matches)("codesign:review.title"));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request);
  const scope = { organisationId: member.organisationId, consultationId: params.id ?? "" };
  const consultation = await getConsultation(scope);
  if (!consultation) throw new Response(null, { status: 404 });
  const [locale, threads, suggestions, signOffs, easyRead] = await Promise.all([
    getLocale(request),
    listSurveyComments(scope),
    listWordingSuggestions(scope),
    listSignOffs(scope),
    getEasyReadToReview(scope),
  ]);
  const questions = consultation.draftDefinition ? outlineSurvey(consultation.draftDefinition, locale) : [];
  const toComment = <T extends { createdAt: Date }>({ createdAt, ...rest }: T) => ({ ...rest, createdAt: formatDateTime(createdAt, locale) });
  return {
    consultation: { id: consultation.id, title: consultation.title, status: consultation.status },
    editable: consultation.status === "draft" || consultation.status === "in_review",
    questions: questions.map((question) => ({ name: question.name, title: question.title })),
    threads: threads.map(({ resolvedAt, replies, ...thread }) => ({ ...toComment(thread), resolved: resolvedAt !== null, replies: replies.map(toComment) })),
    suggestions: suggestions.map(toComment),
    signOffs: signOffs.map(({ createdAt, ...signOff }) => ({ ...signOff, on: formatDay(createdAt, locale) })),
    // Only the titles of the easy-read text children are given now: what advisors read before signing it off.
    easyReadTitles: easyRead ? outlineSurvey(easyRead.definition, locale).map((question) => question.title) : null,
    canDecide: (STAFF_WHO_MANAGE as readonly string[]).includes(member.role),
    canSignOff: member.role === "advisor",
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireMember(request);
  const t = await getFixedT(request);
  const fields = formFields(await readVerifiedForm(request));
  const parsed = ReviewIntentSchema.safeParse(fields);
  const scope = { organisationId: member.organisationId, consultationId: params.id ?? "", memberId: member.id };
  if (!(await getConsultation(scope))) throw new Response(null, { status: 404 });
  if (!parsed.success) {
    // The page has many comment boxes: the message goes to the one that was sent (its id came with it).
    const fieldId = /^[\w-]{1,120}$/.test(fields.fieldId ?? "") ? fields.fieldId! : "form";
    const [message] = Object.values(fieldErrorMessages(parsed.error, t));
    return data({ errors: { [fieldId]: message ?? t("codesign:errors.gone") } as FieldErrors, done: null }, { status: 400 });
  }
  const intent = parsed.data;
  if ((intent.intent === "accept" || intent.intent === "decline") && !(STAFF_WHO_MANAGE as readonly string[]).includes(member.role)) {
    throw new Response(null, { status: 403 });
  }
  if (intent.intent === "sign-off" && member.role !== "advisor") throw new Response(null, { status: 403 });
  try {
    await carryOut(intent, scope);
  } catch (error) {
    if (error instanceof NotFoundError) return data({ errors: formError(t("codesign:errors.gone")), done: null }, { status: 404 });
    if (error instanceof SurveyNotEditableError) return data({ errors: formError(t("codesign:errors.notEditable")), done: null }, { status: 409 });
    throw error;
  }
  return { errors: null, done: intent.intent };
}

const formError = (message: string): FieldErrors => ({ form: message });

function carryOut(intent: ReviewIntent, scope: { organisationId: string; consultationId: string; memberId: string }) {
  switch (intent.intent) {
    case "comment":
      return addSurveyComment({ ...scope, questionName: intent.questionName, parentId: intent.parentId, body: intent.body });
    case "resolve":
      return resolveSurveyComment({ ...scope, commentId: intent.commentId });
    case "suggest":
      return suggestWording({ ...scope, questionName: intent.questionName, suggestedText: intent.suggestedText });
    case "accept":
    case "decline":
      return decideWordingSuggestion({ ...scope, suggestionId: intent.suggestionId, decision: intent.intent === "accept" ? "accepted" : "declined" });
    case "sign-off":
      return signOffSurvey({ ...scope, variant: intent.variant });
  }
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type Thread = LoaderData["threads"][number];

export default function Review() {
  const { consultation, editable, questions, threads, suggestions, signOffs, easyReadTitles, canDecide, canSignOff } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("codesign");
  const errors = actionData?.errors ?? undefined;
  const errorList = errors ? Object.entries(errors).map(([field, message]) => ({ field, message: message ?? "" })) : [];
  const surveyThreads = threads.filter((thread) => thread.questionName === null);
  const standardSignOffs = signOffs.filter((signOff) => signOff.variant === "standard");
  const currentSignOffs = standardSignOffs.filter((signOff) => signOff.ofCurrentText);
  return (
    <div className="page">
      <ErrorSummary errors={errorList} />
      {actionData?.done ? <SuccessBanner>{t(`review.done.${actionData.done}`)}</SuccessBanner> : null}
      <p className="caption">
        <Link to={`/consultations/${consultation.id}`}>
          <TypedText>{consultation.title}</TypedText>
        </Link>
      </p>
      <h1>{t("review.title")}</h1>
      <p className="lead">{t("review.intro")}</p>
      {editable ? null : <p className="notice">{t("review.notEditable")}</p>}

      <section className="section" aria-labelledby="sign-off-heading">
        <h2 id="sign-off-heading">{t("review.signOffHeading")}</h2>
        {currentSignOffs.length > 0 ? (
          <ul className="bullets">
            {currentSignOffs.map((signOff) => (
              <li key={signOff.id}>{t("review.signedOffBy", { name: signOff.memberName ?? t("review.someone"), date: signOff.on })}</li>
            ))}
          </ul>
        ) : (
          <p>{t("review.notSignedOff")}</p>
        )}
        {standardSignOffs.length > currentSignOffs.length ? (
          <p className="hint">{t("review.earlierSignOffs", { count: standardSignOffs.length - currentSignOffs.length })}</p>
        ) : null}
        {canSignOff && questions.length > 0 ? (
          <Form method="post">
            <CsrfInput />
            <input type="hidden" name="intent" value="sign-off" />
            <p>{t("review.signOffHelp")}</p>
            <Button type="submit" className="button">
              {t("review.signOff")}
            </Button>
          </Form>
        ) : null}
        {easyReadTitles ? (
          <EasyReadSignOff titles={easyReadTitles} signOffs={signOffs.filter((signOff) => signOff.variant === "easy-read")} canSignOff={canSignOff} />
        ) : null}
      </section>

      <section className="section" aria-labelledby="whole-survey-heading">
        <h2 id="whole-survey-heading">{t("review.wholeSurveyHeading")}</h2>
        <Threads threads={surveyThreads} />
        <CommentForm id="comment-survey" questionName={null} label={t("review.commentOnSurvey")} />
      </section>

      <section className="section" aria-labelledby="questions-heading">
        <h2 id="questions-heading">{t("review.questionsHeading")}</h2>
        {questions.length === 0 ? <p>{t("review.noSurvey")}</p> : null}
        <ol className="review-questions">
          {questions.map((question, index) => {
            const questionSuggestions = suggestions.filter((suggestion) => suggestion.questionName === question.name);
            const questionThreads = threads.filter((thread) => thread.questionName === question.name);
            const openCount = questionThreads.filter((thread) => !thread.resolved).length;
            const headingId = `question-${index}`;
            return (
              <li key={question.name} id={questionAnchor(question.name)} className="review-question" aria-labelledby={headingId}>
                <h3 id={headingId} className="heading-m">
                  <TypedText>{question.title}</TypedText>
                </h3>
                {openCount > 0 ? <p className="hint">{t("review.openComments", { count: openCount })}</p> : null}
                <Threads threads={questionThreads} />
                {questionSuggestions.length > 0 ? (
                  <ul className="suggestions">
                    {questionSuggestions.map((suggestion) => (
                      <li key={suggestion.id} className="suggestion">
                        <p>
                          {t("review.suggestedBy", { name: suggestion.suggestedByName ?? t("review.someone"), date: suggestion.createdAt })}
                        </p>
                        <p>
                          <del>
                            <TypedText>{suggestion.currentText}</TypedText>
                          </del>
                        </p>
                        <p>
                          <ins>
                            <TypedText>{suggestion.suggestedText}</TypedText>
                          </ins>
                        </p>
                        {suggestion.status === "open" ? (
                          canDecide && editable ? (
                            <Form method="post" className="button-group">
                              <CsrfInput />
                              <input type="hidden" name="suggestionId" value={suggestion.id} />
                              <Button type="submit" name="intent" value="accept" className="button">
                                {t("review.accept")}
                              </Button>
                              <Button type="submit" name="intent" value="decline" className="button button--secondary">
                                {t("review.decline")}
                              </Button>
                            </Form>
                          ) : (
                            <p className="hint">{t("review.waiting")}</p>
                          )
                        ) : (
                          <p>
                            <strong>{t(`review.status.${suggestion.status}`)}</strong>
                          </p>
                        )}
                      </li>
                    ))}
                  </ul>
                ) : null}
                <CommentForm
                  id={`comment-${index}`}
                  questionName={question.name}
                  label={t("review.commentOn", { position: index + 1 })}
                  summary={t("review.commentDisclosure")}
                />
                {editable ? (
                  <Disclosure summary={t("review.suggestDisclosure")} open={!!errors?.[`suggest-${index}`]}>
                    <Form method="post" className="review-form">
                      <CsrfInput />
                      <input type="hidden" name="intent" value="suggest" />
                      <input type="hidden" name="questionName" value={question.name} />
                      <input type="hidden" name="fieldId" value={`suggest-${index}`} />
                      <TextInputField
                        id={`suggest-${index}`}
                        name="suggestedText"
                        label={t("review.suggestLabel", { position: index + 1 })}
                        hint={t("review.suggestHint")}
                        error={errors?.[`suggest-${index}`]}
                      />
                      <Button type="submit" className="button button--secondary">
                        {t("review.suggest")}
                      </Button>
                    </Form>
                  </Disclosure>
                ) : null}
              </li>
            );
          })}
        </ol>
      </section>
    </div>
  );
}

function Threads({ threads }: { threads: Thread[] }) {
  const { t } = useTranslation("codesign");
  if (threads.length === 0) return null;
  return (
    <ul className="comment-threads">
      {threads.map((thread) => (
        <li key={thread.id} className={`comment-thread${thread.resolved ? " comment-thread--resolved" : ""}`}>
          <Comment author={thread.authorName} role={thread.authorRole} when={thread.createdAt} body={thread.body} />
          {thread.replies.length > 0 ? (
            <ul className="comment-replies">
              {thread.replies.map((reply) => (
                <li key={reply.id}>
                  <Comment author={reply.authorName} role={reply.authorRole} when={reply.createdAt} body={reply.body} />
                </li>
              ))}
            </ul>
          ) : null}
          {thread.resolved ? (
            <p className="hint">{t("review.resolved")}</p>
          ) : (
            <>
              <CommentForm
                id={`reply-${thread.id}`}
                questionName={thread.questionName}
                parentId={thread.id}
                label={t("review.reply")}
                summary={t("review.replyDisclosure")}
              />
              <Form method="post">
                <CsrfInput />
                <input type="hidden" name="intent" value="resolve" />
                <input type="hidden" name="commentId" value={thread.id} />
                <Button type="submit" className="link-button">
                  {t("review.resolve")}
                </Button>
              </Form>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

function Comment({ author, role, when, body }: { author: string | null; role: string | null; when: string; body: string }) {
  const { t } = useTranslation(["codesign", "common"]);
  return (
    <div className="comment">
      <p className="comment__meta">
        <strong>
          <bdi>{author ?? t("review.someone")}</bdi>
        </strong>
        {role ? ` (${t(`common:roles.${role}`)})` : null}, {when}
      </p>
      <TypedText as="p" className="comment__body">
        {body}
      </TypedText>
    </div>
  );
}

function CommentForm({ id, questionName, parentId, label, summary }: { id: string; questionName: string | null; parentId?: string; label: string; summary?: string }) {
  const { t } = useTranslation("codesign");
  const errors = useActionData<typeof action>()?.errors;
  const form = (
    <Form method="post" className="review-form">
      <CsrfInput />
      <input type="hidden" name="intent" value="comment" />
      <input type="hidden" name="fieldId" value={id} />
      {questionName ? <input type="hidden" name="questionName" value={questionName} /> : null}
      {parentId ? <input type="hidden" name="parentId" value={parentId} /> : null}
      <TextAreaField id={id} name="body" label={label} rows={2} error={errors?.[id]} />
      <Button type="submit" className="button button--secondary">
        {parentId ? t("review.sendReply") : t("review.addComment")}
      </Button>
    </Form>
  );
  return summary ? (
    <Disclosure summary={summary} open={!!errors?.[id]}>
      {form}
    </Disclosure>
  ) : (
    form
  );
}

/**
 * A form folded away behind its summary, so the page stays short on a phone. Native <details>
 * works without JavaScript; a form sent back with an error is open, so the error summary's link
 * reaches its field.
 */
function Disclosure({ summary, open, children }: { summary: string; open: boolean; children: ReactNode }) {
  return (
    <details className="disclosure" open={open || undefined}>
      <summary className="disclosure__summary">{summary}</summary>
      <div className="disclosure__body">{children}</div>
    </details>
  );
}
