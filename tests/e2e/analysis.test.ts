// Analysis in Chromium, axe on every page state: filter and cross-tab the results, build a
// codebook and code answers by keyboard, two analysts double-code and see their agreement, and
// export CSV and XLSX and read them back; code an event note; export coded text as REFI-QDA.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { Browser, Page } from "playwright-core";
import { inject } from "vitest";
import { londonToday } from "~/utils/dates";
import { expectNoAxeViolations, expectNoBrowserProblems, expectRefusalLogged, launchBrowser, newPage, poll, visible } from "./browser";

const baseURL = inject("baseURL");
const OPEN_TITLE = "Your life in care 2026";

let browser: Browser;
let consultationPath: string;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(() => expectNoBrowserProblems());

// Each signed-in page's console problems, for the refusals a test provokes on purpose.
const problemsOf = new Map<Page, string[]>();

async function signIn(who: "officer" | "analyst" | "advisor" | "admin", width = 1280): Promise<Page> {
  const { page, problems } = await newPage(browser, { baseURL, viewport: { width, height: 900 }, acceptDownloads: true });
  problemsOf.set(page, problems);
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(`${who}@demo.heard.test`);
  await page.getByLabel("Password").fill("heard-demo-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL("**/consultations");
  if (!consultationPath) {
    await page.getByRole("link", { name: OPEN_TITLE, exact: true }).click();
    await page.waitForURL(/\/consultations\/[0-9a-f-]{36}$/);
    consultationPath = new URL(page.url()).pathname;
  }
  return page;
}

/** True once React has hydrated the page (its heading carries React's fiber key): keyboard and submit go through Remix. */
async function hydrated(page: Page) {
  return page.locator("h1").first().evaluate((element) => Object.keys(element).some((key) => key.startsWith("__reactFiber")));
}

async function download(page: Page, button: string) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: button }).click()]);
  const chunks: Buffer[] = [];
  for await (const chunk of (await file.createReadStream()) as AsyncIterable<Buffer>) chunks.push(chunk);
  return { name: file.suggestedFilename(), bytes: Buffer.concat(chunks) };
}

test.each([320, 1280])("results at %ipx: charts with data tables, filters and a cross-tab", async (width) => {
  {
    const page = await signIn("officer", width);
    await page.goto(`${consultationPath}/results`);
    await visible(page.getByRole("heading", { name: "Results", level: 1 }));
    await visible(page.getByRole("img", { name: /^Chart: / }).first());
    await expectNoAxeViolations(page, `results at ${width}px`);

    await page.getByLabel("How they answered").selectOption("online");
    await page.getByLabel("Show answers to").selectOption({ index: 1 });
    await page.getByLabel("Broken down by").selectOption("channel");
    await page.getByRole("button", { name: "Show results" }).click();
    await page.waitForURL(/channel=online.*by=channel/);
    await visible(page.getByText("Filtered: showing only the responses that match."));
    const crossTab = page.getByRole("table", { name: /, by How they answered$/ });
    await visible(crossTab);
    // Only online answers are counted, so every other channel's row is 0 and the total is shown.
    await poll(() => crossTab.getByRole("row", { name: /^Paper/ }).innerText()).toMatch(/Paper(\s+0)+/);
    await expectNoAxeViolations(page, `results filtered with a cross-tab at ${width}px`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(overflow, `page scrolls sideways at ${width}px`).toBe(false);
  }
});

test("an advisor sees results but no themes, reading view or exports", async () => {
  const page = await signIn("advisor");
  await page.goto(`${consultationPath}/results`);
  await visible(page.getByRole("heading", { name: "Results", level: 1 }));
  expect(await page.getByRole("link", { name: "Themes" }).count()).toBe(0);
  await expectNoAxeViolations(page, "results as an advisor");
});

test("build a codebook, code answers by keyboard, double-code and see agreement", async () => {
  const officer = await signIn("officer");
  await officer.goto(`${consultationPath}/themes`);
  await expectNoAxeViolations(officer, "empty codebook");
  // An empty name is refused with the GOV.UK error summary.
  await officer.getByRole("button", { name: "Add theme" }).click();
  await visible(officer.getByRole("heading", { name: "There is a problem" }));
  await expectRefusalLogged(problemsOf.get(officer)!, "400 (Bad Request)");
  await expectNoAxeViolations(officer, "codebook with an error");
  for (const [name, colour] of [["Family", "Blue"], ["Fun", "Green"]] as const) {
    await officer.getByLabel("Theme", { exact: true }).fill(name);
    await officer.getByLabel("Colour").selectOption({ label: colour });
    await officer.getByRole("button", { name: "Add theme" }).click();
    await visible(officer.getByRole("rowheader", { name: new RegExp(name) }));
  }
  await expectNoAxeViolations(officer, "codebook with two themes");

  async function codeByKeyboard(page: Page, search: string, theme: string) {
    await page.goto(`${consultationPath}/themes/code?q=${encodeURIComponent(search)}`);
    const first = page.getByRole("article").first();
    await visible(first);
    await poll(() => hydrated(page)).toBe(true);
    const box = first.getByRole("checkbox", { name: theme });
    await box.focus();
    await page.keyboard.press("Space");
    const save = first.getByRole("button", { name: /^Save coding for answer 1$/ });
    await save.focus();
    await page.keyboard.press("Enter");
    await poll(() => first.getByText("You have coded this answer.").count()).toBe(1);
  }
  await codeByKeyboard(officer, "brother", "Family");
  await expectNoAxeViolations(officer, "reading view after coding");
  await codeByKeyboard(officer, "youth club", "Fun");

  const analyst = await signIn("analyst");
  await codeByKeyboard(analyst, "brother", "Family");
  await codeByKeyboard(analyst, "youth club", "Family");

  await analyst.goto(`${consultationPath}/themes/agreement`);
  await visible(analyst.getByRole("table", { name: /^Agreement per theme/ }));
  await poll(() => analyst.getByText(/^Compared on \d+ answers? both have coded\.$/).count()).toBe(1);
  await visible(analyst.getByRole("heading", { name: /answers? coded differently$/ }));
  await poll(() => analyst.getByRole("row", { name: /^Family/ }).innerText()).toMatch(/Family\s+\d+/);
  await expectNoAxeViolations(analyst, "agreement between two analysts");
});

test("code an event note in the reading view, with the same codebook", async () => {
  const officer = await signIn("officer");
  // A small event with one note from the capture board (the notes other end-to-end files add are told apart by the search).
  await officer.goto(`${consultationPath}/events/new`);
  await officer.getByLabel("Event name").fill("Coding drop-in");
  await officer.getByLabel("Date").fill(londonToday());
  await officer.getByLabel("Starts at").fill("10:00");
  await officer.getByLabel("Ends at").fill("11:00");
  await officer.getByText("Drop-in", { exact: true }).click();
  await officer.getByLabel("Place").fill("Library");
  await officer.getByRole("button", { name: "Save event" }).click();
  await officer.waitForURL(/\/events\/[0-9a-f-]{36}$/);
  await officer.goto(`${new URL(officer.url()).pathname}/capture`);
  await officer.getByLabel("Note", { exact: true }).fill("Quizzical zebras want a music room");
  await officer.getByRole("button", { name: "Add note" }).click();
  await poll(() => officer.locator(".sticky-note").allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining("Quizzical zebras")]));

  await officer.goto(`${consultationPath}/themes/code?source=notes&q=${encodeURIComponent("Quizzical zebras")}`);
  const note = officer.getByRole("article").first();
  await visible(note.getByRole("heading", { name: /^Event note 1: Coding drop-in$/ }));
  await poll(() => hydrated(officer)).toBe(true);
  await note.getByRole("checkbox", { name: "Fun" }).focus();
  await officer.keyboard.press("Space");
  await note.getByRole("button", { name: "Save coding for event note 1" }).focus();
  await officer.keyboard.press("Enter");
  await poll(() => note.getByText("You have coded this note.").count()).toBe(1);
  await expectNoAxeViolations(officer, "reading view showing event notes");
});

/** How many responses the results page says the consultation has now (other end-to-end files answer it too). */
async function responseTotal(page: Page) {
  await page.goto(`${consultationPath}/results`);
  const lead = await page.locator(".lead").first().innerText();
  const total = Number(/^(\d+) responses$/.exec(lead)?.[1]);
  expect(total).toBeGreaterThanOrEqual(36);
  return total;
}

test("export the summary and the responses as CSV and XLSX, and read them back", async () => {
  const page = await signIn("officer");
  const total = await responseTotal(page);
  await page.goto(`${consultationPath}/export`);
  await expectNoAxeViolations(page, "export page");

  const summary = await download(page, "Download summary as CSV");
  expect(summary.name).toMatch(/^aggregates-\d{4}-\d{2}-\d{2}\.csv$/);
  const summaryText = summary.bytes.toString("utf8");
  expect(summaryText).toContain(`,responses,${total},`);

  const responses = await download(page, "Download responses as CSV");
  const lines = responses.bytes.toString("utf8").split("\r\n").filter(Boolean);
  expect(lines).toHaveLength(total + 1);

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array((await download(page, "Download responses as Excel")).bytes).buffer);
  const sheet = workbook.getWorksheet("responses")!;
  expect(sheet.getRow(1).getCell(1).value).toBe("response_id");
  expect(sheet.rowCount).toBe(total + 1);

  const aggregates = new ExcelJS.Workbook();
  await aggregates.xlsx.load(new Uint8Array((await download(page, "Download summary as Excel")).bytes).buffer);
  expect(aggregates.getWorksheet("aggregates")!.getRow(2).getCell(5).value).toBe(total);

  const qdpx = await download(page, "Download coded text as REFI-QDA");
  expect(qdpx.name).toMatch(/^coded-text-\d{4}-\d{2}-\d{2}\.qdpx$/);
  const zip = await JSZip.loadAsync(qdpx.bytes);
  const qde = await zip.file("project.qde")!.async("string");
  expect(qde).toContain('xmlns="urn:QDA-XML:project:1.0"');
  expect(qde).toContain("<TextSource ");
});

test("create an API token, read aggregates with it, and see a revoked one refused", async () => {
  const page = await signIn("admin");
  const total = await responseTotal(page);
  await page.goto("/admin/api-tokens");
  await expectNoAxeViolations(page, "API tokens, none yet");
  await page.getByLabel("Name", { exact: true }).fill("Insight dashboard");
  await page.getByLabel("What it may read").selectOption("aggregates");
  await page.getByRole("button", { name: "Create token" }).click();
  const shown = page.getByLabel("New token");
  await visible(shown);
  const token = (await shown.innerText()).trim();
  expect(token).toMatch(/^heard_[A-Za-z0-9_-]{40,}$/);
  await expectNoAxeViolations(page, "API token shown once");

  const id = consultationPath.split("/").pop();
  const list = await page.request.get("/api/consultations", { headers: { Authorization: `Bearer ${token}` } });
  expect(list.status()).toBe(200);
  expect(JSON.stringify(await list.json())).toContain(OPEN_TITLE);
  const aggregates = await page.request.get(`/api/consultations/${id}/aggregates`, { headers: { Authorization: `Bearer ${token}` } });
  expect(((await aggregates.json()) as { summary: { total: number } }).summary.total).toBe(total);
  expect((await page.request.get(`/api/consultations/${id}/responses`, { headers: { Authorization: `Bearer ${token}` } })).status()).toBe(403);
  expect((await page.request.get("/api/openapi.json")).status()).toBe(200);

  await page.getByRole("button", { name: "Revoke Insight dashboard" }).click();
  await visible(page.getByRole("cell", { name: "Revoked" }));
  await expectNoAxeViolations(page, "API token revoked");
  expect((await page.request.get("/api/consultations", { headers: { Authorization: `Bearer ${token}` } })).status()).toBe(401);
});

test("context figures beside who answered", async () => {
  const page = await signIn("officer", 320);
  await page.goto(`${consultationPath}/results`);
  await visible(page.getByRole("heading", { name: "Who answered, compared with who it was for" }));
  await page.getByRole("link", { name: "Add or change context figures" }).click();
  await visible(page.getByRole("heading", { name: "Context figures", level: 1 }));
  await expectNoAxeViolations(page, "context figures, none yet");
  // A figure that is not a whole number is refused GOV.UK style.
  await page.getByLabel("What the figure counts").fill("Children in care aged 8 to 18");
  await page.getByLabel("Number").fill("four hundred");
  await page.getByLabel("Source").fill("CLA return");
  await page.getByLabel("As of").fill("2026-03-31");
  await page.getByRole("button", { name: "Add figure" }).click();
  await visible(page.getByRole("heading", { name: "There is a problem" }));
  await expectRefusalLogged(problemsOf.get(page)!, "400 (Bad Request)");
  await expectNoAxeViolations(page, "context figure with an error");
  await page.getByLabel("Number").fill("412");
  await page.getByRole("button", { name: "Add figure" }).click();
  await visible(page.getByRole("rowheader", { name: "Children in care aged 8 to 18" }));
  await expectNoAxeViolations(page, "context figure added");
  await page.getByRole("link", { name: /^Change/ }).first().click();
  await visible(page.getByRole("heading", { name: "Change a context figure", level: 1 }));
  await expectNoAxeViolations(page, "changing a context figure");
  await page.goBack();

  await page.getByRole("link", { name: "Back to the results" }).click();
  const comparison = page.getByRole("table", { name: "Context figures beside the responses" });
  await poll(() => comparison.getByRole("row", { name: /Children in care aged 8 to 18/ }).innerText()).toMatch(/412\s+All responses\s+\d+\s+\d+(\.\d)?%/);
  await expectNoAxeViolations(page, "results with a context figure at 320px");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  expect(overflow, "results page scrolls sideways at 320px").toBe(false);
  await page.screenshot({ path: "tests/.tmp/results-context-320.png", fullPage: true });
});

test("the results narrowed to one event", async () => {
  const page = await signIn("officer");
  // An event with no survey answers through it yet: choosing it narrows the results to none.
  await page.goto(`${consultationPath}/events/new`);
  await page.getByLabel("Event name").fill("Results filter session");
  await page.getByLabel("Date").fill(new Date(Date.now() + 14 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10));
  await page.getByLabel("Starts at").fill("16:00");
  await page.getByLabel("Ends at").fill("17:00");
  await page.getByText("Workshop", { exact: true }).click();
  await page.getByLabel("Place").fill("Town Hall");
  await page.getByRole("button", { name: "Save event" }).click();
  await page.waitForURL(/\/events\/[0-9a-f-]{36}$/);
  await page.goto(`${consultationPath}/results`);
  await page.getByLabel("Event", { exact: true }).selectOption({ label: "Results filter session" });
  await page.getByRole("button", { name: "Show results" }).click();
  await page.waitForURL(/event=[0-9a-f-]{36}/);
  await visible(page.getByText("Filtered: showing only the responses that match."));
  await poll(() => page.locator(".lead").first().innerText()).toBe("0 responses");
  await visible(page.getByText(/^Showing only the notes, dot votes, attendance and survey answers/));
  await expectNoAxeViolations(page, "results narrowed to one event");
});
