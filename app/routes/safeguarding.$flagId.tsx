// One safeguarding flag, for a lead: the answer in context (every answer of the response, matched
// phrases marked), the notes so far, and a status change that needs a note. Each view is audited.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";
import { ErrorSummary, fieldErrorList, RadioField, TextAreaField } from "~/components/form";
import { getFixedT, getLocale } from "~/i18n/locale.server";
import { changeFlagStatus, getFlagForReview } from "~/models/safeguarding.server";
import { AnswerList } from "~/responses/answer-list";
import { describeAnswers } from "~/responses/describe-answers.server";
import { describedNote, OBSERVATION_NOTE, observationNoteTitle } from "~/responses/observation-note";
import { compilePhrases, findConcerningPhrases, highlightSegments } from "~/safeguarding/concerning-phrases";
import { FlagStatusTag } from "~/safeguarding/flag-status-tag";
import { StatusChangeSchema } from "~/safeguarding/schemas.server";
import { requireSafeguardingLead } from "~/utils/auth.server";
import { formatDateTime } from "~/utils/date-time.server";
import { formFields, readVerifiedForm } from "~/utils/form-data.server";
import { fieldErrorMessages } from "~/utils/form-errors.server";
import { metaT, pageTitle } from "~/utils/meta";
import { FLAG_STATUSES } from "../../db/enums";

export const meta: MetaFunction = ({ matches }) => pageTitle(metaT(matches)("safeguarding.flagTitle"));

const FIELD_ORDER = ["status", "note"] as const;


export async function loader({ request, params }: LoaderFunctionArgs) {
  const lead = await requireSafeguardingLead(request);
  const review = await getFlagForReview({ organisationId: lead.organisationId, memberId: lead.id, flagId: params.flagId ?? "" });
  if (!review) throw new Response(null, { status: 404 });
  const locale = await getLocale(request);
  const { flag, response, notes } = review;
  const phrases = [...new Set(flag.matches.flatMap((match) => match.phrases))];
  const flaggedQuestions = flag.matches.map((match) => match.question);
  const compiled = compilePhrases(phrases);
  return {
    flag: {
      id: flag.id,
      status: flag.status,
      source: flag.source,
      phrases,
      raisedAt: formatDateTime(flag.createdAt, locale),
      raisedByName: flag.raisedByName,
      consultationTitle: flag.consultationTitle,
      contentDeleted: flag.contentDeletedAt !== null,
    },
    response: response
      ? {
          lang: response.locale,
          submittedAt: formatDateTime(response.submittedAt, locale),
          channel: response.channel,
          answers: [
            ...describeAnswers(response.definition, response.answers, {
              locale: response.locale,
              highlight: phrases,
              flaggedQuestions,
            }),
            // An assisted response's observation note, checked and flagged like free text.
            ...(response.observationNote
              ? [
                  describedNote(
                    response.observationNote,
                    observationNoteTitle(response.locale),
                    highlightSegments(response.observationNote, findConcerningPhrases(response.observationNote, compiled)),
                    flaggedQuestions.includes(OBSERVATION_NOTE),
                  ),
                ]
              : []),
          ],
        }
      : null,
    // When the response has gone (withdrawn or erased), the copy of the flagged words kept with the flag.
    excerpt: response
      ? []
      : (flag.excerpt ?? []).map((item, index) => ({
          name: `${item.question}-${index}`,
          title: item.title,
          other: false,
          flagged: flaggedQuestions.includes(item.question),
          segments: highlightSegments(item.text, findConcerningPhrases(item.text, compiled)),
        })),
    notes: notes.map((note) => ({
      id: note.id,
      status: note.status,
      note: note.note,
      memberName: note.memberName,
      at: formatDateTime(note.createdAt, locale),
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const lead = await requireSafeguardingLead(request);
  const t = await getFixedT(request);
  const fields = formFields(await readVerifiedForm(request));
  const parsed = StatusChangeSchema.safeParse(fields);
  if (!parsed.success) {
    return data({ errors: fieldErrorMessages(parsed.error, t), values: fields, saved: false }, { status: 400 });
  }
  const changed = await changeFlagStatus({
    organisationId: lead.organisationId,
    memberId: lead.id,
    flagId: params.flagId ?? "",
    ...parsed.data,
  });
  if (!changed) throw new Response(null, { status: 404 });
  return { errors: null, values: null, saved: true };
}

export default function SafeguardingFlag() {
  const { flag, response, excerpt, notes } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const errors = actionData?.errors ?? undefined;
  const values: Partial<Record<string, string>> = actionData?.values ?? {};
  return (
    <div className="page">
      <ErrorSummary errors={fieldErrorList(errors, FIELD_ORDER)} />
      <p className="caption">
        <Link to="/safeguarding">{t("safeguarding.queueTitle")}</Link>
      </p>
      <h1>{t("safeguarding.flagTitle")}</h1>
      {actionData?.saved ? (
        <div className="notice" role="status">
          {t("safeguarding.saved")}
        </div>
      ) : null}
      <dl className="summary-list">
        <div>
          <dt>{t("safeguarding.columns.consultation")}</dt>
          <dd>{flag.consultationTitle}</dd>
        </div>
        <div>
          <dt>{t("safeguarding.columns.raised")}</dt>
          <dd>{flag.raisedAt}</dd>
        </div>
        <div>
          <dt>{t("safeguarding.columns.why")}</dt>
          <dd>
            {flag.source === "manual"
              ? t("safeguarding.raisedByHandBy", { name: flag.raisedByName ?? t("safeguarding.someone") })
              : t("safeguarding.matched", { phrases: flag.phrases.join(", ") })}
          </dd>
        </div>
        <div>
          <dt>{t("safeguarding.columns.status")}</dt>
          <dd>
            <FlagStatusTag status={flag.status} />
          </dd>
        </div>
      </dl>

      <section aria-labelledby="answers-heading" className="section">
        <h2 id="answers-heading">{t("safeguarding.answersHeading")}</h2>
        {response ? (
          <>
            <p className="hint">{t("safeguarding.answersIntro", { submittedAt: response.submittedAt, channel: t(`channel.${response.channel}`) })}</p>
            <AnswerList answers={response.answers} lang={response.lang} />
          </>
        ) : flag.contentDeleted ? (
          <p>{t("safeguarding.contentDeleted")}</p>
        ) : (
          <>
            <p>{t("safeguarding.responseGone")}</p>
            <AnswerList answers={excerpt} lang="" />
          </>
        )}
      </section>

      <section aria-labelledby="notes-heading" className="section">
        <h2 id="notes-heading">{t("safeguarding.notesHeading")}</h2>
        {notes.length === 0 ? (
          <p>{t("safeguarding.noNotes")}</p>
        ) : (
          <ol className="bullets">
            {notes.map((note) => (
              <li key={note.id}>
                <p>
                  <strong>{t("safeguarding.noteBy", { status: t(`flagStatus.${note.status}`), name: note.memberName ?? t("safeguarding.someone"), at: note.at })}</strong>
                </p>
                <p dir="auto" style={{ whiteSpace: "pre-wrap" }}>
                  {note.note || t("safeguarding.noteDeleted")}
                </p>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="change-heading" className="section">
        <h2 id="change-heading">{t("safeguarding.changeHeading")}</h2>
        <Form method="post" noValidate key={notes.length}>
          <CsrfInput />
          <RadioField
            name="status"
            label={t("safeguarding.fields.status")}
            error={errors?.status}
            defaultValue={values.status ?? flag.status}
            isRequired
            options={FLAG_STATUSES.map((value) => ({ value, label: t(`flagStatus.${value}`) }))}
          />
          <TextAreaField
            name="note"
            label={t("safeguarding.fields.note")}
            hint={t("safeguarding.fields.noteHint")}
            error={errors?.note}
            defaultValue={values.note}
            isRequired
            rows={4}
          />
          <Button type="submit" className="button">
            {t("safeguarding.save")}
          </Button>
        </Form>
      </section>
    </div>
  );
}
