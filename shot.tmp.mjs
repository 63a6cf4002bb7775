import { chromium } from "playwright-core";
const [,, path, out, width, who = "officer"] = process.argv;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const page = await (await browser.newContext({ viewport: { width: Number(width), height: 900 } })).newPage();
await page.goto("http://localhost:3411/sign-in");
await page.getByLabel("Email address").fill(`${who}@demo.heard.test`);
await page.getByLabel("Password").fill("heard-demo-2026");
await page.getByRole("button", { name: "Sign in" }).click();
await page.waitForURL("**/consultations");
let target = path;
if (path.includes("ID")) {
  await page.getByRole("link", { name: "Your life in care 2026", exact: true }).click();
  await page.waitForURL(/consultations\/[0-9a-f-]{36}$/);
  target = path.replace("ID", new URL(page.url()).pathname.split("/").pop());
}
await page.goto("http://localhost:3411" + target);
await page.screenshot({ path: out, fullPage: true });
console.log(page.url());
await browser.close();
