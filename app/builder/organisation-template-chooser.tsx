// "Your organisation's templates" on a draft consultation's page, beside the bundled templates:
// starting from one copies its survey into the consultation's draft.
import { Form, Link } from "@remix-run/react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";
import { RadioField } from "~/components/form";
import { TypedText } from "~/components/typed-text";

type Props = {
  templates: { id: string; name: string; description: string }[];
  error?: string;
};

export function OrganisationTemplateChooser({ templates, error }: Props) {
  const { t } = useTranslation("templates");
  return (
    <section aria-labelledby="organisation-templates-heading" className="stack">
      <h3 id="organisation-templates-heading" className="heading-s">
        {t("choose.heading")}
      </h3>
      {templates.length === 0 ? (
        <p>{t("choose.none")}</p>
      ) : (
        <Form method="post" noValidate className="stack">
          <CsrfInput />
          <input type="hidden" name="intent" value="choose-organisation-template" />
          <RadioField
            name="organisationTemplateId"
            label={t("choose.label")}
            hint={t("choose.hint")}
            error={error}
            isRequired
            options={templates.map((template) => ({
              value: template.id,
              // Names and descriptions are typed by staff: shown isolated, as plain text.
              label: <TypedText>{template.name}</TypedText>,
              description: template.description ? <TypedText>{template.description}</TypedText> : undefined,
            }))}
          />
          <Button type="submit" className="button button--secondary">
            {t("choose.submit")}
          </Button>
        </Form>
      )}
      <p>
        <Link to="/templates">{t("choose.manage")}</Link>
      </p>
    </section>
  );
}
