// A server-rendered horizontal bar chart of one question's counts. It is an image with a title and
// a description that reads out every bar (role="img"), so a screen reader gets the same numbers as
// the data table beside it. Bars carry a pattern as well as a colour (WCAG 1.4.1), and the styles
// in analysis.css redraw them in system colours when forced colours are on.
import { useTranslation } from "react-i18next";
import type { CellCount } from "./summarise";

// No viewBox: text stays at its real size at any width, and bars are drawn in percentages of the
// chart's width (up to 75%, leaving room for the number after the longest bar).
const ROW = 48;
const BAR = 20;
const LABEL_CHARS = 32;
export const PATTERNS = ["diagonal", "dots", "cross", "horizontal"] as const;

/** How a cell reads in the chart: its count and percent, or why it is hidden. */
export function useCellText(threshold: number) {
  const { t } = useTranslation("analysis");
  return (cell: CellCount) => {
    if (cell.suppressed) return cell.reason === "secondary" ? t("hidden") : t("fewerThan", { threshold });
    return cell.percent === null ? String(cell.count ?? 0) : t("countAndPercent", { count: cell.count ?? 0, percent: cell.percent });
  };
}

function shorten(label: string) {
  return label.length > LABEL_CHARS ? `${label.slice(0, LABEL_CHARS - 1)}…` : label;
}

export function BarChart({ id, title, cells, threshold }: { id: string; title: string; cells: CellCount[]; threshold: number }) {
  const { t } = useTranslation("analysis");
  const cellText = useCellText(threshold);
  const largest = Math.max(1, ...cells.map((cell) => cell.count ?? 0));
  const height = cells.length * ROW + 4;
  const description = cells.map((cell) => `${cell.label}: ${cellText(cell)}`).join("; ");
  return (
    <svg
      className="chart"
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      width="100%"
      height={height}
    >
      <title id={`${id}-title`}>{t("chartTitle", { title })}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      <defs>
        <pattern id={`${id}-diagonal`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect className="chart__fill" width="6" height="6" />
          <line className="chart__ink" x1="0" y1="0" x2="0" y2="6" strokeWidth="3" />
        </pattern>
        <pattern id={`${id}-dots`} width="6" height="6" patternUnits="userSpaceOnUse">
          <rect className="chart__fill" width="6" height="6" />
          <circle className="chart__ink chart__ink--solid" cx="3" cy="3" r="1.6" />
        </pattern>
        <pattern id={`${id}-cross`} width="6" height="6" patternUnits="userSpaceOnUse">
          <rect className="chart__fill" width="6" height="6" />
          <path className="chart__ink" d="M0 0L6 6M6 0L0 6" strokeWidth="1.2" />
        </pattern>
        <pattern id={`${id}-horizontal`} width="6" height="6" patternUnits="userSpaceOnUse">
          <rect className="chart__fill" width="6" height="6" />
          <line className="chart__ink" x1="0" y1="3" x2="6" y2="3" strokeWidth="2" />
        </pattern>
      </defs>
      {cells.map((cell, index) => {
        const y = index * ROW;
        const length = cell.count === null ? 0 : Math.max(cell.count > 0 ? 0.5 : 0, (cell.count / largest) * 75);
        return (
          <g key={cell.value} aria-hidden="true">
            <text className="chart__label" x="0" y={y + 15}>
              {shorten(cell.label)}
            </text>
            {length > 0 ? (
              <rect
                className="chart__bar"
                x="0"
                y={y + 20}
                width={`${length}%`}
                height={BAR}
                fill={`url(#${id}-${PATTERNS[index % PATTERNS.length]})`}
              />
            ) : null}
            <text className={cell.suppressed ? "chart__value chart__value--hidden" : "chart__value"} x={`${length}%`} dx={length > 0 ? 6 : 0} y={y + 36}>
              {cellText(cell)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
