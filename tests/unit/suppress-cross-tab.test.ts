// Cross-tab suppression: no hidden cell or total may be worked back from the row, column and grand
// totals. Checked two independent ways: by "peeling" (solving any equation with one unknown, over
// and over, as a reader with a calculator would) and, for 2 × 2 tables, by brute force over every
// value each hidden cell could hold.
import { describe, expect, it } from "vitest";
import { suppressCrossTab, type SuppressedCrossTab } from "~/analysis/suppress";

const BOTH = { rowsAddUp: true, columnsAddUp: true };

function margins(counts: number[][]) {
  const rowTotals = counts.map((row) => row.reduce((a, b) => a + b, 0));
  const columnTotals = counts[0]!.map((_, column) => counts.reduce((a, row) => a + row[column]!, 0));
  return { rowTotals, columnTotals, total: rowTotals.reduce((a, b) => a + b, 0) };
}

function tabulate(counts: number[][], threshold = 5) {
  return suppressCrossTab(counts, margins(counts), threshold, BOTH);
}

/** Shown values, with null for hidden ones, as a reader sees them. */
function seen(result: SuppressedCrossTab) {
  return {
    cells: result.cells.map((row) => row.map((cell) => cell.count)),
    rowTotals: result.rowTotals.map((cell) => cell.count),
    columnTotals: result.columnTotals.map((cell) => cell.count),
    total: result.total.count,
  };
}

/** The values a reader works out by repeatedly solving any row, column or margin sum with one unknown. */
function peel(result: SuppressedCrossTab): number {
  const view = seen(result);
  const rows = view.cells.length;
  const columns = view.rowTotals.length === 0 ? 0 : view.columnTotals.length;
  const lines: { members: (() => number | null)[]; set: ((v: number) => void)[]; total: () => number | null; setTotal: (v: number) => void }[] = [];
  for (let r = 0; r < rows; r++) {
    lines.push({
      members: view.cells[r]!.map((_, c) => () => view.cells[r]![c]!),
      set: view.cells[r]!.map((_, c) => (v: number) => (view.cells[r]![c] = v)),
      total: () => view.rowTotals[r]!,
      setTotal: (v) => (view.rowTotals[r] = v),
    });
  }
  for (let c = 0; c < columns; c++) {
    lines.push({
      members: view.cells.map((_, r) => () => view.cells[r]![c]!),
      set: view.cells.map((_, r) => (v: number) => (view.cells[r]![c] = v)),
      total: () => view.columnTotals[c]!,
      setTotal: (v) => (view.columnTotals[c] = v),
    });
  }
  for (const side of ["rowTotals", "columnTotals"] as const) {
    lines.push({
      members: view[side].map((_, i) => () => view[side][i]!),
      set: view[side].map((_, i) => (v: number) => (view[side][i] = v)),
      total: () => view.total,
      setTotal: (v) => (view.total = v),
    });
  }
  let solved = 0;
  for (let progress = true; progress; ) {
    progress = false;
    for (const line of lines) {
      const unknown = line.members.flatMap((get, i) => (get() === null ? [i] : []));
      const total = line.total();
      const known = line.members.reduce((a, get) => a + (get() ?? 0), 0);
      if (total !== null && unknown.length === 1) {
        line.set[unknown[0]!]!(total - known);
        solved += 1;
        progress = true;
      } else if (total === null && unknown.length === 0) {
        line.setTotal(known);
        solved += 1;
        progress = true;
      }
    }
  }
  return solved;
}

/** For a 2 × 2 table: every value each hidden cell could hold, given the shown values and the rules. */
function possibleValues(result: SuppressedCrossTab, threshold: number) {
  const reasons = [...result.cells.flat(), ...result.rowTotals, ...result.columnTotals, result.total];
  const allowed = (index: number, value: number) => {
    const cell = reasons[index]!;
    if (!cell.suppressed) return cell.count === value;
    if (cell.reason === "small") return value >= 1 && value < threshold;
    if (cell.reason === "secondary") return value >= threshold;
    return true;
  };
  const possible = reasons.map(() => new Set<number>());
  const limit = 40;
  for (let a = 0; a <= limit; a++)
    for (let b = 0; b <= limit; b++)
      for (let c = 0; c <= limit; c++)
        for (let d = 0; d <= limit; d++) {
          const all = [a, b, c, d, a + b, c + d, a + c, b + d, a + b + c + d];
          if (all.every((value, index) => allowed(index, value))) all.forEach((value, index) => possible[index]!.add(value));
        }
  return possible.flatMap((values, index) => (reasons[index]!.suppressed ? [values] : []));
}

describe("suppressCrossTab", () => {
  it("shows a table with no small numbers as it is", () => {
    const result = tabulate([
      [10, 6],
      [7, 12],
    ]);
    expect(seen(result)).toEqual({ cells: [[10, 6], [7, 12]], rowTotals: [16, 19], columnTotals: [17, 18], total: 35 });
  });

  it("hides a small cell and enough others that neither its row nor its column gives it away", () => {
    const result = tabulate([
      [2, 9, 11],
      [8, 10, 7],
      [6, 12, 15],
    ]);
    expect(result.cells[0]![0]).toMatchObject({ count: null, reason: "small" });
    const hidden = result.cells.flat().filter((cell) => cell.suppressed).length;
    expect(hidden).toBeGreaterThanOrEqual(4);
    expect(peel(result)).toBe(0);
  });

  it("hides a small row total, and its cells cannot be recovered from the columns", () => {
    const result = tabulate([
      [3, 0],
      [9, 14],
      [7, 8],
    ]);
    expect(result.rowTotals[0]).toMatchObject({ count: null, reason: "small" });
    expect(result.cells[0]![1]!.count).toBe(0);
    expect(peel(result)).toBe(0);
  });

  it("treats every hidden value in a 2 × 2 table as one of at least two possible values", () => {
    let checked = 0;
    for (const [a, b, c, d] of [
      [1, 9, 8, 12],
      [4, 4, 10, 10],
      [0, 3, 9, 9],
      [2, 2, 7, 11],
      [6, 1, 1, 6],
      [5, 0, 0, 5],
    ] as const) {
      const result = tabulate([
        [a, b],
        [c, d],
      ]);
      for (const values of possibleValues(result, 5)) {
        expect(values.size, `table ${[a, b, c, d].join(",")}`).toBeGreaterThan(1);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it("never leaves a hidden value that peeling recovers, over many random tables", () => {
    let random = 7;
    const next = () => (random = (random * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let trial = 0; trial < 300; trial++) {
      const rows = 2 + Math.floor(next() * 3);
      const columns = 2 + Math.floor(next() * 3);
      const counts = Array.from({ length: rows }, () => Array.from({ length: columns }, () => Math.floor(next() * 14)));
      const result = tabulate(counts);
      expect(peel(result), JSON.stringify(counts)).toBe(0);
    }
  });

  it("hides everything when the whole table is below the threshold", () => {
    const result = tabulate([
      [1, 1],
      [1, 0],
    ]);
    expect(result.total.count).toBeNull();
    expect(result.cells.flat().filter((cell) => cell.count !== null && cell.count > 0)).toEqual([]);
  });

  it("with several answers allowed, only the equations that hold are used", () => {
    // Columns from a question with several answers: a row's cells do not add up to its total.
    const counts = [
      [3, 8],
      [9, 9],
    ];
    const result = suppressCrossTab(counts, { rowTotals: [9, 12], columnTotals: [12, 17], total: 21 }, 5, { rowsAddUp: false, columnsAddUp: true });
    expect(result.cells[0]![0]!.count).toBeNull();
    // The column still adds up, so its other hidden partner must be hidden as well.
    expect(result.cells[1]![0]!.count === null || result.columnTotals[0]!.count === null).toBe(true);
    expect(result.rowTotals[0]!.count).toBe(9);
  });

  it("refuses totals that do not fit the table", () => {
    expect(() => suppressCrossTab([[1, 2]], { rowTotals: [], columnTotals: [1, 2], total: 3 }, 5, BOTH)).toThrow(RangeError);
  });
});
