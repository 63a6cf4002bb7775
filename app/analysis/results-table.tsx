import { useTranslation } from "react-i18next";
import { TableCellLabel } from "~/components/table-cell-label";
import type { QuestionSummary } from "./summarise";

/** One question's counts; suppressed cells read "fewer than N" and never show a percentage. */
export function ResultsTable({ question, threshold }: { question: QuestionSummary; threshold: number }) {
  const { t } = useTranslation();
  const captionId = `results-${question.name}`;
  const fewer = t("results.fewerThan", { threshold });
  const answered = question.answeredSuppressed ? fewer : String(question.answered ?? 0);
  return (
    <section className="section" aria-labelledby={captionId}>
      <h2 id={captionId} className="heading-m">
        {question.title}
      </h2>
      <p className="hint">{t("results.answered", { answered })}</p>
      {question.kind === "choice" ? (
        <div className="table-wrap">
          <table className="table table--stack">
            <caption className="visually-hidden">{question.title}</caption>
            <thead>
              <tr>
                <th scope="col">{t("results.answer")}</th>
                <th scope="col" className="num">
                  {t("results.count")}
                </th>
                <th scope="col" className="num">
                  {t("results.percent")}
                </th>
              </tr>
            </thead>
            <tbody>
              {question.cells.map((cell) => (
                <tr key={cell.value}>
                  <th scope="row">{cell.label}</th>
                  <td className="num">
                    <TableCellLabel>{t("results.count")}</TableCellLabel>
                    {cell.suppressed ? (cell.reason === "secondary" ? t("results.hiddenCell") : fewer) : cell.count}
                  </td>
                  <td className="num">
                    <TableCellLabel>{t("results.percent")}</TableCellLabel>
                    {cell.percent === null ? (
                      <>
                        <span aria-hidden="true">–</span>
                        <span className="visually-hidden">{t("results.percentHidden")}</span>
                      </>
                    ) : (
                      `${cell.percent}%`
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
