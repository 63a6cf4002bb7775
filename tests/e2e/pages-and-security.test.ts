// Pages and security: axe on the pages thin-path does not reach (home, 404, 403, results, the public
// "you said, we did", a 320 px list, Welsh), who may see what, the security headers and cookies, CSRF,
// bad input to the public submission endpoint, a keyboard-only sign-in, and no state change over GET.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { inject } from "vitest";
import { expectNoAxeViolations, expectNoBrowserProblems, isFocused, launchBrowser, newPage, poll, visible } from "./browser";

const baseURL = inject("baseURL");
const PASSWORD = "heard-demo-2026";
const OPEN_TITLE = "Your life in care 2026";
const CLOSED_TITLE = "Summer youth club feedback";
const REFERENCE_CODE = /^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/;

let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  await browser?.close();
});
afterEach(expectNoBrowserProblems);

async function openPage(options: Parameters<typeof newPage>[1] = {}) {
  const opened = await newPage(browser, { baseURL, ...options });
  contexts.push(opened.context);
  return opened;
}

/** A fresh browser context, signed in through the real form. */
async function signedIn(email: string, options: Parameters<typeof newPage>[1] = {}) {
  const opened = await openPage(options);
  const { page } = opened;
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL("**/consultations");
  return opened;
}

/** The browser logs the error status of a page we asked for on purpose; that one message, and no other, is expected. */
function acceptRefusalLog(problems: string[], status: string) {
  expect(problems).toEqual([`console error: Failed to load resource: the server responded with a status of ${status}`]);
  problems.splice(0);
}

type Seeded = { id: string; slug: string };

/** Finds a seeded consultation through the staff list: its id and its public slug. */
async function findConsultation(page: Page, title: string): Promise<Seeded> {
  await page.goto("/consultations");
  await page.getByRole("link", { name: title, exact: true }).click();
  await page.waitForURL(/\/consultations\/[0-9a-f-]{36}$/);
  const id = new URL(page.url()).pathname.split("/").pop()!;
  const shareAddress = await page.getByRole("link", { name: /\/c\/[a-z0-9-]+$/ }).innerText();
  const slug = new URL(shareAddress.trim()).pathname.replace(/^\/c\//, "");
  expect(slug).not.toBe("");
  return { id, slug };
}

async function responseCountOnOverview(page: Page, consultationId: string): Promise<number> {
  await page.goto(`/consultations/${consultationId}`);
  const text = await page.locator(".summary-list > div", { has: page.locator("dt", { hasText: /^Responses$/ }) }).locator("dd").innerText();
  expect(text.trim()).toMatch(/^\d+$/);
  return Number(text.trim());
}

// ----- fetch helpers (a tiny cookie jar) ---------------------------------------------------------

function cookiePairs(response: Response): Record<string, string> {
  const pairs: Record<string, string> = {};
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(";");
    const index = pair!.indexOf("=");
    pairs[pair!.slice(0, index).trim()] = pair!.slice(index + 1);
  }
  return pairs;
}

function setCookieHeader(response: Response, name: string): string | undefined {
  return response.headers.getSetCookie().find((header) => header.startsWith(`${name}=`));
}

function csrfFieldIn(html: string): string {
  const match = html.match(/<input[^>]*name="csrf"[^>]*value="([^"]*)"/) ?? html.match(/<input[^>]*value="([^"]*)"[^>]*name="csrf"/);
  expect(match, "a hidden csrf field in the page").not.toBeNull();
  expect(match![1]).not.toBe("");
  return match![1]!;
}

/** GETs a page as a new visitor: the heard_csrf cookie it sets and the token in its forms. */
async function csrfFrom(pathname: string): Promise<{ cookie: string; token: string; html: string }> {
  const response = await fetch(`${baseURL}${pathname}`);
  expect(response.status).toBe(200);
  const csrf = cookiePairs(response).heard_csrf;
  expect(csrf, "the heard_csrf cookie").toBeTruthy();
  const html = await response.text();
  const token = csrfFieldIn(html);
  expect(token).toBe(csrf);
  return { cookie: `heard_csrf=${csrf}`, token, html };
}

async function postForm(pathname: string, cookie: string, fields: Record<string, string>) {
  return fetch(`${baseURL}${pathname}`, {
    method: "POST",
    redirect: "manual",
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
    body: new URLSearchParams(fields).toString(),
  });
}

// ----- shared facts, found once ------------------------------------------------------------------

let seeded: { open: Seeded; closed: Seeded } | undefined;
async function seededConsultations() {
  if (!seeded) {
    const page = await officer();
    seeded = { open: await findConsultation(page, OPEN_TITLE), closed: await findConsultation(page, CLOSED_TITLE) };
  }
  return seeded;
}

let officerPage: Page | undefined;
async function officer() {
  officerPage ??= (await signedIn("officer@demo.heard.test")).page;
  return officerPage;
}

let captured: { surveyVersionId: string; answers: string } | undefined;
/** Answers the open survey once in a browser, capturing what the page posts to /responses. */
async function capturedSubmission() {
  if (captured) return captured;
  const { open } = await seededConsultations();
  const { page, problems } = await openPage();
  await page.goto(`/c/${open.slug}/answer`);
  await visible(page.getByText("How safe do you feel where you live?"));
  await page.locator('[data-name="feelSafe"] label').nth(3).click();
  await page.locator('[data-name="likeHome"] label').nth(2).click();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("textbox").first().fill("More time with my brother");
  const requestPromise = page.waitForRequest((request) => request.url().endsWith("/responses") && request.method() === "POST");
  await page.getByRole("button", { name: "Complete" }).click();
  const request = await requestPromise;
  const body = new URLSearchParams(request.postData() ?? "");
  const response = await request.response();
  expect(response?.status()).toBe(201);
  await visible(page.getByRole("heading", { name: "Thank you, your answers have been saved" }));
  expect(problems).toEqual([]);
  const surveyVersionId = body.get("surveyVersionId") ?? "";
  const answers = body.get("answers") ?? "";
  expect(surveyVersionId).not.toBe("");
  expect(JSON.parse(answers)).toMatchObject({ feelSafe: 4, makeBetter: "More time with my brother" });
  captured = { surveyVersionId, answers };
  return captured;
}

// ----- 1. axe on the pages thin-path does not visit ------------------------------------------------

test("home, 404, results, public outcomes, the list at 320 px and Welsh have no axe violations", async () => {
  const { open, closed } = await seededConsultations();

  // Home.
  const visitor = await openPage();
  let page = visitor.page;
  const home = await page.goto("/");
  expect(home?.status()).toBe(200);
  await poll(() => page.locator("html").getAttribute("lang")).toBe("en");
  await visible(page.getByRole("heading", { level: 1 }));
  await expectNoAxeViolations(page, "home");

  // 404, inside the shell, with the Childline help bar.
  const missing = await page.goto("/no-such-page");
  expect(missing?.status()).toBe(404);
  await poll(() => page.getByRole("main").getByRole("heading", { level: 1 }).innerText()).toBe("Page not found");
  await poll(() => page.getByRole("complementary", { name: "Help" }).innerText()).toContain("Childline 0800 1111");
  await visible(page.getByRole("link", { name: "Skip to main content" }));
  await expectNoAxeViolations(page, "404");
  acceptRefusalLog(visitor.problems, "404 (Not Found)");

  // Public "you said, we did" of the closed consultation.
  const outcomes = await page.goto(`/c/${closed.slug}/outcomes`);
  expect(outcomes?.status()).toBe(200);
  await poll(() => page.getByRole("heading", { level: 1 }).innerText()).toBe("You said, we did");
  await visible(page.getByText("A young people's trips panel now chooses two trips each term."));
  await expectNoAxeViolations(page, "public you said, we did");
  expect(visitor.problems).toEqual([]);

  // Results of the open consultation, read by an analyst.
  const analyst = await signedIn("analyst@demo.heard.test");
  page = analyst.page;
  // The seed gives it 36 responses; other end-to-end files answer it too, in any order.
  const count = await responseCountOnOverview(page, open.id);
  expect(count).toBeGreaterThanOrEqual(36);
  const results = await page.goto(`/consultations/${open.id}/results`);
  expect(results?.status()).toBe(200);
  await poll(() => page.getByRole("heading", { level: 1 }).innerText()).toBe("Results");
  await poll(() => page.locator(".lead").innerText()).toBe(`${count} responses`);
  await visible(page.getByRole("heading", { name: "How safe do you feel where you live?" }));
  // Disclosure control: no count cell and no "answered" line shows a count of 1 to 4.
  const countCells = await page.locator("table tbody tr td:nth-of-type(1)").allInnerTexts();
  expect(countCells.length).toBeGreaterThan(0);
  for (const cell of countCells) expect(cell.trim(), "a count cell").not.toMatch(/^[1-4]$/);
  const answeredLines = await page.locator("section p.hint", { hasText: /^Answered by / }).allInnerTexts();
  expect(answeredLines.length).toBeGreaterThan(0);
  for (const line of answeredLines) expect(line.trim(), "an answered line").not.toMatch(/^Answered by [1-4]$/);
  await expectNoAxeViolations(page, "results (analyst)");
  expect(analyst.problems).toEqual([]);

  // The consultation list on a 320 px phone.
  const phone = await signedIn("officer@demo.heard.test", { viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true });
  page = phone.page;
  await visible(page.getByRole("link", { name: OPEN_TITLE }));
  await expectNoAxeViolations(page, "consultation list at 320 px");
  // WCAG 1.4.10: the page itself does not scroll sideways (the table may, inside its own region).
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);

  // Home in Welsh.
  const welsh = await openPage();
  page = welsh.page;
  await page.goto("/");
  await page.getByRole("button", { name: "Cymraeg" }).click();
  await poll(() => page.locator("html").getAttribute("lang")).toBe("cy");
  await poll(() => new URL(page.url()).pathname).toBe("/");
  await visible(page.getByRole("button", { name: "English" }));
  await expectNoAxeViolations(page, "home in Welsh");
  expect(welsh.problems).toEqual([]);
});

// ----- 2. roles --------------------------------------------------------------------------------------

test("an analyst cannot start or run a consultation, an advisor can see the list, a visitor is sent to sign in", async () => {
  const { open } = await seededConsultations();

  const analyst = await signedIn("analyst@demo.heard.test");
  const page = analyst.page;
  // The analyst's list offers no way to start one.
  await visible(page.getByRole("link", { name: OPEN_TITLE }));
  expect(await page.getByRole("link", { name: "Start a new consultation" }).count()).toBe(0);

  const forbidden = await page.goto("/consultations/new");
  expect(forbidden?.status()).toBe(403);
  await poll(() => page.getByRole("main").getByRole("heading", { level: 1 }).innerText()).toBe("You cannot see this page");
  await poll(() => page.getByRole("complementary", { name: "Help" }).innerText()).toContain("Childline 0800 1111");
  expect(await page.getByLabel("Title").count()).toBe(0);
  await expectNoAxeViolations(page, "403 for an analyst");
  acceptRefusalLog(analyst.problems, "403 (Forbidden)");

  // The open consultation, as an analyst: no buttons to open or close it.
  await page.goto(`/consultations/${open.id}`);
  await poll(() => page.getByRole("heading", { level: 1 }).innerText()).toBe(OPEN_TITLE);
  await visible(page.getByRole("link", { name: `${baseURL}/c/${open.slug}` }));
  expect(await page.getByRole("link", { name: "Open consultation" }).count()).toBe(0);
  expect(await page.getByRole("link", { name: "Close consultation" }).count()).toBe(0);
  expect(analyst.problems).toEqual([]);

  // The same page as an officer does have the Close button, so the check above means something.
  const officerView = await officer();
  await officerView.goto(`/consultations/${open.id}`);
  await visible(officerView.getByRole("link", { name: "Close consultation" }));

  // An advisor can read the list.
  const advisor = await signedIn("advisor@demo.heard.test");
  await poll(() => advisor.page.getByRole("heading", { level: 1 }).innerText()).toBe("Consultations");
  await visible(advisor.page.getByRole("link", { name: OPEN_TITLE }));
  await visible(advisor.page.getByRole("link", { name: CLOSED_TITLE }));
  expect(await advisor.page.getByRole("link", { name: "Start a new consultation" }).count()).toBe(0);
  await expectNoAxeViolations(advisor.page, "consultation list (advisor)");

  // Signed out, the list sends you to sign in and back.
  const response = await fetch(`${baseURL}/consultations`, { redirect: "manual" });
  expect(response.status).toBeGreaterThanOrEqual(300);
  expect(response.status).toBeLessThan(400);
  expect(response.headers.get("Location")).toBe("/sign-in?redirectTo=%2Fconsultations");
  const visitor = await openPage();
  await visitor.page.goto("/consultations");
  await poll(() => visitor.page.url()).toBe(`${baseURL}/sign-in?redirectTo=%2Fconsultations`);
});

// ----- 3. headers and cookies ------------------------------------------------------------------------

test("documents carry a nonce CSP, nosniff, Referrer-Policy and no-store; the session cookie is HttpOnly, Lax and regenerated", async () => {
  for (const pathname of ["/", "/sign-in", "/no-such-page"]) {
    const response = await fetch(`${baseURL}${pathname}`);
    expect(response.headers.get("Content-Type")).toMatch(/^text\/html/);
    const csp = response.headers.get("Content-Security-Policy") ?? "";
    const directives = csp.split(";").map((directive) => directive.trim());
    const scriptSrc = directives.find((directive) => directive.startsWith("script-src ")) ?? "";
    expect(scriptSrc, `script-src on ${pathname}`).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9+/_-]+=*'$/);
    expect(directives).toContain("object-src 'none'");
    expect(directives).toContain("base-uri 'none'");
    expect(directives).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("'unsafe-eval'");
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    const nonce = scriptSrc.match(/'nonce-([^']+)'/)![1]!;
    expect(nonce.length).toBeGreaterThanOrEqual(16);

    const html = await response.text();
    expect(html).toContain(`nonce="${nonce}"`);
    // Every script element carries this response's nonce, and no other.
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, `a script tag on ${pathname}`).toContain(`nonce="${nonce}"`);

    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(response.headers.get("Referrer-Policy")).toMatch(/^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/);
    expect(response.headers.get("Cache-Control")).toContain("no-store");
  }

  // A fresh nonce on every response.
  const first = (await fetch(`${baseURL}/`)).headers.get("Content-Security-Policy");
  const second = (await fetch(`${baseURL}/`)).headers.get("Content-Security-Policy");
  expect(first).not.toBe(second);

  // A real sign-in.
  const { cookie: csrfCookie, token } = await csrfFrom("/sign-in");
  const signIn = async (cookie: string) =>
    postForm("/sign-in", cookie, { email: "admin@demo.heard.test", password: PASSWORD, csrf: token, redirectTo: "" });
  const firstSignIn = await signIn(csrfCookie);
  expect(firstSignIn.status).toBe(302);
  expect(firstSignIn.headers.get("Location")).toBe("/consultations");
  const sessionHeader = setCookieHeader(firstSignIn, "heard_session");
  expect(sessionHeader, "a heard_session cookie").toBeTruthy();
  const attributes = sessionHeader!.split(";").map((part) => part.trim().toLowerCase());
  expect(attributes).toContain("httponly");
  expect(attributes).toContain("samesite=lax");
  expect(attributes).toContain("path=/");
  const firstSession = cookiePairs(firstSignIn).heard_session!;
  expect(firstSession.length).toBeGreaterThan(20);

  // The session works, and personal pages are not cached.
  const list = await fetch(`${baseURL}/consultations`, {
    redirect: "manual",
    headers: { Cookie: `${csrfCookie}; heard_session=${firstSession}` },
  });
  expect(list.status).toBe(200);
  expect(list.headers.get("Cache-Control")).toContain("no-store");
  expect(await list.text()).toContain(OPEN_TITLE);

  // Signing in again, carrying the first session, gives a new id and ends the old one.
  const secondSignIn = await signIn(`${csrfCookie}; heard_session=${firstSession}`);
  expect(secondSignIn.status).toBe(302);
  const secondSession = cookiePairs(secondSignIn).heard_session!;
  expect(secondSession).toBeTruthy();
  expect(secondSession).not.toBe(firstSession);
  const withOld = await fetch(`${baseURL}/consultations`, {
    redirect: "manual",
    headers: { Cookie: `${csrfCookie}; heard_session=${firstSession}` },
  });
  expect(withOld.status).toBe(302);
  expect(withOld.headers.get("Location")).toMatch(/^\/sign-in\?redirectTo=/);
  const withNew = await fetch(`${baseURL}/consultations`, {
    redirect: "manual",
    headers: { Cookie: `${csrfCookie}; heard_session=${secondSession}` },
  });
  expect(withNew.status).toBe(200);
});

// ----- 4. CSRF ---------------------------------------------------------------------------------------

test("state-changing POSTs without the right CSRF token are refused with 403 and change nothing", async () => {
  const { open } = await seededConsultations();
  const { surveyVersionId, answers } = await capturedSubmission();

  // Sign-in with the cookie but no csrf field.
  const { cookie } = await csrfFrom("/sign-in");
  const noField = await postForm("/sign-in", cookie, { email: "officer@demo.heard.test", password: PASSWORD });
  expect(noField.status).toBe(403);
  expect(setCookieHeader(noField, "heard_session")).toBeUndefined();
  // ...and with no cookie at all, but a token.
  const noCookie = await postForm("/sign-in", "", { email: "officer@demo.heard.test", password: PASSWORD, csrf: "made-up" });
  expect(noCookie.status).toBe(403);
  expect(setCookieHeader(noCookie, "heard_session")).toBeUndefined();

  // A submission that would be accepted, but with a wrong token.
  const page = await officer();
  const before = await responseCountOnOverview(page, open.id);
  const publicCsrf = await csrfFrom(`/c/${open.slug}`);
  const wrongToken = await postForm(`/c/${open.slug}/responses`, publicCsrf.cookie, {
    csrf: `${publicCsrf.token.slice(0, -1)}${publicCsrf.token.endsWith("A") ? "B" : "A"}`,
    surveyVersionId,
    answers,
  });
  expect(wrongToken.status).toBe(403);
  const missingToken = await postForm(`/c/${open.slug}/responses`, publicCsrf.cookie, { surveyVersionId, answers });
  expect(missingToken.status).toBe(403);
  expect(await responseCountOnOverview(page, open.id)).toBe(before);
});

// ----- 5. bad input to the submission endpoint ---------------------------------------------------------

test("the submission endpoint answers bad input with a clear 4xx and takes a good submission", async () => {
  const { open } = await seededConsultations();
  const { surveyVersionId, answers } = await capturedSubmission();
  const { cookie, token } = await csrfFrom(`/c/${open.slug}`);
  const submit = (fields: Record<string, string>) => postForm(`/c/${open.slug}/responses`, cookie, { csrf: token, ...fields });
  const page = await officer();
  const before = await responseCountOnOverview(page, open.id);

  const notJson = await submit({ surveyVersionId, answers: "{not json" });
  expect(notJson.status).toBe(400);
  expect(notJson.headers.get("Content-Type")).toMatch(/application\/json/);
  const notJsonBody = await notJson.json();
  expect(notJsonBody.ok).toBe(false);
  expect(typeof notJsonBody.message).toBe("string");
  expect(notJsonBody.message.length).toBeGreaterThan(0);

  const unknownVersion = await submit({ surveyVersionId: "00000000-0000-4000-8000-000000000000", answers });
  expect(unknownVersion.status).toBe(409);
  expect((await unknownVersion.json()).ok).toBe(false);

  const wrongType = await submit({ surveyVersionId, answers: JSON.stringify({ feelSafe: "abc" }) });
  expect(wrongType.status).toBe(400);
  const wrongTypeBody = await wrongType.json();
  expect(wrongTypeBody.ok).toBe(false);
  expect(Array.isArray(wrongTypeBody.errors)).toBe(true);
  expect(wrongTypeBody.errors.map((error: { question: string }) => error.question)).toContain("feelSafe");
  for (const error of wrongTypeBody.errors) expect(typeof error.message).toBe("string");

  const missingFields = await submit({});
  expect(missingFields.status).toBe(400);
  expect((await missingFields.json()).ok).toBe(false);

  // None of that stored anything.
  expect(await responseCountOnOverview(page, open.id)).toBe(before);

  const good = await submit({ surveyVersionId, answers });
  expect(good.status).toBe(201);
  const goodBody = await good.json();
  expect(goodBody.ok).toBe(true);
  expect(goodBody.referenceCode).toMatch(REFERENCE_CODE);
  expect(await responseCountOnOverview(page, open.id)).toBe(before + 1);
});

// ----- 6. keyboard only ------------------------------------------------------------------------------

test("signing in works with the keyboard alone, starting from the skip link", async () => {
  const { page, problems } = await openPage();
  await page.goto("/sign-in");
  await visible(page.getByLabel("Email address"));

  await page.keyboard.press("Tab");
  await poll(() => isFocused(page.getByRole("link", { name: "Skip to main content" }))).toBe(true);
  await page.keyboard.press("Enter");
  await poll(() => isFocused(page.locator("main#main"))).toBe(true);

  await page.keyboard.press("Tab");
  await poll(() => isFocused(page.getByLabel("Email address"))).toBe(true);
  await page.keyboard.type("safeguarding@demo.heard.test");
  await page.keyboard.press("Tab");
  await poll(() => isFocused(page.getByLabel("Password"))).toBe(true);
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press("Enter");
  await page.waitForURL("**/consultations");
  await poll(() => page.getByRole("heading", { level: 1 }).innerText()).toBe("Consultations");
  expect(problems).toEqual([]);
});

// ----- 7. no state change over GET ---------------------------------------------------------------------

test("GET /sign-out does not sign you out", async () => {
  const { page, context } = await signedIn("officer@demo.heard.test");
  const sessionBefore = (await context.cookies()).find((cookie) => cookie.name === "heard_session")?.value;
  expect(sessionBefore).toBeTruthy();

  const response = await page.goto("/sign-out");
  expect(response?.status()).toBeLessThan(500);
  const sessionAfter = (await context.cookies()).find((cookie) => cookie.name === "heard_session")?.value;
  expect(sessionAfter).toBe(sessionBefore);

  await page.goto("/consultations");
  await poll(() => new URL(page.url()).pathname).toBe("/consultations");
  await poll(() => page.getByRole("heading", { level: 1 }).innerText()).toBe("Consultations");
  await visible(page.getByRole("button", { name: "Sign out" }));

  // The real way out is a POST from the Sign out button.
  await page.getByRole("button", { name: "Sign out" }).click();
  await poll(() => new URL(page.url()).pathname).toBe("/");
  await page.goto("/consultations");
  await poll(() => new URL(page.url()).pathname).toBe("/sign-in");
});

// ----- 8. sign-in rate limit ---------------------------------------------------------------------

test("after 5 wrong passwords for one email from one address the next attempt must wait, and only briefly", async () => {
  const { cookie, token } = await csrfFrom("/sign-in");
  const email = "analyst@demo.heard.test";
  for (let attempt = 1; attempt <= 5; attempt++) {
    const response = await postForm("/sign-in", cookie, { csrf: token, email, password: `wrong-${attempt}` });
    expect(response.status, `attempt ${attempt}`).toBe(400);
  }
  const held = await postForm("/sign-in", cookie, { csrf: token, email, password: PASSWORD });
  expect(held.status).toBe(429);
  const wait = Number(held.headers.get("Retry-After"));
  expect(wait).toBeGreaterThan(0);
  expect(wait).toBeLessThanOrEqual(2);
  expect(setCookieHeader(held, "heard_session")).toBeUndefined();
  // Another email is not affected by this one's failures.
  const other = await postForm("/sign-in", cookie, { csrf: token, email: `other-${Date.now()}@example.test`, password: "wrong" });
  expect(other.status).toBe(400);
  // A growing wait, not a lock-out: once it has passed, the right password gets in.
  await new Promise((resolve) => setTimeout(resolve, (wait + 0.2) * 1000));
  const afterWait = await postForm("/sign-in", cookie, { csrf: token, email, password: PASSWORD });
  expect(afterWait.status).toBe(302);
  expect(setCookieHeader(afterWait, "heard_session")).toBeDefined();
});
