// Running an organisation: an admin invites a member (keyboard only), the member chooses a password
// through the one-time link in a browser of their own and is signed in, the admin deactivates them
// and their open session ends at once. Other staff get a 403. axe runs on every page state visited.
// New members only: the demo accounts other tests sign in with are never changed.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { inject } from "vitest";
import { expectNoAxeViolations, isFocused, launchBrowser, newPage, poll, visible } from "./browser";

const baseURL = inject("baseURL");
const DEMO_PASSWORD = "heard-demo-2026";
const NEW_PASSWORD = "four random words here";
// Each flow below visits many page states and runs axe on every one: slower than one page's test.
const LONG_FLOW_MS = 300_000;

let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  await browser?.close();
});

async function openPage(options: Parameters<typeof newPage>[1] = {}) {
  const opened = await newPage(browser, { baseURL, ...options });
  contexts.push(opened.context);
  return opened;
}

async function signedIn(email: string, password = DEMO_PASSWORD) {
  const opened = await openPage();
  await opened.page.goto("/sign-in");
  await opened.page.getByLabel("Email address").fill(email);
  await opened.page.getByLabel("Password").fill(password);
  await opened.page.getByRole("button", { name: "Sign in" }).click();
  await opened.page.waitForURL("**/consultations");
  return opened;
}

/** The errors the browser logs for refusals a test provokes on purpose (4xx loads); anything else is a problem. */
function unexpected(problems: string[]) {
  // The refusals these tests provoke on purpose (bad forms 400, last admin 409, role 403, dead link 404).
  return problems.filter((problem) => !/the server responded with a status of (400|403|404|409)\b/.test(problem));
}

async function focusedLabel(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLInputElement | null;
    return element?.labels?.[0]?.innerText ?? element?.innerText ?? "";
  });
}

async function pressTabUntil(page: Page, target: ReturnType<Page["getByRole"]>, max = 10) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await isFocused(target)) return;
  }
  throw new Error(`Tab never reached the target; focus is on "${await focusedLabel(page)}"`);
}

test("an admin invites a member with the keyboard alone; the member sets a password through the link; deactivated, they are signed out at once", async () => {
  const admin = await signedIn("admin@demo.heard.test");
  const page = admin.page;
  await admin.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });

  // Members and Settings are in the staff navigation for admins.
  await page.getByRole("navigation", { name: "Staff" }).getByRole("link", { name: "Members" }).click();
  await page.waitForURL("**/admin/members");
  await visible(page.getByRole("table", { name: "Members" }));
  await expectNoAxeViolations(page, "members list");

  // At 320 px the table becomes one block per member: nothing scrolls sideways.
  await page.setViewportSize({ width: 320, height: 800 });
  await poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await expectNoAxeViolations(page, "members list at 320 px");
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.getByRole("link", { name: "Invite a member" }).click();
  await page.waitForURL("**/admin/members/invite");
  await visible(page.getByLabel("Full name"));
  await expectNoAxeViolations(page, "invite form");

  // Keyboard only, from the skip link of a freshly loaded page. An empty form is refused, GOV.UK style.
  await page.reload();
  await visible(page.getByLabel("Full name"));
  await page.keyboard.press("Tab");
  await poll(() => isFocused(page.getByRole("link", { name: "Skip to main content" }))).toBe(true);
  await page.keyboard.press("Enter");
  await poll(() => isFocused(page.locator("main#main"))).toBe(true);
  await page.keyboard.press("Tab");
  await poll(() => isFocused(page.getByLabel("Full name"))).toBe(true);
  await pressTabUntil(page, page.getByRole("button", { name: "Create invitation link" }));
  await page.keyboard.press("Enter");
  await poll(() => isFocused(page.getByRole("alert"))).toBe(true);
  const summary = await page.getByRole("alert").innerText();
  expect(summary).toContain("Enter their full name");
  expect(summary).toContain("Enter their email address");
  expect(summary).toContain("Choose a role");
  await poll(() => page.title()).toMatch(/^Error: /);
  await expectNoAxeViolations(page, "invite form with errors");

  // The error summary's first link leads to the field.
  await page.keyboard.press("Tab");
  await poll(() => isFocused(page.getByRole("link", { name: "Enter their full name" }))).toBe(true);
  await page.keyboard.press("Enter");
  await poll(() => isFocused(page.getByLabel("Full name"))).toBe(true);

  const email = `kim.keyboard.${Date.now()}@example.test`;
  await page.keyboard.type("Kim Keyboard");
  await page.keyboard.press("Tab");
  await poll(() => isFocused(page.getByLabel("Email address"))).toBe(true);
  await page.keyboard.type(email);
  // The role radios are one tab stop; arrow keys choose within them.
  await page.keyboard.press("Tab");
  await poll(() => isFocused(page.getByRole("radio", { name: /^Admin/ }))).toBe(true);
  await page.keyboard.press("ArrowDown");
  await poll(() => page.getByRole("radio", { name: /^Officer/ }).isChecked()).toBe(true);
  await page.keyboard.press("Tab");
  await poll(() => isFocused(page.getByRole("checkbox", { name: "Safeguarding lead" }))).toBe(true);
  await page.keyboard.press("Space");
  await poll(() => page.getByRole("checkbox", { name: "Safeguarding lead" }).isChecked()).toBe(true);
  await page.keyboard.press("Tab");
  await poll(() => isFocused(page.getByRole("button", { name: "Create invitation link" }))).toBe(true);
  await page.keyboard.press("Enter");

  // The one-time link, shown once, with a copy button.
  const done = page.getByRole("heading", { level: 1, name: "Invitation link ready" });
  await poll(() => isFocused(done)).toBe(true);
  const linkField = page.getByLabel("One-time link for Kim Keyboard");
  const link = await linkField.inputValue();
  expect(link).toMatch(new RegExp(`^${baseURL.replace(/[.]/g, "\\.")}/set-password/[A-Za-z0-9_-]{43}$`));
  await pressTabUntil(page, page.getByRole("button", { name: "Copy link" }));
  await page.keyboard.press("Enter");
  await poll(() => page.getByRole("status").innerText()).toBe("Link copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await expectNoAxeViolations(page, "invitation link ready");

  // The same email cannot be invited twice.
  await page.getByRole("link", { name: "Invite someone else" }).click();
  await page.getByLabel("Full name").fill("Kim Again");
  await page.getByLabel("Email address").fill(email.toUpperCase());
  await page.getByText("Analyst", { exact: true }).click();
  await page.getByRole("button", { name: "Create invitation link" }).click();
  await poll(() => page.getByRole("alert").innerText()).toContain("Someone already has an account with that email address");
  await expectNoAxeViolations(page, "invite form with an email already in use");

  // The member opens the link in a browser of their own.
  const member = await openPage();
  const theirs = member.page;
  await theirs.goto(link);
  await visible(theirs.getByRole("heading", { level: 1, name: "Choose a password" }));
  const account = await theirs.locator("dl").innerText();
  expect(account).toContain("Kim Keyboard");
  expect(account).toContain(email);
  expect(account).toContain("Demo Council");
  await expectNoAxeViolations(theirs, "set password");

  await theirs.getByLabel("New password").fill("too short");
  await theirs.getByLabel("Type the password again").fill("something else");
  await theirs.getByRole("button", { name: "Save password and sign in" }).click();
  await poll(() => isFocused(theirs.getByRole("alert"))).toBe(true);
  const problems = await theirs.getByRole("alert").innerText();
  expect(problems).toContain("Password must be 12 characters or more");
  expect(problems).toContain("The passwords do not match");
  await expectNoAxeViolations(theirs, "set password with errors");

  await theirs.getByLabel("New password").fill(NEW_PASSWORD);
  await theirs.getByLabel("Type the password again").fill(NEW_PASSWORD);
  await theirs.getByRole("button", { name: "Save password and sign in" }).click();
  await theirs.waitForURL("**/consultations");
  await visible(theirs.getByText("Signed in as Kim Keyboard"));
  // An officer sees no admin links.
  expect(await theirs.getByRole("navigation", { name: "Staff" }).getByRole("link", { name: "Members" }).count()).toBe(0);

  // The link worked once.
  const again = await fetch(link);
  expect(again.status).toBe(404);
  const used = await openPage();
  await used.page.goto(link);
  await visible(used.page.getByRole("heading", { level: 1, name: "This link no longer works" }));
  await visible(used.page.getByText("Ask your admin for a new one."));
  await expectNoAxeViolations(used.page, "a used link");

  // The admin finds them in the list, active, and deactivates them after a confirmation step.
  await page.goto("/admin/members");
  const row = page.getByRole("row", { name: /Kim Keyboard/ });
  await poll(() => row.innerText()).toMatch(/Officer\s+Yes\s+Active/);
  await row.getByRole("link", { name: "Kim Keyboard" }).click();
  await visible(page.getByRole("heading", { level: 1, name: "Kim Keyboard" }));
  await expectNoAxeViolations(page, "member page");
  await page.getByRole("link", { name: "Deactivate" }).click();
  await visible(page.getByRole("heading", { level: 1, name: "Deactivate Kim Keyboard?" }));
  await visible(page.getByText("They will be signed out of Heard everywhere, at once."));
  await expectNoAxeViolations(page, "deactivation confirmation");
  await page.getByRole("button", { name: "Yes, deactivate" }).click();
  await poll(() => page.getByRole("status").innerText()).toBe("Kim Keyboard is deactivated and has been signed out.");
  await visible(page.getByText("Deactivated", { exact: true }));
  await expectNoAxeViolations(page, "member deactivated");

  // Their open session ends on their next request, and they cannot sign back in.
  await theirs.reload();
  await poll(() => theirs.url()).toBe(`${baseURL}/sign-in?redirectTo=%2Fconsultations`);
  await theirs.getByLabel("Email address").fill(email);
  await theirs.getByLabel("Password").fill(NEW_PASSWORD);
  await theirs.getByRole("button", { name: "Sign in" }).click();
  await poll(() => theirs.getByRole("alert").innerText()).toContain("Email address, sign-in name or password is not right");

  expect(unexpected(admin.problems)).toEqual([]);
  expect(unexpected(member.problems)).toEqual([]);
}, LONG_FLOW_MS);

test("an admin gets clear errors for the last admin and bad settings, and a password reset link", async () => {
  const admin = await signedIn("admin@demo.heard.test");
  const page = admin.page;

  // The demo's only admin cannot stop being one (refused, so nothing changes).
  await page.goto("/admin/members");
  await page.getByRole("link", { name: "Aisha Admin" }).click();
  await visible(page.getByRole("heading", { level: 1, name: /Aisha Admin/ }));
  await page.getByText("Analyst", { exact: true }).click();
  await page.getByRole("button", { name: "Save role" }).click();
  await poll(() => isFocused(page.getByRole("alert"))).toBe(true);
  expect(await page.getByRole("alert").innerText()).toContain("Your organisation needs at least one admin");
  await expectNoAxeViolations(page, "member page with the last-admin error");
  await page.reload();
  await poll(() => page.locator("dl").innerText()).toMatch(/Role\s+Admin/);

  // A new member gets a password reset link (shown once).
  await page.goto("/admin/members/invite");
  await page.getByLabel("Full name").fill("Rhys Reset");
  await page.getByLabel("Email address").fill(`rhys.reset.${Date.now()}@example.test`);
  await page.getByText("Young advisor", { exact: true }).click();
  await page.getByRole("button", { name: "Create invitation link" }).click();
  await visible(page.getByRole("heading", { name: "Invitation link ready" }));
  const invitation = await page.getByLabel("One-time link for Rhys Reset").inputValue();
  await page.getByRole("link", { name: "Back to members" }).click();
  await page.getByRole("link", { name: "Rhys Reset" }).click();
  await page.getByRole("button", { name: "Create a password reset link" }).click();
  const reset = await page.getByLabel("One-time link for Rhys Reset").inputValue();
  expect(reset).toMatch(/\/set-password\/[A-Za-z0-9_-]{43}$/);
  expect(reset).not.toBe(invitation);
  await expectNoAxeViolations(page, "password reset link");
  expect((await fetch(reset)).status).toBe(200);

  // Settings: a threshold out of range is refused; saving unchanged settings says so.
  await page.getByRole("navigation", { name: "Staff" }).getByRole("link", { name: "Settings" }).click();
  await page.waitForURL("**/admin/settings");
  await expect(page.getByLabel("Organisation name").inputValue()).resolves.toBe("Demo Council");
  await expectNoAxeViolations(page, "settings");
  const threshold = page.getByLabel("Smallest number shown");
  const before = await threshold.inputValue();
  await threshold.fill("1");
  await page.getByRole("button", { name: "Save settings" }).click();
  await poll(() => page.getByRole("alert").innerText()).toContain("Enter a whole number from 2 to 50");
  await poll(() => page.title()).toMatch(/^Error: /);
  await expectNoAxeViolations(page, "settings with errors");
  await threshold.fill(before);
  await page.getByRole("button", { name: "Save settings" }).click();
  await poll(() => page.getByRole("status").innerText()).toBe("Settings saved.");
  await expectNoAxeViolations(page, "settings saved");

  expect(unexpected(admin.problems)).toEqual([]);
}, LONG_FLOW_MS);

test("staff who are not admins get a 403 on the admin pages, and signed-out visitors are sent to sign in", async () => {
  const officer = await signedIn("officer@demo.heard.test");
  const nav = officer.page.getByRole("navigation", { name: "Staff" });
  await visible(nav.getByRole("link", { name: "Consultations" }));
  expect(await nav.getByRole("link", { name: "Members" }).count()).toBe(0);
  expect(await nav.getByRole("link", { name: "Settings" }).count()).toBe(0);

  const response = await officer.page.goto("/admin/members");
  expect(response?.status()).toBe(403);
  await visible(officer.page.getByRole("heading", { level: 1, name: "You cannot see this page" }));
  await expectNoAxeViolations(officer.page, "403 on the members page");
  for (const pathname of ["/admin/members/invite", "/admin/settings"]) {
    expect((await officer.page.goto(pathname))?.status(), pathname).toBe(403);
  }

  // Posting the form directly is refused too, with a valid CSRF token.
  const refused = await officer.page.evaluate(async () => {
    const csrf = (document.querySelector('input[name="csrf"]') as HTMLInputElement).value;
    const body = new URLSearchParams({ csrf, name: "Sneaky", email: "sneaky@example.test", role: "admin" });
    const result = await fetch("/admin/members/invite", { method: "POST", body, redirect: "manual" });
    return result.status;
  });
  expect(refused).toBe(403);

  const signedOut = await fetch(`${baseURL}/admin/members`, { redirect: "manual" });
  expect(signedOut.status).toBe(302);
  expect(signedOut.headers.get("Location")).toBe("/sign-in?redirectTo=%2Fadmin%2Fmembers");
  expect(unexpected(officer.problems)).toEqual([]);
});
