// The consultation's own words in Welsh, Polish, Arabic and Urdu, so a child's public page reads in
// one language throughout. Reached from the consultation's edit page.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";
import { ErrorSummary, TextAreaField, TextInputField } from "~/components/form";
import { TypedText } from "~/components/typed-text";
import { parseTranslationsForm, translationFieldName } from "~/consultations/translations-schema.server";
import { TRANSLATED_FIELDS, TRANSLATION_LOCALES, isCompleteTranslation, pickTexts } from "~/consultations/translations";
import { LOCALE_NAMES } from "~/i18n/i18n";
import { getFixedT } from "~/i18n/locale.server";
import { ConsultationStateError, getConsultation } from "~/models/consultation.server";
import { getConsultationTranslations, saveConsultationTranslations } from "~/models/consultation-translation.server";
import { requireMember, STAFF_WHO_MANAGE } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { formFields, readVerifiedForm } from "~/utils/form-data.server";
import { metaT, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(metaT(matches)("answering:translations.title"));

async function translatableConsultation(request: Request, consultationId: string) {
  const member = await requireMember(request, { roles: STAFF_WHO_MANAGE });
  const consultation = await getConsultation({ organisationId: member.organisationId, consultationId });
  if (!consultation) throw new Response(null, { status: 404 });
  return { member, consultation };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member, consultation } = await translatableConsultation(request, params.id ?? "");
  const translations = await getConsultationTranslations({ organisationId: member.organisationId, consultationId: consultation.id });
  const base = pickTexts(consultation);
  return {
    consultation: { id: consultation.id, title: consultation.title, closed: !["draft", "in_review", "open"].includes(consultation.status) },
    base,
    values: Object.fromEntries(
      translations.flatMap((row) => TRANSLATED_FIELDS.map((field) => [translationFieldName(row.locale, field), row[field]])),
    ) as Record<string, string>,
    complete: Object.fromEntries(translations.map((row) => [row.locale, isCompleteTranslation(base, row)])) as Record<string, boolean>,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { member, consultation } = await translatableConsultation(request, params.id ?? "");
  const fields = formFields(await readVerifiedForm(request));
  const t = await getFixedT(request);
  const { translations, errors } = parseTranslationsForm(fields, pickTexts(consultation), t);
  if (Object.keys(errors).length > 0) return data({ errors, values: fields }, { status: 400 });
  try {
    await saveConsultationTranslations({ organisationId: member.organisationId, consultationId: consultation.id, memberId: member.id, translations });
  } catch (error) {
    if (!(error instanceof ConsultationStateError)) throw error;
    return data({ errors: { form: t("answering:translations.closed") } as Record<string, string>, values: fields }, { status: 409 });
  }
  return redirectWithFlash(`/consultations/${consultation.id}`, "detailsSaved");
}

export default function ConsultationTranslations() {
  const { consultation, values: stored, complete } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("answering");
  const errors = actionData?.errors ?? {};
  const values: Record<string, string> = actionData?.values ?? stored;
  const summary = Object.entries(errors).map(([field, message]) => ({ field, message }));
  return (
    <div className="page page--narrow">
      <ErrorSummary errors={summary} />
      <p className="caption">
        <Link to={`/consultations/${consultation.id}`}>
          <TypedText>{consultation.title}</TypedText>
        </Link>
      </p>
      <h1>{t("translations.title")}</h1>
      <p className="lead">{t("translations.intro")}</p>
      <p>{t("translations.review")}</p>
      {consultation.closed ? (
        <p className="notice">{t("translations.closed")}</p>
      ) : (
        <Form method="post" noValidate>
          <CsrfInput />
          {TRANSLATION_LOCALES.map((lng) => (
            <fieldset key={lng} className="fieldset section">
              <legend className="heading-m" lang={lng}>
                {LOCALE_NAMES[lng]}
              </legend>
              <p className="hint">{complete[lng] ? t("translations.complete") : t("translations.incomplete")}</p>
              {TRANSLATED_FIELDS.map((field) => {
                const name = translationFieldName(lng, field);
                const props = {
                  name,
                  label: t(`translations.fields.${field}`),
                  defaultValue: values[name] ?? "",
                  error: errors[name],
                };
                return field === "purpose" || field === "dataUseStatement" ? (
                  <TextAreaField key={field} {...props} rows={3} />
                ) : (
                  <TextInputField key={field} {...props} />
                );
              })}
            </fieldset>
          ))}
          <div className="button-group">
            <Button type="submit" className="button">
              {t("translations.save")}
            </Button>
            <Link to={`/consultations/${consultation.id}`}>{t("common:confirm.cancel")}</Link>
          </div>
        </Form>
      )}
    </div>
  );
}
