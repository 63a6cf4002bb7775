import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from "playwright-core";
import { expect } from "vitest";

/**
 * How long a wait for something on a page may take before it fails: generous, because the suite
 * drives two browsers at once beside the other tests, and two cores make a quick page slow.
 */
export const WAIT_MS = 30_000;

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

type OpenedPage = { context: BrowserContext; page: Page; problems: string[] };

// Every page this test file opened, so afterEach can check them all, shared pages included.
const openedPages: OpenedPage[] = [];

/** A page in a fresh context, recording every console error and uncaught page error in `problems`. */
export async function newPage(browser: Browser, options: BrowserContextOptions = {}): Promise<OpenedPage> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  const opened = { context, page, problems };
  openedPages.push(opened);
  return opened;
}

/**
 * Chromium logs every error status as a console error. A test that provokes a refusal on purpose
 * (a wrong password, an empty form, a page it may not see) accepts that one line, and only that:
 * anything else logged on the page fails the test.
 */
export async function expectRefusalLogged(problems: string[], status: string) {
  const refusal = `console error: Failed to load resource: the server responded with a status of ${status}`;
  await expect.poll(() => problems, { timeout: WAIT_MS }).toContain(refusal);
  expect(problems).toEqual([refusal]);
  problems.splice(0);
}

/** For afterEach in every end-to-end file: no page logged an error or threw since the last check. */
export function expectNoBrowserProblems() {
  const found = openedPages.flatMap(({ page, problems }) => problems.splice(0).map((problem) => `${page.url()}: ${problem}`));
  expect(found, "console errors and page errors in the browser").toEqual([]);
}

const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** Runs axe (WCAG 2.2 AA, target-size on) and fails with a readable list of violations. */
export async function expectNoAxeViolations(page: Page, state: string) {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).options({ rules: { "target-size": { enabled: true } } }).analyze();
  const summary = results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help}\n` +
      violation.nodes
        .slice(0, 5)
        .map((node) => `    ${node.target.join(" ")}: ${node.failureSummary?.split("\n").join(" ")}`)
        .join("\n"),
  );
  expect(summary, `axe violations on ${state} (${page.url()})`).toEqual([]);
}

/** Waits until the element is visible (fails after WAIT_MS). */
export async function visible(locator: Locator) {
  await locator.first().waitFor({ state: "visible", timeout: WAIT_MS });
}

export async function isFocused(locator: Locator) {
  return locator.evaluate((element) => element === document.activeElement);
}

export function poll<T>(fn: () => Promise<T> | T) {
  return expect.poll(fn, { timeout: WAIT_MS });
}

/** Signs `page` in through the sign-in form and waits for the consultations list. */
export async function signInAs(page: Page, email: string, password = "heard-demo-2026") {
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL("**/consultations");
}
