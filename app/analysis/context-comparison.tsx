// "Who answered, compared with who it was for": the consultation's context figures beside the
// responses (as filtered on the page), with a response rate where a figure's group matches an
// answer and the count may be shown.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Comparison } from "./context-figures";
import { TypedText } from "~/components/typed-text";

export function ContextComparison({
  comparisons,
  threshold,
  contextPath,
  canManage,
  filtered,
}: {
  comparisons: Comparison[];
  threshold: number;
  contextPath: string;
  canManage: boolean;
  filtered: boolean;
}) {
  const { t } = useTranslation("context");
  const { t: tc } = useTranslation();
  return (
    <section className="section" aria-labelledby="context-heading">
      <h2 id="context-heading">{t("comparison.heading")}</h2>
      {comparisons.length === 0 ? (
        <p>{t("comparison.none")}</p>
      ) : (
        <>
          <p>{filtered ? t("comparison.introFiltered") : t("comparison.intro")}</p>
          <div className="table-wrap" role="region" aria-labelledby="context-caption" tabIndex={0}>
            <table className="table">
              <caption id="context-caption" className="visually-hidden">
                {t("comparison.caption")}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t("comparison.figure")}</th>
                  <th scope="col" className="num">
                    {t("comparison.value")}
                  </th>
                  <th scope="col">{t("comparison.comparedWith")}</th>
                  <th scope="col" className="num">
                    {t("comparison.responses")}
                  </th>
                  <th scope="col" className="num">
                    {t("comparison.rate")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {comparisons.map((row) => (
                  <tr key={row.id}>
                    <th scope="row">
                      <TypedText>{row.label}</TypedText>
                      {row.group ? (
                        <>
                          {": "}
                          <TypedText>{row.group}</TypedText>
                        </>
                      ) : null}
                      <span className="table-note">
                        <TypedText>{row.source}</TypedText>, {row.asOf}
                      </span>
                    </th>
                    <td className="num">{row.value}</td>
                    <td>
                      {row.matched === null ? (
                        t("comparison.noMatch")
                      ) : row.matched === "all" ? (
                        t("comparison.allResponses")
                      ) : (
                        <>
                          <TypedText>{row.matched.question}</TypedText>: <TypedText>{row.matched.answer}</TypedText>
                        </>
                      )}
                    </td>
                    <td className="num">{row.matched === null ? t("comparison.notApplicable") : row.suppressed ? tc("results.fewerThan", { threshold }) : row.responses}</td>
                    <td className="num">{row.ratePercent === null ? t("comparison.noRate") : t("comparison.ratePercent", { percent: row.ratePercent })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <p>
        <Link to={contextPath}>{canManage ? t("comparison.manage") : t("comparison.see")}</Link>
      </p>
    </section>
  );
}
