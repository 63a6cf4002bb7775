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

// What children and families see is in every UI language; staff pages are in English and Welsh
// (app/i18n/i18n.ts, docs/decisions/0006-languages-and-reading.md).
const ALL_LANGUAGES = ["en", "cy", "pl", "ar", "ur"];
const PUBLIC_ONLY_LANGUAGES = ["pl", "ar", "ur"];
// The sections of validation.json that children see: the checks on their answers.
const PUBLIC_VALIDATION = /^(answer|answerLabel)\./;
const variables = (text: unknown) => [...String(text).matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();

describe("locales", () => {
  it("has the same namespace files in en and cy", () => {
    expect(namespaces("cy")).toEqual(namespaces("en"));
    expect(namespaces("en")).toContain("common.json");
    expect(namespaces("en")).toContain("public.json");
  });

  it("gives Polish, Arabic and Urdu only what children see", () => {
    for (const lng of PUBLIC_ONLY_LANGUAGES) expect(namespaces(lng), lng).toEqual(["public.json", "validation.json"]);
  });

  it.each(namespaces("en"))("has the same keys in en and cy for %s", (file) => {
    expect(keySet("cy", file)).toEqual(keySet("en", file));
  });

  it.each(PUBLIC_ONLY_LANGUAGES)("has every public key in %s, and the answer checks of validation.json", (lng) => {
    expect(keySet(lng, "public.json")).toEqual(keySet("en", "public.json"));
    expect(keySet(lng, "validation.json")).toEqual(keySet("en", "validation.json").filter((key) => PUBLIC_VALIDATION.test(key)));
  });

  it("keeps each public key in one namespace: a copy left in common.json would hide the translation", () => {
    for (const lng of ["en", "cy"]) {
      const common = new Set(keySet(lng, "common.json"));
      expect(keySet(lng, "public.json").filter((key) => common.has(key)), lng).toEqual([]);
    }
  });

  it("keeps every {{variable}} of the English text in each translation", () => {
    for (const lng of ALL_LANGUAGES.slice(1)) {
      for (const file of namespaces(lng)) {
        const english = new Map(readEntries("en", file).map(([key, text]) => [key.replace(PLURAL_SUFFIX, ""), variables(text)]));
        for (const [key, text] of readEntries(lng, file)) {
          const wanted = english.get(key.replace(PLURAL_SUFFIX, ""));
          // A plural form may spell out its number ("شهرين": two months) instead of writing {{count}}.
          const found = variables(text).filter((name) => name !== "count");
          expect(found, `${lng}/${file} ${key}`).toEqual((wanted ?? []).filter((name) => name !== "count"));
        }
      }
    }
  });

  it("has the plural forms each language needs", () => {
    const forms = (lng: string) => new Intl.PluralRules(lng).resolvedOptions().pluralCategories;
    for (const lng of ALL_LANGUAGES) {
      const keys = readEntries(lng, "public.json").map(([key]) => key);
      const plurals = new Set(keys.filter((key) => PLURAL_SUFFIX.test(key)).map((key) => key.replace(PLURAL_SUFFIX, "")));
      for (const base of plurals) {
        for (const form of forms(lng)) expect(keys, `${lng} ${base}_${form}`).toContain(`${base}_${form}`);
      }
    }
  });

  it("leaves no text empty", () => {
    for (const lng of ALL_LANGUAGES) {
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
