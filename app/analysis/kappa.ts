/**
 * Agreement between two coders (Cohen's kappa). Pure: no I/O.
 *
 * kappa = (po - pe) / (1 - pe), where po is the share of items on which the two coders agree and pe
 * the agreement expected by chance from each coder's own label frequencies (Cohen, 1960). 1 is
 * perfect agreement, 0 what chance would give, below 0 worse than chance. When chance agreement is
 * already 1 (both coders gave every item the same single label) kappa is undefined: null.
 */

/** Cohen's kappa for two coders' labels of the same items (labels[i] from coder A, B). */
export function cohensKappa(pairs: readonly (readonly [string, string])[]): number | null {
  const n = pairs.length;
  if (n === 0) return null;
  const countsA = new Map<string, number>();
  const countsB = new Map<string, number>();
  let agreed = 0;
  for (const [a, b] of pairs) {
    if (a === b) agreed += 1;
    countsA.set(a, (countsA.get(a) ?? 0) + 1);
    countsB.set(b, (countsB.get(b) ?? 0) + 1);
  }
  const observed = agreed / n;
  let expected = 0;
  for (const [label, countA] of countsA) expected += (countA / n) * ((countsB.get(label) ?? 0) / n);
  if (expected >= 1) return null;
  return (observed - expected) / (1 - expected);
}

/** The four counts of a yes/no comparison: both applied it, only A, only B, neither. */
export type AgreementTable = { both: number; onlyA: number; onlyB: number; neither: number };

/** Kappa from a 2 × 2 table (a theme applied or not by each coder). */
export function kappaFromTable({ both, onlyA, onlyB, neither }: AgreementTable): number | null {
  const pairs: [string, string][] = [
    ...Array.from({ length: both }, (): [string, string] => ["yes", "yes"]),
    ...Array.from({ length: onlyA }, (): [string, string] => ["yes", "no"]),
    ...Array.from({ length: onlyB }, (): [string, string] => ["no", "yes"]),
    ...Array.from({ length: neither }, (): [string, string] => ["no", "no"]),
  ];
  return cohensKappa(pairs);
}

export type ThemeAgreement = { themeId: string; table: AgreementTable; kappa: number | null };

/**
 * Per theme, how two coders agree on the items both coded: each item is a set of theme ids from
 * each coder. Items only one coder has coded are left out (they are not yet a comparison).
 */
export function agreementPerTheme(
  themeIds: readonly string[],
  items: readonly { a: ReadonlySet<string>; b: ReadonlySet<string> }[],
): ThemeAgreement[] {
  return themeIds.map((themeId) => {
    const table: AgreementTable = { both: 0, onlyA: 0, onlyB: 0, neither: 0 };
    for (const { a, b } of items) {
      const inA = a.has(themeId);
      const inB = b.has(themeId);
      if (inA && inB) table.both += 1;
      else if (inA) table.onlyA += 1;
      else if (inB) table.onlyB += 1;
      else table.neither += 1;
    }
    return { themeId, table, kappa: kappaFromTable(table) };
  });
}
