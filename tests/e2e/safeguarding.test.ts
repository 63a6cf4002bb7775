// The promises made to children, kept, as the people involved would see them: a child writes a
// worrying answer and sees help put first; the safeguarding lead finds the notification in the
// outbox and reviews the flag with a note; the child sees and then removes their answers by
// reference code; an admin reads, filters and exports the audit log. axe runs on every page state.
// It uses a consultation of its own, so the seeded one keeps its 36 responses.
import type { Browser, Page } from "playwright-core";
import { inject } from "vitest";
import { expectNoAxeViolations, expectRefusalLogged, isFocused, launchBrowser, newPage, poll, visible } from "./browser";

const baseURL = inject("baseURL");
const PASSWORD = "heard-demo-2026";
const WORRYING = "I don't feel safe at home and I want to run away";

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function signIn(email: string) {
  const opened = await newPage(browser, { baseURL });
  const { page } = opened;
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL("**/consultations");
  return opened;
}

/** An officer opens a new consultation on the event feedback template; returns its public path. */
async function openConsultation(page: Page, title: string) {
  await page.goto("/consultations/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("What is it about?").fill("Tell us how the session went.");
  await page.getByLabel("Who is it for?").fill("Young people aged 11 to 18");
  await page.getByLabel("Who will hear the results?").fill("the Youth Service board");
  await page.getByLabel("Opens on").fill("2026-11-01");
  await page.getByLabel("Closes on").fill("2027-01-31");
  await page.getByLabel("We will tell people what happened by").fill("2027-03-31");
  await page.getByRole("button", { name: "Save and choose a survey" }).click();
  await page.waitForURL(/\/consultations\/[0-9a-f-]{36}$/);
  await page.getByText("How was today? Event feedback").click();
  await page.getByRole("button", { name: "Use this survey" }).click();
  await visible(page.getByText("How was today's session?"));
  await page.getByRole("link", { name: "Open consultation" }).click();
  await page.getByRole("button", { name: "Yes, open it" }).click();
  await visible(page.getByText("Open", { exact: true }));
  // The page says how long answers are kept.
  await visible(page.getByText("24 months after the consultation closes"));
  return new URL(await page.getByRole("link", { name: /\/c\/[a-z0-9-]+$/ }).innerText()).pathname;
}

/** A child answers the event feedback survey, writing `text` in "What could we do better?". */
async function answer(page: Page, publicPath: string, text: string) {
  await page.goto(`${publicPath}/answer`);
  await visible(page.getByText("How was today's session?"));
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("textbox").first().fill(text);
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Complete" }).click();
  await poll(() => isFocused(page.getByRole("heading", { name: "Thank you, your answers have been saved" }))).toBe(true);
  return (await page.locator(".reference-code").innerText()).trim();
}

test("a worrying answer is flagged to the lead, the child withdraws by code, an admin reads the audit log", async () => {
  const officer = await signIn("officer@demo.heard.test");
  const publicPath = await openConsultation(officer.page, "Safeguarding e2e: youth session");
  expect(officer.problems).toEqual([]);

  // A child with nothing worrying to say: the help panel is there, but plain and last.
  const calm = await newPage(browser, { baseURL });
  await answer(calm.page, publicPath, "More table tennis please");
  const calmHelp = calm.page.getByRole("region", { name: "If you want to talk to someone" });
  await visible(calmHelp);
  expect(await calmHelp.getAttribute("class")).not.toContain("emphasised");
  await expectNoAxeViolations(calm.page, "completion page, plain help");

  // A child writes a worrying answer: help comes first, framed, with Childline and the council's
  // contact, and no word that anything was flagged.
  const child = await newPage(browser, { baseURL });
  const code = await answer(child.page, publicPath, WORRYING);
  expect(code).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
  const help = child.page.getByRole("region", { name: "If you want to talk to someone" });
  await visible(help);
  expect(await help.getAttribute("class")).toContain("help-panel--emphasised");
  await poll(() => help.innerText()).toContain("you do not have to deal with it on your own");
  await poll(() => help.innerText()).toContain("0800 1111");
  await poll(() => help.innerText()).toContain("Participation team: 01234 567890");
  const shown = (await child.page.locator("main").innerText()).toLowerCase();
  for (const word of ["flag", "safeguarding", "concern", "review"]) expect(shown).not.toContain(word);
  await expectNoAxeViolations(child.page, "completion page, help emphasised");

  // The safeguarding lead: the outbox shows the notification (email is not set up here).
  const lead = await signIn("safeguarding@demo.heard.test");
  const page = lead.page;
  await page.getByRole("link", { name: "Safeguarding", exact: true }).click();
  await page.waitForURL("**/safeguarding");
  await visible(page.getByRole("heading", { name: "Safeguarding flags" }));
  await expectNoAxeViolations(page, "safeguarding queue");
  await page.getByRole("link", { name: "Notifications sent to safeguarding leads" }).click();
  await visible(page.getByText("Email is not set up"));
  await visible(page.getByText("Waiting here (email not set up)").first());
  await expectNoAxeViolations(page, "notification outbox");
  // The notification never carries the child's words.
  expect(await page.locator("main").innerText()).not.toContain("run away");
  await page.getByRole("link", { name: "Heard: a response needs a safeguarding review" }).first().click();
  await page.waitForURL(/\/safeguarding\/[0-9a-f-]{36}$/);

  // The answer in context, matched words marked; a status change needs a note.
  await visible(page.getByRole("heading", { name: "Safeguarding flag" }));
  await visible(page.getByText("Safeguarding e2e: youth session").first());
  await poll(() => page.locator("mark").allInnerTexts()).toEqual(
    expect.arrayContaining([expect.stringContaining("don't feel safe"), expect.stringContaining("run away")]),
  );
  await visible(page.getByText("What could we do better next time?"));
  await expectNoAxeViolations(page, "flag review");
  await page.getByText("Referred", { exact: true }).click();
  await page.getByRole("button", { name: "Save status and note" }).click();
  await poll(() => isFocused(page.getByRole("alert"))).toBe(true);
  await poll(() => page.getByRole("alert").innerText()).toContain("Write a note saying what you did");
  await poll(() => page.title()).toMatch(/^Error: /);
  await expectNoAxeViolations(page, "flag review with an error");
  // The refusal just provoked (no note) is the one thing the browser may have logged.
  await expectRefusalLogged(lead.problems, "400 (Bad Request)");
  await page.getByLabel("Note", { exact: true }).fill("Referred to the children's front door team, ref 123.");
  await page.getByRole("button", { name: "Save status and note" }).click();
  await poll(() => page.getByRole("status").innerText()).toContain("Saved");
  await visible(page.getByText("Referred to the children's front door team, ref 123."));
  await expectNoAxeViolations(page, "flag review saved");
  const flagPath = new URL(page.url()).pathname;
  expect(lead.problems).toEqual([]);

  // The child sees exactly what is stored, then removes it by code (typed in lower case).
  const sees = child.page;
  await sees.goto("/see-my-answers");
  await expectNoAxeViolations(sees, "see my answers");
  await sees.getByLabel("Your reference code").fill(code.toLowerCase());
  await sees.getByRole("button", { name: "Show my answers" }).click();
  await poll(() => isFocused(sees.getByRole("heading", { name: "The answers we have kept" }))).toBe(true);
  await visible(sees.getByText(WORRYING));
  await expectNoAxeViolations(sees, "see my answers, shown");

  await sees.getByRole("link", { name: "Remove my answers" }).click();
  await sees.waitForURL("**/remove-my-answers");
  await expectNoAxeViolations(sees, "remove my answers");
  await sees.getByRole("button", { name: "Continue" }).click();
  await poll(() => isFocused(sees.getByRole("alert"))).toBe(true);
  await expectNoAxeViolations(sees, "remove my answers with an error");
  await sees.getByLabel("Your reference code").fill(code.toLowerCase().replace("-", " "));
  await sees.getByRole("button", { name: "Continue" }).click();
  await poll(() => isFocused(sees.getByRole("heading", { name: "Are you sure?" }))).toBe(true);
  await visible(sees.getByText(code));
  await expectNoAxeViolations(sees, "remove my answers, confirm");
  await sees.getByRole("button", { name: "Yes, remove my answers" }).click();
  await poll(() => isFocused(sees.getByRole("heading", { name: "Your request is done" }))).toBe(true);
  await expectNoAxeViolations(sees, "remove my answers, done");

  // Gone: the code finds nothing, and an unknown code gets the very same message on removal.
  await sees.goto("/see-my-answers");
  await sees.getByLabel("Your reference code").fill(code);
  await sees.getByRole("button", { name: "Show my answers" }).click();
  await poll(() => sees.getByRole("alert").innerText()).toContain("We could not find answers with that reference code");
  const doneFor = async (typed: string) => {
    await sees.goto("/remove-my-answers");
    await sees.getByLabel("Your reference code").fill(typed);
    await sees.getByRole("button", { name: "Continue" }).click();
    await sees.getByRole("button", { name: "Yes, remove my answers" }).click();
    await visible(sees.getByRole("heading", { name: "Your request is done" }));
    return sees.locator("main").innerText();
  };
  expect(await doneFor("ZZZZ-2222")).toEqual(await doneFor(code));
  // The console shows the refusals provoked here (the code that was not found, a code typed badly): expected.
  expect(child.problems.filter((problem) => !/status of (400|404)\b/.test(problem))).toEqual([]);

  // The flag outlives the withdrawal, with the flagged words kept for safeguarding.
  await page.goto(flagPath);
  await visible(page.getByText("The person who answered has removed their answers"));
  await visible(page.locator("mark").first());

  // The officer sees only a count of withdrawn responses.
  await officer.page.goto("/consultations");
  await officer.page.getByRole("link", { name: "Safeguarding e2e: youth session" }).click();
  await officer.page.getByRole("link", { name: "Read single responses" }).click();
  await visible(officer.page.getByText("1 response has been removed by the person who gave it."));
  await expectNoAxeViolations(officer.page, "responses list");

  // An admin reads the audit log, filters it, and exports it as CSV.
  const admin = await signIn("admin@demo.heard.test");
  const log = admin.page;
  await log.getByRole("link", { name: "Audit log" }).click();
  await log.waitForURL("**/admin/audit");
  await expectNoAxeViolations(log, "audit log");
  await log.getByLabel("Action").selectOption("safeguarding.flag_status_changed");
  await log.getByRole("button", { name: "Show events" }).click();
  await log.waitForURL(/action=safeguarding\.flag_status_changed/);
  const rows = log.locator("tbody tr");
  await poll(() => rows.count()).toBeGreaterThanOrEqual(1);
  await poll(() => rows.first().innerText()).toContain("Sam Safeguarding");
  await expectNoAxeViolations(log, "audit log, filtered");
  const [download] = await Promise.all([log.waitForEvent("download"), log.getByRole("button", { name: "Export these events as CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await streamText(await download.createReadStream());
  expect(csv).toContain("time,action,member");
  expect(csv).toContain("safeguarding.flag_status_changed");
  expect(csv).not.toContain("response.withdrawn");
  // The export is itself in the log.
  await log.goto("/admin/audit?action=data.exported");
  await poll(() => rows.first().innerText()).toContain("Aisha Admin");

  await log.goto("/admin/retention");
  await visible(log.getByRole("heading", { name: "What the next run will delete" }));
  await expectNoAxeViolations(log, "retention dry run");
  await log.goto("/admin/safeguarding-words");
  await visible(log.getByLabel("Words and phrases"));
  await expectNoAxeViolations(log, "safeguarding words");
  expect(admin.problems).toEqual([]);
  expect(officer.problems).toEqual([]);
  // Four people, a dozen pages and axe on each: longer than the project's default on a shared machine.
}, 480_000);

async function streamText(stream: NodeJS.ReadableStream) {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}
