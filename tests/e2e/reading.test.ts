// Reading at 320 px and 1280 px: tables never split a word, form controls stand out from the page
// (WCAG 1.4.11, which axe does not check), the smiley scale is one row or one column, and every
// rating and the survey's form carry what non-axe checkers look for. axe runs on every page state
// (in the tables test and the naming test; the others revisit the same survey pages).
import type { Browser, BrowserContext, Page } from "playwright-core";
import { inject } from "vitest";
import { expectNoAxeViolations, isFocused, launchBrowser, newPage, visible } from "./browser";

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
  const publicPath = new URL(await page.getByRole("link", { name: /\/c\/[a-z0-9-]+$/ }).innerText()).pathname;
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

// ----- the public survey ---------------------------------------------------------------------------

const SURVEY_PAGES = [
  "How safe do you feel where you live?",
  "Do you have an adult you trust?",
  "How do you feel about school or college?",
  "What would make things better for you?",
];

async function openSurvey(width: number) {
  const opened = await openPage(width);
  await opened.page.goto(`/c/${seeded.slug}/answer`);
  await visible(opened.page.getByText(SURVEY_PAGES[0]!));
  // survey-react-ui fills its icon sprite once it has mounted in the browser: the buttons work from then.
  await opened.page.waitForFunction(() => (document.querySelector("#sv-icon-holder-global-container")?.childElementCount ?? 0) > 0);
  return opened;
}

/**
 * Each visible form control's boundary (border, inset ring or fill) against what is behind it:
 * the best of them must reach 3:1 (WCAG 1.4.11). Returns the controls that fall short.
 */
function controlsBelow3To1(page: Page) {
  return page.evaluate(() => {
    type Rgba = { r: number; g: number; b: number; a: number };
    const channels = (colour: string): Rgba => {
      const rgb = colour.match(/^rgba?\(([^)]*)\)$/);
      const srgb = colour.match(/^color\(srgb ([^)]*)\)$/);
      const parts = (rgb ?? srgb)?.[1]?.split(/[\s,/]+/).filter(Boolean).map(Number);
      if (!parts) throw new Error(`Unexpected colour ${colour}`);
      const scale = srgb ? 255 : 1;
      return { r: parts[0]! * scale, g: parts[1]! * scale, b: parts[2]! * scale, a: parts[3] ?? 1 };
    };
    const over = (top: Rgba, bottom: Rgba): Rgba => ({
      r: top.r * top.a + bottom.r * (1 - top.a),
      g: top.g * top.a + bottom.g * (1 - top.a),
      b: top.b * top.a + bottom.b * (1 - top.a),
      a: 1,
    });
    const luminance = ({ r, g, b }: Rgba) => {
      const linear = (c: number) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
      return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    };
    const contrast = (x: Rgba, y: Rgba) => {
      const [light, dark] = [luminance(x), luminance(y)].sort((p, q) => q - p);
      return (light! + 0.05) / (dark! + 0.05);
    };
    const behind = (element: Element): Rgba => {
      const layers: Rgba[] = [];
      for (let e = element.parentElement; e; e = e.parentElement) {
        const colour = channels(getComputedStyle(e).backgroundColor);
        if (colour.a > 0) layers.unshift(colour);
        if (colour.a === 1) break;
      }
      return layers.reduce((bottom, top) => over(top, bottom), { r: 255, g: 255, b: 255, a: 1 });
    };
    const rings = (boxShadow: string) =>
      boxShadow === "none"
        ? []
        : boxShadow.split(/,(?![^()]*\))/).flatMap((shadow) => {
            const colour = shadow.match(/(?:rgba?|color)\([^)]*\)/)?.[0];
            const lengths = shadow.replace(colour ?? "", "").match(/-?[\d.]+px/g)?.map(parseFloat) ?? [];
            return colour && (lengths[3] ?? 0) >= 1 ? [colour] : [];
          });

    const short: string[] = [];
    let checked = 0;
    const selector = ".sd-item__decorator, .sd-input, .sd-comment, .sd-dropdown, .sd-boolean, .sd-rating__item-smiley";
    for (const control of document.querySelectorAll(selector)) {
      if (!control.getClientRects().length) continue;
      checked += 1;
      const style = getComputedStyle(control);
      const page = behind(control);
      const fill = over(channels(style.backgroundColor), page);
      const edges = rings(style.boxShadow);
      if (parseFloat(style.borderTopWidth) >= 1 && style.borderTopStyle !== "none") edges.push(style.borderTopColor);
      const best = Math.max(contrast(fill, page), ...edges.map((edge) => contrast(over(channels(edge), fill), page)));
      if (best < 3) {
        const where = control.closest("[data-name]")?.getAttribute("data-name");
        short.push(`${control.classList[0]} in ${where}: ${best.toFixed(2)}:1`);
      }
    }
    return { checked, short };
  });
}

/** Where the items of each rating sit: one row (same top) or one column (same left). */
function ratingLayouts(page: Page) {
  return page.locator(".sd-rating fieldset").evaluateAll((fieldsets) =>
    fieldsets.map((fieldset) => {
      const boxes = [...fieldset.querySelectorAll("label")].map((label) => label.getBoundingClientRect());
      const spread = (values: number[]) => Math.max(...values) - Math.min(...values);
      return {
        question: fieldset.closest("[data-name]")?.getAttribute("data-name"),
        items: boxes.length,
        oneRow: spread(boxes.map((box) => box.top)) <= 2,
        oneColumn: spread(boxes.map((box) => box.left)) <= 2,
      };
    }),
  );
}

/** What checkers other than axe look for: named rating labels, hidden decorative svgs, a submit control. */
function structureProblems(page: Page) {
  return page.evaluate(() => {
    const problems: string[] = [];
    for (const label of document.querySelectorAll("#survey .sd-rating label")) {
      if (!label.textContent?.trim()) problems.push(`a rating label with no text: ${label.outerHTML.slice(0, 80)}`);
      for (const svg of label.querySelectorAll("svg")) {
        if (svg.getAttribute("aria-hidden") !== "true") problems.push(`a rating picture not hidden from screen readers: ${svg.outerHTML.slice(0, 80)}`);
      }
    }
    // role="presentation" drops only the svg's own role, not its children's: a picture to be ignored is aria-hidden.
    for (const svg of document.querySelectorAll("#survey svg[role=presentation], #survey svg[role=none]")) {
      if (svg.querySelector("title, desc, text, use, path, g")) problems.push(`a presentational svg with content: ${svg.outerHTML.slice(0, 80)}`);
    }
    const submits = document.querySelectorAll("#survey form button[type=submit], #survey form input[type=submit]");
    if (submits.length !== 1) problems.push(`the survey form has ${submits.length} submit buttons, not 1`);
    return problems;
  });
}

/** Opens the survey and calls `check` on each of its pages in turn. */
async function onEverySurveyPage(width: number, check: (page: Page, pageNumber: number) => Promise<void>) {
  const opened = await openSurvey(width);
  for (const [index, question] of SURVEY_PAGES.entries()) {
    if (index > 0) {
      await opened.page.getByRole("button", { name: "Next" }).click();
      await visible(opened.page.getByText(question));
    }
    await check(opened.page, index + 1);
  }
  return opened;
}

describe.each(WIDTHS)("the survey at %i px", (width) => {
  test("every form control's edge reaches 3:1 against the page", async () => {
    const { problems } = await onEverySurveyPage(width, async (page, pageNumber) => {
      const boundaries = await controlsBelow3To1(page);
      expect(boundaries.checked, `form controls found on page ${pageNumber}`).toBeGreaterThan(0);
      expect.soft(boundaries.short, `controls below 3:1 on page ${pageNumber}`).toEqual([]);
    });
    expect(problems).toEqual([]);
  });

  test("the smiley scale is one row of five, or one column", async () => {
    let ratings = 0;
    const { problems } = await onEverySurveyPage(width, async (page) => {
      for (const rating of await ratingLayouts(page)) {
        ratings += 1;
        expect.soft(rating.items, String(rating.question)).toBe(5);
        expect.soft(rating.oneRow || rating.oneColumn, `${rating.question}: five items in one row or one column`).toBe(true);
      }
    });
    expect(ratings).toBe(3);
    expect(problems).toEqual([]);
  });

  test("each rating is named inside its label, pictures are hidden whole, and Complete is a real submit button", async () => {
    const { page, problems } = await onEverySurveyPage(width, async (page, pageNumber) => {
      expect.soft(await structureProblems(page), `page ${pageNumber}`).toEqual([]);
      await expectNoAxeViolations(page, `survey page ${pageNumber} at ${width} px`);
    });

    // A keyboard reaches Complete from the last answer and presses it. The server's answer is
    // stubbed so the seeded consultation's responses stay as they were for other tests.
    const complete = page.getByRole("button", { name: "Complete" });
    expect(await complete.getAttribute("type")).toBe("submit");
    let sent = 0;
    await page.route("**/responses", async (route) => {
      sent += 1;
      await route.fulfill({ json: { ok: true, referenceCode: "ABCD-EFGH" } });
    });
    await page.getByRole("textbox", { name: "Is there anything else you want to tell us?" }).focus();
    for (let presses = 0; presses < 5 && !(await isFocused(complete)); presses += 1) await page.keyboard.press("Tab");
    expect(await isFocused(complete), "Complete is reached with Tab from the last answer").toBe(true);
    await page.keyboard.press("Enter");
    await visible(page.getByRole("heading", { name: "Thank you, your answers have been saved" }));
    expect(sent).toBe(1);
    await expectNoAxeViolations(page, `confirmation at ${width} px`);
    expect(problems).toEqual([]);
  });
});

test("the smiley scale stays one row or one column at every width from 320 px to 1280 px", async () => {
  const { page, problems } = await openSurvey(320);
  const broken: string[] = [];
  for (let width = 320; width <= 1280; width += 24) {
    await page.setViewportSize({ width, height: 800 });
    // survey-core re-lays out narrow questions from a ResizeObserver: let it settle.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    for (const rating of await ratingLayouts(page)) {
      if (rating.items !== 5 || !(rating.oneRow || rating.oneColumn)) broken.push(`${rating.question} at ${width} px`);
    }
  }
  expect(broken).toEqual([]);
  expect(problems).toEqual([]);
});
