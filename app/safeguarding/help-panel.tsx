import { useTranslation } from "react-i18next";

/**
 * Where to get help, on the completion page. `emphasised` when the child's answers raised a
 * safeguarding flag: the same words, put first and framed, with no word that anything was flagged.
 */
export function HelpPanel({ emphasised, contact }: { emphasised: boolean; contact: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="help-panel-heading" className={emphasised ? "notice help-panel help-panel--emphasised" : "inset help-panel"}>
      <h2 id="help-panel-heading" className={emphasised ? "heading-m" : "heading-s"}>
        {t("help.heading")}
      </h2>
      {emphasised ? <p>{t("help.notAlone")}</p> : null}
      <p>
        {t("help.childline")} <a href="tel:08001111">{t("help.childlineCall")}</a>{" "}
        <a href="https://www.childline.org.uk/" rel="noopener">
          {t("help.childlineOnline")}
        </a>
      </p>
      {contact ? <p>{t("help.contact", { contact })}</p> : null}
      <p>{t("help.emergency")}</p>
    </section>
  );
}
