import { useTranslation } from "react-i18next";
import type { SuppressedCell } from "./suppress";
import type { Category, CrossTab } from "./breakdown";

/** A category's name: a question option's own label, or the translated name of a channel, variant or language. */
export function useCategoryLabel() {
  const { t } = useTranslation("analysis");
  return (facet: string | null, category: Category) => category.label ?? t(`facetValue.${facet}.${category.value}`, { defaultValue: category.value });
}

/** The cross-tab as a table with its totals; hidden cells read "fewer than N" or "hidden". */
export function CrossTabTable({ crossTab, threshold }: { crossTab: CrossTab; threshold: number }) {
  const { t } = useTranslation("analysis");
  const label = useCategoryLabel();
  const facet = "facet" in crossTab.rows.by ? crossTab.rows.by.facet : null;
  const rowsTitle = crossTab.rows.title ?? t(`facet.${facet ?? "channel"}`);
  const caption = t("crossTabCaption", { column: crossTab.columns.title, rows: rowsTitle });
  const text = (cell: SuppressedCell) =>
    cell.suppressed ? (cell.reason === "small" ? t("fewerThan", { threshold }) : t("hidden")) : String(cell.count);
  return (
    <div className="table-wrap" role="region" aria-labelledby="cross-tab-caption" tabIndex={0}>
      <table className="table">
        <caption id="cross-tab-caption" className="heading-s">
          {caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">{rowsTitle}</th>
            {crossTab.columns.categories.map((category) => (
              <th scope="col" key={category.value} className="num">
                {category.label}
              </th>
            ))}
            <th scope="col" className="num">
              {t("total")}
            </th>
          </tr>
        </thead>
        <tbody>
          {crossTab.rows.categories.map((category, row) => (
            <tr key={category.value}>
              <th scope="row">{label(facet, category)}</th>
              {crossTab.table.cells[row]!.map((cell, column) => (
                <td key={crossTab.columns.categories[column]!.value} className="num">
                  {text(cell)}
                </td>
              ))}
              <td className="num">{text(crossTab.table.rowTotals[row]!)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t("total")}</th>
            {crossTab.table.columnTotals.map((cell, column) => (
              <td key={crossTab.columns.categories[column]!.value} className="num">
                {text(cell)}
              </td>
            ))}
            <td className="num">{text(crossTab.table.total)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
