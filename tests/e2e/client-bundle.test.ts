// After a build, nothing server-only reaches the browser, and survey-core loads only where a
// survey is answered (DESIGN.md: bundle facts; STYLE.md: server-only code).
import fs from "node:fs";
import path from "node:path";

type Metafile = {
  outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }>; imports?: { path: string }[]; entryPoint?: string }>;
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

// The answering page and the survey builder (its live preview) render surveys; nothing else may
// load survey-core. esbuild puts it in a chunk shared by those two routes only.
const SURVEY_ROUTES = [/routes\/c\.\$slug\.answer-/, /routes\/consultations\.\$id\.survey-/];

test("survey-core is only in chunks that the pages rendering a survey load", () => {
  const outputs = clientOutputs();
  const withSurveyCore = Object.entries(outputs)
    .filter(([output, info]) => output.endsWith(".js") && packagesIn(info.inputs).has("survey-core"))
    .map(([output]) => output);
  expect(withSurveyCore.length).toBeGreaterThan(0);
  /** Every output that loads `chunk`, directly or through other chunks. */
  const loaders = (chunk: string, seen = new Set<string>()): Set<string> => {
    for (const [output, info] of Object.entries(outputs)) {
      if (seen.has(output) || !(info.imports ?? []).some((imported) => imported.path === chunk)) continue;
      seen.add(output);
      loaders(output, seen);
    }
    return seen;
  };
  for (const chunk of withSurveyCore) {
    const routes = [chunk, ...loaders(chunk)].filter((output) => output.endsWith(".js") && !/_shared\/chunk-/.test(output));
    expect(routes.length, chunk).toBeGreaterThan(0);
    for (const route of routes) expect(SURVEY_ROUTES.some((pattern) => pattern.test(route)), `${chunk} is loaded by ${route}`).toBe(true);
  }
});
