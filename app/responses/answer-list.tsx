import { useTranslation } from "react-i18next";
import type { DescribedAnswer } from "./describe-answers.server";

/**
 * A response's answers as a description list: question, then exactly what was stored, isolated
 * (dir="auto") in the language it was written in; matched phrases are marked.
 */
export function AnswerList({ answers, lang }: { answers: DescribedAnswer[]; lang: string }) {
  const { t } = useTranslation();
  if (answers.length === 0) return <p>{t("answers.none")}</p>;
  return (
    <dl className="summary-list">
      {answers.map((answer) => (
        <div key={answer.name}>
          <dt>
            {answer.title}
            {answer.other ? ` (${t("answers.other")})` : null}
            {answer.flagged ? (
              <>
                {" "}
                <span className="tag">{t("answers.flagged")}</span>
              </>
            ) : null}
          </dt>
          <dd>
            <p dir="auto" lang={lang} style={{ whiteSpace: "pre-wrap", margin: 0 }}>
              {answer.segments.map((segment, index) =>
                segment.marked ? (
                  // Screen readers do not announce <mark>, so the highlight is said in words too.
                  <mark key={index}>
                    <span className="visually-hidden">{t("answers.markStart")}</span>
                    {segment.text}
                    <span className="visually-hidden">{t("answers.markEnd")}</span>
                  </mark>
                ) : (
                  <span key={index}>{segment.text}</span>
                ),
              )}
            </p>
          </dd>
        </div>
      ))}
    </dl>
  );
}
