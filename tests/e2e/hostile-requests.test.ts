// Hostile requests (issue 6): writes from other sites, and redirect targets built to leave the site
// or break the response. Each gets a 4xx (Heard's own error page where there is a page) or a
// redirect that stays on the site; none is a 500, and none leaves a session behind.
import type { Browser, BrowserContext, Request as BrowserRequest } from "playwright-core";
import { inject } from "vitest";
import { expectNoAxeViolations, expectNoBrowserProblems, expectRefusalLogged, launchBrowser, newPage, poll, visible } from "./browser";

const baseURL = inject("baseURL");
const PASSWORD = "heard-demo-2026";
const OFFICER = "officer@demo.heard.test";
const ADMIN = "admin@demo.heard.test";
const FORBIDDEN_EN = "You cannot see this page";
const FORBIDDEN_CY = "Ni allwch weld y dudalen hon";
const OTHER_SITE_EN = "This was sent from another website, so it was not accepted.";
// A redirect target a browser keeps on this site: one leading slash, visible ASCII only.
const SAME_SITE_PATH = /^\/(?!\/)[\x21-\x7e]*$/;

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

async function openPage() {
  const opened = await newPage(browser, { baseURL });
  contexts.push(opened.context);
  return opened;
}

// ----- fetch helpers ---------------------------------------------------------------------------------

function cookieValue(response: Response, name: string): string | undefined {
  const header = response.headers.getSetCookie().find((value) => value.startsWith(`${name}=`));
  return header?.split(";")[0]!.slice(name.length + 1);
}

/** A new visitor: the heard_csrf cookie and the token the page's forms carry. */
async function visitor(): Promise<{ cookie: string; token: string }> {
  const response = await fetch(`${baseURL}/sign-in`);
  expect(response.status).toBe(200);
  const csrf = cookieValue(response, "heard_csrf");
  expect(csrf, "the heard_csrf cookie").toBeTruthy();
  const html = await response.text();
  const token = html.match(/<input[^>]*name="csrf"[^>]*value="([^"]*)"/)?.[1];
  expect(token).toBe(csrf);
  return { cookie: `heard_csrf=${csrf}`, token: token! };
}

function post(pathname: string, { cookie, origin, fields }: { cookie: string; origin?: string; fields: Record<string, string> }) {
  return fetch(`${baseURL}${pathname}`, {
    method: "POST",
    redirect: "manual",
    headers: {
      Cookie: cookie,
      "Content-Type": "application/x-www-form-urlencoded",
      Accept: "text/html",
      ...(origin ? { Origin: origin } : {}),
    },
    body: new URLSearchParams(fields).toString(),
  });
}

/** The h1 inside <main>, the <html lang> and the <title> of an HTML response. */
async function errorPage(response: Response) {
  expect(response.headers.get("Content-Type")).toMatch(/^text\/html/);
  const html = await response.text();
  const main = html.match(/<main\b[^>]*>([\s\S]*?)<\/main>/)?.[1] ?? "";
  return {
    heading: main.match(/<h1[^>]*>([^<]*)<\/h1>/)?.[1],
    lang: html.match(/<html[^>]*\blang="([^"]*)"/)?.[1],
    title: html.match(/<title>([^<]*)<\/title>/)?.[1],
    main,
  };
}

async function signedInOfficer(): Promise<string> {
  const { cookie, token } = await visitor();
  const response = await post("/sign-in", { cookie, fields: { csrf: token, email: OFFICER, password: PASSWORD, redirectTo: "" } });
  expect(response.status).toBe(302);
  const session = cookieValue(response, "heard_session");
  expect(session, "a heard_session cookie").toBeTruthy();
  return `${cookie}; heard_session=${session}`;
}

// ----- writes from other sites ---------------------------------------------------------------------

test("a sign-in posted from another site gets Heard's 403 page, in the reader's language, and no session", async () => {
  const { cookie, token } = await visitor();
  const fields = { csrf: token, email: OFFICER, password: PASSWORD, redirectTo: "" };

  for (const origin of ["https://evil.example", "null"]) {
    const response = await post("/sign-in", { cookie, origin, fields });
    expect(response.status, `Origin: ${origin}`).toBe(403);
    expect(cookieValue(response, "heard_session"), `Origin: ${origin}`).toBeUndefined();
    const page = await errorPage(response);
    expect(page.heading).toBe(FORBIDDEN_EN);
    expect(page.main).toContain(OTHER_SITE_EN);
    expect(page.lang).toBe("en");
    expect(page.title).toBe(`${FORBIDDEN_EN} – Heard`);
    expect(page.main).not.toContain('name="password"');
  }

  // The same sign-in from this site works, so the refusal above was the Origin and nothing else.
  const own = await post("/sign-in", { cookie, origin: baseURL, fields });
  expect(own.status).toBe(302);
  expect(cookieValue(own, "heard_session")).toBeTruthy();

  // A reader who chose Welsh gets the page in Welsh, from <html lang> to the <title>.
  const chooseWelsh = await post("/language", { cookie, fields: { csrf: token, lng: "cy", redirectTo: "/" } });
  expect(chooseWelsh.status).toBe(302);
  const languageCookie = cookieValue(chooseWelsh, "heard_lang");
  expect(languageCookie).toBeTruthy();
  const welsh = await post("/sign-in", { cookie: `${cookie}; heard_lang=${languageCookie}`, origin: "https://evil.example", fields });
  expect(welsh.status).toBe(403);
  const welshPage = await errorPage(welsh);
  expect(welshPage.heading).toBe(FORBIDDEN_CY);
  expect(welshPage.lang).toBe("cy");
  expect(welshPage.title).toBe(`${FORBIDDEN_CY} – Heard`);
  expect(welshPage.main).toContain("Cafodd hwn ei anfon o wefan arall");
  // With no cookie, the language the browser asks for.
  const asked = await fetch(`${baseURL}/sign-in`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: "null", "Accept-Language": "cy-GB,cy;q=0.9", "Content-Type": "application/x-www-form-urlencoded" },
    body: "email=x",
  });
  expect(asked.status).toBe(403);
  expect((await errorPage(asked)).heading).toBe(FORBIDDEN_CY);

  // Remix's own data requests (what a script would send) are refused the same way, not with a 500.
  const data = await fetch(`${baseURL}/sign-in.data`, {
    method: "POST",
    redirect: "manual",
    headers: { Cookie: cookie, Origin: "https://evil.example", "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
  expect(data.status).toBe(403);
  expect(cookieValue(data, "heard_session")).toBeUndefined();
});

test("a new consultation posted from another site is refused with 403 and not created", async () => {
  const cookie = await signedInOfficer();
  const csrf = cookie.match(/heard_csrf=([^;]+)/)![1]!;
  const title = `Planted from another site ${Date.now()}`;
  const fields = {
    csrf,
    title,
    purpose: "A consultation nobody here asked for.",
    whoFor: "Nobody",
    audience: "Nobody",
    opensOn: "2026-11-01",
    closesOn: "2027-01-31",
    feedbackBy: "2027-03-31",
  };
  const listed = async () => (await (await fetch(`${baseURL}/consultations`, { headers: { Cookie: cookie } })).text()).includes(title);

  for (const origin of ["https://evil.example", "null"]) {
    const response = await post("/consultations/new", { cookie, origin, fields });
    expect(response.status, `Origin: ${origin}`).toBe(403);
    const page = await errorPage(response);
    expect(page.heading).toBe(FORBIDDEN_EN);
    expect(page.main).toContain(OTHER_SITE_EN);
  }
  expect(await listed()).toBe(false);

  // Without a session (what a browser sends from another site, as the cookie is SameSite=Lax) the
  // page sends a visitor to sign in, as it does for any visit: no 500, nothing created.
  const anonymous = await post("/consultations/new", { cookie: "", origin: "https://evil.example", fields });
  expect(anonymous.status).toBe(302);
  expect(anonymous.headers.get("Location")).toBe("/sign-in?redirectTo=%2Fconsultations%2Fnew");
  expect(await listed()).toBe(false);

  // The same form from this site is taken, so the refusals above were the Origin and nothing else.
  const own = await post("/consultations/new", { cookie, origin: baseURL, fields });
  expect(own.status).toBe(302);
  expect(own.headers.get("Location")).toMatch(/^\/consultations\/[0-9a-f-]{36}$/);
  expect(await listed()).toBe(true);
});

test("in a browser, a form on another site that posts to Heard lands on Heard's 403 page", async () => {
  const { page, problems } = await openPage();
  const evilRequests: string[] = [];
  await page.route("http://evil.example/**", (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><html lang="en"><title>Win a prize</title>
        <form method="post" action="${baseURL}/sign-in">
          <input name="email" value="${OFFICER}"><input name="password" value="${PASSWORD}">
          <button>Claim</button>
        </form>`,
    }),
  );
  page.on("request", (request: BrowserRequest) => {
    if (request.url().startsWith("http://evil.example")) evilRequests.push(request.url());
  });
  await page.goto("http://evil.example/prize");
  const postPromise = page.waitForRequest((request) => request.url() === `${baseURL}/sign-in` && request.method() === "POST");
  await page.getByRole("button", { name: "Claim" }).click();
  const sent = await postPromise;
  expect(await sent.headerValue("origin")).toBe("http://evil.example");
  expect((await sent.response())?.status()).toBe(403);
  await poll(() => page.getByRole("main").getByRole("heading", { level: 1 }).innerText()).toBe(FORBIDDEN_EN);
  await visible(page.getByText(OTHER_SITE_EN));
  await poll(() => page.getByRole("complementary", { name: "Help" }).innerText()).toContain("Childline 0800 1111");
  await poll(() => page.title()).toBe(`${FORBIDDEN_EN} – Heard`);
  await expectNoAxeViolations(page, "403 for a form posted from another site");
  await expectRefusalLogged(problems, "403 (Forbidden)");
  expect((await page.context().cookies(baseURL)).find((cookie) => cookie.name === "heard_session")).toBeUndefined();
  expect(evilRequests).toEqual(["http://evil.example/prize"]);

  // The page works after hydration: its link goes home.
  await page.getByRole("link", { name: "Go to the home page" }).click();
  await poll(() => new URL(page.url()).pathname).toBe("/");
  await visible(page.getByRole("heading", { level: 1 }));
});

// ----- redirect targets ----------------------------------------------------------------------------

test("after signing in, a crafted redirectTo stays on the site, never breaks the response, and leaves no stray session", async () => {
  const { cookie, token } = await visitor();
  // Few real sign-ins (they count towards the sign-in rate limit); tests/unit/safe-redirect.test.ts has the full list.
  const targets: [string, string][] = [
    ["/\t/evil.example/phish", "/consultations"],
    ["/consul\ntations", "/consultations"],
    ["/consultations\r\nSet-Cookie: heard_session=planted", "/consultationsSet-Cookie:%20heard_session=planted"],
  ];
  for (const [redirectTo, expected] of targets) {
    const response = await post("/sign-in", { cookie, fields: { csrf: token, email: ADMIN, password: PASSWORD, redirectTo } });
    expect(response.status, JSON.stringify(redirectTo)).toBe(302);
    const location = response.headers.get("Location") ?? "";
    expect(location, JSON.stringify(redirectTo)).toBe(expected);
    expect(location).toMatch(SAME_SITE_PATH);
    const sessions = response.headers.getSetCookie().filter((header) => header.startsWith("heard_session="));
    expect(sessions, JSON.stringify(redirectTo)).toHaveLength(1);
    expect(sessions[0]).not.toContain("planted");
  }

  // A failed sign-in with a hostile target is a plain 400 and sets no session.
  const wrong = await post("/sign-in", {
    cookie,
    fields: { csrf: token, email: ADMIN, password: "not the password", redirectTo: "/consul\r\ntations" },
  });
  expect(wrong.status).toBe(400);
  expect(cookieValue(wrong, "heard_session")).toBeUndefined();
});

test("choosing a language with a crafted redirectTo stays on the site and is never a 500", async () => {
  const { cookie, token } = await visitor();
  const targets: [string, string][] = [
    ["/a\r\nb", "/ab"],
    ["/\r\n/evil.example", "/"],
    ["/\t/evil.example/phish", "/"],
    ["/c/x?y=1\nz", "/c/x?y=1z"],
    ["/consultations", "/consultations"],
  ];
  for (const [redirectTo, expected] of targets) {
    const response = await post("/language", { cookie, fields: { csrf: token, lng: "en", redirectTo } });
    expect(response.status, JSON.stringify(redirectTo)).toBe(302);
    expect(response.headers.get("Location"), JSON.stringify(redirectTo)).toBe(expected);
  }
});

test("in a browser, signing in from a link with a tab-hidden redirect stays on Heard", async () => {
  const { page } = await openPage();
  const evilRequests: string[] = [];
  await page.route("http://evil.example/**", (route) => {
    evilRequests.push(route.request().url());
    return route.fulfill({ contentType: "text/html", body: "<!doctype html><title>Phished</title><h1>Phished</h1>" });
  });
  await page.goto("/sign-in?redirectTo=%2F%09%2Fevil.example%2Fphish");
  await page.getByLabel("Email address").fill(OFFICER);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname !== "/sign-in");
  expect(page.url()).toBe(`${baseURL}/consultations`);
  await poll(() => page.getByRole("heading", { level: 1 }).innerText()).toBe("Consultations");
  expect(evilRequests).toEqual([]);
});
