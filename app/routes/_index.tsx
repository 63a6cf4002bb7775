import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { publicPageHandle } from "~/i18n/public-page";

export const handle = publicPageHandle;

export default function Home() {
  const { t } = useTranslation();
  return (
    <div className="page page--narrow">
      <h1>{t("home.title")}</h1>
      <p className="lead">{t("home.intro")}</p>
      <p>{t("home.children")}</p>
      <h2>{t("home.staffHeading")}</h2>
      <p>
        <Link to="/sign-in" className="button">
          {t("home.signIn")}
        </Link>
      </p>
    </div>
  );
}
