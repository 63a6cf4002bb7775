// The one error page: the right words for 404, 403 and 500, and never a stack trace or internals.
import { createRemixStub } from "@remix-run/testing";
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { getI18n } from "~/i18n/i18n";

// The in-memory router warns that useLayoutEffect does nothing in a server render, and the
// boundary logs unexpected errors: both are expected here and would only clutter the output.
beforeEach(() => {
  vi.spyOn(console, "error").mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** What Remix hands an error boundary for a thrown `new Response(data, { status })`. */
function routeError(status: number, data: unknown = null) {
  return { status, statusText: "", internal: false, data };
}

function renderError(error: unknown, locale: "en" | "cy" = "en") {
  const Stub = createRemixStub([{ id: "page", path: "/", Component: () => null, ErrorBoundary: GeneralErrorBoundary }]);
  return renderToString(
    <I18nextProvider i18n={getI18n(locale)}>
      <Stub hydrationData={{ errors: { page: error } }} />
    </I18nextProvider>,
  );
}

test("a 404 says the page was not found", () => {
  expect(renderError(routeError(404, null))).toContain("Page not found");
});

test("a 403 says the reader cannot see the page", () => {
  expect(renderError(routeError(403, null))).toContain("You cannot see this page");
});

test("a 4xx with a message for the reader shows that message", () => {
  const html = renderError(routeError(403, "The form had expired. Go back, reload the page and try again."));
  expect(html).toContain("The form had expired");
});

test("an unexpected error shows a kind page without the error's details", () => {
  const html = renderError(new Error("SQLITE_CORRUPT: secret table name"));
  expect(html).toContain("Sorry, something went wrong");
  expect(html).toContain("Nothing you had already saved has been lost");
  expect(html).not.toContain("SQLITE_CORRUPT");
});

test("the error page speaks Welsh to a Welsh reader", () => {
  expect(renderError(routeError(404, null), "cy")).toContain("Heb ddod o hyd i");
});
