/**
 * Small-number suppression (statistical disclosure control) for one group of counts, such as the
 * answers to one question. Pure: no I/O, no survey knowledge. Formatting ("fewer than 5") is the
 * UI's job; this module only decides what may be shown.
 *
 * Rules (DESIGN.md, "Disclosure control"):
 * - primary: a count from 1 to threshold - 1 is hidden (shown by the UI as "fewer than <threshold>");
 * - base: if the group total is itself from 1 to threshold - 1, every cell and the total are hidden;
 * - secondary: when the total is shown, more cells are hidden (next smallest non-zero first) until
 *   no hidden cell can be worked back from the total and the shown cells;
 * - percentages are only shown when the base is shown, and never on a hidden cell.
 */

/** Why a cell is hidden: too small itself, hidden to protect another cell, or the base is too small. */
export type SuppressionReason = "small" | "secondary" | "base";

export type SuppressedCell = {
  /** The count, or null when it must not be shown. */
  count: number | null;
  suppressed: boolean;
  reason: SuppressionReason | null;
};

export type SuppressionResult = {
  cells: SuppressedCell[];
  /** The group total (base) if one was given and may be shown; null otherwise. */
  total: number | null;
  totalSuppressed: boolean;
  /** Whether percentages of the base may be shown at all (still never on a suppressed cell). */
  showPercentages: boolean;
};

export type SuppressionOptions = {
  /**
   * The group total that will be shown beside the cells (for a question: how many answered it).
   * Without it there is nothing to subtract from, so only primary suppression applies.
   */
  total?: number;
};

export function suppressSmallCounts(
  counts: number[],
  threshold: number,
  options: SuppressionOptions = {},
): SuppressionResult {
  assertThreshold(threshold);
  counts.forEach((count, index) => assertCount(count, `counts[${index}]`));
  const { total } = options;
  if (total !== undefined) assertCount(total, "total");

  if (total !== undefined && isSmall(total, threshold)) return suppressEverything(counts);

  // A true zero is shown as 0: it identifies nobody, and UK official statistics show zeros too.
  const reasons: (SuppressionReason | null)[] = counts.map((count) =>
    isSmall(count, threshold) ? "small" : null,
  );

  let totalSuppressed = false;
  if (total !== undefined) {
    totalSuppressed = !addSecondarySuppression(counts, reasons, total, threshold);
  }

  return {
    cells: counts.map((count, index) => toCell(count, reasons[index] ?? null)),
    total: total === undefined || totalSuppressed ? null : total,
    totalSuppressed,
    // Percentages of a hidden base would let a reader rebuild the base from any shown count.
    showPercentages: total !== undefined && total > 0 && !totalSuppressed,
  };
}

function isSmall(count: number, threshold: number): boolean {
  return count > 0 && count < threshold;
}

function toCell(count: number, reason: SuppressionReason | null): SuppressedCell {
  return reason === null
    ? { count, suppressed: false, reason: null }
    : { count: null, suppressed: true, reason };
}

function suppressEverything(counts: number[]): SuppressionResult {
  return {
    cells: counts.map(() => ({ count: null, suppressed: true, reason: "base" })),
    total: null,
    totalSuppressed: true,
    showPercentages: false,
  };
}

/**
 * Hides further cells, smallest non-zero first, while a hidden cell could still be worked out from
 * the total. Mutates `reasons`. Returns false when no cell is left to hide and the total itself
 * must be hidden instead.
 */
function addSecondarySuppression(
  counts: number[],
  reasons: (SuppressionReason | null)[],
  total: number,
  threshold: number,
): boolean {
  // Single-choice cells add up to the total, so a reader can subtract. Multi-select cells do not,
  // but they still get the basic rule (never exactly one hidden cell), to be conservative.
  const cellsAddUp = sum(counts) === total;
  const isDisclosive = cellsAddUp ? someHiddenCellIsPinned : exactlyOneHidden;

  while (isDisclosive(counts, reasons, total, threshold)) {
    const next = smallestShownNonZero(counts, reasons);
    if (next === undefined) return false;
    reasons[next] = "secondary";
  }
  return true;
}

function exactlyOneHidden(_counts: number[], reasons: (SuppressionReason | null)[]): boolean {
  return reasons.filter((reason) => reason !== null).length === 1;
}

/**
 * Whether a reader who knows the total, the shown cells and these rules could work out the exact
 * value of any hidden cell. The reader is assumed to know which hidden cells are "small"
 * (1..threshold-1) and which are "secondary" (at least the threshold, and no larger than the
 * smallest shown non-zero cell, because secondary cells are picked smallest first). The hidden
 * cells add up to total minus the shown cells; a cell is pinned when that sum and the other
 * cells' ranges leave it only one possible value. This catches plain differencing (one hidden
 * cell), two "fewer than 5" cells that must both be 1, and a "fewer than 5" that must be 1
 * because its secondary partner is exactly the threshold.
 */
/** The values a hidden cell could hold, as far as a reader can tell. */
type Range = { low: number; high: number };

function someHiddenCellIsPinned(
  counts: number[],
  reasons: (SuppressionReason | null)[],
  total: number,
  threshold: number,
): boolean {
  const shown = counts.filter((_, index) => reasons[index] === null);
  const hiddenSum = total - sum(shown);
  const smallestShown = Math.min(...shown.filter((count) => count > 0));
  const ranges: Range[] = reasons.flatMap((reason) => {
    if (reason === null) return [];
    return [reason === "small" ? { low: 1, high: threshold - 1 } : { low: threshold, high: smallestShown }];
  });

  return ranges.some((range, index) => {
    const others = ranges.filter((_, other) => other !== index);
    // Summed separately (not as all minus this one) because a high end may be Infinity.
    const othersLow = sum(others.map((other) => other.low));
    const othersHigh = sum(others.map((other) => other.high));
    const feasibleLow = Math.max(range.low, hiddenSum - othersHigh);
    const feasibleHigh = Math.min(range.high, hiddenSum - othersLow);
    return feasibleLow >= feasibleHigh;
  });
}

/** Index of the smallest non-zero cell still shown (the first one on ties), if any. */
function smallestShownNonZero(
  counts: number[],
  reasons: (SuppressionReason | null)[],
): number | undefined {
  let best: number | undefined;
  counts.forEach((count, index) => {
    if (reasons[index] !== null || count === 0) return;
    if (best === undefined || count < (counts[best] ?? Infinity)) best = index;
  });
  return best;
}

function sum(values: readonly number[]): number {
  return values.reduce((acc, value) => acc + value, 0);
}

function assertThreshold(threshold: number): void {
  if (!Number.isInteger(threshold) || threshold < 1) {
    throw new RangeError(`Suppression threshold must be a whole number of at least 1, got ${threshold}`);
  }
}

function assertCount(count: number, what: string): void {
  if (!Number.isInteger(count) || count < 0) {
    throw new RangeError(`${what} must be a whole number of at least 0, got ${count}`);
  }
}

/**
 * One count shown on its own, with no total beside it (responses to a consultation on the
 * consultations list, withdrawals): primary suppression only, since nothing can be subtracted.
 * Run it on the server, so a small number never reaches the browser.
 */
export type StandaloneCount = { count: number; fewerThan: null } | { count: null; fewerThan: number };

export function suppressStandaloneCount(count: number, threshold: number): StandaloneCount {
  assertThreshold(threshold);
  assertCount(count, "count");
  return isSmall(count, threshold) ? { count: null, fewerThan: threshold } : { count, fewerThan: null };
}

// ---------------------------------------------------------------------------------------------
// Two dimensions: a cross-tab with row, column and grand totals
// ---------------------------------------------------------------------------------------------

export type CrossTabOptions = {
  /**
   * Whether each row's cells add up to its row total (true unless the column question allows
   * several answers), and likewise each column's cells to its column total. Only lines that add
   * up give a reader an equation to subtract with.
   */
  rowsAddUp: boolean;
  columnsAddUp: boolean;
};

export type SuppressedCrossTab = {
  /** cells[row][column] */
  cells: SuppressedCell[][];
  rowTotals: SuppressedCell[];
  columnTotals: SuppressedCell[];
  total: SuppressedCell;
  /** Percentages of a row total are shown only where that row total is shown (and never on a hidden cell). */
};

/** Which value a reader can still see, or the interval they can narrow a hidden one to. */
type Interval = { low: number; high: number };

/**
 * Small-number suppression for a cross-tab (counts[row][column]) with its margins. Primary: any
 * count (cell or total) from 1 to threshold - 1 is hidden. Secondary: while a reader who knows the
 * shown values, every equation that holds (row cells add up to the row total, column cells to the
 * column total, row and column totals to the grand total) and the rules (a small value is
 * 1..threshold-1, a secondary one at least the threshold) could narrow a hidden value to exactly
 * one number, the smallest shown non-zero value on that equation is hidden too (a cell before a
 * total). If nothing is left to hide, every value is hidden.
 *
 * `rowTotals` and `columnTotals` are counts of distinct answer sets, which differ from the sums of
 * cells when a question allows several answers (see CrossTabOptions).
 */
export function suppressCrossTab(
  counts: number[][],
  margins: { rowTotals: number[]; columnTotals: number[]; total: number },
  threshold: number,
  options: CrossTabOptions,
): SuppressedCrossTab {
  assertThreshold(threshold);
  const rows = counts.length;
  const columns = margins.columnTotals.length;
  if (margins.rowTotals.length !== rows || counts.some((row) => row.length !== columns)) {
    throw new RangeError("A cross-tab needs one row total per row and one column total per column");
  }
  // Every value in one list: cells first (row by row), then row totals, column totals, the grand total.
  const values = [...counts.flat(), ...margins.rowTotals, ...margins.columnTotals, margins.total];
  values.forEach((value, index) => assertCount(value, `cross-tab value ${index}`));
  const cellIndex = (row: number, column: number) => row * columns + column;
  const rowTotalIndex = (row: number) => rows * columns + row;
  const columnTotalIndex = (column: number) => rows * columns + rows + column;
  const totalIndex = values.length - 1;

  const equations: { members: number[]; total: number }[] = [];
  if (options.rowsAddUp) {
    for (let row = 0; row < rows; row++) {
      equations.push({ members: range(columns).map((column) => cellIndex(row, column)), total: rowTotalIndex(row) });
    }
    equations.push({ members: range(columns).map(columnTotalIndex), total: totalIndex });
  }
  if (options.columnsAddUp) {
    for (let column = 0; column < columns; column++) {
      equations.push({ members: range(rows).map((row) => cellIndex(row, column)), total: columnTotalIndex(column) });
    }
    equations.push({ members: range(rows).map(rowTotalIndex), total: totalIndex });
  }

  const reasons: (SuppressionReason | null)[] = values.map((value) => (isSmall(value, threshold) ? "small" : null));
  for (;;) {
    const pinned = firstPinnedHiddenValue(values, reasons, equations, threshold);
    if (pinned === undefined) break;
    const next = nextToHide(values, reasons, equations, pinned, rows * columns);
    if (next === undefined) {
      reasons.fill("base");
      break;
    }
    reasons[next] = "secondary";
  }

  const cell = (index: number) => toCell(values[index]!, reasons[index] ?? null);
  return {
    cells: range(rows).map((row) => range(columns).map((column) => cell(cellIndex(row, column)))),
    rowTotals: range(rows).map((row) => cell(rowTotalIndex(row))),
    columnTotals: range(columns).map((column) => cell(columnTotalIndex(column))),
    total: cell(totalIndex),
  };
}

/**
 * What a reader can work out: every hidden value starts as the interval the rules allow, then each
 * equation narrows its members until nothing changes. Returns the hidden values narrowed to one
 * number, if any.
 */
function firstPinnedHiddenValue(
  values: number[],
  reasons: (SuppressionReason | null)[],
  equations: { members: number[]; total: number }[],
  threshold: number,
): number[] | undefined {
  const known: Interval[] = values.map((value, index) => {
    const reason = reasons[index];
    if (reason === null || reason === undefined) return { low: value, high: value };
    return reason === "small" ? { low: 1, high: threshold - 1 } : { low: threshold, high: Infinity };
  });
  for (let changed = true, rounds = 0; changed && rounds < 100; rounds++) {
    changed = false;
    for (const { members, total } of equations) {
      const sumLow = sum(members.map((member) => known[member]!.low));
      const sumHigh = sum(members.map((member) => known[member]!.high));
      changed = narrow(known, total, sumLow, sumHigh) || changed;
      for (const member of members) {
        const othersLow = sumLow - known[member]!.low;
        // Infinity minus Infinity is NaN: recompute without this member when any high end is open.
        const othersHigh = sum(members.filter((other) => other !== member).map((other) => known[other]!.high));
        changed = narrow(known, member, known[total]!.low - othersHigh, known[total]!.high - othersLow) || changed;
      }
    }
  }
  const pinned = reasons.flatMap((reason, index) => (reason !== null && known[index]!.low >= known[index]!.high ? [index] : []));
  return pinned.length === 0 ? undefined : pinned;
}

function narrow(known: Interval[], index: number, low: number, high: number): boolean {
  const current = known[index]!;
  const next = { low: Math.max(current.low, low), high: Math.min(current.high, high) };
  if (next.low === current.low && next.high === current.high) return false;
  known[index] = next;
  return true;
}

/**
 * The next value to hide: on an equation through a pinned value, preferring the equation with the
 * fewest hidden values (the one that gives the value away), then a cell before a total, then the
 * smallest shown non-zero value.
 */
function nextToHide(
  values: number[],
  reasons: (SuppressionReason | null)[],
  equations: { members: number[]; total: number }[],
  pinned: number[],
  firstTotal: number,
): number | undefined {
  const isHidden = (index: number) => reasons[index] !== null;
  const through = equations
    .filter((equation) => pinned.some((index) => equation.total === index || equation.members.includes(index)))
    .map((equation) => ({ ...equation, hidden: [...equation.members, equation.total].filter(isHidden).length }))
    .sort((a, b) => a.hidden - b.hidden);
  for (const equation of through) {
    const candidates = [...equation.members, equation.total].filter((index) => !isHidden(index) && values[index]! > 0);
    candidates.sort((a, b) => Number(a >= firstTotal) - Number(b >= firstTotal) || values[a]! - values[b]! || a - b);
    if (candidates[0] !== undefined) return candidates[0];
  }
  return undefined;
}

function range(length: number): number[] {
  return Array.from({ length }, (_, index) => index);
}
