import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";
import { ErrorSummary, fieldErrorList, TextAreaField, TextInputField } from "~/components/form";
import { getFixedT } from "~/i18n/locale.server";
import { membersLinks } from "~/members/links";
import { SETTINGS_FIELDS } from "~/members/member-fields";
import { getOrganisation, updateOrganisationSettings } from "~/models/organisation.server";
import { OrganisationSettingsSchema } from "~/organisations/settings-schema.server";
import { requireMember } from "~/utils/auth.server";
import { formFields, readVerifiedForm } from "~/utils/form-data.server";
import { fieldErrorMessages } from "~/utils/form-errors.server";
import { metaT, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(metaT(matches)("settings.title"));
export const links = membersLinks;

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireMember(request, { roles: ["admin"] });
  const organisation = await getOrganisation({ organisationId: admin.organisationId });
  if (!organisation) throw new Response(null, { status: 404 });
  const { name, publicContact, suppressionThreshold } = organisation;
  return { settings: { name, publicContact, suppressionThreshold: String(suppressionThreshold) } };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireMember(request, { roles: ["admin"] });
  const fields = formFields(await readVerifiedForm(request));
  const parsed = OrganisationSettingsSchema.safeParse(fields);
  if (!parsed.success) {
    const t = await getFixedT(request);
    const values = Object.fromEntries(SETTINGS_FIELDS.map((name) => [name, fields[name] ?? ""]));
    return data({ errors: fieldErrorMessages(parsed.error, t), values }, { status: 400 });
  }
  const saved = await updateOrganisationSettings({ organisationId: admin.organisationId, memberId: admin.id, settings: parsed.data });
  if (!saved) throw new Response(null, { status: 404 });
  return { saved: true as const };
}

export default function Settings() {
  const { settings } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const submitting = useNavigation().state === "submitting";
  const errors = actionData && "errors" in actionData ? actionData.errors : undefined;
  const values: Partial<Record<string, string>> = actionData && "values" in actionData ? actionData.values : settings;
  const field = (name: (typeof SETTINGS_FIELDS)[number]) => ({
    name,
    label: t(`settings.fields.${name}.label`),
    hint: t(`settings.fields.${name}.hint`, { defaultValue: "" }) || undefined,
    error: errors?.[name],
    defaultValue: values[name],
  });
  return (
    <div className="page page--narrow">
      <ErrorSummary errors={fieldErrorList(errors, SETTINGS_FIELDS)} />
      {actionData && "saved" in actionData ? (
        <div className="notice" role="status">
          <p>{t("settings.saved")}</p>
        </div>
      ) : null}
      <h1>{t("settings.title")}</h1>
      <p>{t("settings.intro")}</p>
      <Form method="post" noValidate>
        <CsrfInput />
        <TextInputField {...field("name")} isRequired />
        <TextAreaField {...field("publicContact")} rows={3} />
        <TextInputField {...field("suppressionThreshold")} inputMode="numeric" width="short" isRequired />
        <Button type="submit" className="button" isDisabled={submitting}>
          {t("settings.submit")}
        </Button>
      </Form>
    </div>
  );
}
