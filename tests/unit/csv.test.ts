import { describe, expect, it } from "vitest";
import { escapeCsvCell, toCsv } from "~/utils/csv.server";

describe("CSV cells are escaped against formula injection", () => {
  it.each([
    ["=1+1", "'=1+1"],
    ["+44 1234", "'+44 1234"],
    ["-2", "'-2"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=cmd", "'\t=cmd"],
    ["\r=cmd", "'\r=cmd"],
    ["  =HYPERLINK(\"http://evil\")", "'  =HYPERLINK(\"http://evil\")"],
    ["\uff1d1+1", "'\uff1d1+1"],
  ])("%j becomes %j", (input, expected) => {
    expect(escapeCsvCell(input)).toBe(expected);
  });

  it.each(["member.signed_in", "Aisha Admin", "2026-11-01", "a=b", "e-mail", ""])("leaves %j alone", (input) => {
    expect(escapeCsvCell(input)).toBe(input);
  });

  it("writes nulls as empty cells and dates as ISO strings", () => {
    expect(escapeCsvCell(null)).toBe("");
    expect(escapeCsvCell(undefined)).toBe("");
    expect(escapeCsvCell(new Date("2026-11-01T10:00:00Z"))).toBe("2026-11-01T10:00:00.000Z");
  });

  it("quotes commas, quotes and new lines", () => {
    const csv = toCsv(["a", "b"], [["x, y", 'say "hi"'], ["line\nbreak", "=evil()"]]);
    expect(csv).toBe('\ufeffa,b\r\n"x, y","say ""hi"""\r\n"line\nbreak",\'=evil()\r\n');
  });
});
