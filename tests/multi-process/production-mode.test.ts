// Production mode, as a council would run it: the built app started by `scripts/start.ts` on its own
// SQLite file. With HEARD_DEMO=false nothing is seeded, a database that still holds the demo refuses
// to start until `npm run remove-demo`, the first admin comes from `npm run create-admin` with a
// one-time link, and an https PUBLIC_URL gives __Host- Secure cookies, HSTS and links on that address.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { appEnvironment, startAppProcess, stopAppProcess, waitForExit, waitUntilListening, type AppProcess, type Settings } from "../support/app-process";

// Starting the app takes a while on a busy machine, and some tests start it three times.
const SLOW_MS = 300_000;
const TMP = path.resolve("tests/.tmp");
const files: string[] = [];
const running: AppProcess[] = [];

function databaseFile(label: string) {
  fs.mkdirSync(TMP, { recursive: true });
  const file = path.join(TMP, `production-${label}-${process.pid}.sqlite`);
  files.push(file);
  removeDatabase(file);
  return file;
}

function removeDatabase(file: string) {
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
}

async function startApp(settings: Settings): Promise<AppProcess> {
  const app = await startAppProcess(settings);
  running.push(app);
  return app;
}

/** Runs a script as a person would (`npx tsx scripts/…`), and returns its exit code and output. */
function runScript(args: string[], settings: Settings): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    let output = "";
    const child = spawn("npx", ["tsx", ...args], { env: appEnvironment(settings), stdio: ["ignore", "pipe", "pipe"] });
    child.stdout?.on("data", (chunk) => (output += chunk));
    child.stderr?.on("data", (chunk) => (output += chunk));
    child.once("error", reject);
    child.once("exit", (code) => resolve({ code, output }));
  });
}

function setCookies(response: Response) {
  return response.headers.getSetCookie();
}

/** name=value pairs from Set-Cookie headers, ready to send back. */
function cookiePairs(response: Response) {
  return setCookies(response)
    .map((header) => header.split(";")[0]!)
    .filter((pair) => !pair.endsWith("="));
}

function attributesOf(response: Response, name: string) {
  const header = setCookies(response).find((value) => value.startsWith(`${name}=`));
  expect(header, `a ${name} cookie`).toBeTruthy();
  return header!.split(";").slice(1).map((part) => part.trim().toLowerCase());
}

function csrfField(html: string) {
  const token = html.match(/name="csrf"[^>]*value="([^"]*)"/)?.[1] ?? html.match(/value="([^"]*)"[^>]*name="csrf"/)?.[1];
  expect(token, "a csrf field in the page").toBeTruthy();
  return token!;
}

/** A page with a form: its CSRF field and the cookies to send back with it. */
async function formPage(url: string, cookie = "") {
  const response = await fetch(url, { headers: cookie ? { Cookie: cookie } : {} });
  const html = await response.text();
  return { response, html, token: csrfField(html), cookie: [cookie, ...cookiePairs(response)].filter(Boolean).join("; ") };
}

function postForm(url: string, cookie: string, fields: Record<string, string>) {
  return fetch(url, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
    body: new URLSearchParams(fields),
  });
}

async function signIn(app: AppProcess, email: string, password: string) {
  const { cookie, token } = await formPage(`${app.baseURL}/sign-in`);
  const response = await postForm(`${app.baseURL}/sign-in`, cookie, { email, password, csrf: token, redirectTo: "" });
  return { response, cookie };
}

afterAll(async () => {
  for (const app of running) await stopAppProcess(app);
  for (const file of files) removeDatabase(file);
});

describe("a fresh database with HEARD_DEMO=false", () => {
  const ADMIN_EMAIL = "a@b.test";
  const ADMIN_PASSWORD = "correct horse battery staple";
  let file: string;

  beforeAll(() => {
    file = databaseFile("fresh");
  });

  test(
    "starts without the demo; create-admin's one-time link works against it, then the admin signs in",
    async () => {
      const app = await startApp({ DATABASE_PATH: file, HEARD_DEMO: "false" });
      await waitUntilListening(app);
      expect(app.output()).not.toContain("Seeded");
      expect((await signIn(app, "officer@demo.heard.test", "heard-demo-2026")).response.status).toBe(400);

      // The first real organisation and admin, from the command line, while the app runs.
      const created = await runScript(["scripts/create-admin.ts", "--organisation", "Test Council", "--email", ADMIN_EMAIL], {
        DATABASE_PATH: file,
        HEARD_DEMO: "false",
        PORT: String(app.port),
      });
      expect(created.code, created.output).toBe(0);
      const printed = created.output.match(/https?:\/\/\S+\/set-password\/[A-Za-z0-9_-]+/)?.[0];
      expect(printed, created.output).toBeTruthy();
      const link = new URL(printed!);
      expect(link.origin).toBe(`http://localhost:${app.port}`);
      const linkUrl = `${app.baseURL}${link.pathname}`;

      // No password works before the admin chooses one.
      expect((await signIn(app, ADMIN_EMAIL, "")).response.status).toBe(400);

      const page = await formPage(linkUrl);
      expect(page.response.status).toBe(200);
      expect(page.html).toContain("Test Council");
      expect(page.html).toContain(ADMIN_EMAIL);
      // Not a demo: no page says it is one.
      expect(page.html).not.toContain("This is a demo site.");
      const mismatch = await postForm(linkUrl, page.cookie, { csrf: page.token, password: ADMIN_PASSWORD, confirmPassword: "something else" });
      expect(mismatch.status).toBe(400);
      const set = await postForm(linkUrl, page.cookie, { csrf: page.token, password: ADMIN_PASSWORD, confirmPassword: ADMIN_PASSWORD });
      expect(set.status).toBe(302);
      expect(set.headers.get("Location")).toBe("/consultations");
      const session = cookiePairs(set).find((pair) => pair.startsWith("heard_session="));
      expect(session, "signed in by setting the password").toBeTruthy();
      const list = await fetch(`${app.baseURL}/consultations`, { redirect: "manual", headers: { Cookie: `${page.cookie}; ${session}` } });
      expect(list.status).toBe(200);
      // An admin of the new organisation: the members page lists them.
      const members = await fetch(`${app.baseURL}/admin/members`, { redirect: "manual", headers: { Cookie: `${page.cookie}; ${session}` } });
      expect(members.status).toBe(200);
      expect(await members.text()).toContain(ADMIN_EMAIL);

      // The link worked once.
      expect((await fetch(linkUrl)).status).toBe(404);
      const signedIn = await signIn(app, ADMIN_EMAIL, ADMIN_PASSWORD);
      expect(signedIn.response.status).toBe(302);
      expect(signedIn.response.headers.get("Location")).toBe("/consultations");
      await stopAppProcess(app);
    },
    SLOW_MS,
  );

  test(
    "with an https PUBLIC_URL: __Host- cookies with Secure, HSTS, and one-time links on the public address",
    async () => {
      const app = await startApp({ DATABASE_PATH: file, PUBLIC_URL: "https://heard.example.test" });
      await waitUntilListening(app);
      // An https address is production: the demo is not seeded even though HEARD_DEMO is unset.
      expect(app.output()).not.toContain("Seeded");

      const signInPage = await fetch(`${app.baseURL}/sign-in`);
      expect(signInPage.headers.get("Strict-Transport-Security")).toMatch(/^max-age=\d{7,}/);
      const csrfAttributes = attributesOf(signInPage, "__Host-heard_csrf");
      expect(csrfAttributes).toEqual(expect.arrayContaining(["secure", "httponly", "path=/", "samesite=lax"]));
      expect(csrfAttributes.some((attribute) => attribute.startsWith("domain="))).toBe(false);
      expect(setCookies(signInPage).some((header) => header.startsWith("heard_csrf="))).toBe(false);

      // Signing in needs the __Host- CSRF cookie and the form's token.
      const csrfCookie = cookiePairs(signInPage).find((pair) => pair.startsWith("__Host-heard_csrf="))!;
      const token = csrfField(await signInPage.text());
      const fields = { email: ADMIN_EMAIL, password: ADMIN_PASSWORD, csrf: token, redirectTo: "" };
      const withoutCookie = await postForm(`${app.baseURL}/sign-in`, `heard_csrf=${token}`, fields);
      expect(withoutCookie.status).toBe(403);
      const signedIn = await postForm(`${app.baseURL}/sign-in`, csrfCookie, fields);
      expect(signedIn.status).toBe(302);
      expect(signedIn.headers.get("Strict-Transport-Security")).toMatch(/^max-age=/);
      const sessionAttributes = attributesOf(signedIn, "__Host-heard_session");
      expect(sessionAttributes).toEqual(expect.arrayContaining(["secure", "httponly", "path=/", "samesite=lax"]));
      expect(sessionAttributes.some((attribute) => attribute.startsWith("domain="))).toBe(false);
      const session = cookiePairs(signedIn).find((pair) => pair.startsWith("__Host-heard_session="))!;
      const cookie = `${csrfCookie}; ${session}`;

      // An invitation made in the app points at PUBLIC_URL, not at the address the request came in on.
      const invite = await formPage(`${app.baseURL}/admin/members/invite`, cookie);
      expect(invite.response.status).toBe(200);
      const invited = await postForm(`${app.baseURL}/admin/members/invite`, cookie, {
        csrf: invite.token,
        name: "Owain Officer",
        email: "owain@b.test",
        role: "officer",
      });
      expect(invited.status).toBe(200);
      expect(await invited.text()).toMatch(/https:\/\/heard\.example\.test\/set-password\/[A-Za-z0-9_-]{43}/);
      await stopAppProcess(app);
    },
    SLOW_MS,
  );
});

describe("a database that holds the demo", () => {
  test(
    "refuses a production start, naming `npm run remove-demo`; after remove-demo it starts",
    async () => {
      const file = databaseFile("demo");
      const demo = await startApp({ DATABASE_PATH: file });
      await waitUntilListening(demo);
      expect(demo.output()).toContain("Seeded the demo organisation");
      await stopAppProcess(demo);

      const refused = await startApp({ DATABASE_PATH: file, HEARD_DEMO: "false" });
      expect(await waitForExit(refused)).toBe(1);
      expect(refused.output()).toContain("npm run remove-demo");
      expect(refused.output()).not.toContain("Heard is listening");

      const removed = await runScript(["scripts/remove-demo.ts"], { DATABASE_PATH: file });
      expect(removed.code, removed.output).toBe(0);
      expect(removed.output).toContain("Removed the demo organisation");

      const production = await startApp({ DATABASE_PATH: file, HEARD_DEMO: "false" });
      await waitUntilListening(production);
      expect(production.output()).not.toContain("Seeded");
      expect((await signIn(production, "officer@demo.heard.test", "heard-demo-2026")).response.status).toBe(400);
      await stopAppProcess(production);
    },
    SLOW_MS,
  );
});
