// When the root loader throws (e.g. to refuse a request from another site), root meta has no
// language to go by, so Layout writes the error page's title in the language the request asked for.
import { createRemixStub } from "@remix-run/testing";
import { renderToString } from "react-dom/server";
import { ErrorPageTitle } from "~/components/error-boundary";

function renderTitle(status: number, locale: "en" | "cy") {
  const Stub = createRemixStub([
    { id: "page", path: "/", Component: () => null, ErrorBoundary: () => <ErrorPageTitle locale={locale} /> },
  ]);
  return renderToString(<Stub hydrationData={{ errors: { page: { status, statusText: "", internal: false, data: null } } }} />);
}

beforeEach(() => {
  // The in-memory router warns that useLayoutEffect does nothing in a server render.
  vi.spyOn(console, "error").mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
});

test("a 403 title in English and in Welsh", () => {
  expect(renderTitle(403, "en")).toContain("<title>You cannot see this page – Heard</title>");
  expect(renderTitle(403, "cy")).toContain("<title>Ni allwch weld y dudalen hon – Heard</title>");
});

test("a 404 and a 500 get their own titles", () => {
  expect(renderTitle(404, "cy")).toContain("<title>Heb ddod o hyd i&#x27;r dudalen – Heard</title>");
  expect(renderTitle(500, "en")).toContain("<title>Sorry, something went wrong – Heard</title>");
});
