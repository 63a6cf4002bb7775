// Co-designing a survey with a young advisor, as two people would: an officer makes a code, a
// young person joins with it on a phone (no email), comments and suggests better words; the officer
// takes the words with one action; the advisor signs off; the public page says the survey was
// reviewed. axe runs on every page state visited.
import type { Browser } from "playwright-core";
import { inject } from "vitest";
import { ukDay } from "../support/dates";
import { expectNoAxeViolations, expectNoBrowserProblems, expectRefusalLogged, launchBrowser, newPage, poll, signInAs, visible } from "./browser";

const baseURL = inject("baseURL");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(expectNoBrowserProblems);

test("an officer and a young advisor co-design a survey, and the public page says it was reviewed", async () => {
  const officer = (await newPage(browser, { baseURL })).page;
  await signInAs(officer, "officer@demo.heard.test");

  // A code for young advisors, shown once.
  await officer.getByRole("link", { name: "Young advisors" }).click();
  await expectNoAxeViolations(officer, "young advisors page");
  await officer.getByRole("button", { name: "Make a new code" }).click();
  await visible(officer.getByRole("heading", { name: "Your new code" }));
  const code = (await officer.locator(".invitation-code").innerText()).trim();
  expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  await expectNoAxeViolations(officer, "young advisors page with a new code");

  // A draft consultation with a survey.
  await officer.goto("/consultations/new");
  await officer.getByLabel("Title").fill("Your say on the new youth centre");
  await officer.getByLabel("What is it about?").fill("Help us plan the new youth centre.");
  await officer.getByLabel("Who is it for?").fill("Young people aged 11 to 18");
  await officer.getByLabel("Who will hear the results?").fill("the Youth Service board");
  await officer.getByLabel("Opens on").fill(ukDay(-1));
  await officer.getByLabel("Closes on").fill(ukDay(60));
  await officer.getByLabel("We will tell people what happened by").fill(ukDay(120));
  await officer.getByRole("button", { name: "Save and choose a survey" }).click();
  await officer.waitForURL(/\/consultations\/[0-9a-f-]{36}$/);
  const consultationPath = new URL(officer.url()).pathname;
  await officer.getByText("How are things? Wellbeing survey for children in care").click();
  await officer.getByRole("button", { name: "Use this survey" }).click();
  await visible(officer.getByText("How safe do you feel where you live?"));

  // A young person joins on a phone with the link's code, choosing a sign-in name.
  const { page: advisor, problems: advisorProblems } = await newPage(browser, { baseURL, viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true });
  await advisor.goto(`/join?code=${code}`);
  await expectNoAxeViolations(advisor, "join page");
  await advisor.screenshot({ path: "tests/.tmp/screenshots/codesign-join-phone.png", fullPage: true });
  await poll(() => advisor.getByLabel("Your code").inputValue()).toBe(code);
  await advisor.getByLabel("Your name").fill("Sky");
  await advisor.getByLabel("Choose a sign-in name").fill(`sky-${Date.now()}`);
  await advisor.getByLabel("Choose a password").fill("teapot river lantern");
  await advisor.getByLabel("Type the password again").fill("teapot river lantern");
  await advisor.getByRole("button", { name: "Make my account" }).click();
  await advisor.waitForURL("**/consultations");
  await visible(advisor.getByText("Signed in as Sky"));

  // The advisor comments on the first question and suggests better words for it.
  await advisor.goto(`${consultationPath}/review`);
  await expectNoAxeViolations(advisor, "review page as an advisor");
  // The forms are folded away so the page stays short on a phone; one sent back with an error stays open.
  const firstQuestion = advisor.locator(".review-question").first();
  await firstQuestion.locator("summary", { hasText: "Comment on this question" }).click();
  await expectNoAxeViolations(advisor, "review page with a comment form open");
  await firstQuestion.getByRole("button", { name: "Add comment" }).click();
  await visible(advisor.getByRole("link", { name: "Write your comment" }));
  await expectRefusalLogged(advisorProblems, "400 (Bad Request)");
  await expectNoAxeViolations(advisor, "review page with an empty comment sent back");
  await firstQuestion.getByLabel("Comment on question 1", { exact: true }).fill("Some of us do not live at home. Say 'where you live now'?");
  await firstQuestion.getByRole("button", { name: "Add comment" }).click();
  await visible(advisor.getByText("Your comment has been added."));
  await firstQuestion.locator("summary", { hasText: "Suggest different words" }).click();
  await firstQuestion.getByLabel("Suggest better words for question 1", { exact: true }).fill("How safe do you feel where you live now?");
  await firstQuestion.getByRole("button", { name: "Suggest these words" }).click();
  await visible(advisor.getByText("Your suggestion has been added."));
  await visible(advisor.getByText("Waiting for an officer to decide."));
  await expectNoAxeViolations(advisor, "review page with a comment and a suggestion");

  // The builder shows the open comment and suggestion beside the question; two saves make history.
  await officer.goto(`${consultationPath}/survey`);
  await visible(officer.getByText("1 open comment, 1 suggested rewording"));
  await visible(officer.getByRole("region", { name: "Comments on this question" }).getByText("Some of us do not live at home."));
  await officer.locator("summary", { hasText: "Comments on the whole survey" }).click();
  await visible(officer.getByRole("heading", { name: "Open comments on the whole survey" }));
  await expectNoAxeViolations(officer, "builder with the comments open");
  for (const title of ["Where you live now", "Your home"]) {
    const saved = officer.waitForResponse((response) => response.url().endsWith("/survey/save") && response.ok());
    await officer.getByLabel("Title of page 1").fill(title);
    await officer.getByLabel("Title of page 1").press("Tab");
    await saved;
  }
  await officer.goto(`${consultationPath}/history`);
  await officer.getByLabel("From", { exact: true }).selectOption({ index: 1 });
  await officer.getByLabel("To", { exact: true }).selectOption({ index: 0 });
  await officer.getByRole("button", { name: "Compare" }).click();
  await visible(officer.getByRole("heading", { name: /What changed from save \d+ to save \d+/ }));
  await visible(officer.getByText("Your home").first());
  await expectNoAxeViolations(officer, "history comparing two saves");

  // The officer replies, resolves the comment and takes the words with one action.
  await officer.goto(`${consultationPath}/review`);
  await visible(officer.getByText("Some of us do not live at home."));
  await officer.locator("summary", { hasText: "Reply to this comment" }).click();
  await officer.getByLabel("Reply").fill("Good point, thank you.");
  await officer.getByRole("button", { name: "Send reply" }).click();
  await visible(officer.getByText("Good point, thank you."));
  // The reply's reload settles before the next press (a busy machine can otherwise lose it).
  await officer.waitForLoadState("networkidle");
  await Promise.all([
    officer.waitForResponse((response) => response.request().method() === "POST" && response.url().includes("/review")),
    officer.getByRole("button", { name: "Mark as resolved" }).click(),
  ]);
  await visible(officer.getByText("Resolved", { exact: true }));
  await officer.getByRole("button", { name: "Use these words" }).click();
  await visible(officer.getByText("The new words are now in the survey."));
  await expectNoAxeViolations(officer, "review page after accepting a suggestion");
  await officer.goto(consultationPath);
  await visible(officer.getByText("How safe do you feel where you live now?"));

  // The advisor signs off the survey as it now stands.
  await advisor.goto(`${consultationPath}/review`);
  await visible(advisor.getByText("Used in the survey"));
  await advisor.getByRole("button", { name: "I have reviewed this survey" }).click();
  await visible(advisor.getByText("Thank you. Your sign-off has been recorded."));
  await visible(advisor.getByText(/Sky reviewed this survey on/));
  await expectNoAxeViolations(advisor, "review page after sign-off");
  await advisor.screenshot({ path: "tests/.tmp/screenshots/codesign-review-phone.png", fullPage: true });

  // The officer opens the consultation; the public page says young advisors reviewed it.
  await officer.goto(`${consultationPath}/open`);
  await officer.getByRole("button", { name: "Yes, open it" }).click();
  await visible(officer.getByText("Open", { exact: true }));
  const publicPath = new URL(await officer.getByRole("link", { name: /\/c\/[a-z0-9-]+$/ }).innerText()).pathname;
  const child = (await newPage(browser, { baseURL, viewport: { width: 320, height: 640 } })).page;
  await child.goto(publicPath);
  await visible(child.getByText(/Young advisors reviewed this survey on/));
  await expectNoAxeViolations(child, "public page of a reviewed survey");
}, 420_000);
