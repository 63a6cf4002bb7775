// Two app processes on one PostgreSQL database behave as one site: the demo is seeded once, a
// member signed in through one is signed in on the other, sign-in limits are shared, and a
// scheduled job runs once across both.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { startAppProcess, stopAppProcess, waitUntilListening, type AppProcess as App } from "../support/app-process";

function cookiesFrom(response: Response) {
  return response.headers
    .getSetCookie()
    .map((header) => header.split(";")[0]!)
    .filter((pair) => !pair.endsWith("="));
}

async function visitSignIn(app: App) {
  const response = await fetch(`${app.baseURL}/sign-in`);
  const html = await response.text();
  const token = html.match(/name="csrf"[^>]*value="([^"]*)"/)?.[1] ?? html.match(/value="([^"]*)"[^>]*name="csrf"/)?.[1];
  expect(token, "a csrf field on the sign-in page").toBeTruthy();
  return { cookie: cookiesFrom(response).join("; "), token: token! };
}

async function signIn(app: App, email: string, password: string, cookie: string, token: string) {
  return fetch(`${app.baseURL}/sign-in`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
    body: new URLSearchParams({ email, password, csrf: token, redirectTo: "" }),
  });
}

let first: App;
let second: App;
let databaseName: string;
let adminUrl: URL;

beforeAll(async () => {
  const templateUrl = new URL(inject("postgresTemplateUrl"));
  adminUrl = new URL(templateUrl);
  adminUrl.pathname = "/postgres";
  databaseName = `heard_two_${randomUUID().replaceAll("-", "")}`;
  const admin = new pg.Client({ connectionString: adminUrl.href });
  await admin.connect();
  // An empty database, not the migrated template: both processes migrate and may both try to seed.
  await admin.query(`CREATE DATABASE ${databaseName}`);
  await admin.end();
  const databaseUrl = new URL(templateUrl);
  databaseUrl.pathname = `/${databaseName}`;
  // Started together, on purpose: migrations, the demo seed and the first job runs all race.
  [first, second] = await Promise.all([startAppProcess({ DATABASE_URL: databaseUrl.href }), startAppProcess({ DATABASE_URL: databaseUrl.href })]);
  await Promise.all([waitUntilListening(first), waitUntilListening(second)]);
});

afterAll(async () => {
  await Promise.all([stopAppProcess(first), stopAppProcess(second)]);
  const admin = new pg.Client({ connectionString: adminUrl.href });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
  await admin.end();
});

test("the demo is seeded once, and each scheduled job runs once across both processes", () => {
  const all = first.output() + second.output();
  expect(all.match(/Seeded the demo organisation/g) ?? []).toHaveLength(1);
  expect(all.match(/scheduled job clear-expired-sessions ran/g) ?? []).toHaveLength(1);
  expect(all.match(/scheduled job clear-expired-rate-limits ran/g) ?? []).toHaveLength(1);
  // The daily jobs: retention (which deletes answers) above all must not run twice.
  expect(all.match(/scheduled job apply-retention ran/g) ?? []).toHaveLength(1);
  expect(all.match(/scheduled job clear-expired-member-links ran/g) ?? []).toHaveLength(1);
  expect(all.match(/scheduled job clear-delivered-notifications ran/g) ?? []).toHaveLength(1);
});

test("a member signed in through one process is signed in on the other, and signed out on both", async () => {
  const { cookie, token } = await visitSignIn(first);
  const signedIn = await signIn(first, "officer@demo.heard.test", "heard-demo-2026", cookie, token);
  expect(signedIn.status).toBe(302);
  const session = cookiesFrom(signedIn).find((pair) => pair.startsWith("heard_session="));
  expect(session, "a session cookie from the first process").toBeTruthy();
  const cookies = `${cookie}; ${session}`;

  const onSecond = await fetch(`${second.baseURL}/consultations`, { headers: { Cookie: cookies }, redirect: "manual" });
  expect(onSecond.status).toBe(200);
  expect(await onSecond.text()).toContain("Your life in care 2026");

  const signOut = await fetch(`${second.baseURL}/sign-out`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookies },
    body: new URLSearchParams({ csrf: token }),
  });
  expect(signOut.status).toBe(302);
  const onFirst = await fetch(`${first.baseURL}/consultations`, { headers: { Cookie: cookies }, redirect: "manual" });
  expect(onFirst.status).toBe(302);
  expect(onFirst.headers.get("Location")).toContain("/sign-in");
});

test("sign-in limits are shared: failures counted by one process hold the next attempt on the other", async () => {
  const { cookie, token } = await visitSignIn(first);
  const email = "analyst@demo.heard.test";
  for (let i = 0; i < 5; i++) {
    const app = i % 2 === 0 ? first : second;
    expect((await signIn(app, email, `wrong password ${i}`, cookie, token)).status).toBe(400);
  }
  const held = await signIn(second, email, "heard-demo-2026", cookie, token);
  expect(held.status).toBe(429);
  expect(Number(held.headers.get("Retry-After"))).toBeGreaterThan(0);
});
