// Consultation events end to end: an officer plans an event on the demo's open consultation, the
// public page offers it as a calendar file, its poster's QR code opens the survey tagged with the
// event, two facilitators capture notes and dot votes at once (and a child sends a note from the
// QR code), the results page shows them with channel "event", and the summary prints. axe on every
// page state.
import jsQR from "jsqr";
import { PNG } from "pngjs";
import type { Browser, Page } from "playwright-core";
import { inject } from "vitest";
import { londonToday } from "~/utils/dates";
import { expectNoAxeViolations, expectNoBrowserProblems, expectRefusalLogged, launchBrowser, newPage, poll, signInAs, visible } from "./browser";

const baseURL = inject("baseURL");
const OPEN_TITLE = "Your life in care 2026";
const EVENT_TITLE = "Care council workshop";
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(expectNoBrowserProblems);

function decodeQr(png: Buffer): string | undefined {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
}

// One journey in steps that share what earlier steps made (each step its own test, so a failure says where).
const SLOW = 240_000;
let officer: Awaited<ReturnType<typeof newPage>>;
let page: Page;
let consultationPath = "";
let publicPath = "";
let eventPath = "";
let code = "";
let day = "";
let qr: string | undefined;

test("an officer plans an event", async () => {
  officer = await newPage(browser, { baseURL });
  page = officer.page;
  await signInAs(page, "officer@demo.heard.test");
  await page.getByRole("link", { name: OPEN_TITLE }).click();
  await page.waitForURL(/\/consultations\/[0-9a-f-]{36}$/);
  consultationPath = new URL(page.url()).pathname;
  publicPath = new URL(await page.getByRole("link", { name: /\/c\/[a-z0-9-]+$/ }).innerText()).pathname;

  // Plan: the form refuses an empty plan GOV.UK style, then takes a real one.
  await page.getByRole("link", { name: "Events", exact: true }).click();
  await visible(page.getByRole("heading", { level: 1, name: "Events" }));
  await expectNoAxeViolations(page, "event list");
  await page.getByRole("link", { name: "Plan an event" }).click();
  await expectNoAxeViolations(page, "plan an event");
  await page.getByRole("button", { name: "Save event" }).click();
  await poll(() => page.getByRole("alert").innerText()).toContain("Enter the event's name");
  await poll(() => page.title()).toMatch(/^Error: /);
  await expectRefusalLogged(officer.problems, "400 (Bad Request)");
  await expectNoAxeViolations(page, "plan an event with errors");
  day = londonToday(new Date(Date.now() + 14 * 24 * 60 * 60 * 1000));
  await page.getByLabel("Event name").fill(EVENT_TITLE);
  await page.getByLabel("Date").fill(day);
  await page.getByLabel("Starts at").fill("16:00");
  await page.getByLabel("Ends at").fill("17:30");
  await page.getByText("Workshop", { exact: true }).click();
  await page.getByLabel("Place").fill("Town Hall, Room 2");
  await page.getByLabel("Step-free").check();
  await page.getByLabel("BSL interpreter").check();
  await page.getByRole("button", { name: "Save event" }).click();
  await page.waitForURL(/\/events\/[0-9a-f-]{36}$/);
  eventPath = new URL(page.url()).pathname;
  await visible(page.getByRole("heading", { level: 1, name: EVENT_TITLE }));
  await visible(page.getByText("A British Sign Language (BSL) interpreter will be there"));
  await expectNoAxeViolations(page, "event page");
  const shortLink = await page.locator(".share-address a").innerText();
  code = shortLink.split("/e/")[1]!;
  expect(code).toMatch(/^[A-HJ-KM-NP-Z2-9]{6}$/);
}, SLOW);

test("the public page offers it with a calendar file, and the short link opens it", async () => {
  // The public consultation page lists it, with access in plain words and a calendar file.
  const reader = await newPage(browser, { baseURL });
  await reader.page.goto(publicPath);
  await visible(reader.page.getByRole("heading", { name: "Events you can come to" }));
  await visible(reader.page.getByText("Step-free: you can get in and around without stairs"));
  await expectNoAxeViolations(reader.page, "public consultation page with an event");
  const calendarHref = await reader.page.getByRole("link", { name: `Add ${EVENT_TITLE} to your calendar` }).first().getAttribute("href");
  const calendar = await reader.page.request.get(calendarHref!);
  expect(calendar.headers()["content-type"]).toContain("text/calendar");
  const ics = await calendar.text();
  expect(ics).toMatch(new RegExp(`^SUMMARY:${EVENT_TITLE}\\r?$`, "m"));
  // 16:00 UK time, in UTC: 15:00 in summer, 16:00 in winter.
  const dtstart = /^DTSTART:(\d{8}T\d{6}Z)\r?$/m.exec(ics)?.[1];
  const start = new Date(`${dtstart!.slice(0, 4)}-${dtstart!.slice(4, 6)}-${dtstart!.slice(6, 8)}T${dtstart!.slice(9, 11)}:${dtstart!.slice(11, 13)}:00Z`);
  expect(londonToday(start)).toBe(day);
  expect(new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", hour: "2-digit", minute: "2-digit" }).format(start)).toBe("16:00");

  // The short link opens the event's public page.
  await reader.page.goto(`/e/${code.toLowerCase()}`);
  await visible(reader.page.getByRole("heading", { level: 1, name: EVENT_TITLE }));
  await expectNoAxeViolations(reader.page, "public event page");

  await reader.context.close();
}, SLOW);

test("its poster's QR code opens the survey tagged with the event; easy-read poster and table card", async () => {
  await page.getByRole("link", { name: "A4 poster", exact: true }).click();
  await visible(page.getByRole("img", { name: "QR code that opens the survey for this event" }));
  await expectNoAxeViolations(page, "poster");
  qr = decodeQr(await page.getByRole("img", { name: "QR code that opens the survey for this event" }).screenshot());
  expect(qr).toBe(`${baseURL}${publicPath}/answer?event=${code}`);
  await page.emulateMedia({ media: "print" });
  await expectNoAxeViolations(page, "poster printed");
  await page.emulateMedia({ media: "screen" });
  await page.goto(`${eventPath}/poster?variant=easy-read`);
  await visible(page.getByRole("heading", { name: "We want to hear from you" }));
  await expectNoAxeViolations(page, "easy-read poster");
  await page.goto(`${eventPath}/table-card`);
  await visible(page.getByRole("img", { name: "QR code that opens the sticky note form for this event" }));
  await expectNoAxeViolations(page, "table card");

  // The survey opened from the QR code carries the event's code.
  const reader = await newPage(browser, { baseURL });
  await reader.page.goto(new URL(qr!).pathname + new URL(qr!).search);
  await visible(reader.page.getByRole("heading", { level: 1 }));
  // The page's own data (what the survey sends back with the answers) holds the event's code.
  const eventCode = await reader.page.evaluate(() => {
    const context = (window as unknown as { __remixContext: { state: { loaderData: Record<string, { survey?: { eventCode?: string } }> } } }).__remixContext;
    return context.state.loaderData["routes/c.$slug.answer"]?.survey?.eventCode;
  });
  expect(eventCode).toBe(code);

  await reader.context.close();
}, SLOW);

test("two facilitators capture notes and dot votes at once, and a child sends a note from the QR code", async () => {
  const second = await newPage(browser, { baseURL, viewport: { width: 820, height: 1180 }, hasTouch: true });
  await signInAs(second.page, "admin@demo.heard.test");
  await page.goto(`${eventPath}/capture`);
  await second.page.goto(`${eventPath}/capture`);
  await expectNoAxeViolations(page, "capture board, empty");
  await page.getByLabel("New option").fill("Later buses");
  await page.getByRole("button", { name: "Add option" }).click();
  await visible(page.getByText("Later buses"));
  await poll(() => second.page.getByText("Later buses").count()).toBeGreaterThan(0);

  async function addNote(tablet: Page, text: string, theme: string) {
    await tablet.getByLabel("Note", { exact: true }).fill(text);
    await tablet.getByLabel("Theme (optional)").fill(theme);
    await tablet.getByRole("button", { name: "Add note" }).click();
  }
  await Promise.all([
    addNote(page, "The bus stops running before the club ends", "Transport"),
    addNote(second.page, "We want somewhere quiet to do homework", "Places"),
  ]);
  await Promise.all([
    page.getByRole("button", { name: "Add a dot for Later buses" }).click(),
    second.page.getByRole("button", { name: "Add a dot for Later buses" }).click(),
  ]);
  for (const tablet of [page, second.page]) {
    await poll(() => tablet.locator(".sticky-note").allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringContaining("The bus stops running"), expect.stringContaining("somewhere quiet")]),
    );
    await poll(() => tablet.locator(".vote-option").first().innerText()).toContain("2 dots");
  }
  await page.getByLabel("11 to 15").fill("9");
  await page.getByRole("button", { name: "Save attendance" }).click();
  await expectNoAxeViolations(page, "capture board with notes and votes");

  // A child sends their own note from the table card's QR code; it arrives on the same board.
  const child = await newPage(browser, { baseURL, viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true });
  await child.page.goto(`${publicPath}/events/${code}/tell-us`);
  await expectNoAxeViolations(child.page, "tell us form");
  await child.page.getByLabel("Your note").fill("More trips in the holidays please");
  await child.page.getByRole("button", { name: "Send note" }).click();
  await visible(child.page.getByRole("heading", { name: "Thank you. Your note has been sent." }));
  await expectNoAxeViolations(child.page, "tell us sent");
  await poll(() => page.locator(".sticky-note").allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining("More trips in the holidays")]));

  await child.context.close();
  await second.context.close();
}, SLOW);

test("the results show them with channel event, and the summary prints", async () => {
  // Results: the notes and votes appear as channel "event", small numbers suppressed, filterable by event.
  await page.goto(`${consultationPath}/results`);
  await visible(page.getByRole("heading", { name: "At events" }));
  await visible(page.getByText("channel: event", { exact: false }));
  const notesTable = page.getByRole("table", { name: "Notes by theme" });
  await visible(notesTable);
  await poll(() => notesTable.innerText()).toContain("fewer than 5");
  await visible(page.getByRole("table", { name: `Dot votes at ${EVENT_TITLE}` }));
  await expectNoAxeViolations(page, "results with events");
  await page.getByLabel("Event", { exact: true }).selectOption({ label: EVENT_TITLE });
  // The event is chosen in the results filters, which narrow the survey answers too (issue 11).
  await page.getByRole("button", { name: "Show results" }).click();
  await poll(() => new URL(page.url()).searchParams.get("event")).toMatch(/^[0-9a-f-]{36}$/);
  await expectNoAxeViolations(page, "results filtered by event");

  // The summary prints on A4: attendance, votes, notes by theme; the site's header is not printed.
  await page.goto(`${eventPath}/summary`);
  await visible(page.getByRole("heading", { name: "Notes by theme" }));
  await visible(page.getByRole("heading", { name: /Transport/ }));
  await page.emulateMedia({ media: "print" });
  await poll(() => page.locator(".site-header").isVisible()).toBe(false);
  await visible(page.getByText("The bus stops running before the club ends"));
  await expectNoAxeViolations(page, "event summary printed");
  await page.emulateMedia({ media: "screen" });
  await expectNoAxeViolations(page, "event summary");
}, SLOW);
