import { describe, expect, it } from "vitest";
import { suppressSmallCounts, suppressStandaloneCount, type SuppressionResult } from "~/analysis/suppress";

const shownCounts = (result: SuppressionResult) => result.cells.map((cell) => cell.count);
const reasons = (result: SuppressionResult) => result.cells.map((cell) => cell.reason);

/**
 * Every value each hidden cell could take, given what a reader sees: the total, the shown cells,
 * and the public rules ("small" cells are 1..threshold-1; "secondary" cells are at least the
 * threshold and no bigger than the smallest shown non-zero cell). Enumerated by brute force, so
 * it checks suppress.ts's interval reasoning independently.
 */
function possibleHiddenValues(result: SuppressionResult, threshold: number): Map<number, Set<number>> {
  const total = result.total!;
  const shown = result.cells.flatMap((cell) => (cell.count === null ? [] : [cell.count]));
  const smallestShown = Math.min(...shown.filter((count) => count > 0));
  const hidden = result.cells.flatMap((cell, index) => {
    if (!cell.suppressed) return [];
    const range = cell.reason === "small" ? [1, threshold - 1] : [threshold, Math.min(smallestShown, total)];
    return [{ index, low: range[0]!, high: range[1]! }];
  });
  const possible = new Map(hidden.map((cell) => [cell.index, new Set<number>()]));
  const hiddenSum = total - shown.reduce((a, b) => a + b, 0);

  const values: number[] = [];
  const walk = (position: number, remaining: number): void => {
    if (position === hidden.length) {
      if (remaining === 0) values.forEach((value, i) => possible.get(hidden[i]!.index)!.add(value));
      return;
    }
    const { low, high } = hidden[position]!;
    for (let value = low; value <= Math.min(high, remaining); value++) {
      values.push(value);
      walk(position + 1, remaining - value);
      values.pop();
    }
  };
  walk(0, hiddenSum);
  return possible;
}

/** Small deterministic generator, so a failing case can be reproduced. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe("suppressSmallCounts", () => {
  it("shows a true zero as 0: it identifies nobody", () => {
    const result = suppressSmallCounts([0, 12, 8], 5, { total: 20 });
    expect(shownCounts(result)).toEqual([0, 12, 8]);
    expect(result.cells[0]).toEqual({ count: 0, suppressed: false, reason: null });
  });

  it.each([1, 2, 3, 4])("hides a count of %i when the threshold is 5", (count) => {
    const result = suppressSmallCounts([count, 40], 5);
    expect(result.cells[0]).toEqual({ count: null, suppressed: true, reason: "small" });
    expect(result.cells[1]).toEqual({ count: 40, suppressed: false, reason: null });
  });

  it("shows a count of exactly the threshold", () => {
    const result = suppressSmallCounts([5, 5, 10], 5, { total: 20 });
    expect(shownCounts(result)).toEqual([5, 5, 10]);
    expect(result.total).toBe(20);
    expect(result.showPercentages).toBe(true);
  });

  it("without a total, applies primary suppression only and gives no base for percentages", () => {
    const result = suppressSmallCounts([2, 6, 9], 5);
    expect(shownCounts(result)).toEqual([null, 6, 9]);
    expect(result.total).toBeNull();
    expect(result.showPercentages).toBe(false);
  });

  describe("secondary suppression", () => {
    it("also hides the next smallest non-zero cell when one cell is hidden and the total is shown", () => {
      const result = suppressSmallCounts([2, 7, 6, 20], 5, { total: 35 });
      expect(shownCounts(result)).toEqual([null, 7, null, 20]);
      expect(reasons(result)).toEqual(["small", null, "secondary", null]);
      expect(result.total).toBe(35);
    });

    it("skips zeros when picking the next smallest cell, and takes the first of a tie", () => {
      const result = suppressSmallCounts([3, 0, 8, 8, 9], 5, { total: 28 });
      expect(reasons(result)).toEqual(["small", null, "secondary", null, null]);
    });

    it("needs no secondary cell when two small cells cannot be told apart", () => {
      const result = suppressSmallCounts([2, 3, 20], 5, { total: 25 });
      expect(reasons(result)).toEqual(["small", "small", null]);
    });

    it("hides more when two small cells must both be 1 (hidden sum 2)", () => {
      const result = suppressSmallCounts([1, 1, 20, 30], 5, { total: 52 });
      expect(reasons(result)).toEqual(["small", "small", "secondary", null]);
    });

    it("hides more when the secondary cell is exactly the threshold and the small one must be 1", () => {
      // Shown as [<5, hidden, 20, 30] with total 56: hidden sum 6 = 1 + 5 is the only split.
      const result = suppressSmallCounts([1, 5, 20, 30], 5, { total: 56 });
      expect(reasons(result)).toEqual(["small", "secondary", "secondary", null]);
    });

    it("hides the base when no cell is left to hide", () => {
      const result = suppressSmallCounts([1, 5, 0], 5, { total: 6 });
      expect(result.totalSuppressed).toBe(true);
      expect(result.total).toBeNull();
      expect(result.showPercentages).toBe(false);
      expect(shownCounts(result)).toEqual([null, null, 0]);
    });

    it("applies the same rule to multi-select cells, which do not add up to the total", () => {
      const result = suppressSmallCounts([3, 10, 8, 9], 5, { total: 10 });
      expect(reasons(result)).toEqual(["small", null, "secondary", null]);
      expect(result.total).toBe(10);
    });

    it("for multi-select, hides the base rather than leave exactly one hidden cell", () => {
      const result = suppressSmallCounts([3, 0], 5, { total: 6 });
      expect(result.totalSuppressed).toBe(true);
    });
  });

  describe("base below the threshold", () => {
    it("hides every cell and the base, and allows no percentages", () => {
      const result = suppressSmallCounts([1, 2, 0], 5, { total: 3 });
      expect(result.cells.every((cell) => cell.suppressed && cell.count === null && cell.reason === "base")).toBe(true);
      expect(result.total).toBeNull();
      expect(result.totalSuppressed).toBe(true);
      expect(result.showPercentages).toBe(false);
    });

    it("shows a base of 0 (nobody answered) but gives no percentages", () => {
      const result = suppressSmallCounts([0, 0], 5, { total: 0 });
      expect(shownCounts(result)).toEqual([0, 0]);
      expect(result.total).toBe(0);
      expect(result.showPercentages).toBe(false);
    });
  });

  it("takes a configurable threshold", () => {
    const result = suppressSmallCounts([9, 10, 30], 10, { total: 49 });
    expect(reasons(result)).toEqual(["small", "secondary", null]);
    expect(suppressSmallCounts([5, 5], 10, { total: 10 }).totalSuppressed).toBe(false);
    expect(suppressSmallCounts([4, 5], 10, { total: 9 }).totalSuppressed).toBe(true);
    expect(shownCounts(suppressSmallCounts([4, 40], 3))).toEqual([4, 40]);
  });

  it("rejects a bad threshold or count instead of guessing", () => {
    expect(() => suppressSmallCounts([1], 0)).toThrow(RangeError);
    expect(() => suppressSmallCounts([1], 2.5)).toThrow(RangeError);
    expect(() => suppressSmallCounts([-1], 5)).toThrow(RangeError);
    expect(() => suppressSmallCounts([1.5], 5)).toThrow(RangeError);
    expect(() => suppressSmallCounts([1], 5, { total: Number.NaN })).toThrow(RangeError);
  });

  it("never lets a hidden count be worked out from the total and the shown cells", () => {
    const next = random(20261127);
    let checked = 0;
    for (let run = 0; run < 600; run++) {
      const threshold = [3, 5, 10][Math.floor(next() * 3)]!;
      const size = 2 + Math.floor(next() * 3);
      // Skewed towards small numbers, where suppression matters.
      const counts = Array.from({ length: size }, () => Math.floor(next() ** 2 * 3 * threshold));
      const total = counts.reduce((a, b) => a + b, 0);
      const result = suppressSmallCounts(counts, threshold, { total });

      if (result.totalSuppressed) {
        expect(result.total).toBeNull();
        continue;
      }
      const hidden = result.cells.filter((cell) => cell.suppressed);
      // The plain case: total minus shown cells never lands on a single hidden cell.
      expect(hidden.length === 1, `${counts} / ${threshold}`).toBe(false);
      for (const [index, values] of possibleHiddenValues(result, threshold)) {
        expect(values.size, `cell ${index} of [${counts}] with threshold ${threshold}`).toBeGreaterThan(1);
        expect(values.has(counts[index]!)).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});

describe("suppressStandaloneCount (a count shown on its own, such as responses to a consultation)", () => {
  it("hides 1 to threshold - 1 and says what it is fewer than", () => {
    expect(suppressStandaloneCount(1, 5)).toEqual({ count: null, fewerThan: 5 });
    expect(suppressStandaloneCount(4, 5)).toEqual({ count: null, fewerThan: 5 });
    expect(suppressStandaloneCount(9, 10)).toEqual({ count: null, fewerThan: 10 });
  });

  it("shows zero and counts at or above the threshold", () => {
    expect(suppressStandaloneCount(0, 5)).toEqual({ count: 0, fewerThan: null });
    expect(suppressStandaloneCount(5, 5)).toEqual({ count: 5, fewerThan: null });
    expect(suppressStandaloneCount(36, 5)).toEqual({ count: 36, fewerThan: null });
  });

  it("refuses nonsense", () => {
    expect(() => suppressStandaloneCount(-1, 5)).toThrow(RangeError);
    expect(() => suppressStandaloneCount(2, 0)).toThrow(RangeError);
  });
});
