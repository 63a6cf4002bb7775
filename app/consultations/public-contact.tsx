import { useTranslation } from "react-i18next";
import { TypedText } from "~/components/typed-text";

/**
 * Who runs a consultation and who to ask about it, on every public page. Labels, not sentences, so
 * an inserted name never breaks the grammar of the reader's language.
 */
export function PublicContact({ organisation, contact }: { organisation: string; contact: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="contact-heading" className="section">
      <h2 id="contact-heading" className="heading-s">
        {t("public.contactHeading")}
      </h2>
      <dl className="summary-list">
        <div>
          <dt>{t("public.organisationLabel")}</dt>
          <TypedText as="dd">{organisation}</TypedText>
        </div>
        {contact ? (
          <div>
            <dt>{t("public.contactLabel")}</dt>
            <TypedText as="dd">{contact}</TypedText>
          </div>
        ) : null}
      </dl>
    </section>
  );
}
