// safeRedirect against known open-redirect bypasses: the verdict must match where a browser would
// actually go, and whatever comes back must be a same-site path that is safe in a Location header.
import { safeRedirect } from "~/utils/redirect";

const FALLBACK = "/consultations";
const SITE = "https://heard.example";

/** Where a browser on a Heard page would go if handed this target. */
function browserDestination(target: string) {
  return new URL(target, `${SITE}/sign-in?redirectTo=x`);
}

/** A single-slash path of visible ASCII: it stays on the site and cannot break or split a header. */
function expectSafeSameSitePath(result: string, input: string) {
  expect(result, `result for ${JSON.stringify(input)}`).toMatch(/^\/(?!\/)[\x21-\x7e]*$/);
  expect(browserDestination(result).origin, `destination of ${JSON.stringify(result)}`).toBe(SITE);
  expect(() => new Headers({ Location: result })).not.toThrow();
}

// Each of these, handed to a browser as is, leaves the site (checked below, so the list stays honest).
const LEAVES_THE_SITE = [
  "/\t/evil.example/phish",
  "/\n/evil.example",
  "/\r/evil.example",
  "/\r\n/evil.example",
  "/\t\t/evil.example",
  "/\\evil.example",
  "/\\/evil.example",
  "/\t\\evil.example",
  "//evil.example",
  "///evil.example",
  "////evil.example/phish",
  "//\tevil.example",
  "//heard.invalid@evil.example",
  "//evil。example",
  "//ｅｖｉｌ.example",
  "\\\\evil.example",
  "\\/evil.example",
  "\t//evil.example",
  " //evil.example",
  "\u0000//evil.example",
  "https://evil.example",
  "HTTPS://evil.example/",
  "http:evil.example",
  "http:\\\\evil.example",
  "//evil.example:443/path",
];

// These stay on the site as written, but resolve to a path starting "//", which a browser would
// treat as another host if we sent it back in a Location header.
const RESOLVE_TO_A_HOST_LOOKALIKE = ["/.//evil.example/phish", "/./\\evil.example", "/x/..//evil.example", "/%2e//evil.example"];

const NOT_A_PATH = ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "evil.example", "", "consultations", "?x=1", "#top"];

test("every listed bypass really would leave the site in a browser", () => {
  for (const target of LEAVES_THE_SITE) {
    expect(browserDestination(target).origin, JSON.stringify(target)).not.toBe(SITE);
  }
  for (const target of RESOLVE_TO_A_HOST_LOOKALIKE) {
    expect(browserDestination(target).pathname, JSON.stringify(target)).toMatch(/^\/\//);
  }
});

test("targets that would leave the site, or only look like a path, get the fallback", () => {
  for (const target of [...LEAVES_THE_SITE, ...RESOLVE_TO_A_HOST_LOOKALIKE, ...NOT_A_PATH]) {
    expect(safeRedirect(target), JSON.stringify(target)).toBe(FALLBACK);
  }
  expect(safeRedirect(null)).toBe(FALLBACK);
  expect(safeRedirect(undefined)).toBe(FALLBACK);
  expect(safeRedirect(new File(["x"], "x.txt"))).toBe(FALLBACK);
  expect(safeRedirect("/\t/evil.example", "/")).toBe("/");
});

test("legitimate paths survive, in the form a browser would request them", () => {
  const kept = [
    "/",
    "/consultations",
    "/consultations/abc?tab=1",
    "/consultations/0b9f2c52-7a51-4c5e-9a07-3c1f5d2b6e10/results",
    "/c/your-life-in-care-2026/answer#question-2",
    "/consultations?search=caf%C3%A9&page=2",
    "/sign-in?redirectTo=%2Fconsultations",
  ];
  for (const path of kept) expect(safeRedirect(path)).toBe(path);
  // Normalised the way the browser would: encoded, dot segments resolved, tabs and newlines dropped.
  expect(safeRedirect("/consultations/ab c?q=a b")).toBe("/consultations/ab%20c?q=a%20b");
  expect(safeRedirect("/consultations/./x/../abc")).toBe("/consultations/abc");
  expect(safeRedirect("/consul\ntations")).toBe("/consultations");
  expect(safeRedirect("/c/café")).toBe("/c/caf%C3%A9");
  // Encoded slashes and backslashes stay inside the path: the browser does not decode them.
  expect(safeRedirect("/%2F%2Fevil.example")).toBe("/%2F%2Fevil.example");
  expect(safeRedirect("/%5C%5Cevil.example")).toBe("/%5C%5Cevil.example");
  // Unicode slash lookalikes inside a path are just characters of the path.
  expect(safeRedirect("/\u2215\u2215evil.example")).toBe("/%E2%88%95%E2%88%95evil.example");
  expect(safeRedirect("/\uFF0F\uFF0Fevil.example")).toBe("/%EF%BC%8F%EF%BC%8Fevil.example");
});

test("whatever goes in, what comes out is a same-site path that is safe in a header", () => {
  const characters = [
    ...Array.from({ length: 0x80 }, (_, code) => String.fromCharCode(code)),
    "\u0085",
    "\u00a0",
    "\u2028",
    "\u2029",
    "\ufeff",
    "\u3000",
    "\uff0f",
    "\uff3c",
    "\u2215",
    "\ud800",
  ];
  const templates = [
    (c: string) => `/${c}/evil.example`,
    (c: string) => `/${c}${c}evil.example`,
    (c: string) => `/.${c}/evil.example`,
    (c: string) => `/consultations${c}Set-Cookie: heard_session=planted`,
    (c: string) => `${c}//evil.example`,
    (c: string) => `/?q=${c}`,
    (c: string) => `/#${c}`,
  ];
  for (const character of characters) {
    for (const template of templates) {
      const input = template(character);
      expectSafeSameSitePath(safeRedirect(input), input);
    }
  }
  for (const input of [...LEAVES_THE_SITE, ...RESOLVE_TO_A_HOST_LOOKALIKE, ...NOT_A_PATH]) {
    expectSafeSameSitePath(safeRedirect(input), input);
  }
});
