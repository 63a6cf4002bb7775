// Consultation pages, as an officer, a child and a parent see them (issue 6): dates decide what is
// open, opening and closing are confirmed and acknowledged on a clean address, details and outcome
// items can be corrected, Welsh pages hydrate without errors, typed text is isolated and marked
// with its language, the share link is a full address to copy, and public pages name the council.
// Every consultation here is made by the test (the seeded one must keep exactly 36 responses).
import type { Browser, BrowserContext, Page } from "playwright-core";
import { inject } from "vitest";
import { ukDay } from "../support/dates";
import { expectNoAxeViolations, launchBrowser, newPage, poll, visible } from "./browser";

const baseURL = inject("baseURL");
const RLO = "\u202E";
const SEEDED_TITLE = "Your life in care 2026";
const WELSH_MONTHS = /(Ionawr|Chwefror|Mawrth|Ebrill|Mai|Mehefin|Gorffennaf|Awst|Medi|Hydref|Tachwedd|Rhagfyr) \d{4}/;
const ENGLISH_MONTHS = /(January|February|March|April|May|June|July|August|September|October|November|December)/;

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

async function signedInOfficer(options: Parameters<typeof newPage>[1] = {}) {
  const opened = await openPage(options);
  const { page } = opened;
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill("officer@demo.heard.test");
  await page.getByLabel("Password").fill("heard-demo-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL("**/consultations");
  return opened;
}

/** True once React has hydrated the element (it carries React's fiber key). */
async function hydrated(page: Page, selector = "h1") {
  return page.locator(selector).first().evaluate((element) => Object.keys(element).some((key) => key.startsWith("__reactFiber")));
}

type Details = { title: string; purpose?: string; audience?: string; opensOn: string; closesOn: string; feedbackBy: string };

/** Creates a draft through the form and chooses a template: returns its staff path. */
async function createWithSurvey(page: Page, details: Details) {
  await page.goto("/consultations/new");
  await page.getByLabel("Title").fill(details.title);
  await page.getByLabel("What is it about?").fill(details.purpose ?? "We want to hear what you think about play parks.");
  await page.getByLabel("Who is it for?").fill("Children aged 5 to 11");
  await page.getByLabel("Who will hear the results?").fill(details.audience ?? "the Parks Committee");
  await page.getByLabel("Opens on").fill(details.opensOn);
  await page.getByLabel("Closes on").fill(details.closesOn);
  await page.getByLabel("We will tell people what happened by").fill(details.feedbackBy);
  await page.getByRole("button", { name: "Save and choose a survey" }).click();
  await page.waitForURL(/\/consultations\/[0-9a-f-]{36}$/);
  const path = new URL(page.url()).pathname;
  await page.getByText("Event feedback", { exact: false }).first().click();
  await page.getByRole("button", { name: "Use this survey" }).click();
  await visible(page.getByRole("link", { name: "Open consultation" }));
  return path;
}

/** Opens a consultation through its confirmation page. */
async function openThroughConfirmation(page: Page, path: string) {
  await page.goto(path);
  await page.getByRole("link", { name: "Open consultation" }).click();
  await page.waitForURL(`**${path}/open`);
  await page.getByRole("button", { name: "Yes, open it" }).click();
  await page.waitForURL((url) => url.pathname === path && url.search === "");
}

async function shareAddressOn(page: Page, path: string) {
  await page.goto(path);
  const address = await page.getByRole("link", { name: /\/c\/[a-z0-9-]+$/ }).innerText();
  return address.trim();
}

test("opening and closing ask first, say what changes for children, and confirm on a clean address", async () => {
  const { page, problems } = await signedInOfficer();
  const closes = ukDay(20);
  const path = await createWithSurvey(page, { title: "Your say on play parks", opensOn: ukDay(-1), closesOn: closes, feedbackBy: ukDay(60) });

  // Open: a confirmation page, not a one-click change.
  await page.getByRole("link", { name: "Open consultation" }).click();
  await page.waitForURL(`**${path}/open`);
  await poll(() => page.getByRole("heading", { level: 1 }).innerText()).toBe("Open this consultation?");
  const closesText = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${closes}T12:00:00Z`),
  );
  await visible(page.getByText(`Children will be able to answer at this address until ${closesText}:`));
  const confirmAddress = (await page.getByRole("link", { name: /\/c\/[a-z0-9-]+$/ }).innerText()).trim();
  expect(confirmAddress.startsWith(baseURL)).toBe(true);
  await expectNoAxeViolations(page, "confirm opening");
  // Cancel changes nothing.
  await page.getByRole("link", { name: "Cancel" }).click();
  await page.waitForURL((url) => url.pathname === path);
  await visible(page.getByText("Draft", { exact: true }));

  await page.getByRole("link", { name: "Open consultation" }).click();
  await page.getByRole("button", { name: "Yes, open it" }).click();
  await page.waitForURL((url) => url.pathname === path);
  expect(page.url()).toBe(`${baseURL}${path}`);
  await poll(() => page.getByRole("status").filter({ hasText: "Success" }).innerText()).toContain("The consultation has been opened.");
  await visible(page.getByText("Open", { exact: true }));
  await expectNoAxeViolations(page, "consultation just opened, with its success message");
  // The message is shown once: a reload does not repeat it (nor post again).
  await page.reload();
  await visible(page.getByRole("heading", { level: 1 }));
  expect(await page.getByText("The consultation has been opened.").count()).toBe(0);

  // Close: the same, saying children will no longer be able to answer.
  await page.getByRole("link", { name: "Close consultation" }).click();
  await page.waitForURL(`**${path}/close`);
  await visible(page.getByText("Children will no longer be able to answer."));
  await expectNoAxeViolations(page, "confirm closing");
  await page.getByRole("button", { name: "Yes, close it" }).click();
  await page.waitForURL((url) => url.pathname === path);
  expect(page.url()).toBe(`${baseURL}${path}`);
  await poll(() => page.getByRole("status").filter({ hasText: "Success" }).innerText()).toContain("The consultation is closed.");
  await visible(page.getByText("Closed", { exact: true }));
  expect(await page.getByRole("link", { name: "Close consultation" }).count()).toBe(0);
  expect(problems).toEqual([]);
});

test("a consultation past its closing date is closed everywhere, and one not yet open says when it opens", async () => {
  const { page, problems } = await signedInOfficer();

  // Open now, then the closing date is moved to yesterday (allowed while open).
  const ended = "Skate park ideas";
  const endedPath = await createWithSurvey(page, { title: ended, opensOn: ukDay(-10), closesOn: ukDay(10), feedbackBy: ukDay(40) });
  await openThroughConfirmation(page, endedPath);
  const endedAddress = await shareAddressOn(page, endedPath);
  const endedSlug = new URL(endedAddress).pathname.split("/").pop()!;
  await page.getByRole("link", { name: "Change details" }).click();
  await page.waitForURL(`**${endedPath}/edit`);
  expect(await page.getByLabel("Title").count()).toBe(0);
  expect(await page.getByLabel("Opens on").count()).toBe(0);
  await expectNoAxeViolations(page, "change details while open");
  await page.getByLabel("Closes on").fill(ukDay(-1));
  await page.getByRole("button", { name: "Save changes" }).click();
  await page.waitForURL((url) => url.pathname === endedPath);
  await poll(() => page.getByRole("status").filter({ hasText: "Success" }).innerText()).toContain("Your changes have been saved.");
  await visible(page.getByText("Closed", { exact: true }));
  await visible(page.getByText("The closing date has passed, so children can no longer answer."));

  // Opening tomorrow.
  const later = "Library opening hours";
  const laterPath = await createWithSurvey(page, { title: later, opensOn: ukDay(1), closesOn: ukDay(30), feedbackBy: ukDay(60) });
  await page.getByRole("link", { name: "Open consultation" }).click();
  await visible(page.getByText(/^Children will be able to answer at this address from .+ until .+:$/));
  await page.getByRole("button", { name: "Yes, open it" }).click();
  await page.waitForURL((url) => url.pathname === laterPath);
  await visible(page.getByText("Not open yet", { exact: true }));
  const laterSlug = new URL(await shareAddressOn(page, laterPath)).pathname.split("/").pop()!;

  // The list shows both as they really are.
  await page.goto("/consultations");
  const rowOf = (title: string) => page.getByRole("row").filter({ has: page.getByRole("link", { name: title, exact: true }) });
  await poll(() => rowOf(ended).getByRole("cell").nth(1).innerText()).toBe("Closed");
  await poll(() => rowOf(later).getByRole("cell").nth(1).innerText()).toBe("Not open yet");
  await expectNoAxeViolations(page, "list with a consultation past its dates");
  expect(problems).toEqual([]);

  // The public pages: no Start button, the answer page sends you back, and the endpoint refuses.
  const child = await openPage();
  await child.page.goto(`/c/${endedSlug}`);
  await visible(child.page.getByText("This consultation is not taking answers any more."));
  expect(await child.page.getByRole("link", { name: "Start" }).count()).toBe(0);
  await child.page.goto(`/c/${endedSlug}/answer`);
  await poll(() => new URL(child.page.url()).pathname).toBe(`/c/${endedSlug}`);
  await child.page.goto(`/c/${laterSlug}`);
  await visible(child.page.getByText(/^You can answer from .+\.$/));
  expect(await child.page.getByRole("link", { name: "Start" }).count()).toBe(0);
  await expectNoAxeViolations(child.page, "public page of a consultation not open yet");
  await child.page.goto(`/c/${laterSlug}/answer`);
  await poll(() => new URL(child.page.url()).pathname).toBe(`/c/${laterSlug}`);
  expect(child.problems).toEqual([]);
});

test("Welsh pages show Welsh dates after hydration, with no console or page errors", async () => {
  // The seeded open consultation is only read here, never answered.
  const { page, problems } = await signedInOfficer();
  await page.getByRole("button", { name: "Cymraeg" }).click();
  await poll(() => page.locator("html").getAttribute("lang")).toBe("cy");

  await page.goto("/consultations");
  await poll(() => hydrated(page)).toBe(true);
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: SEEDED_TITLE }) });
  const datesCell = row.getByRole("cell").nth(2);
  await poll(() => datesCell.innerText()).toMatch(WELSH_MONTHS);
  expect(await datesCell.innerText()).not.toMatch(ENGLISH_MONTHS);
  await expectNoAxeViolations(page, "list in Welsh");

  await row.getByRole("link", { name: SEEDED_TITLE }).click();
  await page.waitForURL(/\/consultations\/[0-9a-f-]{36}$/);
  await poll(() => hydrated(page)).toBe(true);
  const dates = page.locator(".summary-list > div", { has: page.locator("dt", { hasText: /^Dyddiadau$/ }) }).locator("dd");
  await poll(() => dates.innerText()).toMatch(WELSH_MONTHS);
  expect(await dates.innerText()).not.toMatch(ENGLISH_MONTHS);
  await expectNoAxeViolations(page, "consultation in Welsh");
  const publicPath = new URL((await page.getByRole("link", { name: /\/c\/[a-z0-9-]+$/ }).innerText()).trim(), baseURL).pathname;

  await page.goto(publicPath);
  await poll(() => hydrated(page)).toBe(true);
  const feedback = page.getByText(/^Byddwn yn dweud wrthych chi beth ddigwyddodd erbyn /);
  await poll(() => feedback.innerText()).toMatch(WELSH_MONTHS);
  await expectNoAxeViolations(page, "public page in Welsh");

  expect(problems).toEqual([]);
});

test("typed text is isolated and marked English on Welsh pages, the council is named, and the share link copies", async () => {
  const { page, context, problems } = await signedInOfficer();
  const title = `Spoof ${RLO}gnp.exe title`;
  const audience = `the ${RLO}Parks Committee`;
  const path = await createWithSurvey(page, { title, audience, opensOn: ukDay(-1), closesOn: ukDay(30), feedbackBy: ukDay(60) });

  // Staff page: the title is isolated.
  await expect(page.locator("h1 bdi").innerText()).resolves.toBe(title);

  // The share link: the full address, and a Copy button that says it copied.
  await openThroughConfirmation(page, path);
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
  const address = await shareAddressOn(page, path);
  expect(address).toMatch(new RegExp(`^${baseURL}/c/[a-z0-9-]+$`));
  await page.getByRole("button", { name: "Copy link" }).click();
  await poll(() => page.getByRole("status").filter({ hasText: "Link copied" }).count()).toBe(1);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(address);
  await expectNoAxeViolations(page, "link copied");

  // The list: the title is isolated.
  await page.goto("/consultations");
  const listed = page.getByRole("link", { name: title, exact: true }).locator("bdi");
  await expect(listed.innerText()).resolves.toBe(title);

  // Without JavaScript the address is still there to select; there is no button that cannot work.
  const noScript = await openPage({ javaScriptEnabled: false });
  await noScript.page.goto("/sign-in");
  await noScript.page.getByLabel("Email address").fill("officer@demo.heard.test");
  await noScript.page.getByLabel("Password").fill("heard-demo-2026");
  await noScript.page.getByRole("button", { name: "Sign in" }).click();
  await noScript.page.waitForURL("**/consultations");
  await noScript.page.goto(path);
  await visible(noScript.page.getByRole("link", { name: address }));
  expect(await noScript.page.getByRole("button", { name: "Copy link" }).count()).toBe(0);

  // A child reading in Welsh: staff text is isolated, marked English, and the name is not pasted into a Welsh sentence.
  const publicPath = new URL(address).pathname;
  const child = await openPage();
  await child.page.goto(publicPath);
  await child.page.getByRole("button", { name: "Cymraeg" }).click();
  await poll(() => child.page.locator("html").getAttribute("lang")).toBe("cy");
  const heading = child.page.locator("h1 bdi");
  await expect(heading.innerText()).resolves.toBe(title);
  expect(await heading.getAttribute("lang")).toBe("en");
  const purpose = child.page.locator("p.lead");
  expect(await purpose.getAttribute("dir")).toBe("auto");
  expect(await purpose.getAttribute("lang")).toBe("en");
  const audienceItem = child.page.locator("li", { hasText: "Pwy fydd yn clywed eich atebion:" });
  expect(await audienceItem.locator("bdi").innerText()).toBe(audience);
  expect(await audienceItem.locator("bdi").getAttribute("lang")).toBe("en");
  // The council is named, with who to contact.
  await visible(child.page.getByText("Demo Council").first());
  await visible(child.page.getByText("participation@demo.heard.test"));
  await expectNoAxeViolations(child.page, "public page in Welsh with typed text");
  expect(child.problems).toEqual([]);
  expect(noScript.problems).toEqual([]);
  expect(problems).toEqual([]);
});

test("outcome text is isolated on the public page, and a corrected published item says when it was updated", async () => {
  const { page, problems } = await signedInOfficer();
  const path = await createWithSurvey(page, { title: "Swings and slides", opensOn: ukDay(-1), closesOn: ukDay(30), feedbackBy: ukDay(60) });
  await openThroughConfirmation(page, path);
  const publicPath = new URL(await shareAddressOn(page, path)).pathname;

  // "You said, we did" with a right-to-left override, published, then corrected.
  await page.goto(path);
  await page.getByRole("link", { name: "Close consultation" }).click();
  await page.getByRole("button", { name: "Yes, close it" }).click();
  await page.waitForURL((url) => url.pathname === path);
  await page.goto(`${path}/outcomes`);
  const youSaid = `You said the ${RLO}swings are broken`;
  await page.getByLabel("You said", { exact: true }).fill(youSaid);
  await page.getByLabel("We did", { exact: true }).fill("We asked for the swings to be mended.");
  await page.getByText("In progress", { exact: true }).click();
  await page.getByRole("button", { name: "Add item" }).click();
  await visible(page.getByText("We asked for the swings to be mended."));
  await page.getByRole("button", { name: 'Publish "you said, we did"' }).click();
  await poll(() => page.getByRole("status").first().innerText()).toContain("Published");

  const parent = await openPage();
  await parent.page.goto(`${publicPath}/outcomes`);
  const said = parent.page.locator(".outcome__said p");
  await expect(said.innerText()).resolves.toBe(youSaid);
  expect(await said.getAttribute("dir")).toBe("auto");
  await visible(parent.page.getByText("Who heard your views:"));
  await visible(parent.page.getByText("Demo Council").first());
  expect(await parent.page.getByText(/^Updated on /).count()).toBe(0);

  // The officer corrects the published item: the public page shows the change and when.
  await page.goto(`${path}/outcomes`);
  await page.getByRole("link", { name: "Edit item 1" }).click();
  await visible(page.getByText("This item is published."));
  await expectNoAxeViolations(page, "edit a published outcome item");
  await page.getByLabel("We did", { exact: true }).fill("The swings were mended in November.");
  await page.getByText("Done", { exact: true }).click();
  await page.getByRole("button", { name: "Save item" }).click();
  await page.waitForURL((url) => url.pathname === `${path}/outcomes` && url.search === "");
  await poll(() => page.getByRole("status").filter({ hasText: "Success" }).innerText()).toContain("The item has been saved.");
  await parent.page.reload();
  await visible(parent.page.getByText("The swings were mended in November."));
  await visible(parent.page.getByText(/^Updated on \d{1,2} [A-Z][a-z]+ \d{4}$/));
  await expectNoAxeViolations(parent.page, "public you said, we did with a correction");
  expect(parent.problems).toEqual([]);
  expect(problems).toEqual([]);
});
