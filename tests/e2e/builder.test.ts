// The survey builder as an officer uses it with the keyboard only: every question type, pages,
// show-if logic, required and optional, moving with Alt+arrows, undo, a second tab that saved
// first, import with a broken file; then the consultation opens and a child answers the survey
// on a phone. axe runs with every panel and menu open, at desktop and 320 px widths.
import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { inject } from "vitest";
import { ukDay } from "../support/dates";
import { expectNoAxeViolations, expectNoBrowserProblems, expectRefusalLogged, isFocused, launchBrowser, newPage, poll, signInAs, visible } from "./browser";

const baseURL = inject("baseURL");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(expectNoBrowserProblems);

/** Focuses a control and presses keys: how a keyboard user moves and acts, with no clicks. */
async function press(page: Page, target: ReturnType<Page["getByRole"]>, ...keys: string[]) {
  await target.focus();
  for (const key of keys) await page.keyboard.press(key);
}

/** Opens a react-aria menu with the keyboard, types the option's words and picks it. */
async function chooseFromMenu(page: Page, label: RegExp, option: string) {
  await press(page, page.getByRole("button", { name: label }), "ArrowDown");
  await visible(page.getByRole("option", { name: option, exact: true }));
  await page.keyboard.type(option);
  await page.keyboard.press("Enter");
  await poll(() => page.getByRole("button", { name: label }).innerText()).toContain(option);
}

/** Types into a field the way a person does: select what is there, type, then leave with Tab. */
async function typeInto(page: Page, field: ReturnType<Page["getByLabel"]>, text: string) {
  await field.focus();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type(text);
  await page.keyboard.press("Tab");
}

async function allSaved(page: Page) {
  await visible(page.getByRole("status").filter({ hasText: "All changes saved" }));
}

const QUESTIONS: [kind: string, title: string][] = [
  ["Single choice", "Do you go to a youth club?"],
  ["Short text", "What do you do there?"],
  ["Long text", "What would make it better?"],
  ["Number", "How many times a week do you go?"],
  ["Date", "When did you last go?"],
  ["Multiple choice", "What do you like doing?"],
  ["Dropdown list", "Which club is nearest?"],
  ["Yes or no", "Do you feel safe getting there?"],
  ["Rating", "How much do you like it?"],
  ["Picture choice", "Pick a picture"],
  ["Ranking", "Put these in order"],
  ["Draw it", "Draw your ideal club"],
  ["Grid", "How do you feel about these?"],
];

test("an officer builds a survey with every question type by keyboard, opens it, and a child answers it", { timeout: 560_000 }, async () => {
  const officer = await newPage(browser, { baseURL, viewport: { width: 1280, height: 900 } });
  const page = officer.page;
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill("officer@demo.heard.test");
  await page.getByLabel("Password").fill("heard-demo-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL("**/consultations");

  await page.getByRole("link", { name: "Start a new consultation" }).click();
  await page.getByLabel("Title").fill("Your say on youth clubs");
  await page.getByLabel("What is it about?").fill("What young people want from youth clubs.");
  await page.getByLabel("Who is it for?").fill("Young people aged 11 to 18");
  await page.getByLabel("Who will hear the results?").fill("the Youth Service board");
  await page.getByLabel("Opens on").fill(ukDay(-1));
  await page.getByLabel("Closes on").fill(ukDay(60));
  await page.getByLabel("We will tell people what happened by").fill(ukDay(120));
  await page.getByRole("button", { name: "Save and choose a survey" }).click();
  await page.waitForURL(/\/consultations\/[0-9a-f-]{36}$/);
  const consultationPath = new URL(page.url()).pathname;

  // From here on, the officer uses the keyboard only.
  await press(page, page.getByRole("link", { name: "Build or change the survey" }), "Enter");
  await page.waitForURL(`**${consultationPath}/survey`);
  await page.waitForLoadState("networkidle");
  await visible(page.getByRole("heading", { name: "Build the survey", level: 1 }));
  await visible(page.getByText("No questions on this page yet."));
  await expectNoAxeViolations(page, "empty builder");

  for (const [kind, title] of QUESTIONS) {
    await chooseFromMenu(page, /Type of question/, kind);
    await press(page, page.getByRole("button", { name: "Add question" }), "Enter");
    await poll(() => page.getByRole("heading", { level: 2, name: /^Edit the question/ }).innerText()).toContain("New question");
    await typeInto(page, page.getByLabel("Question", { exact: true }), title);
    await visible(page.getByRole("button", { name: `Edit: ${title}` }));
  }
  await chooseFromMenu(page, /Type of question/, "Information text");
  await press(page, page.getByRole("button", { name: "Add question" }), "Enter");
  await typeInto(page, page.getByLabel("Information", { exact: true }), "<p>Thank you for telling us. <script>alert(1)</script></p>");
  await allSaved(page);
  await expectNoAxeViolations(page, "builder with information text open");

  // "What do you do there?" is required, shown only to those who go to a youth club.
  await press(page, page.getByRole("button", { name: "Edit: What do you do there?" }), "Enter");
  await press(page, page.getByRole("checkbox", { name: "Children must answer this question" }), "Space");
  await press(page, page.getByRole("button", { name: "Add a rule" }), "Enter");
  await poll(() => page.getByRole("button", { name: /Question \(rule 1\)/ }).innerText()).toContain("Do you go to a youth club?");
  await chooseFromMenu(page, /Answer \(rule 1\)/, "First answer");
  await allSaved(page);
  await expectNoAxeViolations(page, "editor with a show-if rule");
  // A menu open is a panel too: axe checks it.
  await press(page, page.getByRole("button", { name: /Is \(rule 1\)/ }), "ArrowDown");
  await visible(page.getByRole("option", { name: "is not" }));
  await expectNoAxeViolations(page, "show-if menu open");
  await page.keyboard.press("Escape");

  // "I'd rather not say" on the first question, stars on the rating.
  await press(page, page.getByRole("button", { name: "Edit: Do you go to a youth club?" }), "Enter");
  await press(page, page.getByRole("checkbox", { name: "Add “I'd rather not say”" }), "Space");
  await press(page, page.getByRole("button", { name: "Edit: How much do you like it?" }), "Enter");
  await press(page, page.getByRole("radio", { name: "Stars" }), "Space");
  await allSaved(page);

  // Alt+Down moves a question and keeps focus on it; Undo puts it back.
  const longText = page.getByRole("button", { name: "Edit: What would make it better?" });
  await press(page, longText, "Alt+ArrowDown");
  await poll(() => isFocused(page.getByRole("button", { name: "Edit: What would make it better?" }))).toBe(true);
  await poll(() => page.locator('[data-question="0-3"] [data-action="edit"]').getAttribute("aria-label")).toBe("Edit: What would make it better?");
  await press(page, page.getByRole("button", { name: "Undo" }), "Enter");
  await poll(() => page.locator('[data-question="0-2"] [data-action="edit"]').getAttribute("aria-label")).toBe("Edit: What would make it better?");

  // A second page, with a title, and the drawing moved onto it by its "Move down" buttons.
  await press(page, page.getByRole("button", { name: "Add a page" }), "Enter");
  await typeInto(page, page.getByLabel("Title of page 2"), "Your ideas");
  for (let i = 0; i < 3; i++) await press(page, page.getByRole("button", { name: "Move down: Draw your ideal club" }), "Enter");
  await poll(() => page.locator('[data-question="1-0"] [data-action="edit"]').getAttribute("aria-label")).toBe("Edit: Draw your ideal club");
  await allSaved(page);
  await visible(page.getByText("No problems found."));

  // The preview shows it as children will: the optional question says so, no asterisk.
  const preview = page.getByTestId("survey-preview");
  await visible(preview.getByText("What would make it better? (optional)"));
  expect(await preview.innerText()).not.toContain("*");
  await press(page, page.getByRole("radio", { name: "Computer" }), "Space");
  await expectNoAxeViolations(page, "preview at computer width");

  // Importing broken JSON points at the line and column; nothing changes.
  await typeInto(page, page.getByLabel("Paste SurveyJS JSON"), '{\n  "pages": [,]\n}');
  await press(page, page.getByRole("button", { name: "Import" }), "Enter");
  await poll(() => page.getByRole("alert").innerText()).toContain("line 2, column 13");
  await expectNoAxeViolations(page, "import error");

  // Another tab saves first: this tab says so and loses nothing.
  const otherTab = await page.context().newPage();
  await otherTab.goto(`${consultationPath}/survey`);
  // Wait for the page's script to take over before using it.
  await otherTab.waitForLoadState("networkidle");
  await press(otherTab, otherTab.getByRole("button", { name: "Edit: Pick a picture" }), "Enter");
  await poll(() => otherTab.getByLabel("Question", { exact: true }).inputValue()).toBe("Pick a picture");
  const otherSave = otherTab.waitForResponse((response) => response.url().endsWith("/survey/save"), { timeout: 60_000 });
  await typeInto(otherTab, otherTab.getByLabel("Question", { exact: true }), "Pick a picture (from the other tab)");
  expect((await otherSave).status()).toBe(200);
  await otherTab.close();
  await press(page, page.getByRole("button", { name: "Edit: Pick a picture" }), "Enter");
  await typeInto(page, page.getByLabel("Question", { exact: true }), "Pick the picture you like");
  await visible(page.getByRole("heading", { name: "This survey was changed in another tab" }));
  await expectRefusalLogged(officer.problems, "409 (Conflict)");
  await expectNoAxeViolations(page, "changed in another tab");
  await press(page, page.getByRole("button", { name: "Save my version instead" }), "Enter");
  await allSaved(page);

  // The builder at phone width.
  await page.setViewportSize({ width: 320, height: 800 });
  await expectNoAxeViolations(page, "builder at 320 px");
  const shots = path.resolve("tests/.tmp");
  fs.mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, "builder-phone.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  // Exported JSON is the saved survey, script removed.
  const exported = await (await page.request.get(`${consultationPath}/survey.json`)).json();
  expect(JSON.stringify(exported)).not.toContain("<script>");
  expect(JSON.stringify(exported)).toContain("Pick the picture you like");

  // Open the consultation.
  await press(page, page.getByRole("link", { name: "Back to the consultation" }), "Enter");
  await page.waitForURL(`**${consultationPath}`);
  await press(page, page.getByRole("link", { name: "Open consultation" }), "Enter");
  await press(page, page.getByRole("button", { name: "Yes, open it" }), "Enter");
  await visible(page.getByText("Open", { exact: true }));
  const publicPath = new URL(await page.getByRole("link", { name: /\/c\/[a-z0-9-]+$/ }).innerText()).pathname;

  // A child answers at phone width: the follow-up appears only after "First answer". (Not with
  // mobile emulation: survey-react-ui's server-rendered HTML for some question types differs from
  // what it renders on a touch phone, a hydration problem of the answering page, not the builder.)
  const child = await newPage(browser, { baseURL, viewport: { width: 320, height: 640 } });
  const phone = child.page;
  await phone.goto(`${publicPath}/answer`);
  await visible(phone.getByText("Do you go to a youth club? (optional)"));
  expect(await phone.getByText("What do you do there?").count()).toBe(0);
  await phone.getByText("First answer").first().click();
  await visible(phone.getByText("What do you do there?"));
  await expectNoAxeViolations(phone, "child answering the built survey");
  await phone.getByRole("textbox", { name: "What do you do there?" }).fill("Play pool with my friends");
  await phone.getByRole("button", { name: "Next" }).click();
  await visible(phone.getByText("Draw your ideal club (optional)"));
  await phone.getByRole("button", { name: "Complete" }).click();
  await poll(() => isFocused(phone.getByRole("heading", { name: "Thank you, your answers have been saved" }))).toBe(true);
  expect(child.problems).toEqual([]);
});

/** Starts a new consultation through the form; returns its address (/consultations/<id>). */
async function startConsultation(page: Page, title: string) {
  await page.goto("/consultations/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("What is it about?").fill("What young people think of club nights.");
  await page.getByLabel("Who is it for?").fill("Young people aged 11 to 18");
  await page.getByLabel("Who will hear the results?").fill("the Youth Service board");
  await page.getByLabel("Opens on").fill(ukDay(-1));
  await page.getByLabel("Closes on").fill(ukDay(60));
  await page.getByLabel("We will tell people what happened by").fill(ukDay(120));
  await page.getByRole("button", { name: "Save and choose a survey" }).click();
  await page.waitForURL(/\/consultations\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname;
}

test("an officer uploads a picture for a picture choice, saves the survey as a template and starts a new consultation from it", { timeout: 240_000 }, async () => {
  const officer = await newPage(browser, { baseURL, viewport: { width: 1280, height: 900 } });
  const page = officer.page;
  await signInAs(page, "officer@demo.heard.test");
  const firstPath = await startConsultation(page, "Club nights");
  await page.goto(`${firstPath}/survey`);
  await page.waitForLoadState("networkidle");
  await chooseFromMenu(page, /Type of question/, "Picture choice");
  await press(page, page.getByRole("button", { name: "Add question" }), "Enter");
  await typeInto(page, page.getByLabel("Question", { exact: true }), "How do you get there?");
  await allSaved(page);

  // Upload: an SVG (named .png) is refused; a PNG with alt text is kept.
  await page.getByRole("link", { name: "Upload your own pictures" }).click();
  await page.waitForURL("**/pictures?from=*");
  const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
  await page.getByLabel("Picture", { exact: true }).setInputFiles({ name: "bus.png", mimeType: "image/png", buffer: svg });
  await page.getByLabel("Describe the picture").fill("A red bus");
  await page.getByRole("button", { name: "Upload picture" }).click();
  await visible(page.getByRole("link", { name: "The picture must be a PNG, JPEG or WebP file" }));
  await expectRefusalLogged(officer.problems, "415 (Unsupported Media Type)");
  await expectNoAxeViolations(page, "picture upload refused");
  // A one-pixel PNG.
  const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==", "base64");
  await page.getByLabel("Picture", { exact: true }).setInputFiles({ name: "bus.png", mimeType: "image/png", buffer: png });
  await page.getByRole("button", { name: "Upload picture" }).click();
  await visible(page.getByText("The picture has been uploaded."));
  await visible(page.getByText("A red bus", { exact: true }));
  await expectNoAxeViolations(page, "picture uploaded");

  // The builder's picture menu offers it beside the symbols.
  await page.getByRole("link", { name: "Back to the survey builder" }).click();
  await page.waitForLoadState("networkidle");
  await press(page, page.getByRole("button", { name: "Edit: How do you get there?" }), "Enter");
  await press(page, page.getByRole("button", { name: /Picture 1/ }), "ArrowDown");
  await visible(page.getByRole("option", { name: "Your picture: A red bus" }));
  await expectNoAxeViolations(page, "picture menu with an uploaded picture");
  await page.keyboard.type("Your picture");
  await page.keyboard.press("Enter");
  await poll(() => page.getByRole("button", { name: /Picture 1/ }).innerText()).toContain("Your picture: A red bus");
  await allSaved(page);

  // Save as a template: a name is needed.
  await page.getByRole("link", { name: "Save as a template" }).click();
  await page.waitForURL("**/save-as-template");
  await page.getByRole("button", { name: "Save as a template" }).click();
  await visible(page.getByRole("link", { name: "Enter a name for the template" }));
  await expectRefusalLogged(officer.problems, "400 (Bad Request)");
  await expectNoAxeViolations(page, "save as a template with an error");
  await page.getByLabel("Template name").fill("Club night travel");
  await page.getByRole("button", { name: "Save as a template" }).click();
  await page.waitForURL("**/templates");
  await visible(page.getByText("The survey has been saved as a template."));
  await expectNoAxeViolations(page, "organisation templates");

  // A new consultation starts from it.
  const secondPath = await startConsultation(page, "Club nights, again");
  await press(page, page.getByRole("radio", { name: "Club night travel" }), "Space");
  await page.getByRole("button", { name: "Use this template" }).click();
  await visible(page.getByText("The survey has been chosen."));
  await visible(page.getByRole("listitem").filter({ hasText: "How do you get there?" }));
  expect(new URL(page.url()).pathname).toBe(secondPath);
  await expectNoAxeViolations(page, "consultation started from an organisation template");
});
