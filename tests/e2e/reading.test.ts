// Reading at 320 px and 1280 px: tables never split a word, form controls stand out from the page
// (WCAG 1.4.11, which axe does not check), the smiley scale is one row or one column, and every
// rating and the survey's form carry what non-axe checkers look for. axe runs on every state visited.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { inject } from "vitest";
import { expectNoAxeViolations, launchBrowser, newPage, visible } from "./browser";

const baseURL = inject("baseURL");
const OPEN_TITLE = "Your life in care 2026";
const WIDTHS = [320, 1280] as const;

let browser: Browser;
const contexts: BrowserContext[] = [];
let seeded: { id: string; slug: string };

beforeAll(async () => {
  browser = await launchBrowser();
  const { page } = await signedIn(1280);
  await page.getByRole("link", { name: OPEN_TITLE, exact: true }).click();
  await page.waitForURL(/\/consultations\/[0-9a-f-]{36}$/);
  const publicPath = await page.getByRole("link", { name: /^\/c\// }).innerText();
  seeded = { id: new URL(page.url()).pathname.split("/").pop()!, slug: publicPath.replace(/^\/c\//, "").trim() };
});
afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  await browser?.close();
});

async function openPage(width: number) {
  const opened = await newPage(browser, { baseURL, viewport: { width, height: 800 } });
  contexts.push(opened.context);
  return opened;
}

async function signedIn(width: number) {
  const opened = await openPage(width);
  await opened.page.goto("/sign-in");
  await opened.page.getByLabel("Email address").fill("officer@demo.heard.test");
  await opened.page.getByLabel("Password").fill("heard-demo-2026");
  await opened.page.getByRole("button", { name: "Sign in" }).click();
  await opened.page.waitForURL("**/consultations");
  return opened;
}

/**
 * Every word in a table's visible headers and cells, with the number of lines it is drawn on: a
 * word drawn on two lines has been split. Hyphens and spaces are where a break is allowed.
 */
function wordsSplitAcrossLines(page: Page) {
  return page.evaluate(() => {
    const split: string[] = [];
    for (const cell of document.querySelectorAll("table th, table td")) {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const holder = node.parentElement!;
        if (holder.getBoundingClientRect().width <= 1) continue; // visually hidden text is not read by eye
        for (const word of (node.textContent ?? "").matchAll(/[^\s\-–]+/g)) {
          const range = document.createRange();
          range.setStart(node, word.index);
          range.setEnd(node, word.index + word[0].length);
          const lines = new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top)));
          if (lines.size > 1) split.push(`"${word[0]}" on ${lines.size} lines in <${cell.tagName.toLowerCase()}> "${cell.textContent?.trim()}"`);
        }
      }
    }
    return split;
  });
}

/** A table that is wider than its box must sit in a named region a keyboard can scroll. */
function tablesThatOverflowUnreachably(page: Page) {
  return page.evaluate(() => {
    const problems: string[] = [];
    if (document.documentElement.scrollWidth > window.innerWidth) problems.push(`the page scrolls sideways (${document.documentElement.scrollWidth}px)`);
    for (const table of document.querySelectorAll("table")) {
      const box = table.parentElement!;
      const overflows = box.scrollWidth > box.clientWidth + 1;
      const reachable = box.getAttribute("role") === "region" && box.tabIndex === 0 && (box.hasAttribute("aria-label") || box.hasAttribute("aria-labelledby"));
      if (overflows && !reachable) problems.push(`table "${table.caption?.textContent}" overflows (${box.scrollWidth} > ${box.clientWidth}) outside a focusable, named region`);
    }
    return problems;
  });
}

describe.each(WIDTHS)("at %i px", (width) => {
  test("tables never split a word, and stay tables to assistive technology", async () => {
    const { page, problems } = await signedIn(width);
    await visible(page.getByRole("table", { name: "Consultations" }));
    expect(await wordsSplitAcrossLines(page)).toEqual([]);
    expect(await tablesThatOverflowUnreachably(page)).toEqual([]);
    await expectNoAxeViolations(page, `consultation list at ${width} px`);

    await page.goto(`/consultations/${seeded.id}/results`);
    await visible(page.getByRole("table", { name: "How safe do you feel where you live?" }));
    expect(await wordsSplitAcrossLines(page)).toEqual([]);
    expect(await tablesThatOverflowUnreachably(page)).toEqual([]);
    // However a narrow screen lays the rows out, a screen reader still hears a table with headers.
    const table = page.getByRole("table", { name: "How safe do you feel where you live?" });
    expect(await table.getByRole("columnheader", { name: "Number" }).count()).toBe(1);
    expect(await table.getByRole("rowheader", { name: "3", exact: true }).count()).toBe(1);
    await expectNoAxeViolations(page, `results at ${width} px`);
    expect(problems).toEqual([]);
  });
});
