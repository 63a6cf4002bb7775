// The walking skeleton as two people would use it: an officer opens a consultation, a child answers
// it on a phone in Welsh, the officer reads the results and publishes "you said, we did", and a
// parent reads it. axe runs on every page state visited.
import type { Browser, Page } from "playwright-core";
import { inject } from "vitest";
import { ukDay } from "../support/dates";
import { expectNoAxeViolations, expectNoBrowserProblems, expectRefusalLogged, isFocused, launchBrowser, newPage, poll, visible } from "./browser";

const baseURL = inject("baseURL");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(expectNoBrowserProblems);

async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("officer opens a consultation, a child answers in Welsh on a phone, a parent reads what changed", async () => {
  const officer = await newPage(browser, { baseURL });
  const page = officer.page;

  // Sign in, first with a wrong password.
  await page.goto("/consultations");
  await poll(() => page.url()).toMatch(/\/sign-in\?redirectTo=%2Fconsultations/);
  await expectNoAxeViolations(page, "sign-in");
  await signIn(page, "officer@demo.heard.test", "not the password");
  await poll(() => isFocused(page.getByRole("alert"))).toBe(true);
  await visible(page.getByRole("heading", { name: "There is a problem" }));
  await poll(() => page.title()).toMatch(/^Error: /);
  await expectRefusalLogged(officer.problems, "400 (Bad Request)");
  await expectNoAxeViolations(page, "sign-in with an error");
  await signIn(page, "officer@demo.heard.test", "heard-demo-2026");
  await page.waitForURL("**/consultations");
  await expectNoAxeViolations(page, "consultation list");

  // A new consultation: the form refuses empty fields, GOV.UK style, then takes real ones.
  await page.getByRole("link", { name: "Start a new consultation" }).click();
  await poll(() => page.getByRole("heading", { level: 1 }).innerText()).toMatch("Start a new consultation");
  await expectNoAxeViolations(page, "new consultation");
  await page.getByRole("button", { name: "Save and choose a survey" }).click();
  await poll(() => page.getByRole("alert").innerText()).toContain("Enter a title");
  await poll(() => page.title()).toMatch(/^Error: /);
  await expectRefusalLogged(officer.problems, "400 (Bad Request)");
  await expectNoAxeViolations(page, "new consultation with errors");
  await page.getByLabel("Title").fill("Your say on family time");
  await page.getByLabel("What is it about?").fill("We want to hear how family time works for you.");
  await page.getByLabel("Who is it for?").fill("Children in care aged 8 to 18");
  await page.getByLabel("Who will hear the results?").fill("the Corporate Parenting Panel");
  await page.getByLabel("Opens on").fill(ukDay(-1));
  await page.getByLabel("Closes on").fill(ukDay(60));
  await page.getByLabel("We will tell people what happened by").fill(ukDay(120));
  await page.getByRole("button", { name: "Save and choose a survey" }).click();
  await page.waitForURL(/\/consultations\/[0-9a-f-]{36}$/);
  const consultationPath = new URL(page.url()).pathname;
  await expectNoAxeViolations(page, "draft consultation");

  // Choose a template, then open: the survey version is frozen.
  await page.getByText("How are things? Wellbeing survey for children in care").click();
  await page.getByRole("button", { name: "Use this survey" }).click();
  await visible(page.getByText("How safe do you feel where you live?"));
  await expectNoAxeViolations(page, "consultation with a survey chosen");
  // Opening asks first, then comes back to the consultation's own address.
  await page.getByRole("link", { name: "Open consultation" }).click();
  await page.getByRole("button", { name: "Yes, open it" }).click();
  await visible(page.getByText("Open", { exact: true }));
  const publicPath = new URL(await page.getByRole("link", { name: /\/c\/[a-z0-9-]+$/ }).innerText()).pathname;
  await expectNoAxeViolations(page, "open consultation");

  // The first question is in the server-rendered HTML, before any script runs.
  const html = await (await fetch(`${baseURL}${publicPath}/answer`)).text();
  expect(html).toContain("How safe do you feel where you live?");

  // A child on a 320 px phone switches to Welsh and answers.
  const child = await newPage(browser, { baseURL, viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true });
  const phone = child.page;
  await phone.goto(publicPath);
  await poll(() => phone.getByRole("complementary", { name: "Help" }).innerText()).toContain("Childline 0800 1111");
  await expectNoAxeViolations(phone, "public consultation page");
  await phone.getByRole("button", { name: "Cymraeg" }).click();
  await poll(() => phone.locator("html").getAttribute("lang")).toBe("cy");
  await expectNoAxeViolations(phone, "public consultation page in Welsh");
  await phone.getByRole("link", { name: "Dechrau" }).click();
  await visible(phone.getByText("Pa mor ddiogel wyt ti'n teimlo"));
  await expectNoAxeViolations(phone, "survey first page in Welsh");

  await phone.locator('[data-name="feelSafe"] label').nth(3).click();
  await phone.locator('[data-name="likeHome"] label').nth(4).click();

  // Switching language part-way keeps the answers given so far, and so does a reload.
  await phone.getByRole("button", { name: "English" }).click();
  await visible(phone.getByText("How safe do you feel where you live?"));
  await poll(() => phone.getByRole("radio", { name: "4", exact: true }).first().isChecked()).toBe(true);
  await phone.reload();
  await poll(() => phone.getByRole("radio", { name: "4", exact: true }).first().isChecked()).toBe(true);
  await phone.getByRole("button", { name: "Cymraeg" }).click();
  await visible(phone.getByText("Pa mor ddiogel wyt ti'n teimlo"));
  await poll(() => phone.getByRole("radio", { name: "5, Dw i'n ei hoffi'n fawr" }).isChecked()).toBe(true);
  await phone.getByRole("button", { name: "Nesaf" }).click();
  await phone.getByRole("button", { name: "Nesaf" }).click();
  await phone.getByRole("button", { name: "Nesaf" }).click();
  await phone.getByRole("textbox").first().fill("Mwy o amser gyda fy mrawd");
  await expectNoAxeViolations(phone, "survey last page in Welsh");

  // If the answers are tampered with on the way (a rating of 9 on a 1 to 5 scale), the server
  // refuses them, nothing is stored, and the child sees what to fix without losing anything.
  await phone.route("**/responses", async (route) => {
    const body = new URLSearchParams(route.request().postData() ?? "");
    body.set("answers", JSON.stringify({ ...JSON.parse(body.get("answers") ?? "{}"), feelSafe: 9 }));
    await route.continue({ postData: body.toString() });
  });
  await phone.getByRole("button", { name: "Cwblhau" }).click();
  await poll(() => isFocused(phone.getByRole("alert"))).toBe(true);
  await poll(() => phone.getByRole("alert").innerText()).toContain("Pa mor ddiogel wyt ti'n teimlo");
  await poll(() => phone.title()).toMatch(/^Gwall: /);
  await expectRefusalLogged(child.problems, "400 (Bad Request)");
  await expectNoAxeViolations(phone, "survey refused by the server, in Welsh");
  await phone.unroute("**/responses");
  await phone.getByRole("button", { name: "Cwblhau" }).click();
  await poll(() => isFocused(phone.getByRole("heading", { name: "Diolch, mae eich atebion wedi'u cadw" }))).toBe(true);
  await poll(() => phone.locator(".reference-code").innerText()).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
  await expectNoAxeViolations(phone, "confirmation in Welsh");
  expect(child.problems).toEqual([]);

  // The officer sees the response, with small numbers suppressed.
  await page.goto(`${consultationPath}/results`);
  await visible(page.getByText("Fewer than 5 responses"));
  await visible(page.getByRole("heading", { name: "How safe do you feel where you live?" }));
  await visible(page.getByText("fewer than 5").first());
  await expectNoAxeViolations(page, "results");

  // The officer closes the consultation; "you said, we did" comes after.
  await page.goto(consultationPath);
  await page.getByRole("link", { name: "Close consultation" }).click();
  await page.getByRole("button", { name: "Yes, close it" }).click();
  await visible(page.getByText("Closed", { exact: true }));
  await expectNoAxeViolations(page, "closed consultation");

  // "You said, we did": an empty item is refused, a real one is added and published.
  await page.goto(`${consultationPath}/outcomes`);
  await expectNoAxeViolations(page, "outcomes editor");
  await page.getByRole("button", { name: "Add item" }).click();
  await poll(() => page.getByRole("alert").innerText()).toContain("Say what people told you");
  await expectRefusalLogged(officer.problems, "400 (Bad Request)");
  await expectNoAxeViolations(page, "outcomes editor with errors");
  await page.getByLabel("You said", { exact: true }).fill("You wanted more time with your brothers and sisters.");
  await page.getByLabel("We did", { exact: true }).fill("Family time with brothers and sisters is now planned every month.");
  await page.getByText("Done", { exact: true }).click();
  await page.getByRole("button", { name: "Add item" }).click();
  await visible(page.getByText("Family time with brothers and sisters is now planned every month."));
  await page.getByRole("button", { name: 'Publish "you said, we did"' }).click();
  await poll(() => page.getByRole("status").innerText()).toContain("Published");
  await expectNoAxeViolations(page, "outcomes published");
  expect(officer.problems).toEqual([]);

  // A parent, not signed in, reads it.
  const parent = await newPage(browser, { baseURL });
  await parent.page.goto(`${publicPath}/outcomes`);
  await poll(() => parent.page.getByRole("heading", { level: 1 }).innerText()).toMatch("You said, we did");
  await visible(parent.page.getByText("Family time with brothers and sisters is now planned every month."));
  await expectNoAxeViolations(parent.page, "public you said, we did");
  // The consultation's own page now says it is closed and points to what happened.
  await parent.page.goto(publicPath);
  await visible(parent.page.getByText("This consultation is not taking answers any more."));
  await visible(parent.page.getByRole("link", { name: "Read what happened: you said, we did" }));
  await expectNoAxeViolations(parent.page, "closed public consultation page");
}, 300_000); // the longest journey in the suite: a slow, shared machine needs the room
