// After a build, nothing server-only reaches the browser, and survey-core loads only where a
// survey is answered (DESIGN.md: bundle facts; STYLE.md: server-only code).
import fs from "node:fs";
import path from "node:path";

type Metafile = { outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }>; entryPoint?: string }> };

const metafilePath = path.resolve("build/metafile.js.json");

function clientOutputs(): Metafile["outputs"] {
  if (!fs.existsSync(metafilePath)) throw new Error("No build found: run `npm run build` first (npm test does).");
  return (JSON.parse(fs.readFileSync(metafilePath, "utf8")) as Metafile).outputs;
}

function packagesIn(inputs: Record<string, { bytesInOutput: number }>) {
  return new Set(
    Object.entries(inputs)
      .filter(([, input]) => input.bytesInOutput > 0)
      .map(([file]) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1])
      .filter((name): name is string => !!name),
  );
}

test("no server-only package or module is bundled for the browser", () => {
  const serverOnly = ["zod", "better-sqlite3", "drizzle-orm", "express", "@remix-run/node", "@remix-run/express"];
  for (const [output, info] of Object.entries(clientOutputs())) {
    const found = [...packagesIn(info.inputs)].filter((name) => serverOnly.includes(name));
    expect(found, output).toEqual([]);
    const serverModules = Object.keys(info.inputs).filter((file) => /\.server\.tsx?$/.test(file) && info.inputs[file]!.bytesInOutput > 0);
    expect(serverModules, output).toEqual([]);
  }
});

test("survey-core is only in the chunk of the page that answers a survey", () => {
  const withSurveyCore = Object.entries(clientOutputs())
    .filter(([output, info]) => output.endsWith(".js") && packagesIn(info.inputs).has("survey-core"))
    .map(([output]) => output);
  expect(withSurveyCore).toHaveLength(1);
  expect(withSurveyCore[0]).toMatch(/routes\/c\.\$slug\.answer-/);
});
