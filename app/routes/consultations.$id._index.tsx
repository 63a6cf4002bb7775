import {
  data,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";
import { ErrorSummary, RadioField } from "~/components/form";
import { ShareAddress } from "~/components/share-address";
import { StatusTag } from "~/components/status-tag";
import { SuccessBanner } from "~/components/success-banner";
import { isolateText, TypedText } from "~/components/typed-text";
import { editableFields } from "~/consultations/consultation-fields";
import { ConsultationIntentSchema } from "~/consultations/consultation-schema.server";
import consultationStyles from "~/consultations/consultation.css";
import { answeringState, displayedStatus } from "~/consultations/taking-answers";
import { getLocale } from "~/i18n/locale.server";
import { chooseSurveyTemplate, getConsultation, removeEasyReadDraft } from "~/models/consultation.server";
import { listSurveyTemplates, NotDraftError, startFromSurveyTemplate } from "~/models/survey-template.server";
import { OrganisationTemplateChooser } from "~/builder/organisation-template-chooser";
import { countResponses } from "~/models/response.server";
import { getSuppressionThreshold } from "~/models/organisation.server";
import { suppressStandaloneCount } from "~/analysis/suppress";
import { ShownCount } from "~/analysis/shown-count";
import { outlineSurvey } from "~/survey/outline.server";
import { getTemplate, listTemplates, localized } from "~/survey/templates.server";
import { answersDueForDeletionAt } from "~/responses/retention";
import { RecordResponseLinks } from "~/responses/record-response-links";
import { canImportResponses, canRecordResponses } from "~/responses/recording.server";
import { requireMember, STAFF_WHO_MANAGE, STAFF_WHO_READ_RESPONSES } from "~/utils/auth.server";
import { formatDay } from "~/utils/date-time.server";
import { formatDate, londonToday } from "~/utils/dates";
import { redirectWithFlash, takeFlash } from "~/utils/flash.server";
import { formFields, readVerifiedForm } from "~/utils/form-data.server";
import { metaT, pageTitle } from "~/utils/meta";
import { publicAddress } from "~/utils/public-url.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: consultationStyles }];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(data ? isolateText(data.consultation.title) : metaT(matches)("consultation.title"));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request);
  const consultation = await getConsultation({ organisationId: member.organisationId, consultationId: params.id ?? "" });
  if (!consultation) throw new Response(null, { status: 404 });
  const canManage = (STAFF_WHO_MANAGE as readonly string[]).includes(member.role);
  const [locale, { flash, headers }, responseCount, threshold, organisationTemplates] = await Promise.all([
    getLocale(request),
    takeFlash(request),
    countResponses({ organisationId: member.organisationId, consultationId: consultation.id }),
    getSuppressionThreshold({ organisationId: member.organisationId }),
    canManage && consultation.status === "draft" ? listSurveyTemplates({ organisationId: member.organisationId }) : [],
  ]);
  const today = londonToday();
  const everOpened = consultation.status !== "draft" && consultation.status !== "in_review";
  return data(
    {
      consultation: {
        id: consultation.id,
        title: consultation.title,
        purpose: consultation.purpose,
        whoFor: consultation.whoFor,
        audience: consultation.audience,
        dataUseStatement: consultation.dataUseStatement,
        contact: consultation.contact,
        retentionMonths: consultation.retentionMonths,
        opensOn: formatDate(consultation.opensOn, locale),
        closesOn: formatDate(consultation.closesOn, locale),
        feedbackBy: formatDate(consultation.feedbackBy, locale),
        status: consultation.status,
        shownStatus: displayedStatus(consultation, today),
        answering: answeringState(consultation, today),
        templateId: consultation.templateId,
      },
      shareAddress: everOpened ? publicAddress(request, `/c/${consultation.slug}`) : null,
      questions: consultation.draftDefinition ? outlineSurvey(consultation.draftDefinition, locale) : [],
      easyReadQuestionCount: consultation.draftEasyReadDefinition ? outlineSurvey(consultation.draftEasyReadDefinition, locale).length : null,
      templates: listTemplates().map((template) => ({
        id: template.id,
        title: localized(template.title, locale),
        summary: localized(template.summary, locale),
      })),
      organisationTemplates: organisationTemplates.map(({ id, name, description }) => ({ id, name, description })),
      responseCount: suppressStandaloneCount(responseCount, threshold),
      canManage,
      canEdit: canManage && editableFields(consultation.status).length > 0,
      flash,
      // When the raw answers go (retention runs from closing); see app/models/retention.server.ts.
      retention: {
        months: consultation.retentionMonths,
        dueOn: consultation.closedAt
          ? formatDay(answersDueForDeletionAt(consultation.closedAt, consultation.retentionMonths), locale)
          : null,
        deletedOn: consultation.answersDeletedAt ? formatDay(consultation.answersDeletedAt, locale) : null,
      },
      canReadResponses: (STAFF_WHO_READ_RESPONSES as readonly string[]).includes(member.role) || member.isSafeguardingLead,
      canRecord: canRecordResponses(member.role, consultation.status),
      canImport: canImportResponses(member.role, consultation.status),
    },
    { headers },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireMember(request, { roles: STAFF_WHO_MANAGE });
  const fields = formFields(await readVerifiedForm(request));
  const parsed = ConsultationIntentSchema.safeParse(fields);
  const scope = { organisationId: member.organisationId, consultationId: params.id ?? "", memberId: member.id };
  if (!(await getConsultation(scope))) throw new Response(null, { status: 404 });
  if (!parsed.success) {
    const error = fields.intent === "choose-organisation-template" ? ("chooseOrganisationTemplate" as const) : ("chooseTemplate" as const);
    return data({ error }, { status: 400 });
  }
  if (parsed.data.intent === "choose-organisation-template") {
    try {
      const started = await startFromSurveyTemplate({ ...scope, templateId: parsed.data.organisationTemplateId });
      if (!started) return data({ error: "chooseOrganisationTemplate" as const }, { status: 400 });
    } catch (error) {
      if (error instanceof NotDraftError) return data({ error: "notDraft" as const }, { status: 409 });
      throw error;
    }
    return redirectWithFlash(`/consultations/${scope.consultationId}`, "templateChosen");
  }
  if (parsed.data.intent === "remove-easy-read") {
    if (!(await removeEasyReadDraft(scope))) return data({ error: "easyReadClosed" as const }, { status: 409 });
    return redirectWithFlash(`/consultations/${scope.consultationId}`, "easyReadRemoved");
  }

  const template = getTemplate(parsed.data.templateId);
  if (!template) return data({ error: "chooseTemplate" as const }, { status: 400 });
  // The template's easy-read survey comes too: children who choose easy read get it.
  const easyReadDefinition = template.easyRead?.survey ?? null;
  if (!(await chooseSurveyTemplate({ ...scope, templateId: template.id, definition: template.survey, easyReadDefinition }))) {
    return data({ error: "notDraft" as const }, { status: 409 });
  }
  // Redirect after the POST: a reload does not post again, and the address stays /consultations/<id>.
  return redirectWithFlash(`/consultations/${scope.consultationId}`, "templateChosen");
}

export default function ConsultationOverview() {
  const {
    consultation,
    shareAddress,
    questions,
    easyReadQuestionCount,
    templates,
    organisationTemplates,
    responseCount,
    canManage,
    canEdit,
    flash,
    retention,
    canReadResponses,
    canRecord,
    canImport,
  } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const isDraft = consultation.status === "draft" || consultation.status === "in_review";
  const canEditSurvey = isDraft || consultation.status === "open";
  return (
    <div className="page">
      <ErrorSummary
        errors={
          actionData?.error === "chooseOrganisationTemplate"
            ? [{ field: "organisationTemplateId", message: t("templates:errors.chooseOrganisationTemplate") }]
            : actionData?.error
              ? [{ field: "templateId", message: t(`consultation.errors.${actionData.error}`) }]
              : []
        }
      />
      {flash ? <SuccessBanner>{t(`flash.${flash}`)}</SuccessBanner> : null}
      <p className="caption">{t("consultation.caption")}</p>
      <h1>
        <TypedText>{consultation.title}</TypedText>
      </h1>
      <p>
        <StatusTag status={consultation.shownStatus} />
      </p>
      <dl className="summary-list">
        <div>
          <dt>{t("newConsultation.fields.purpose.label")}</dt>
          <TypedText as="dd">{consultation.purpose}</TypedText>
        </div>
        <div>
          <dt>{t("newConsultation.fields.whoFor.label")}</dt>
          <TypedText as="dd">{consultation.whoFor}</TypedText>
        </div>
        <div>
          <dt>{t("newConsultation.fields.audience.label")}</dt>
          <TypedText as="dd">{consultation.audience}</TypedText>
        </div>
        <div>
          <dt>{t("consultation.dates")}</dt>
          <dd>
            {t("consultation.datesValue", {
              opens: consultation.opensOn,
              closes: consultation.closesOn,
              feedback: consultation.feedbackBy,
            })}
          </dd>
        </div>
        <div>
          <dt>{t("consultation.dataUseLabel")}</dt>
          {consultation.dataUseStatement ? (
            <TypedText as="dd">{consultation.dataUseStatement}</TypedText>
          ) : (
            <dd>{t("consultation.notGiven")}</dd>
          )}
        </div>
        <div>
          <dt>{t("consultation.contactLabel")}</dt>
          {consultation.contact ? (
            <TypedText as="dd">{consultation.contact}</TypedText>
          ) : (
            <dd>{t("consultation.organisationContact")}</dd>
          )}
        </div>
        <div>
          <dt>{t("consultation.retentionLabel")}</dt>
          <dd>{t("consultation.retentionValue", { count: consultation.retentionMonths })}</dd>
        </div>
        <div>
          <dt>{t("consultation.responses")}</dt>
          <dd>
            <ShownCount count={responseCount} />
          </dd>
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
      {canEdit ? (
        <p>
          <Link to="edit">{t("consultation.editDetails")}</Link>
          {isDraft ? null : <span className="hint"> {t("consultation.editWhileOpenHint")}</span>}
        </p>
      ) : null}

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
        {easyReadQuestionCount !== null ? (
          <div className="stack">
            <p>{t("consultation.easyRead.offered", { count: easyReadQuestionCount })}</p>
            {canEditSurvey && canManage ? (
              <Form method="post">
                <CsrfInput />
                <input type="hidden" name="intent" value="remove-easy-read" />
                <Button type="submit" className="button button--secondary">
                  {t("consultation.easyRead.remove")}
                </Button>
                <span className="hint"> {t("consultation.easyRead.removeHint")}</span>
              </Form>
            ) : null}
          </div>
        ) : null}
        {canEditSurvey && canManage ? (
          <p>
            <Link to="survey" className="button">
              {t("builder:link")}
            </Link>
            <span className="hint"> {t("builder:linkHint")}</span>
          </p>
        ) : null}
        {questions.length > 0 ? (
          <p>
            <Link to="review">{t("codesign:review.title")}</Link>
          </p>
        ) : null}
        {questions.length > 0 ? (
          <p>
            <Link to="history">{t("codesign:history.link")}</Link>
          </p>
        ) : null}
        {consultation.status === "draft" && canManage ? (
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
        {consultation.status === "draft" && canManage ? (
          <OrganisationTemplateChooser
            templates={organisationTemplates}
            error={actionData?.error === "chooseOrganisationTemplate" ? t("templates:errors.chooseOrganisationTemplate") : undefined}
          />
        ) : null}
      </section>

      <section aria-labelledby="next-heading" className="section">
        <h2 id="next-heading">{t("consultation.nextHeading")}</h2>
        {isDraft && canManage && questions.length > 0 ? (
          <div className="stack">
            <p>{t("consultation.openHelp")}</p>
            <p>
              <Link to="open" className="button">
                {t("consultation.open")}
              </Link>
            </p>
          </div>
        ) : null}
        {shareAddress ? (
          <>
            <h3 className="heading-s" id="share-heading">
              {t("consultation.publicLink")}
            </h3>
            <ShareAddress address={shareAddress} />
          </>
        ) : null}
        {consultation.answering === "before-opening" ? (
          <p>{t("consultation.opensLater", { date: consultation.opensOn })}</p>
        ) : null}
        {consultation.answering === "after-closing" ? <p>{t("consultation.pastClosingDate")}</p> : null}
        {consultation.status === "open" && canManage ? (
          <p>
            <Link to="close" className="button button--secondary">
              {t("consultation.close")}
            </Link>
          </p>
        ) : null}
        <ul className="link-list">
          <li>
            <Link to="results">{t("consultation.resultsLink")}</Link>
          </li>
          <li>
            <Link to="outcomes">{t("consultation.outcomesLink")}</Link>
          </li>
          <li>
            <Link to="events">{t("events:link")}</Link>
          </li>
          {canReadResponses ? (
            <li>
              <Link to="responses">{t("responses.link")}</Link>
            </li>
          ) : null}
          {canRecord ? <RecordResponseLinks /> : null}
          {canImport ? (
            <li>
              <Link to="import">{t("imports:link")}</Link>
            </li>
          ) : null}
        </ul>
      </section>
    </div>
  );
}
