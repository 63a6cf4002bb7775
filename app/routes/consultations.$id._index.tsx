import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { formatDate } from "~/utils/dates";
import { CsrfInput } from "~/components/csrf-input";
import { ErrorSummary, RadioField } from "~/components/form";
import { StatusTag } from "~/components/status-tag";
import { ConsultationIntentSchema } from "~/consultations/consultation-schema.server";
import { getLocale } from "~/i18n/locale.server";
import {
  chooseSurveyTemplate,
  closeConsultation,
  ConsultationStateError,
  getConsultation,
  openConsultation,
} from "~/models/consultation.server";
import { countResponses } from "~/models/response.server";
import { outlineSurvey } from "~/survey/outline.server";
import { getTemplate, listTemplates, localized } from "~/survey/templates.server";
import { answersDueForDeletionAt } from "~/responses/retention";
import { requireMember, STAFF_WHO_MANAGE, STAFF_WHO_READ_RESPONSES } from "~/utils/auth.server";
import { formatDay } from "~/utils/date-time.server";
import { formFields, readVerifiedForm } from "~/utils/form-data.server";
import { metaT, pageTitle } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(data?.consultation.title ?? metaT(matches)("consultation.title"));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request);
  const consultation = await getConsultation({ organisationId: member.organisationId, consultationId: params.id ?? "" });
  if (!consultation) throw new Response(null, { status: 404 });
  const locale = await getLocale(request);
  return {
    consultation: {
      id: consultation.id,
      slug: consultation.slug,
      title: consultation.title,
      purpose: consultation.purpose,
      whoFor: consultation.whoFor,
      audience: consultation.audience,
      opensOn: consultation.opensOn,
      closesOn: consultation.closesOn,
      feedbackBy: consultation.feedbackBy,
      status: consultation.status,
      templateId: consultation.templateId,
    },
    questions: consultation.draftDefinition ? outlineSurvey(consultation.draftDefinition, locale) : [],
    templates: listTemplates().map((template) => ({
      id: template.id,
      title: localized(template.title, locale),
      summary: localized(template.summary, locale),
    })),
    responseCount: await countResponses({ organisationId: member.organisationId, consultationId: consultation.id }),
    canManage: (STAFF_WHO_MANAGE as readonly string[]).includes(member.role),
    // When the raw answers go (retention runs from closing); see app/models/retention.server.ts.
    retention: {
      months: consultation.retentionMonths,
      dueOn: consultation.closedAt ? formatDay(answersDueForDeletionAt(consultation.closedAt, consultation.retentionMonths), locale) : null,
      deletedOn: consultation.answersDeletedAt ? formatDay(consultation.answersDeletedAt, locale) : null,
    },
    canReadResponses: (STAFF_WHO_READ_RESPONSES as readonly string[]).includes(member.role) || member.isSafeguardingLead,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireMember(request, { roles: STAFF_WHO_MANAGE });
  const parsed = ConsultationIntentSchema.safeParse(formFields(await readVerifiedForm(request)));
  const scope = { organisationId: member.organisationId, consultationId: params.id ?? "", memberId: member.id };
  if (!(await getConsultation(scope))) throw new Response(null, { status: 404 });
  if (!parsed.success) return data({ error: "chooseTemplate" as const }, { status: 400 });

  switch (parsed.data.intent) {
    case "choose-template": {
      const template = getTemplate(parsed.data.templateId);
      if (!template) return data({ error: "chooseTemplate" as const }, { status: 400 });
      if (!(await chooseSurveyTemplate({ ...scope, templateId: template.id, definition: template.survey }))) {
        return data({ error: "notDraft" as const }, { status: 409 });
      }
      return { error: null };
    }
    case "open": {
      try {
        await openConsultation(scope);
      } catch (error) {
        if (error instanceof ConsultationStateError) return data({ error: "cannotOpen" as const }, { status: 409 });
        throw error;
      }
      return { error: null };
    }
    case "close": {
      if (!(await closeConsultation(scope))) return data({ error: "cannotClose" as const }, { status: 409 });
      return { error: null };
    }
  }
}

export default function ConsultationOverview() {
  const { consultation, questions, templates, responseCount, canManage, retention, canReadResponses } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const isDraft = consultation.status === "draft";
  const publicPath = `/c/${consultation.slug}`;
  return (
    <div className="page">
      <ErrorSummary
        errors={actionData?.error ? [{ field: "templateId", message: t(`consultation.errors.${actionData.error}`) }] : []}
      />
      <p className="caption">{t("consultation.caption")}</p>
      <h1>{consultation.title}</h1>
      <p>
        <StatusTag status={consultation.status} />
      </p>
      <dl className="summary-list">
        <div>
          <dt>{t("newConsultation.fields.purpose.label")}</dt>
          <dd>{consultation.purpose}</dd>
        </div>
        <div>
          <dt>{t("newConsultation.fields.whoFor.label")}</dt>
          <dd>{consultation.whoFor}</dd>
        </div>
        <div>
          <dt>{t("newConsultation.fields.audience.label")}</dt>
          <dd>{consultation.audience}</dd>
        </div>
        <div>
          <dt>{t("consultation.dates")}</dt>
          <dd>
            {t("consultation.datesValue", {
              opens: formatDate(consultation.opensOn, i18n.language),
              closes: formatDate(consultation.closesOn, i18n.language),
              feedback: formatDate(consultation.feedbackBy, i18n.language),
            })}
          </dd>
        </div>
        <div>
          <dt>{t("consultation.responses")}</dt>
          <dd>{responseCount}</dd>
        </div>
        <div>
          <dt>{t("retention.consultationLabel")}</dt>
          <dd>
            {retention.deletedOn
              ? t("retention.deletedOn", { date: retention.deletedOn })
              : retention.dueOn
                ? t("retention.dueOn", { date: retention.dueOn })
                : t("retention.afterClosing", { count: retention.months })}
          </dd>
        </div>
      </dl>

      <section aria-labelledby="survey-heading" className="section">
        <h2 id="survey-heading">{t("consultation.surveyHeading")}</h2>
        {questions.length > 0 ? (
          <>
            <p>{t("consultation.questionCount", { count: questions.length })}</p>
            <ol className="question-outline">
              {questions.map((question) => (
                <li key={question.name}>{question.title}</li>
              ))}
            </ol>
          </>
        ) : (
          <p>{t("consultation.noSurvey")}</p>
        )}
        {isDraft && canManage ? (
          <Form method="post" noValidate className="stack">
            <CsrfInput />
            <input type="hidden" name="intent" value="choose-template" />
            <RadioField
              name="templateId"
              label={questions.length ? t("consultation.changeTemplate") : t("consultation.chooseTemplate")}
              hint={t("consultation.chooseTemplateHint")}
              defaultValue={consultation.templateId ?? undefined}
              isRequired
              options={templates.map((template) => ({
                value: template.id,
                label: template.title,
                description: template.summary,
              }))}
            />
            <Button type="submit" className="button button--secondary">
              {t("consultation.useTemplate")}
            </Button>
          </Form>
        ) : null}
      </section>

      <section aria-labelledby="next-heading" className="section">
        <h2 id="next-heading">{t("consultation.nextHeading")}</h2>
        {isDraft && canManage && questions.length > 0 ? (
          <Form method="post" className="stack">
            <CsrfInput />
            <input type="hidden" name="intent" value="open" />
            <p>{t("consultation.openHelp")}</p>
            <Button type="submit" className="button">
              {t("consultation.open")}
            </Button>
          </Form>
        ) : null}
        {consultation.status !== "draft" && consultation.status !== "in_review" ? (
          <p>
            {t("consultation.publicLink")} <Link to={publicPath}>{publicPath}</Link>
          </p>
        ) : null}
        {consultation.status === "open" && canManage ? (
          <Form method="post">
            <CsrfInput />
            <input type="hidden" name="intent" value="close" />
            <Button type="submit" className="button button--secondary">
              {t("consultation.close")}
            </Button>
          </Form>
        ) : null}
        <ul className="link-list">
          <li>
            <Link to="results">{t("consultation.resultsLink")}</Link>
          </li>
          <li>
            <Link to="outcomes">{t("consultation.outcomesLink")}</Link>
          </li>
          {canReadResponses ? (
            <li>
              <Link to="responses">{t("responses.link")}</Link>
            </li>
          ) : null}
        </ul>
      </section>
    </div>
  );
}
