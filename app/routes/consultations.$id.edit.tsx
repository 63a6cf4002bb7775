// Changing a consultation's details: all of them while it is a draft; once children can answer, only
// the closing date, the date they hear back and who to contact (what they were told stays as they read it).
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";
import { ErrorSummary, fieldErrorList } from "~/components/form";
import { TypedText } from "~/components/typed-text";
import consultationStyles from "~/consultations/consultation.css";
import { CONSULTATION_FIELDS, editableFields } from "~/consultations/consultation-fields";
import { ConsultationFormFields } from "~/consultations/consultation-form-fields";
import { ConsultationDetailsSchema, openConsultationChangesSchema } from "~/consultations/consultation-schema.server";
import { getFixedT } from "~/i18n/locale.server";
import { ConsultationStateError, getConsultation, updateConsultationDetails } from "~/models/consultation.server";
import { requireMember, STAFF_WHO_MANAGE } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { formFields, readVerifiedForm } from "~/utils/form-data.server";
import { fieldErrorMessages, type FieldErrors } from "~/utils/form-errors.server";
import { metaT, pageTitle } from "~/utils/meta";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: consultationStyles }];

export const meta: MetaFunction = ({ matches }) => pageTitle(metaT(matches)("editConsultation.title"));

async function editableConsultation(request: Request, consultationId: string) {
  const member = await requireMember(request, { roles: STAFF_WHO_MANAGE });
  const consultation = await getConsultation({ organisationId: member.organisationId, consultationId });
  if (!consultation) throw new Response(null, { status: 404 });
  // Closed: nothing left to change, so back to its page.
  if (editableFields(consultation.status).length === 0) throw redirect(`/consultations/${consultation.id}`);
  return { member, consultation };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { consultation } = await editableConsultation(request, params.id ?? "");
  const fields = editableFields(consultation.status);
  return {
    consultation: { id: consultation.id, title: consultation.title },
    editable: fields,
    // The form's starting values: what is stored now, as the inputs take them.
    values: Object.fromEntries(fields.map((field) => [field, String(consultation[field])])) as Partial<Record<string, string>>,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { member, consultation } = await editableConsultation(request, params.id ?? "");
  const fields = formFields(await readVerifiedForm(request));
  const schema =
    consultation.status === "open" ? openConsultationChangesSchema({ opensOn: consultation.opensOn }) : ConsultationDetailsSchema;
  const parsed = schema.safeParse(fields);
  const t = await getFixedT(request);
  if (!parsed.success) {
    return data({ errors: fieldErrorMessages(parsed.error, t), values: fields }, { status: 400 });
  }
  try {
    await updateConsultationDetails({
      organisationId: member.organisationId,
      consultationId: consultation.id,
      memberId: member.id,
      changes: parsed.data,
    });
  } catch (error) {
    if (!(error instanceof ConsultationStateError)) throw error;
    // Opened or closed by someone else while this form was open.
    const errors: FieldErrors = { form: t("editConsultation.statusChanged") };
    return data({ errors, values: fields }, { status: 409 });
  }
  return redirectWithFlash(`/consultations/${consultation.id}`, "detailsSaved");
}

export default function EditConsultation() {
  const { consultation, editable, values: stored } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const errors = actionData?.errors;
  const values: Partial<Record<string, string>> = actionData?.values ?? stored;
  const isDraft = editable.length === CONSULTATION_FIELDS.length;
  return (
    <div className="page page--narrow">
      <ErrorSummary errors={fieldErrorList(errors, ["form", ...CONSULTATION_FIELDS])} />
      <p className="caption">
        <Link to={`/consultations/${consultation.id}`}>
          <TypedText>{consultation.title}</TypedText>
        </Link>
      </p>
      <h1>{t("editConsultation.title")}</h1>
      <p className="lead">{isDraft ? t("editConsultation.introDraft") : t("editConsultation.introOpen")}</p>
      <p>
        <Link to={`/consultations/${consultation.id}/translations`}>{t("answering:translations.link")}</Link>
      </p>
      <Form method="post" noValidate id="form">
        <CsrfInput />
        <ConsultationFormFields fields={editable} errors={errors} values={values} />
        <div className="button-group">
          <Button type="submit" className="button">
            {t("editConsultation.submit")}
          </Button>
          <Link to={`/consultations/${consultation.id}`}>{t("confirm.cancel")}</Link>
        </div>
      </Form>
    </div>
  );
}
