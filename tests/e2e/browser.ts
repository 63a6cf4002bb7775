import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type BrowserContextOptions, type Locator, type Page } from "playwright-core";
import { expect } from "vitest";

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

export async function newPage(browser: Browser, options: BrowserContextOptions = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    // Chromium logs every 400 as an error; those are the refusals the tests provoke on purpose.
    const expectedRefusal = message.text().includes("status of 400 (Bad Request)");
    if (message.type() === "error" && !expectedRefusal) problems.push(`console error: ${message.text()}`);
  });
  return { context, page, problems };
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

/** Waits until the element is visible (fails after Playwright's timeout). */
export async function visible(locator: Locator) {
  await locator.first().waitFor({ state: "visible", timeout: 15_000 });
}

export async function isFocused(locator: Locator) {
  return locator.evaluate((element) => element === document.activeElement);
}

export function poll<T>(fn: () => Promise<T> | T) {
  return expect.poll(fn, { timeout: 15_000 });
}
