import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getI18n, type Locale } from "~/i18n/i18n";
import { pageTitle } from "~/utils/meta";

export type ErrorKind = "notFound" | "forbidden" | "badRequest" | "server";

/** Which error page (and title) a status gets. */
export function errorKind(status: number): ErrorKind {
  if (status === 404) return "notFound";
  if (status === 403) return "forbidden";
  if (status >= 400 && status < 500) return "badRequest";
  return "server";
}

/** One error page for every route: 404, 403 and anything unexpected, inside the app shell. */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const kind = errorKind(status);
  if (!isRouteErrorResponse(error)) console.error(error);
  // A 4xx may carry a message written for the reader (e.g. an expired form); a 5xx never shows internals.
  const detail = isRouteErrorResponse(error) && status < 500 && typeof error.data === "string" ? error.data : null;
  return (
    <div className="page page--narrow">
      <h1>{t(`errors.${kind}.title`)}</h1>
      <p>{detail ?? t(`errors.${kind}.body`)}</p>
      <p>
        <Link to="/">{t("errors.home")}</Link>
      </p>
    </div>
  );
}

/** The error page's <title>, for when the root loader threw and root meta cannot know the language. */
export function ErrorPageTitle({ locale }: { locale: Locale }) {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const title = pageTitle(getI18n(locale).t(`errors.${errorKind(status)}.title`))[0]?.title;
  return <title>{title}</title>;
}
