// A demo site says so on every page, public ones included, so nobody gives it real answers.
import { inject } from "vitest";

const baseURL = inject("baseURL");

test.each(["/", "/sign-in", "/remove-my-answers", "/no-such-page"])("%s says it is a demo site", async (pathname) => {
  const html = await (await fetch(new URL(pathname, baseURL))).text();
  expect(html).toContain("This is a demo site.");
  expect(html).toContain("Do not give real answers");
});
