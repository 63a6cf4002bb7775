// Importing responses from a CSV file, as an officer: a refused upload, the preview with a rejected
// row, the import, and the imported responses in the results under "Imported". axe on every state.
// It uses a consultation of its own, so the seeded one keeps its 36 responses.
import type { Browser, Page } from "playwright-core";
import { inject } from "vitest";
import { ukDay } from "../support/dates";
import { expectNoAxeViolations, expectNoBrowserProblems, expectRefusalLogged, launchBrowser, newPage, signInAs, visible } from "./browser";

const baseURL = inject("baseURL");
vi.setConfig({ testTimeout: 300_000 });

// Six good rows (choices by wording, value and Welsh wording) and one that names no choice (row 4).
const CSV = [
  "How was today's session?;Did you feel listened to?;Would you come to another event like this?;Is there anything else you want to tell us?",
  "4;Yes;yes;More games please",
  "5;a-bit;ie;",
  "3;Purple;no;",
  "2;Nac oeddwn;0;",
  "5;Yes;TRUE;=SUM(A1)",
  "1;No;na;",
  "4;A bit;1;Thanks",
].join("\r\n");

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(expectNoBrowserProblems);

async function openConsultationOfItsOwn(page: Page) {
  await page.goto("/consultations/new");
  await page.getByLabel("Title").fill("Importing paper forms");
  await page.getByLabel("What is it about?").fill("Feedback from today's session.");
  await page.getByLabel("Who is it for?").fill("Young people at the session");
  await page.getByLabel("Who will hear the results?").fill("the Youth Service board");
  await page.getByLabel("Opens on").fill(ukDay(-1));
  await page.getByLabel("Closes on").fill(ukDay(60));
  await page.getByLabel("We will tell people what happened by").fill(ukDay(120));
  await page.getByRole("button", { name: "Save and choose a survey" }).click();
  await page.waitForURL(/\/consultations\/[0-9a-f-]{36}$/);
  await page.getByText("How was today? Event feedback").click();
  await page.getByRole("button", { name: "Use this survey" }).click();
  await visible(page.getByText("How was today's session?"));
  await page.getByRole("link", { name: "Open consultation" }).click();
  await page.getByRole("button", { name: "Yes, open it" }).click();
  await visible(page.getByText("Open", { exact: true }));
}

test("upload a CSV, see the rejected row, import, and find the responses in the results", async () => {
  const { page, problems } = await newPage(browser, { baseURL });
  await signInAs(page, "officer@demo.heard.test");
  await openConsultationOfItsOwn(page);

  await page.getByRole("link", { name: "Import responses from a CSV file" }).click();
  await visible(page.getByRole("heading", { name: "Import responses from a CSV file", level: 1 }));
  await expectNoAxeViolations(page, "upload page");

  // No file chosen: the GOV.UK error summary, linked to the field.
  await page.getByRole("button", { name: "Upload and check the file" }).click();
  await visible(page.getByRole("alert").getByRole("link", { name: "Select a CSV file" }));
  await expectRefusalLogged(problems, "400 (Bad Request)");
  await expectNoAxeViolations(page, "upload page with an error");

  await page.getByLabel("Upload a file").setInputFiles({ name: "paper-forms.csv", mimeType: "text/csv", buffer: Buffer.from(`\uFEFF${CSV}`) });
  await page.getByRole("button", { name: "Upload and check the file" }).click();
  await visible(page.getByRole("heading", { name: "Check what will be imported", level: 1 }));
  // Columns were matched by their headings.
  await expectSelected(page, "Column 2: Did you feel listened to?", "Did you feel listened to?");
  await visible(page.getByText("6 of 7 rows can be imported. 1 will not be imported."));
  await visible(page.getByText("Row 4: 'Did you feel listened to?' must be one of 'Yes', 'A bit', 'No', not 'Purple'."));
  await visible(page.getByRole("table", { name: "Stored answers of the first rows, by question" }).getByRole("cell", { name: "More games please" }));
  await expectNoAxeViolations(page, "preview with a rejected row");

  await page.getByRole("button", { name: "Import 6 responses" }).click();
  await visible(page.getByRole("heading", { name: "6 responses imported", level: 1 }));
  await visible(page.getByText("Row 4: 'Did you feel listened to?'", { exact: false }));
  await expectNoAxeViolations(page, "import done");

  await page.getByRole("link", { name: "See the imported responses in the results" }).click();
  await page.waitForURL(/\/results\?channel=import$/);
  await visible(page.getByText("6 responses", { exact: true }));
  expect(await page.getByLabel("How they answered").inputValue()).toBe("import");
  await expectNoAxeViolations(page, "results filtered to imported responses");
});

async function expectSelected(page: Page, label: string, option: string) {
  const select = page.getByLabel(label);
  const value = await select.inputValue();
  expect(await select.locator(`option[value="${value}"]`).innerText()).toBe(option);
}
