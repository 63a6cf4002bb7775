// After a build, nothing server-only reaches the browser, and survey-core loads only where a
// survey is answered (DESIGN.md: bundle facts; STYLE.md: server-only code).
import fs from "node:fs";
import path from "node:path";

type Metafile = {
  outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }>; entryPoint?: string; imports?: { path: string }[] }>;
};

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

test("survey-core is only loaded by the pages that answer a survey: a child's, and staff recording one", () => {
  const outputs = clientOutputs();
  const withSurveyCore = new Set(
    Object.entries(outputs)
      .filter(([output, info]) => output.endsWith(".js") && packagesIn(info.inputs).has("survey-core"))
      .map(([output]) => output),
  );
  expect(withSurveyCore.size).toBeGreaterThan(0);
  // Every route chunk and what it loads, directly or through shared chunks.
  const loads = (output: string, seen = new Set<string>()): Set<string> => {
    for (const imported of outputs[output]?.imports ?? []) {
      if (!seen.has(imported.path)) {
        seen.add(imported.path);
        loads(imported.path, seen);
      }
    }
    return seen;
  };
  const routesWithSurveyCore = Object.keys(outputs)
    .filter((output) => /\/routes\/.*\.js$/.test(output) || /\/(entry\.client|root)-[A-Z0-9]+\.js$/.test(output))
    .filter((output) => withSurveyCore.has(output) || [...loads(output)].some((chunk) => withSurveyCore.has(chunk)))
    .map((output) => /\/routes\/(.*)-[A-Z0-9]+\.js$/.exec(output)?.[1] ?? output)
    .sort();
  expect(routesWithSurveyCore).toEqual(["c.$slug.answer", "consultations.$id.record", "consultations.$id.survey"]);
});
