import { useTranslation } from "react-i18next";
import { TableCellLabel } from "~/components/table-cell-label";
import { BarChart, useCellText } from "./bar-chart";
import type { CellCount, QuestionSummary } from "./summarise";

/** A hidden percent: a dash for the eye, a word for screen readers. */
function HiddenPercent() {
  const { t } = useTranslation("analysis");
  return (
    <>
      <span aria-hidden="true">–</span>
      <span className="visually-hidden">{t("percentHidden")}</span>
    </>
  );
}

function CountCell({ cell, threshold, label }: { cell: CellCount; threshold: number; label: string }) {
  const { t } = useTranslation("analysis");
  return (
    <td className="num">
      <TableCellLabel>{label}</TableCellLabel>
      {cell.suppressed ? (cell.reason === "secondary" ? t("hidden") : t("fewerThan", { threshold })) : cell.count}
    </td>
  );
}

function PercentCell({ cell, label }: { cell: CellCount; label: string }) {
  return (
    <td className="num">
      <TableCellLabel>{label}</TableCellLabel>
      {cell.percent === null ? <HiddenPercent /> : `${cell.percent}%`}
    </td>
  );
}

function ChoiceTable({ title, cells, threshold }: { title: string; cells: CellCount[]; threshold: number }) {
  const { t } = useTranslation("analysis");
  return (
    <div className="table-wrap">
      <table className="table table--stack">
        <caption className="visually-hidden">{t("tableCaption", { title })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("answer")}</th>
            <th scope="col" className="num">
              {t("count")}
            </th>
            <th scope="col" className="num">
              {t("percent")}
            </th>
          </tr>
        </thead>
        <tbody>
          {cells.map((cell) => (
            <tr key={cell.value}>
              <th scope="row">{cell.label}</th>
              <CountCell cell={cell} threshold={threshold} label={t("count")} />
              <PercentCell cell={cell} label={t("percent")} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function NumberStats({ question }: { question: Extract<QuestionSummary, { kind: "number" }> }) {
  const { t } = useTranslation("analysis");
  if (question.median === null) return <p>{t("numbersHidden")}</p>;
  return (
    <dl className="stat-list">
      <dt>{t("median")}</dt>
      <dd>{question.median}</dd>
      <dt>{t("range")}</dt>
      <dd>{t("rangeValue", { min: question.min, max: question.max })}</dd>
    </dl>
  );
}

function RankingTable({ question, threshold }: { question: Extract<QuestionSummary, { kind: "ranking" }>; threshold: number }) {
  const { t } = useTranslation("analysis");
  return (
    <div className="table-wrap">
      <table className="table table--stack">
        <caption className="visually-hidden">{t("tableCaption", { title: question.title })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("item")}</th>
            <th scope="col" className="num">
              {t("meanPosition")}
            </th>
            <th scope="col" className="num">
              {t("firstChoice")}
            </th>
          </tr>
        </thead>
        <tbody>
          {question.items.map((item) => (
            <tr key={item.value}>
              <th scope="row">{item.label}</th>
              <td className="num">
                <TableCellLabel>{t("meanPosition")}</TableCellLabel>
                {item.meanPosition === null ? <HiddenPercent /> : item.meanPosition}
              </td>
              <CountCell cell={item.first} threshold={threshold} label={t("firstChoice")} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function MatrixTable({ question, threshold }: { question: Extract<QuestionSummary, { kind: "matrix" }>; threshold: number }) {
  const { t } = useTranslation("analysis");
  const cellText = useCellText(threshold);
  return (
    <div className="table-wrap" role="region" aria-label={t("tableCaption", { title: question.title })} tabIndex={0}>
      <table className="table">
        <caption className="visually-hidden">{t("tableCaption", { title: question.title })}</caption>
        <thead>
          <tr>
            <td />
            {question.columns.map((column) => (
              <th scope="col" key={column.value} className="num">
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {question.rows.map((row) => (
            <tr key={row.value}>
              <th scope="row">{row.label}</th>
              {row.cells.map((cell) => (
                <td key={cell.value} className="num">
                  {cellText(cell)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One question's results: a chart with its data table, or the summary its kind allows. */
export function ResultsTable({ question, threshold, index }: { question: QuestionSummary; threshold: number; index: number }) {
  const { t } = useTranslation("analysis");
  const headingId = `results-${index}`;
  const answered = question.answeredSuppressed ? t("fewerThan", { threshold }) : String(question.answered ?? 0);
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId} className="heading-m">
        {question.title}
      </h2>
      <p className="hint">
        {t("answered", { answered })}
        {question.kind === "choice" && question.multi ? ` ${t("severalAnswers")}` : ""}
      </p>
      {question.kind === "choice" ? (
        <>
          <BarChart id={`chart-${index}`} title={question.title} cells={question.cells} threshold={threshold} />
          <ChoiceTable title={question.title} cells={question.cells} threshold={threshold} />
        </>
      ) : null}
      {question.kind === "number" ? <NumberStats question={question} /> : null}
      {question.kind === "ranking" ? <RankingTable question={question} threshold={threshold} /> : null}
      {question.kind === "matrix" ? <MatrixTable question={question} threshold={threshold} /> : null}
    </section>
  );
}
