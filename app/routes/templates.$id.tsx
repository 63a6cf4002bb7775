// Renaming an organisation template (name, description, before-you-start text) or deleting it.
// Deleting archives it: it leaves the list and "choose a survey", and the audit log keeps its story.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { TemplateIntentSchema } from "~/builder/template-schema.server";
import { TEMPLATE_FIELDS, TemplateDetailsFields } from "~/builder/template-fields";
import { CsrfInput } from "~/components/csrf-input";
import { ErrorSummary, fieldErrorList } from "~/components/form";
import { TypedText } from "~/components/typed-text";
import { getFixedT } from "~/i18n/locale.server";
import { archiveSurveyTemplate, getSurveyTemplate, renameSurveyTemplate } from "~/models/survey-template.server";
import { requireMember, STAFF_WHO_MANAGE } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { formFields, readVerifiedForm } from "~/utils/form-data.server";
import { fieldErrorMessages } from "~/utils/form-errors.server";
import { metaT, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(metaT(matches)("templates:change.title"));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, { roles: STAFF_WHO_MANAGE });
  const template = await getSurveyTemplate({ organisationId: member.organisationId, templateId: params.id ?? "" });
  if (!template) throw new Response(null, { status: 404 });
  return { template };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireMember(request, { roles: STAFF_WHO_MANAGE });
  const fields = formFields(await readVerifiedForm(request));
  const parsed = TemplateIntentSchema.safeParse(fields);
  if (!parsed.success) return data({ errors: fieldErrorMessages(parsed.error, await getFixedT(request)), values: fields }, { status: 400 });
  const scope = { organisationId: member.organisationId, templateId: params.id ?? "", memberId: member.id };
  if (parsed.data.intent === "delete") {
    if (!(await archiveSurveyTemplate(scope))) throw new Response(null, { status: 404 });
    return redirectWithFlash("/templates", "templateDeleted");
  }
  const { intent: _intent, ...details } = parsed.data;
  if (!(await renameSurveyTemplate({ ...scope, details }))) throw new Response(null, { status: 404 });
  return redirectWithFlash("/templates", "templateRenamed");
}

export default function ChangeTemplate() {
  const { template } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("templates");
  const errors: Partial<Record<string, string>> | undefined = actionData?.errors;
  const values: Partial<Record<string, string>> = actionData?.values ?? template;
  return (
    <div className="page page--narrow">
      <ErrorSummary errors={fieldErrorList(errors, TEMPLATE_FIELDS)} />
      <p className="caption">
        <TypedText>{template.name}</TypedText>
      </p>
      <h1>{t("change.title")}</h1>
      <Form method="post" noValidate className="stack">
        <CsrfInput />
        <input type="hidden" name="intent" value="rename" />
        <TemplateDetailsFields errors={errors} values={values} />
        <Button type="submit" className="button">
          {t("change.submit")}
        </Button>
      </Form>
      <section aria-labelledby="delete-heading" className="section">
        <h2 id="delete-heading" className="heading-m">
          {t("change.deleteHeading")}
        </h2>
        <p>{t("change.deleteHint")}</p>
        <Form method="post">
          <CsrfInput />
          <input type="hidden" name="intent" value="delete" />
          <Button type="submit" className="button button--secondary">
            {t("change.delete")}
          </Button>
        </Form>
      </section>
      <p>
        <Link to="/templates">{t("change.back")}</Link>
      </p>
    </div>
  );
}
