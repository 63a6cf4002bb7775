// A child answering at their level and in their language, on a phone: standard English, easy-read
// Welsh, Arabic and Urdu right to left, Polish, keyboard only, read aloud, display settings kept
// across pages, and quick exit. axe runs on every page state; screenshots at 320 px go to
// tests/.tmp/screenshots/. Nothing here submits answers: the demo's 36 responses stay as they are.
import fs from "node:fs";
import path from "node:path";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { inject } from "vitest";
import { expectNoAxeViolations, expectNoBrowserProblems, isFocused, launchBrowser, newPage, poll, visible } from "./browser";

const baseURL = inject("baseURL");
const SCREENSHOTS = path.resolve("tests/.tmp/screenshots");
const PHONE: BrowserContextOptions = { viewport: { width: 320, height: 720 }, isMobile: true, hasTouch: true };
const OPEN_TITLE = "Your life in care 2026";
const QUICK_EXIT = "https://www.bbc.co.uk/weather";

let browser: Browser;
let slug: string;

beforeAll(async () => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await launchBrowser();
  // The demo's open consultation, found as an officer finds it: its share link.
  const { page, context } = await newPage(browser, { baseURL });
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill("officer@demo.heard.test");
  await page.getByLabel("Password").fill("heard-demo-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL("**/consultations");
  await page.getByRole("link", { name: OPEN_TITLE, exact: true }).click();
  await page.waitForURL(/\/consultations\/[0-9a-f-]{36}$/);
  const shareAddress = await page.getByRole("link", { name: /\/c\/[a-z0-9-]+$/ }).innerText();
  slug = new URL(shareAddress.trim()).pathname.replace(/^\/c\//, "");
  await context.close();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(expectNoBrowserProblems);

/** A phone whose speech synthesis is recorded instead of spoken, and whose way out goes nowhere real. */
async function phone(options: BrowserContextOptions = {}) {
  const opened = await newPage(browser, { baseURL, ...PHONE, ...options });
  await opened.context.addInitScript(() => {
    const spoken: { text: string; lang: string }[] = [];
    Object.assign(window, { spoken });
    if ("speechSynthesis" in window) {
      Object.defineProperty(window.speechSynthesis, "speak", {
        value: (utterance: SpeechSynthesisUtterance) => spoken.push({ text: utterance.text, lang: utterance.lang }),
      });
    }
  });
  await opened.context.route(`${QUICK_EXIT}**`, (route) =>
    route.fulfill({ contentType: "text/html", body: "<!doctype html><html lang=en><title>Weather</title><main><h1>Weather</h1></main></html>" }),
  );
  return opened;
}

async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

async function documentLanguage(page: Page) {
  return page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
}

async function chooseReading(page: Page, option: string, save: string) {
  await page.getByRole("radio", { name: new RegExp(`^${option}`) }).check();
  // The choice is saved (its cookie set) before anything else is opened.
  await Promise.all([
    page.waitForResponse((response) => response.request().method() === "POST" && response.url().includes("/reading")),
    page.getByRole("button", { name: save }).click(),
  ]);
  await page.waitForLoadState("networkidle");
  await poll(() => page.getByRole("radio", { name: new RegExp(`^${option}`) }).isChecked()).toBe(true);
}

/** Where an element's middle is, as a share of the page's width (0 is the left edge). */
async function horizontalPosition(page: Page, selector: string) {
  const box = await page.locator(selector).first().boundingBox();
  expect(box, selector).not.toBeNull();
  const width = page.viewportSize()!.width;
  return (box!.x + box!.width / 2) / width;
}

test("standard English on a phone: before you start, then the questions, read aloud in English", async () => {
  const { page } = await phone();
  await page.goto(`/c/${slug}?lng=en`);
  await poll(() => page.url()).toBe(`${baseURL}/c/${slug}`);
  expect(await documentLanguage(page)).toEqual({ lang: "en", dir: "ltr" });
  await visible(page.getByRole("heading", { level: 1, name: OPEN_TITLE }));
  // Before the first question: what for, who hears, when, how long kept, skipping, not safe.
  const main = page.getByRole("main");
  await visible(main.getByText("Who will hear your answers: the Corporate Parenting Panel"));
  await visible(main.getByText(/We will tell you what happened by \d+ \w+ \d{4}\./));
  await visible(main.getByText("We keep your answers for 24 months after this consultation closes. Then we delete them."));
  await visible(main.getByText("You can skip any question you do not want to answer."));
  await visible(main.getByRole("heading", { name: "If you tell us you are not safe" }));
  await visible(page.getByRole("link", { name: "Leave this site now" }));
  await expectNoAxeViolations(page, "consultation page, English");
  await screenshot(page, "standard-english-intro");

  await page.getByRole("link", { name: "Start" }).click();
  await visible(page.getByText("How safe do you feel where you live?"));
  await page.getByRole("button", { name: "Read aloud" }).click();
  const spoken = await page.evaluate(() => (window as unknown as { spoken: { text: string; lang: string }[] }).spoken);
  expect(spoken).toHaveLength(1);
  expect(spoken[0]!.lang).toBe("en");
  expect(spoken[0]!.text).toContain("How safe do you feel where you live?");
  expect(spoken[0]!.text).toContain("Not safe at all");
  expect(spoken[0]!.text).toContain("How do you feel about the place you live now?");
  await visible(page.getByRole("button", { name: "Stop reading" }));
  await expectNoAxeViolations(page, "survey, standard English");
  await screenshot(page, "standard-english-survey");
});

test("easy read in Welsh: chosen on the public page, kept, one question a page with a picture and large text", async () => {
  const { page } = await phone();
  await page.goto(`/c/${slug}?lng=cy`);
  expect(await documentLanguage(page)).toEqual({ lang: "cy", dir: "ltr" });
  // The consultation's own words in Welsh, not marked as English.
  const title = page.getByRole("heading", { level: 1 });
  await poll(() => title.innerText()).toBe("Dy fywyd mewn gofal 2026");
  expect(await title.locator("[lang]").count()).toBe(0);
  await expectNoAxeViolations(page, "consultation page, Welsh");
  await chooseReading(page, "Hawdd ei ddeall", "Defnyddio'r ffordd hon");
  await expectNoAxeViolations(page, "consultation page, Welsh, easy read chosen");

  await page.getByRole("link", { name: "Dechrau" }).click();
  const question = page.getByText("Wyt ti'n teimlo'n ddiogel lle rwyt ti'n byw?");
  await visible(question);
  await poll(() => page.locator(".sd-question:visible").count()).toBe(1);
  const picture = page.locator('[data-name="feelSafe"] img.easy-read-picture');
  expect(await picture.getAttribute("src")).toBe("/easy-read/safe.svg");
  expect(await picture.getAttribute("alt")).toBe("");
  const fontSize = await page.locator('[data-name="feelSafe"] .sd-question__title').evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
  expect(fontSize).toBeGreaterThanOrEqual(18.7);
  // The picture comes before the words: on the left in Welsh.
  const [pictureBox, titleBox] = await Promise.all([picture.boundingBox(), page.locator('[data-name="feelSafe"] .sd-question__title').boundingBox()]);
  expect(pictureBox!.x).toBeLessThan(titleBox!.x + titleBox!.width / 2);
  await expectNoAxeViolations(page, "easy-read survey, Welsh, first question");
  await screenshot(page, "easy-read-welsh");

  await page.getByRole("button", { name: "Nesaf" }).click();
  await visible(page.getByText("Oes oedolyn rwyt ti'n ymddiried ynddo?"));
  await poll(() => page.locator(".sd-question:visible").count()).toBe(1);
  await expectNoAxeViolations(page, "easy-read survey, Welsh, second question");
  await page.getByRole("button", { name: "Nesaf" }).click();
  await visible(page.getByText("Sut wyt ti'n teimlo am amser gyda dy deulu?"));
  // Each choice has its picture too.
  await poll(() => page.locator('[data-name="familyTime"] .sd-item img.easy-read-picture').count()).toBe(4);
  await expectNoAxeViolations(page, "easy-read survey, Welsh, choices with pictures");

  // The choice is kept: back on the consultation page, easy read is still chosen.
  await page.goto(`/c/${slug}`);
  await poll(() => page.getByRole("radio", { name: /^Hawdd ei ddeall/ }).isChecked()).toBe(true);
});

for (const { lng, title, question, start, easyRead, save } of [
  {
    lng: "ar",
    title: "حياتك في الرعاية 2026",
    question: "هل تشعر بالأمان في المكان الذي تعيش فيه؟",
    start: "ابدأ",
    easyRead: "سهلة القراءة",
    save: "استخدم هذه الطريقة",
  },
  {
    lng: "ur",
    title: "نگہداشت میں آپ کی زندگی 2026",
    question: "کیا آپ جہاں رہتے ہیں وہاں محفوظ محسوس کرتے ہیں؟",
    start: "شروع کریں",
    easyRead: "آسان زبان",
    save: "یہ طریقہ استعمال کریں",
  },
]) {
  test(`${lng === "ar" ? "Arabic" : "Urdu"} reads right to left, with the page mirrored and the survey too`, async () => {
    const { page } = await phone();
    await page.goto(`/c/${slug}?lng=${lng}`);
    expect(await documentLanguage(page)).toEqual({ lang: lng, dir: "rtl" });
    await poll(() => page.getByRole("heading", { level: 1 }).innerText()).toBe(title);
    // Mirrored: the site name starts on the right, the help bar reads right to left, and the
    // "if you are not safe" panel has its bar and the lists their bullets on the right.
    expect(await horizontalPosition(page, ".site-header__name")).toBeGreaterThan(0.5);
    expect(await page.locator(".help-bar p").evaluate((element) => getComputedStyle(element).direction)).toBe("rtl");
    const inset = await page.locator(".inset").evaluate((element) => {
      const style = getComputedStyle(element);
      return { right: style.borderRightWidth, left: style.borderLeftWidth };
    });
    expect(inset).toEqual({ right: "8px", left: "0px" });
    const bullets = await page.locator("ul.bullets").first().evaluate((element) => getComputedStyle(element).paddingRight);
    expect(bullets).toBe("20px");
    await expectNoAxeViolations(page, `consultation page, ${lng}`);
    await screenshot(page, `rtl-${lng}-intro`);

    await chooseReading(page, easyRead, save);
    await page.getByRole("link", { name: start }).click();
    await visible(page.getByText(question));
    expect(await documentLanguage(page)).toEqual({ lang: lng, dir: "rtl" });
    // survey-core lays the survey out right to left too (it does not know Urdu is: Heard tells it).
    await poll(() => page.locator(`.sd-root-modern[dir="rtl"][lang="${lng}"]`).count()).toBe(1);
    // The picture is at the start of the question: on the right.
    const [pictureBox, titleBox] = await Promise.all([
      page.locator('[data-name="feelSafe"] img.easy-read-picture').boundingBox(),
      page.locator('[data-name="feelSafe"] .sd-question__title').boundingBox(),
    ]);
    expect(pictureBox!.x + pictureBox!.width).toBeGreaterThan(titleBox!.x + titleBox!.width / 2);
    await page.getByRole("button", { name: lng === "ar" ? "اقرأ بصوت عالٍ" : "اونچی آواز میں پڑھیں" }).click();
    const spoken = await page.evaluate(() => (window as unknown as { spoken: { text: string; lang: string }[] }).spoken);
    expect(spoken.at(-1)).toMatchObject({ lang: lng });
    expect(spoken.at(-1)!.text).toContain(question);
    await expectNoAxeViolations(page, `easy-read survey, ${lng}`);
    await screenshot(page, `rtl-${lng}-survey`);
  });
}

test("Polish: a link that carries its language sets it for the next pages, and the consultation's words are Polish", async () => {
  const { page } = await phone();
  await page.goto(`/c/${slug}?lng=pl`);
  expect(await documentLanguage(page)).toEqual({ lang: "pl", dir: "ltr" });
  await poll(() => page.getByRole("heading", { level: 1 }).innerText()).toBe("Twoje życie w pieczy zastępczej 2026");
  await visible(page.getByText(/Powiemy Ci, co się stało, do \d+ \S+ \d{4}\./));
  await visible(page.getByText("Przechowujemy Twoje odpowiedzi przez 24 miesiące po zakończeniu tych konsultacji. Potem je usuwamy."));
  await visible(page.getByRole("link", { name: "Szybko opuść stronę" }));
  await expectNoAxeViolations(page, "consultation page, Polish");
  await screenshot(page, "polish-intro");
  // Kept for the next page, with no ?lng in its address.
  await page.goto("/see-my-answers");
  expect(await documentLanguage(page)).toEqual({ lang: "pl", dir: "ltr" });
  await poll(() => page.getByRole("heading", { level: 1 }).innerText()).toBe("Zobacz odpowiedzi, które przechowujemy");
  await expectNoAxeViolations(page, "see my answers, Polish");
  // Staff pages are in English or Welsh: a Polish reader gets English there.
  await page.goto("/sign-in");
  expect(await documentLanguage(page)).toEqual({ lang: "en", dir: "ltr" });
  await visible(page.getByRole("heading", { level: 1, name: "Sign in" }));
});

test("keyboard only: from the consultation page to the second page of questions, with read aloud", async () => {
  const { page } = await phone();
  await page.goto(`/c/${slug}?lng=en`);
  await visible(page.getByRole("heading", { level: 1, name: OPEN_TITLE }));

  /** Presses Tab until `target` has focus (it must be reachable within 60 presses). */
  async function tabTo(target: ReturnType<Page["getByRole"]>) {
    for (let presses = 0; presses < 60; presses++) {
      if (await isFocused(target)) return;
      await page.keyboard.press("Tab");
    }
    expect(await isFocused(target), "reached by Tab").toBe(true);
  }

  await tabTo(page.getByRole("link", { name: "Start" }));
  await page.keyboard.press("Enter");
  await visible(page.getByText("How safe do you feel where you live?"));
  await tabTo(page.getByRole("button", { name: "Read aloud" }));
  await page.keyboard.press("Enter");
  await poll(() => page.evaluate(() => (window as unknown as { spoken: unknown[] }).spoken.length)).toBe(1);
  // Into the first scale by Tab, then along it with the arrow keys, as radio buttons work.
  await tabTo(page.getByRole("radio", { name: "1, Not safe at all" }));
  await page.keyboard.press("Space");
  for (let step = 0; step < 3; step++) await page.keyboard.press("ArrowRight");
  await poll(() => page.getByRole("radio", { name: "4", exact: true }).first().isChecked()).toBe(true);
  await tabTo(page.getByRole("button", { name: "Next" }));
  await screenshot(page, "keyboard-only");
  await page.keyboard.press("Enter");
  await visible(page.getByText("Do you have an adult you trust?"));
  await expectNoAxeViolations(page, "survey page 2, reached by keyboard");
});

test("display settings are kept across pages: text size, high contrast, readable font, less movement", async () => {
  const { page } = await phone();
  await page.goto(`/c/${slug}?lng=en`);
  await page.getByText("Display settings", { exact: true }).click();
  await expectNoAxeViolations(page, "display settings open");
  await page.getByRole("radio", { name: "Very large" }).check();
  await page.getByRole("checkbox", { name: /High contrast/ }).check();
  await page.getByRole("checkbox", { name: /easier to read/ }).check();
  await page.getByRole("checkbox", { name: /Less movement/ }).check();
  await page.getByRole("button", { name: "Save display settings" }).click();
  const classes = () => page.evaluate(() => document.documentElement.className.split(" ").sort());
  await poll(classes).toEqual(["high-contrast", "readable-font", "reduced-motion", "text-larger"]);
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe("22.4px");
  expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toContain("Atkinson Hyperlegible");
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe("rgb(0, 0, 0)");
  await expectNoAxeViolations(page, "consultation page, high contrast and very large text");
  await screenshot(page, "display-settings-intro");

  // The next page, and a page reached by typing its address, keep them.
  await page.getByRole("link", { name: "Start" }).click();
  await visible(page.getByText("How safe do you feel where you live?"));
  await poll(classes).toEqual(["high-contrast", "readable-font", "reduced-motion", "text-larger"]);
  await page.goto("/remove-my-answers");
  await poll(classes).toEqual(["high-contrast", "readable-font", "reduced-motion", "text-larger"]);
  await expectNoAxeViolations(page, "remove my answers, high contrast");
  await screenshot(page, "display-settings-next-page");
  // The saved form shows the choices made.
  await page.getByText("Display settings", { exact: true }).click();
  expect(await page.getByRole("radio", { name: "Very large" }).isChecked()).toBe(true);
  expect(await page.getByRole("checkbox", { name: /High contrast/ }).isChecked()).toBe(true);
});

test("display settings work without JavaScript", async () => {
  const { page } = await phone({ javaScriptEnabled: false });
  await page.goto(`/c/${slug}?lng=en`);
  await page.getByText("Display settings", { exact: true }).click();
  await page.getByRole("radio", { name: "Large", exact: true }).check();
  await page.getByRole("button", { name: "Save display settings" }).click();
  await poll(() => page.evaluate(() => document.documentElement.className)).toBe("text-large");
  // Quick exit is a plain link to the neutral site.
  expect(await page.getByRole("link", { name: "Leave this site now" }).getAttribute("href")).toBe(QUICK_EXIT);
});

test("quick exit leaves at once and takes the survey out of the back history; Escape twice does too", async () => {
  const { page } = await phone();
  await page.goto(`/c/${slug}?lng=en`);
  await page.getByRole("link", { name: "Start" }).click();
  await visible(page.getByText("How safe do you feel where you live?"));
  await page.getByRole("link", { name: "Leave this site now" }).click();
  await page.waitForURL(QUICK_EXIT);
  await visible(page.getByRole("heading", { name: "Weather" }));
  // Back goes to the page before the survey, not to the survey.
  await page.goBack();
  await poll(() => new URL(page.url()).pathname).toBe(`/c/${slug}`);

  await page.getByRole("link", { name: "Start" }).click();
  await visible(page.getByText("How safe do you feel where you live?"));
  await page.keyboard.press("Escape");
  await page.keyboard.press("Escape");
  await page.waitForURL(QUICK_EXIT);
});
