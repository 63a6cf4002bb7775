// Every child can answer, on any device and with help: the whole survey with JavaScript switched
// off (and each of those pages under 50 KB), a response recorded with a child with an observation
// note, a paper form typed in, save and come back later, "clear my answers", and the survey by
// keyboard alone. axe runs on every page state; phone-width screenshots go to tests/.tmp/screenshots.
// It uses a consultation of its own, so the seeded one keeps its 36 responses.
import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { inject } from "vitest";
import { ukDay } from "../support/dates";
import { expectNoAxeViolations, expectNoBrowserProblems, expectRefusalLogged, isFocused, launchBrowser, newPage, poll, visible } from "./browser";

const baseURL = inject("baseURL");
const PHONE = { width: 320, height: 800 };
const SCREENSHOTS = path.resolve("tests/.tmp/screenshots");
const REFERENCE_CODE = /^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/;
// Whole journeys with axe and a screenshot at every state, on a machine shared with other runs.
vi.setConfig({ testTimeout: 400_000 });

let browser: Browser;
let publicPath: string;
let consultationPath: string;

/** axe on the page as it is, and a phone-width screenshot of it. */
async function checkState(page: Page, state: string) {
  await expectNoAxeViolations(page, state);
  await page.screenshot({ path: path.join(SCREENSHOTS, `answering-${state.replace(/[^a-z0-9]+/gi, "-")}.png`), fullPage: true });
}

async function signedInOfficer() {
  const opened = await newPage(browser, { baseURL, viewport: PHONE });
  await opened.page.goto("/sign-in");
  await opened.page.getByLabel("Email address").fill("officer@demo.heard.test");
  await opened.page.getByLabel("Password").fill("heard-demo-2026");
  await opened.page.getByRole("button", { name: "Sign in" }).click();
  await opened.page.waitForURL("**/consultations");
  return opened;
}

beforeAll(async () => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await launchBrowser();
  // An officer opens a consultation of this file's own on the wellbeing survey.
  const { page, context } = await signedInOfficer();
  await page.goto("/consultations/new");
  await page.getByLabel("Title").fill("Answering everywhere");
  await page.getByLabel("What is it about?").fill("How things are for you.");
  await page.getByLabel("Who is it for?").fill("Children in care aged 8 to 18");
  await page.getByLabel("Who will hear the results?").fill("the Corporate Parenting Panel");
  await page.getByLabel("Opens on").fill(ukDay(-1));
  await page.getByLabel("Closes on").fill(ukDay(60));
  await page.getByLabel("We will tell people what happened by").fill(ukDay(120));
  await page.getByRole("button", { name: "Save and choose a survey" }).click();
  await page.waitForURL(/\/consultations\/[0-9a-f-]{36}$/);
  consultationPath = new URL(page.url()).pathname;
  await page.getByText("How are things? Wellbeing survey for children in care").click();
  await page.getByRole("button", { name: "Use this survey" }).click();
  await visible(page.getByText("How safe do you feel where you live?"));
  await page.getByRole("link", { name: "Open consultation" }).click();
  await page.getByRole("button", { name: "Yes, open it" }).click();
  await visible(page.getByText("Open", { exact: true }));
  publicPath = new URL(await page.getByRole("link", { name: /\/c\/[a-z0-9-]+$/ }).innerText()).pathname;
  await context.close();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(expectNoBrowserProblems);

/**
 * A page opened with JavaScript switched off cannot run axe (it is a script), so it is checked as
 * served: the HTML the no-JavaScript page last received is shown at the same address in a page
 * with scripts (these pages have none of their own, so it renders the same), and axe runs there.
 */
async function noScriptChecker(noScript: Page) {
  let lastDocument: Promise<Buffer> | undefined;
  noScript.on("response", (response) => {
    if (response.request().resourceType() === "document" && (response.status() < 300 || response.status() >= 400)) {
      const body = response.body();
      // A document navigated away from before it is read cannot be read: only the last one is checked,
      // so an earlier one failing is not an error (awaiting the last one still fails loudly).
      void body.catch(() => undefined);
      lastDocument = body;
    }
  });
  const { page: checker } = await newPage(browser, { baseURL, viewport: PHONE });
  return {
    html: async () => (await lastDocument!).toString("utf8"),
    async check(state: string) {
      const url = noScript.url();
      const body = await lastDocument!;
      await checker.route(url, (route) => route.fulfill({ body, contentType: "text/html; charset=utf-8" }));
      await checker.goto(url);
      await checkState(checker, state);
      await checker.unroute(url);
    },
  };
}

/** Bytes of a page's HTML and every stylesheet it links, fetched with the page's cookies. */
async function pageWeight(page: Page) {
  const html = await (await page.context().request.get(page.url())).body();
  const hrefs = await page.locator('link[rel="stylesheet"]').evaluateAll((links) => links.map((link) => (link as HTMLLinkElement).href));
  let css = 0;
  for (const href of hrefs) css += (await (await page.context().request.get(href)).body()).length;
  return { html: html.length, css, scripts: (html.toString("utf8").match(/<script/g) ?? []).length };
}

test("the whole survey with JavaScript switched off, on a phone, each page under 50 KB", async () => {
  const child = await newPage(browser, { baseURL, viewport: PHONE, javaScriptEnabled: false, isMobile: true, hasTouch: true });
  const page = child.page;
  const checker = await noScriptChecker(page);
  const checkState = (_page: Page, state: string) => checker.check(state);
  const scripts: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script") scripts.push(request.url());
  });

  // The rich survey page says what to do without JavaScript.
  await page.goto(`${publicPath}/answer`);
  await page.getByRole("link", { name: /Use the low-data version/ }).first().click();
  await page.waitForURL(`**${publicPath}/low-data`);
  scripts.splice(0);
  await checkState(page, "low-data start");
  expect((await pageWeight(page)).scripts).toBe(0);

  await page.getByRole("button", { name: "Start" }).click();
  await page.waitForURL(`**${publicPath}/low-data/page/1`);
  await checkState(page, "low-data first page");
  const weight = await pageWeight(page);
  expect(weight.scripts).toBe(0);
  expect(weight.html + weight.css, `HTML ${weight.html} + CSS ${weight.css} bytes`).toBeLessThanOrEqual(50 * 1024);

  // Skip everything and try to send: refused, GOV.UK style, nothing stored.
  for (const number of [1, 2, 3, 4]) {
    await visible(page.getByText(`page ${number} of 4`));
    await page.getByRole("button", { name: "Continue" }).click();
  }
  await page.waitForURL(`**${publicPath}/low-data/check`);
  await visible(page.getByText("You have not answered any questions yet."));
  await page.getByRole("button", { name: "Send my answers" }).click();
  await visible(page.getByRole("heading", { name: "There is a problem" }));
  expect(await checker.html()).toMatch(/<title>Error: /);
  await expectRefusalLogged(child.problems, "400 (Bad Request)");
  await checkState(page, "low-data send refused");
  await page.getByRole("alert").getByRole("link").first().click();
  await page.waitForURL(`**${publicPath}/low-data/page/1`);

  // Answer every page: smileys as labelled radios, yes/no, checkboxes with "Other", text.
  await page.getByRole("radio", { name: "2", exact: true }).first().check();
  await page.getByRole("radio", { name: "5, I really like it" }).check();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("group", { name: /Do you have an adult you trust/ }).getByRole("radio", { name: "Yes" }).check();
  await page.getByRole("checkbox", { name: "Someone at school" }).check();
  await page.getByRole("checkbox", { name: "Someone else" }).check();
  await page.getByLabel("Who? You don't need to give a name.").fill("my coach");
  await page.getByRole("radio", { name: "I'd like less time with them" }).check();
  await checkState(page, "low-data page with answers");
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("radio", { name: "Yes, most of the time" }).check();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByLabel(/What would make things better for you/).fill("More say about contact");
  await page.getByRole("button", { name: "Continue" }).click();

  // Check, change one answer, send.
  await page.waitForURL(`**${publicPath}/low-data/check`);
  await visible(page.getByText("Someone else: my coach"));
  await checkState(page, "low-data check your answers");
  await page.getByRole("link", { name: "Change How safe do you feel where you live?" }).click();
  await page.getByRole("radio", { name: "4", exact: true }).first().check();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.goto(`${publicPath}/low-data/check`);
  await page.getByRole("button", { name: "Send my answers" }).click();
  await page.waitForURL(`**${publicPath}/low-data/done`);
  await visible(page.getByRole("heading", { name: "What your reference code is for" }));
  expect((await page.locator(".reference-code").innerText()).trim()).toMatch(REFERENCE_CODE);
  await checkState(page, "low-data answers sent");
  // Shown once: the next person at this computer does not see it.
  await page.reload();
  await visible(page.getByText("Your reference code is only shown once"));
  expect(scripts).toEqual([]);
});

test("an officer records a response with a child, with an observation note, then types in a paper form", async () => {
  const { page } = await signedInOfficer();
  await page.goto(consultationPath);
  await page.getByRole("link", { name: "Record a response with a child" }).click();
  await visible(page.getByText("How safe do you feel where you live?"));
  await checkState(page, "assisted recording");
  await page.getByLabel("Observation note").fill("Quiet at first; pointed at the faces and nodded. Happy by the end.");
  await page.locator('[data-name="feelSafe"] label').nth(4).click();
  for (let i = 0; i < 3; i++) await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Complete" }).click();
  await visible(page.getByRole("heading", { name: "Response recorded" }));
  const assistedCode = (await page.locator(".reference-code").innerText()).trim();
  expect(assistedCode).toMatch(REFERENCE_CODE);
  await checkState(page, "assisted response recorded");

  // The staff response page marks it assisted and shows the note.
  await page.goto(`${consultationPath}/responses?code=${assistedCode}`);
  await visible(page.getByText("With help from a practitioner"));
  await page.getByRole("link", { name: assistedCode }).click();
  await visible(page.getByRole("heading", { name: "Observation note" }));
  await visible(page.getByText("pointed at the faces and nodded"));
  await checkState(page, "staff response assisted");

  // A paper form, typed in: the same survey, channel paper.
  await page.goto(consultationPath);
  await page.getByRole("link", { name: "Type in a paper form" }).click();
  await visible(page.getByRole("heading", { name: "Type in a paper form" }));
  expect(await page.getByLabel("Observation note").count()).toBe(0);
  await page.locator('[data-name="likeHome"] label').nth(1).click();
  for (let i = 0; i < 3; i++) await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Complete" }).click();
  await visible(page.getByRole("heading", { name: "Response recorded" }));
  await visible(page.getByText("Write this code on the paper form"));
  await checkState(page, "paper response recorded");

  await page.goto(`${consultationPath}/results`);
  await visible(page.getByRole("table", { name: "How the answers were given" }));
  await checkState(page, "results with channels");
});

test("save and come back later, start again, and clear my answers on a shared computer", async () => {
  const child = await newPage(browser, { baseURL, viewport: PHONE, isMobile: true, hasTouch: true });
  const page = child.page;
  await page.goto(`${publicPath}/answer`);
  await visible(page.getByText("How safe do you feel where you live?"));
  await page.locator('[data-name="feelSafe"] label').nth(2).click();
  await page.getByRole("button", { name: "Next" }).click();
  await visible(page.getByText("Do you have an adult you trust?"));

  // A reload in the same tab carries on quietly.
  await page.reload();
  await visible(page.getByText("Do you have an adult you trust?"));
  expect(await page.getByText("We kept your answers from last time").count()).toBe(0);

  // Coming back later (a new tab on the same device): the answers are back, and it says so.
  const later = await child.context.newPage();
  later.on("console", (message) => {
    if (message.type() === "error") child.problems.push(`console error: ${message.text()}`);
  });
  await page.close();
  await later.goto(`${publicPath}/answer`);
  await visible(later.getByText("We kept your answers from last time"));
  await checkState(later, "answers restored");
  await later.getByRole("button", { name: "Previous" }).click();
  await poll(() => later.getByRole("radio", { name: "3", exact: true }).first().isChecked()).toBe(true);

  // Start again: nothing kept.
  await later.getByRole("button", { name: "Start again with no answers" }).click();
  await poll(() => later.getByRole("radio", { name: "3", exact: true }).first().isChecked()).toBe(false);
  expect(await later.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith("heard:answers:")).length)).toBe(0);

  // Clear my answers, for a shared computer.
  await later.locator('[data-name="likeHome"] label').nth(0).click();
  expect(await later.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith("heard:answers:")).length)).toBe(1);
  await later.getByRole("button", { name: "Clear my answers" }).click();
  await visible(later.getByText("Your answers have been cleared from this device."));
  await checkState(later, "answers cleared");
  expect(await later.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith("heard:answers:")).length)).toBe(0);
  await later.reload();
  expect(await later.getByText("We kept your answers from last time").count()).toBe(0);

  // Answer and send: nothing is kept after a successful submit; the code says what it is for.
  await later.locator('[data-name="feelSafe"] label').nth(3).click();
  for (let i = 0; i < 3; i++) await later.getByRole("button", { name: "Next" }).click();
  await later.getByRole("button", { name: "Complete" }).click();
  await poll(() => isFocused(later.getByRole("heading", { name: "Thank you, your answers have been saved" }))).toBe(true);
  await visible(later.getByRole("heading", { name: "What your reference code is for" }));
  await checkState(later, "rich form answers sent");
  expect(await later.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith("heard:answers:")).length)).toBe(0);
});

/** Presses Tab until `target` has focus (fails after 60 presses): no mouse, no focus() shortcut. */
async function tabTo(page: Page, target: ReturnType<Page["getByRole"]>) {
  for (let i = 0; i < 60 && !(await isFocused(target)); i++) await page.keyboard.press("Tab");
  expect(await isFocused(target)).toBe(true);
}

test("the survey by keyboard alone", async () => {
  const child = await newPage(browser, { baseURL, viewport: PHONE });
  const page = child.page;
  await page.goto(`${publicPath}/answer`);
  await visible(page.getByText("How safe do you feel where you live?"));
  // Tab to the first smiley scale, choose with the arrow keys.
  await tabTo(page, page.getByRole("radio", { name: "1, Not safe at all" }));
  await page.keyboard.press("Space");
  await page.keyboard.press("ArrowRight");
  await poll(() => page.getByRole("radio", { name: "2", exact: true }).first().isChecked()).toBe(true);
  await checkState(page, "keyboard on a smiley scale");
  for (let step = 0; step < 3; step++) {
    await tabTo(page, page.getByRole("button", { name: "Next" }));
    await page.keyboard.press("Enter");
  }
  await tabTo(page, page.getByRole("textbox").first());
  await page.keyboard.type("Being asked");
  await tabTo(page, page.getByRole("button", { name: "Complete" }));
  await page.keyboard.press("Enter");
  await poll(() => isFocused(page.getByRole("heading", { name: "Thank you, your answers have been saved" }))).toBe(true);
  await checkState(page, "keyboard answers sent");
});
