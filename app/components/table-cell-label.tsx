import type { ReactNode } from "react";

/**
 * A cell's column name, shown only where a `.table--stack` table lays each row out as a block (on
 * a phone). Hidden from screen readers, which announce the table's own column header instead.
 */
export function TableCellLabel({ children }: { children: ReactNode }) {
  return (
    <span className="table__cell-label" aria-hidden="true">
      {children}
    </span>
  );
}
