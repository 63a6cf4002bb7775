// The fields that describe an organisation template, shared by "save as a template" and renaming.
import { useTranslation } from "react-i18next";
import { TextAreaField, TextInputField } from "~/components/form";

/** The fields in form order, for the error summary. */
export const TEMPLATE_FIELDS = ["name", "description", "beforeYouStart"] as const;

type Props = {
  errors: Partial<Record<string, string>> | undefined;
  values: Partial<Record<string, string>>;
};

export function TemplateDetailsFields({ errors, values }: Props) {
  const { t } = useTranslation("templates");
  return (
    <>
      <TextInputField name="name" label={t("fields.name")} hint={t("fields.nameHint")} defaultValue={values.name} error={errors?.name} isRequired />
      <TextAreaField
        name="description"
        label={t("fields.description")}
        hint={t("fields.descriptionHint")}
        defaultValue={values.description}
        error={errors?.description}
        rows={3}
      />
      <TextAreaField
        name="beforeYouStart"
        label={t("fields.beforeYouStart")}
        hint={t("fields.beforeYouStartHint")}
        defaultValue={values.beforeYouStart}
        error={errors?.beforeYouStart}
        rows={5}
      />
    </>
  );
}
