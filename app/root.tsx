import { getEnv } from "~/utils/env.server";
import { redirect, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { isRouteErrorResponse, Links, Meta, Outlet, Scripts, ScrollRestoration, useMatches, useRouteLoaderData } from "@remix-run/react";
import { I18nextProvider } from "react-i18next";
import type { ReactNode } from "react";
import { AppShell } from "~/components/app-shell";
import { ErrorPageTitle, errorKind, GeneralErrorBoundary } from "~/components/error-boundary";
import { getI18n, localeDirection, pageLocale } from "~/i18n/i18n";
import { isPublicPage } from "~/i18n/public-page";
import { languageFromLink } from "~/i18n/locale.server";
import { readingClassNames } from "~/reading/preferences";
import { getReadingPreferences } from "~/reading/preferences.server";
import { useDocumentLocale } from "~/i18n/document-locale";
import { getLocale } from "~/i18n/locale.server";
import { getSignedInMember } from "~/utils/auth.server";
import { isFromAnotherOrigin } from "~/utils/origin-check.server";
import { useNonce } from "~/utils/nonce";
import { metaT, pageTitle } from "~/utils/meta";
import appStyles from "~/styles/app.css";
import readingStyles from "~/reading/reading.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: appStyles },
  { rel: "stylesheet", href: readingStyles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = ({ error, matches }) => {
  // The root loader threw, so the language is not known here: Layout writes the title instead.
  if (matches.find((match) => match.id === "root")?.data === undefined) return [];
  const t = metaT(matches);
  if (!error) return pageTitle(t("home.title"));
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return pageTitle(t(`errors.${errorKind(status)}.title`));
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  // A shared link that carries its language (/c/<slug>?lng=pl): keep the choice, drop it from the address.
  const fromLink = await languageFromLink(request);
  if (fromLink) throw redirect(fromLink.location, { headers: fromLink.headers });
  const locale = await getLocale(request);
  // A write from another site arrives here as a read of the page (see origin-check.server.ts).
  if (isFromAnotherOrigin(request.headers)) throw new Response(getI18n(locale).t("errors.otherSite"), { status: 403 });
  const member = await getSignedInMember(request);
  return {
    locale,
    reading: await getReadingPreferences(request),
    csrfToken: context.csrfToken,
    // Demo mode: every page says so, so nobody mistakes it for a real consultation.
    demo: getEnv().HEARD_DEMO,
    member: member ? { name: member.name, role: member.role, isSafeguardingLead: member.isSafeguardingLead } : null,
  };
}

export type RootLoaderData = Awaited<ReturnType<typeof loader>>;

export function useRootData() {
  return useRouteLoaderData<typeof loader>("root");
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRootData();
  const nonce = useNonce();
  // Without root data (the root loader threw), the language the request asked for, not English.
  const documentLocale = useDocumentLocale();
  // Staff pages are in English or Welsh only; a page that could not load counts as public.
  const publicPage = isPublicPage(useMatches()) || !data;
  const locale = pageLocale(data?.locale ?? documentLocale, publicPage);
  // Pages built to work without JavaScript (the low-data survey) send none: `handle = { scripts: false }`.
  const withScripts = !useMatches().some((match) => (match.handle as { scripts?: boolean } | undefined)?.scripts === false);
  return (
    <html lang={locale} dir={localeDirection(locale)} className={readingClassNames(data?.reading) || undefined}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        {data ? null : <ErrorPageTitle locale={locale} />}
        <Links />
      </head>
      <body>
        <I18nextProvider i18n={getI18n(locale)}>
          <AppShell member={data?.member ?? null} demo={data?.demo ?? false} publicPage={publicPage} reading={data?.reading}>{children}</AppShell>
        </I18nextProvider>
        {withScripts ? <ScrollRestoration nonce={nonce} /> : null}
        {withScripts ? <Scripts nonce={nonce} /> : null}
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
