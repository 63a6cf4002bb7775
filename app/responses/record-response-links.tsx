import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** On the consultation page: record a response with a child, or type in a paper form. */
export function RecordResponseLinks() {
  const { t } = useTranslation("answering");
  return (
    <>
      <li>
        <Link to="record?channel=assisted">{t("assisted.link")}</Link>
      </li>
      <li>
        <Link to="record?channel=paper">{t("paper.link")}</Link>
      </li>
    </>
  );
}
