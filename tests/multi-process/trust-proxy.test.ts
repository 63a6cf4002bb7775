// Behind a reverse proxy, each child must get their own rate-limit key from the real client
// address (X-Forwarded-For, trusted only with TRUST_PROXY); without TRUST_PROXY the header is
// ignored, so nobody can pick their own bucket.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { startAppProcess, stopAppProcess, waitUntilListening, type AppProcess, type Settings } from "../support/app-process";

type App = AppProcess & { file: string };

/** The app on its own SQLite file (deleted by stopApp). */
async function startApp(extraEnv: Settings): Promise<App> {
  const file = path.resolve("tests/.tmp", `trust-proxy-${randomUUID()}.sqlite`);
  const app = { ...(await startAppProcess({ DATABASE_PATH: file, ...extraEnv })), file };
  await waitUntilListening(app);
  return app;
}

async function stopApp(app: App | undefined) {
  if (!app) return;
  await stopAppProcess(app);
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(app.file + suffix, { force: true });
}

/** Five wrong passwords for one email "from" `address`, then one more attempt: its status. */
async function failFiveThenTry(app: App, email: string, address: string, nextAddress: string) {
  const page = await fetch(`${app.baseURL}/sign-in`);
  const cookie = page.headers
    .getSetCookie()
    .map((header) => header.split(";")[0])
    .join("; ");
  const token = (await page.text()).match(/name="csrf"[^>]*value="([^"]*)"/)?.[1] ?? "";
  const attempt = (password: string, from: string) =>
    fetch(`${app.baseURL}/sign-in`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie, "X-Forwarded-For": from },
      body: new URLSearchParams({ email, password, csrf: token, redirectTo: "" }),
    });
  for (let i = 0; i < 5; i++) expect((await attempt(`wrong ${i}`, address)).status).toBe(400);
  return (await attempt("wrong again", nextAddress)).status;
}

let behindProxy: App | undefined;
let direct: App | undefined;

beforeAll(async () => {
  [behindProxy, direct] = await Promise.all([startApp({ TRUST_PROXY: "1", HEARD_DEMO: "false" }), startApp({ HEARD_DEMO: "false" })]);
});

afterAll(async () => {
  await Promise.all([stopApp(behindProxy), stopApp(direct)]);
});

test("with TRUST_PROXY, two children behind one proxy are counted apart", async () => {
  // Five failures from 203.0.113.7 hold the next attempt from that address…
  expect(await failFiveThenTry(behindProxy!, `child-${randomUUID()}@example.test`, "203.0.113.7", "203.0.113.7")).toBe(429);
  // …but not one for the same email from 203.0.113.8, another child behind the same proxy.
  expect(await failFiveThenTry(behindProxy!, `child-${randomUUID()}@example.test`, "203.0.113.9", "203.0.113.8")).toBe(400);
});

test("without TRUST_PROXY, X-Forwarded-For is ignored: a client cannot pick a fresh bucket", async () => {
  const email = `child-${randomUUID()}@example.test`;
  expect(await failFiveThenTry(direct!, email, "203.0.113.7", "203.0.113.99")).toBe(429);
});
