// `npm run lint` must fail on a forgotten await: every model function returns a Promise now.
import path from "node:path";
import { ESLint } from "eslint";

test("a floating or misused model Promise in a route is a lint error", async () => {
  const eslint = new ESLint({ cwd: path.resolve("."), ignore: false });
  const [result] = await eslint.lintFiles(["tests/fixtures/lint/forgotten-await.ts"]);
  const rules = result!.messages.map((message) => message.ruleId);
  expect(rules).toContain("@typescript-eslint/no-misused-promises");
  expect(rules).toContain("@typescript-eslint/no-floating-promises");
  expect(result!.errorCount).toBeGreaterThanOrEqual(2);
}, 60_000);
