// Throwaway screenshot script (not committed).
import { chromium } from "playwright-core";
const base = "http://localhost:4711";
const tag = process.argv[2] ?? "x";
const seedComments = process.argv[3] === "seed";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
async function signIn(email, viewport) {
  const ctx = await browser.newContext({ baseURL: base, viewport });
  const page = await ctx.newPage();
  page.on("console", (m) => { if (m.type() === "error") console.log("console error", m.text()); });
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill("heard-demo-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL("**/consultations");
  return page;
}
const advisor = await signIn("advisor@demo.heard.test", { width: 320, height: 640 });
const path = "/consultations/809f0735-c8c1-4309-8197-6f9b08676865";
await advisor.goto(`${path}/review`);
if (seedComments) {
  const q = advisor.locator(".review-question").first();
  const open = async (loc, name) => { const s = loc.getByText(name, { exact: true }); if (await s.count()) await s.first().click(); };
  await open(q, "Comment on this question");
  await q.getByLabel("Comment on question 1", { exact: true }).fill("Some of us do not live at home.");
  await q.getByRole("button", { name: "Add comment" }).click();
  await advisor.getByText("Your comment has been added.").waitFor();
  await advisor.getByLabel("Comment on the whole survey").fill("It is quite long for younger children.");
  await advisor.getByRole("button", { name: "Add comment" }).first().click();
  await advisor.waitForTimeout(1500);
  await advisor.goto(`${path}/review`);
}
await advisor.screenshot({ path: `/tmp/cobuild-shots/review-320-${tag}.png`, fullPage: true });
const officer = await signIn("officer@demo.heard.test", { width: 1280, height: 900 });
await officer.goto(`${path}/survey`);
await officer.getByText("Comments on the whole survey").first().click();
await officer.screenshot({ path: `/tmp/cobuild-shots/builder-1280-${tag}.png`, fullPage: false });
await officer.locator(".builder-columns").screenshot({ path: `/tmp/cobuild-shots/builder-columns-${tag}.png` });
await officer.setViewportSize({ width: 320, height: 900 });
await officer.screenshot({ path: `/tmp/cobuild-shots/builder-320-${tag}.png`, fullPage: false });
console.log("done", path);
await browser.close();
