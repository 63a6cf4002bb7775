import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** One error page for every route: 404, 403 and anything unexpected, inside the app shell. */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const kind = status === 404 ? "notFound" : status === 403 ? "forbidden" : status === 400 ? "badRequest" : "server";
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
