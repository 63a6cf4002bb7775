import { describe, expect, it } from "vitest";
import { normaliseReferenceCode } from "~/responses/reference-code";

describe("reference codes typed back by a child", () => {
  it.each([
    ["ABCD-EF23", "ABCD-EF23"],
    ["abcd-ef23", "ABCD-EF23"],
    [" abcd ef23 ", "ABCD-EF23"],
    ["ABCDEF23", "ABCD-EF23"],
    ["ab–cd–ef–23", "ABCD-EF23"],
  ])("%j → %j", (typed, code) => {
    expect(normaliseReferenceCode(typed)).toBe(code);
  });

  it.each(["", "ABCD-EF2", "ABCD-EF234", "ABCD-EF2O", "ABCD-EF21", "<script>", "ABCD_EF2!"])("%j is not a code", (typed) => {
    expect(normaliseReferenceCode(typed)).toBeUndefined();
  });
});
