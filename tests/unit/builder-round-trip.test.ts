// Importing a SurveyJS definition written elsewhere and exporting it again keeps every property,
// in order; sanitising keeps every property too; editing one question leaves the rest untouched.
import { describe, expect, it } from "vitest";
import { elementAt, pagesOf, setDescription, withPages, type Definition } from "~/builder/definition";
import { exportDefinition, importDefinition } from "~/builder/import-export";
import { checkForPublishing } from "~/builder/publish-checks";
import { sanitiseDefinition } from "~/builder/sanitise.server";
import { corpusFiles, corpusPresent, fixtureFiles, noteCorpus, type DefinitionFile } from "./support/survey-definitions";
import fs from "node:fs";
import path from "node:path";
import { corpusDir, FIXTURES_DIR } from "./support/survey-definitions";

noteCorpus("builder-round-trip.test.ts");

/** Every path to a value in some JSON, e.g. "pages.0.elements.3.choices.1.text.de". */
function propertyPaths(value: unknown, prefix = ""): string[] {
  if (Array.isArray(value)) return [prefix, ...value.flatMap((item, i) => propertyPaths(item, `${prefix}.${i}`))];
  if (value !== null && typeof value === "object") {
    return [prefix, ...Object.entries(value).flatMap(([key, item]) => propertyPaths(item, prefix ? `${prefix}.${key}` : key))];
  }
  return [prefix];
}

function roundTripChecks(files: DefinitionFile[], dir: string) {
  it.each(files.map((file) => [file.file, file] as const))("%s: export(import(text)) keeps every property, in order", (_, file) => {
    const text = fs.readFileSync(path.join(dir, file.file), "utf8");
    const imported = importDefinition(text);
    if (!imported.ok) throw new Error(JSON.stringify(imported.problem));
    const exported = exportDefinition(imported.definition);
    expect(exported).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
  });

  it.each(files.map((file) => [file.file, file] as const))("%s: sanitising and the publish checks keep every property", (_, file) => {
    const original = file.load();
    const frozen = structuredClone(original);
    expect(propertyPaths(sanitiseDefinition(original))).toEqual(propertyPaths(original));
    checkForPublishing(original);
    // Nothing the checks did (survey-core included) wrote into the definition.
    expect(original).toEqual(frozen);
  });

  it.each(files.map((file) => [file.file, file] as const))("%s: editing one question leaves every other element as it was", (_, file) => {
    const original: Definition = file.load();
    const paged = withPages(original);
    const first = pagesOf(paged).findIndex((page) => page.elements.length > 0);
    if (first < 0) return;
    const edited = setDescription(paged, { page: first, index: 0 }, "en", "Added by the builder");
    expect(elementAt(edited, { page: first, index: 0 }).description).toBe("Added by the builder");
    const others = (definition: Definition) =>
      pagesOf(definition).flatMap((page, p) => page.elements.filter((_, i) => !(p === first && i === 0)));
    expect(others(edited)).toEqual(others(original));
    const { pages: _editedPages, ...editedRest } = edited;
    const { pages: _pages, elements: _elements, questions: _questions, ...originalRest } = original;
    expect(editedRest).toEqual(originalRest);
  });
}

describe("Heard's own fixtures", () => {
  roundTripChecks(fixtureFiles(), FIXTURES_DIR);
});

describe.skipIf(!corpusPresent)("shared SurveyJS corpus", () => {
  it("has the 20 files", () => expect(corpusFiles()).toHaveLength(20));
  roundTripChecks(corpusFiles(), corpusDir ?? "");
});
