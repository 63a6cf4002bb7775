/**
 * Where the tests find SurveyJS definitions: the project's own fixtures (always there) and the
 * shared corpus of 20 real-world definitions, which is optional and lives beside the checkout.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export type Definition = Record<string, unknown>;
export type DefinitionFile = { id: string; file: string; load: () => Definition };

const here = path.dirname(fileURLToPath(import.meta.url));

export const FIXTURES_DIR = path.resolve(here, "../../fixtures/surveys");

/** Beside the repository: from this file in a checkout, or from the working directory in CI. */
const CORPUS_CANDIDATES = [
  ...new Set(
    [
      process.env.HEARD_SURVEYJS_CORPUS,
      path.resolve(here, "../../../../shared/corpus/surveyjs"),
      path.resolve(process.cwd(), "../shared/corpus/surveyjs"),
    ].filter((dir): dir is string => Boolean(dir)),
  ),
];

export const corpusDir: string | undefined = CORPUS_CANDIDATES.find((dir) => fs.existsSync(dir));
export const corpusPresent = corpusDir !== undefined;

/**
 * Call at the top of a test file that uses the corpus. Without the corpus its tests are reported
 * as skipped (never as passed) and this says which folders were looked in; with
 * HEARD_REQUIRE_CORPUS=1 (for a machine that must run them) a missing corpus fails the run.
 */
export function noteCorpus(testFile: string): void {
  if (corpusPresent) return;
  const where =
    `Looked in: ${CORPUS_CANDIDATES.join(", ")}. Put the corpus at ../shared/corpus/surveyjs beside ` +
    "the checkout (or set HEARD_SURVEYJS_CORPUS) to run them.";
  if (process.env.HEARD_REQUIRE_CORPUS === "1") {
    throw new Error(`SurveyJS corpus not found, and HEARD_REQUIRE_CORPUS=1 asks for the tests in ${testFile}. ${where}`);
  }
  console.warn(`SurveyJS corpus not found, so the corpus tests in ${testFile} are skipped. ${where}`);
}

function listJson(dir: string, pattern: RegExp): DefinitionFile[] {
  return fs
    .readdirSync(dir)
    .filter((file) => pattern.test(file))
    .sort()
    .map((file) => ({
      id: file.slice(0, 2),
      file,
      load: () => JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as Definition,
    }));
}

/** The corpus files (01-….json to 20-….json); empty when the corpus is absent. */
export function corpusFiles(): DefinitionFile[] {
  return corpusDir ? listJson(corpusDir, /^\d\d-.*\.json$/) : [];
}

/** One corpus definition by its number ("14"); only call this when the corpus is present. */
export function loadCorpus(id: string): Definition {
  const found = corpusFiles().find((entry) => entry.id === id);
  if (!found) throw new Error(`Corpus file ${id} not found in ${corpusDir}`);
  return found.load();
}

/** The project's own fixtures in tests/fixtures/surveys. */
export function fixtureFiles(): DefinitionFile[] {
  return listJson(FIXTURES_DIR, /^\d\d-.*\.json$/);
}

export function loadFixture(id: string): Definition {
  const found = fixtureFiles().find((entry) => entry.id === id);
  if (!found) throw new Error(`Fixture ${id} not found in ${FIXTURES_DIR}`);
  return found.load();
}
