// The consultation form's fields, shared by "start a new consultation" and "change details": the
// same labels, hints and widths everywhere, showing only the fields that may change.
import { useTranslation } from "react-i18next";
import { TextAreaField, TextInputField } from "~/components/form";
import type { ConsultationField } from "./consultation-fields";

export function ConsultationFormFields({
  fields,
  errors,
  values,
}: {
  fields: readonly ConsultationField[];
  errors: Partial<Record<string, string>> | undefined;
  values: Partial<Record<string, string>>;
}) {
  const { t } = useTranslation();
  const shown = new Set(fields);
  const field = (name: ConsultationField) => ({
    name,
    label: t(`newConsultation.fields.${name}.label`),
    hint: t(`newConsultation.fields.${name}.hint`, { defaultValue: "" }) || undefined,
    error: errors?.[name],
    defaultValue: values[name],
  });
  const dates = (["opensOn", "closesOn", "feedbackBy"] as const).filter((name) => shown.has(name));
  return (
    <>
      {shown.has("title") ? <TextInputField {...field("title")} isRequired /> : null}
      {shown.has("purpose") ? <TextAreaField {...field("purpose")} isRequired /> : null}
      {shown.has("whoFor") ? <TextInputField {...field("whoFor")} isRequired /> : null}
      {shown.has("audience") ? <TextInputField {...field("audience")} isRequired /> : null}
      {dates.length > 0 ? (
        <fieldset className="fieldset">
          <legend className="fieldset__legend">{t("newConsultation.datesLegend")}</legend>
          {dates.map((name) => (
            <TextInputField key={name} {...field(name)} type="date" isRequired width="medium" />
          ))}
        </fieldset>
      ) : null}
      {shown.has("dataUseStatement") ? <TextAreaField {...field("dataUseStatement")} /> : null}
      {shown.has("contact") ? <TextAreaField {...field("contact")} rows={2} /> : null}
      {shown.has("retentionMonths") ? (
        <TextInputField
          {...field("retentionMonths")}
          defaultValue={values.retentionMonths ?? "24"}
          inputMode="numeric"
          width="short"
        />
      ) : null}
    </>
  );
}
