import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { CONSULTATION_FIELDS } from "~/consultations/consultation-fields";
import { ConsultationDetailsSchema } from "~/consultations/consultation-schema.server";
import { firstErrorPerField, translateFieldErrors } from "~/utils/form-errors.server";
import { OutcomeDetailsSchema } from "~/consultations/outcome-schema.server";
import { getI18n, resources, type Locale } from "~/i18n/i18n";

/** The resource text for "ns:a.b.c", or undefined when the key is missing. */
function lookup(lng: Locale, key: string): unknown {
  const [ns, path] = key.includes(":") ? (key.split(":", 2) as [string, string]) : ["common", key];
  let node: unknown = (resources[lng] as Record<string, unknown>)[ns];
  for (const part of path.split(".")) {
    node = node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined;
  }
  return node;
}

function keysFor(schema: z.ZodType, input: Record<string, string>): string[] {
  const parsed = schema.safeParse(input);
  if (parsed.success) throw new Error(`expected errors for ${JSON.stringify(input)}`);
  return Object.values(firstErrorPerField(parsed.error)).filter((key): key is string => Boolean(key));
}

function expectTranslated(keys: string[]) {
  expect(keys.length).toBeGreaterThan(0);
  for (const key of keys) {
    const en = lookup("en", key);
    const cy = lookup("cy", key);
    expect(typeof en, `${key} in en`).toBe("string");
    expect(typeof cy, `${key} in cy`).toBe("string");
    expect(cy, `${key}: cy differs from en`).not.toBe(en);
  }
}

const consultationFields = [...CONSULTATION_FIELDS];
const blank = (fields: string[]) => Object.fromEntries(fields.map((field) => [field, ""]));

const goodConsultation = {
  title: "Your say on youth clubs",
  purpose: "Find out what young people want",
  whoFor: "Young people aged 11 to 18",
  audience: "Youth service",
  opensOn: "2030-01-01",
  closesOn: "2030-02-01",
  feedbackBy: "2030-03-01",
  dataUseStatement: "",
  retentionMonths: "24",
};

describe("consultation form errors", () => {
  it("gives keys with English and Welsh text for an empty form, posted blank or with no fields", () => {
    const blankKeys = keysFor(ConsultationDetailsSchema, blank(consultationFields));
    expect(blankKeys).toContain("validation:consultation.titleRequired");
    expectTranslated(blankKeys);
    expectTranslated(keysFor(ConsultationDetailsSchema, {}));
  });

  it("gives keys with English and Welsh text for every other mistake", () => {
    const mistakes: Record<string, string>[] = [
      { ...goodConsultation, title: "x".repeat(121), purpose: "x".repeat(2001), whoFor: "x".repeat(301) },
      { ...goodConsultation, audience: "x".repeat(301), dataUseStatement: "x".repeat(2001), opensOn: "2030-02-30x" },
      { ...goodConsultation, closesOn: "2029-12-01" },
      { ...goodConsultation, feedbackBy: "2030-01-15" },
      ...["abc", "1.5", "0", "121"].map((months) => ({ ...goodConsultation, retentionMonths: months })),
    ];
    const keys = new Set(mistakes.flatMap((input) => keysFor(ConsultationDetailsSchema, input)));
    expectTranslated([...keys]);
    // Every consultation message in the resources is one the schema can produce.
    const all = Object.keys(resources.en.validation.consultation).map((key) => `validation:consultation.${key}`);
    expect([...keys, ...keysFor(ConsultationDetailsSchema, blank(consultationFields))]).toEqual(
      expect.arrayContaining(all),
    );
  });

  it("translates for the reader, keeping the English the e2e tests look for", () => {
    const keys = firstErrorPerField(ConsultationDetailsSchema.safeParse({}).error!);
    const t = (lng: Locale) => getI18n(lng).getFixedT(lng);
    expect(translateFieldErrors(keys, t("en")).title).toBe("Enter a title");
    expect(translateFieldErrors(keys, t("cy")).title).toBe("Rhowch deitl");
  });
});

describe("outcome form errors", () => {
  it("gives keys with English and Welsh text for an empty form, posted blank or with no fields", () => {
    const blankKeys = keysFor(OutcomeDetailsSchema, blank(["youSaid", "weDid", "status", "owner"]));
    expect(blankKeys).toContain("validation:outcome.youSaidRequired");
    expectTranslated(blankKeys);
    expectTranslated(keysFor(OutcomeDetailsSchema, {}));
  });

  it("gives keys with English and Welsh text for over-long answers", () => {
    const long = { youSaid: "x".repeat(1001), weDid: "x".repeat(1001), status: "done", owner: "x".repeat(201) };
    expectTranslated(keysFor(OutcomeDetailsSchema, long));
  });

  it("keeps the English the e2e tests look for", () => {
    expect(getI18n("en").getFixedT("en")("validation:outcome.youSaidRequired")).toBe("Say what people told you");
  });
});
