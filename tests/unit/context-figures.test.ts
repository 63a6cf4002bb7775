// Context figures: the CSV import (malformed files, bad rows, columns that could hold child-level
// records) and the response rate per group, which a suppressed count must never give away.
import { describe, expect, it } from "vitest";
import { compareWithContext, ContextFigureSchema, normaliseGroup, parseContextFigureCsv, type ChoiceCounts, type ContextFigure } from "~/analysis/context-figures";

describe("a context figure typed in", () => {
  it("keeps a whole number with thousands separators and a UK date as an ISO day", () => {
    const parsed = ContextFigureSchema.parse({ label: " Children in care ", value: "1,204", source: "CLA return", asOf: "31/03/2026" });
    expect(parsed).toEqual({ label: "Children in care", value: 1204, group: "", source: "CLA return", asOf: "2026-03-31" });
  });

  it.each([
    ["-3", "context:errors.valueWhole"],
    ["4.5", "context:errors.valueWhole"],
    ["lots", "context:errors.valueWhole"],
    ["", "context:errors.valueRequired"],
    ["20000000", "context:errors.valueTooLarge"],
  ])("refuses the value %j", (value, key) => {
    const result = ContextFigureSchema.safeParse({ label: "x", value, source: "y", asOf: "2026-03-31" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(key);
  });

  it("refuses a day that does not exist", () => {
    const result = ContextFigureSchema.safeParse({ label: "x", value: "3", source: "y", asOf: "2026-02-30" });
    expect(result.error?.issues.map((issue) => issue.message)).toEqual(["context:errors.asOfInvalid"]);
  });
});

describe("importing context figures from CSV", () => {
  it("reads every row, columns in any order, group optional", () => {
    const csv = "\uFEFFvalue,label,date,source,group\n140,Children in care,2026-03-31,CLA return,8–12\n\n272,Children in care,31/03/2026,CLA return,13-18\r\n";
    const result = parseContextFigureCsv(csv);
    expect(result).toEqual({
      ok: true,
      figures: [
        { label: "Children in care", value: 140, source: "CLA return", asOf: "2026-03-31", group: "8–12" },
        { label: "Children in care", value: 272, source: "CLA return", asOf: "2026-03-31", group: "13-18" },
      ],
    });
  });

  it("lists every bad row with its line and column, and returns nothing to store", () => {
    const csv = ["label,value,source,date", "Children in care,412,CLA return,2026-03-31", ",12,CLA,2026-03-31", "Care leavers,twelve,,2026-13-01", "Too,many,cells,2026-03-31,here"].join("\n");
    const result = parseContextFigureCsv(csv);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      { line: 3, column: "label", key: "context:errors.labelRequired" },
      { line: 4, column: "value", key: "context:errors.valueWhole" },
      { line: 4, column: "source", key: "context:errors.sourceRequired" },
      { line: 4, column: "date", key: "context:errors.asOfInvalid" },
      { line: 5, key: "context:import.wrongColumnCount", values: { expected: "4", found: "5" } },
    ]);
  });

  it("refuses a file with any other column, such as names: only aggregates belong here", () => {
    const result = parseContextFigureCsv("name,date of birth,label,value,source,date\nSam,2014-01-01,x,1,y,2026-03-31\n");
    expect(result).toEqual({ ok: false, problems: [{ line: 1, key: "context:import.unknownColumns", values: { columns: "name, date of birth" } }] });
  });

  it("names missing columns, an empty file and a file with only a header", () => {
    expect(parseContextFigureCsv("label,value\nx,1\n")).toEqual({ ok: false, problems: [{ line: 1, key: "context:import.missingColumns", values: { columns: "source, date" } }] });
    expect(parseContextFigureCsv("")).toEqual({ ok: false, problems: [{ line: 1, key: "context:import.empty" }] });
    expect(parseContextFigureCsv("label,value,source,date\n")).toEqual({ ok: false, problems: [{ line: 2, key: "context:import.noRows" }] });
  });

  it("says a file is malformed (an unclosed quote) rather than failing", () => {
    const result = parseContextFigureCsv('label,value,source,date\n"Children in care,412,CLA,2026-03-31\n');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.key).toBe("context:import.malformed");
  });
});

describe("response rate per group", () => {
  const figure = (group: string, value: number): ContextFigure => ({ id: group || "all", label: "Children in care", value, group, source: "CLA", asOf: "2026-03-31" });
  const age: ChoiceCounts = {
    name: "age",
    title: "How old are you?",
    cells: [
      { value: "8-12", label: "8 to 12", count: 14, suppressed: false },
      { value: "13-15", label: "13 to 15", count: null, suppressed: true },
      { value: "16-18", label: "16 to 18", count: 0, suppressed: false },
    ],
  };

  it("matches a group to a choice by its value or its text, however the dash is written", () => {
    expect(normaliseGroup("Aged 8 – 12")).toBe(normaliseGroup("8-12"));
    const [byValue, byText] = compareWithContext([figure("8–12", 140), figure("13 to 15", 90)], [age], { count: 30, suppressed: false });
    expect(byValue).toMatchObject({ matched: { question: "How old are you?", answer: "8 to 12" }, responses: 14, ratePercent: 10 });
    expect(byText).toMatchObject({ matched: { question: "How old are you?", answer: "13 to 15" } });
  });

  it("gives no count and no rate for a suppressed group", () => {
    const [hidden] = compareWithContext([figure("13-15", 90)], [age], { count: 30, suppressed: false });
    expect(hidden).toMatchObject({ responses: null, suppressed: true, ratePercent: null });
  });

  it("shows a true zero as 0%, and no rate against a figure of 0", () => {
    const [zero, none] = compareWithContext([figure("16-18", 60), { ...figure("8-12", 0), id: "z" }], [age], { count: 30, suppressed: false });
    expect(zero).toMatchObject({ responses: 0, ratePercent: 0 });
    expect(none).toMatchObject({ responses: 14, ratePercent: null });
  });

  it("compares a figure without a group with all responses, suppressed like the total", () => {
    expect(compareWithContext([figure("", 412)], [age], { count: 36, suppressed: false })[0]).toMatchObject({ matched: "all", responses: 36, ratePercent: 8.7 });
    expect(compareWithContext([figure("", 412)], [age], { count: null, suppressed: true })[0]).toMatchObject({ matched: "all", responses: null, ratePercent: null });
  });

  it("leaves a group no question offers unmatched", () => {
    expect(compareWithContext([figure("0-4", 30)], [age], { count: 30, suppressed: false })[0]).toMatchObject({ matched: null, ratePercent: null });
  });
});
