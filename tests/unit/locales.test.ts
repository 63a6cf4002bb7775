import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const LOCALES = path.resolve(__dirname, "../../locales");
// i18next picks among these per language ("cy" has all six, "en" only one/other), so they count as one key.
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** [dotted key, text] for every leaf of a resource file. */
function flatEntries(value: unknown, prefix = ""): [string, unknown][] {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return [[prefix, value]];
  return Object.entries(value).flatMap(([key, inner]) => flatEntries(inner, prefix ? `${prefix}.${key}` : key));
}

function readEntries(lng: string, file: string): [string, unknown][] {
  return flatEntries(JSON.parse(fs.readFileSync(path.join(LOCALES, lng, file), "utf8")));
}

function keySet(lng: string, file: string): string[] {
  return [...new Set(readEntries(lng, file).map(([key]) => key.replace(PLURAL_SUFFIX, "")))].sort();
}

const namespaces = (lng: string) => fs.readdirSync(path.join(LOCALES, lng)).filter((file) => file.endsWith(".json")).sort();

describe("locales", () => {
  it("has the same namespace files in en and cy", () => {
    expect(namespaces("cy")).toEqual(namespaces("en"));
    expect(namespaces("en")).toContain("common.json");
  });

  it.each(namespaces("en"))("has the same keys in en and cy for %s", (file) => {
    expect(keySet("cy", file)).toEqual(keySet("en", file));
  });

  it("leaves no text empty", () => {
    for (const lng of ["en", "cy"]) {
      for (const file of namespaces(lng)) {
        const empty = readEntries(lng, file).filter(([, text]) => typeof text !== "string" || text.trim() === "");
        expect(empty, `${lng}/${file}`).toEqual([]);
      }
    }
  });

  it("has every validation key that validate-answers.ts asks for", () => {
    const source = fs.readFileSync(path.resolve(__dirname, "../../app/survey/validate-answers.ts"), "utf8");
    const used = [...source.matchAll(/"((?:answer|answerLabel)\.\w+)"/g)].map((match) => match[1]!);
    expect(used.length).toBeGreaterThan(30);
    const known = new Set(keySet("en", "validation.json"));
    expect(used.filter((key) => !known.has(key))).toEqual([]);
  });
});
