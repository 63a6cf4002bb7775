import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";
import { CONSULTATION_FIELDS } from "~/consultations/consultation-fields";
import { ErrorSummary, fieldErrorList } from "~/components/form";
import { ConsultationFormFields } from "~/consultations/consultation-form-fields";
import { ConsultationDetailsSchema } from "~/consultations/consultation-schema.server";
import { fieldErrorMessages } from "~/utils/form-errors.server";
import { getFixedT } from "~/i18n/locale.server";
import { createConsultation } from "~/models/consultation.server";
import { requireMember, STAFF_WHO_MANAGE } from "~/utils/auth.server";
import { formFields, readVerifiedForm } from "~/utils/form-data.server";
import { metaT, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(metaT(matches)("newConsultation.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  await requireMember(request, { roles: STAFF_WHO_MANAGE });
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const member = await requireMember(request, { roles: STAFF_WHO_MANAGE });
  const fields = formFields(await readVerifiedForm(request));
  const parsed = ConsultationDetailsSchema.safeParse(fields);
  if (!parsed.success) {
    const t = await getFixedT(request);
    return data({ errors: fieldErrorMessages(parsed.error, t), values: fields }, { status: 400 });
  }
  const created = await createConsultation({
    organisationId: member.organisationId,
    memberId: member.id,
    details: parsed.data,
  });
  return redirect(`/consultations/${created.id}`);
}

export default function NewConsultation() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors;
  const values: Partial<Record<string, string>> = actionData?.values ?? {};
  return (
    <div className="page page--narrow">
      <ErrorSummary errors={fieldErrorList(errors, CONSULTATION_FIELDS)} />
      <h1>{t("newConsultation.title")}</h1>
      <p className="lead">{t("newConsultation.intro")}</p>
      <Form method="post" noValidate>
        <CsrfInput />
        <ConsultationFormFields fields={CONSULTATION_FIELDS} errors={errors} values={values} />
        <Button type="submit" className="button">
          {t("newConsultation.submit")}
        </Button>
      </Form>
    </div>
  );
}
