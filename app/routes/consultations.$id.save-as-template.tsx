// Saves a consultation's survey (its draft, or the version children answer) as one of the
// organisation's own templates, which "choose a survey" then offers for new consultations.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { SaveTemplateSchema } from "~/builder/template-schema.server";
import { TEMPLATE_FIELDS, TemplateDetailsFields } from "~/builder/template-fields";
import { CsrfInput } from "~/components/csrf-input";
import { ErrorSummary, fieldErrorList, RadioField } from "~/components/form";
import { TypedText } from "~/components/typed-text";
import { getFixedT } from "~/i18n/locale.server";
import { getSurveyDraft } from "~/models/survey-draft.server";
import { NoSurveyToSaveError, saveSurveyTemplate } from "~/models/survey-template.server";
import { requireMember, STAFF_WHO_MANAGE } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { formFields, readVerifiedForm } from "~/utils/form-data.server";
import { fieldErrorMessages } from "~/utils/form-errors.server";
import { metaT, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(metaT(matches)("templates:save.title"));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, { roles: STAFF_WHO_MANAGE });
  const draft = await getSurveyDraft({ organisationId: member.organisationId, consultationId: params.id ?? "" });
  if (!draft) throw new Response(null, { status: 404 });
  return {
    consultation: { id: draft.id, title: draft.title },
    hasDraft: draft.definition !== null,
    publishedVersion: draft.latestVersion?.version ?? null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireMember(request, { roles: STAFF_WHO_MANAGE });
  const fields = formFields(await readVerifiedForm(request));
  const parsed = SaveTemplateSchema.safeParse(fields);
  if (!parsed.success) return data({ errors: fieldErrorMessages(parsed.error, await getFixedT(request)), values: fields }, { status: 400 });
  const { source, ...details } = parsed.data;
  try {
    const saved = await saveSurveyTemplate({ organisationId: member.organisationId, memberId: member.id, consultationId: params.id ?? "", source, details });
    if (!saved) throw new Response(null, { status: 404 });
  } catch (error) {
    if (!(error instanceof NoSurveyToSaveError)) throw error;
    const t = await getFixedT(request);
    return data({ errors: { source: t("templates:errors.noSurvey") }, values: fields }, { status: 409 });
  }
  return redirectWithFlash("/templates", "templateSaved");
}

export default function SaveAsTemplate() {
  const { consultation, hasDraft, publishedVersion } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("templates");
  const errors: Partial<Record<string, string>> | undefined = actionData?.errors;
  const values: Partial<Record<string, string>> = actionData?.values ?? {};
  const sources = [
    ...(hasDraft ? [{ value: "draft", label: t("save.sourceDraft"), description: t("save.sourceDraftHint") }] : []),
    ...(publishedVersion ? [{ value: "published", label: t("save.sourcePublished", { version: publishedVersion }) }] : []),
  ];
  return (
    <div className="page page--narrow">
      <ErrorSummary errors={fieldErrorList(errors, ["source", ...TEMPLATE_FIELDS])} />
      <p className="caption">
        <TypedText>{consultation.title}</TypedText>
      </p>
      <h1>{t("save.title")}</h1>
      <p className="lead">{t("save.intro")}</p>
      <p>{t("save.noResponses")}</p>
      {sources.length === 0 ? (
        <p>{t("save.nothingToSave")}</p>
      ) : (
        <Form method="post" noValidate className="stack">
          <CsrfInput />
          <RadioField
            name="source"
            label={t("save.source")}
            options={sources}
            defaultValue={values.source ?? sources[0]!.value}
            error={errors?.source}
            isRequired
          />
          <TemplateDetailsFields errors={errors} values={values} />
          <Button type="submit" className="button">
            {t("save.submit")}
          </Button>
        </Form>
      )}
      <p>
        <Link to={`/consultations/${consultation.id}/survey`}>{t("save.back")}</Link>
      </p>
    </div>
  );
}
