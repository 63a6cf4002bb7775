// Cohen's kappa against worked examples from the literature.
import { describe, expect, it } from "vitest";
import { agreementPerTheme, cohensKappa, kappaFromTable } from "~/analysis/kappa";

describe("Cohen's kappa", () => {
  it("gives 0.4 for the 50-application example (20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no)", () => {
    // Wikipedia, "Cohen's kappa", worked example: po = 0.7, pe = 0.5.
    expect(kappaFromTable({ both: 20, onlyA: 5, onlyB: 10, neither: 15 })).toBeCloseTo(0.4, 10);
  });

  it("gives different kappas for the same 60% agreement (the 'same percentages' examples)", () => {
    // Wikipedia, "Cohen's kappa": 45/15/25/15 gives 0.1304, 25/35/5/35 gives 0.2593.
    expect(kappaFromTable({ both: 45, onlyA: 15, onlyB: 25, neither: 15 })).toBeCloseTo(0.1304, 4);
    expect(kappaFromTable({ both: 25, onlyA: 35, onlyB: 5, neither: 35 })).toBeCloseTo(0.2593, 4);
  });

  it("handles more than two labels (a 3-category table worked by hand)", () => {
    // 10 items, A/B: 3 x (x,x), 2 x (y,y), 2 x (z,z), 1 x (x,y), 1 x (y,z), 1 x (z,x).
    // po = 0.7; A: x 4, y 3, z 3; B: x 4, y 3, z 3; pe = 0.16 + 0.09 + 0.09 = 0.34; kappa = 0.36 / 0.66.
    const pairs: [string, string][] = [
      ["x", "x"], ["x", "x"], ["x", "x"], ["y", "y"], ["y", "y"], ["z", "z"], ["z", "z"], ["x", "y"], ["y", "z"], ["z", "x"],
    ];
    expect(cohensKappa(pairs)).toBeCloseTo(0.36 / 0.66, 10);
  });

  it("is 1 for perfect agreement, below 0 for systematic disagreement, null when undefined", () => {
    expect(kappaFromTable({ both: 4, onlyA: 0, onlyB: 0, neither: 6 })).toBe(1);
    expect(kappaFromTable({ both: 0, onlyA: 5, onlyB: 5, neither: 0 })).toBe(-1);
    expect(kappaFromTable({ both: 0, onlyA: 0, onlyB: 0, neither: 8 })).toBeNull();
    expect(cohensKappa([])).toBeNull();
  });
});

describe("agreement per theme", () => {
  it("builds each theme's table from the items both coders coded", () => {
    const items = [
      { a: new Set(["play", "safe"]), b: new Set(["play"]) },
      { a: new Set(["play"]), b: new Set(["play"]) },
      { a: new Set<string>(), b: new Set(["safe"]) },
      { a: new Set<string>(), b: new Set<string>() },
    ];
    const [play, safe] = agreementPerTheme(["play", "safe"], items);
    expect(play).toEqual({ themeId: "play", table: { both: 2, onlyA: 0, onlyB: 0, neither: 2 }, kappa: 1 });
    expect(safe!.table).toEqual({ both: 0, onlyA: 1, onlyB: 1, neither: 2 });
    expect(safe!.kappa).toBeCloseTo(-1 / 3, 10);
  });
});
