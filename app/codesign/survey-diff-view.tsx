// A survey difference (app/codesign/survey-diff.ts) in plain words, question by question.
import { useTranslation } from "react-i18next";
import { TypedText } from "~/components/typed-text";
import type { PropertyChange, SurveyDiff } from "./survey-diff";

function Change({ change }: { change: PropertyChange }) {
  const { t } = useTranslation("codesign");
  if ("added" in change) {
    return (
      <li>
        {t("history.choices")}
        <ul>
          {change.added.map((text) => (
            <li key={`+${text}`}>
              {t("history.choiceAdded")} <TypedText>{text}</TypedText>
            </li>
          ))}
          {change.removed.map((text) => (
            <li key={`-${text}`}>
              {t("history.choiceRemoved")} <TypedText>{text}</TypedText>
            </li>
          ))}
          {change.relabelled.map((choice) => (
            <li key={`~${choice.value}`}>
              <del>
                <TypedText>{choice.before}</TypedText>
              </del>{" "}
              <ins>
                <TypedText>{choice.after}</TypedText>
              </ins>
            </li>
          ))}
        </ul>
      </li>
    );
  }
  const label =
    "locale" in change
      ? t(change.property === "title" ? "history.titleChange" : "history.descriptionChange", { locale: change.locale === "default" ? "en" : change.locale })
      : t("history.property", { property: change.property });
  return (
    <li>
      {label}{" "}
      {change.before ? (
        <del>
          <TypedText>{change.before}</TypedText>
        </del>
      ) : (
        <span className="hint">{t("history.nothing")}</span>
      )}{" "}
      {change.after ? (
        <ins>
          <TypedText>{change.after}</TypedText>
        </ins>
      ) : (
        <span className="hint">{t("history.nothing")}</span>
      )}
    </li>
  );
}

export function SurveyDiffView({ diff }: { diff: SurveyDiff }) {
  const { t } = useTranslation("codesign");
  if (diff.pages.length === 0 && diff.questions.length === 0) return <p>{t("history.same")}</p>;
  return (
    <ul className="survey-diff">
      {diff.pages.map((page) => (
        <li key={`page-${page.kind}-${page.name}`}>
          {page.kind === "retitled" ? (
            <>
              {t("history.pageRetitled")}{" "}
              <del>
                <TypedText>{page.before}</TypedText>
              </del>{" "}
              <ins>
                <TypedText>{page.after}</TypedText>
              </ins>
            </>
          ) : (
            <>
              {t(page.kind === "added" ? "history.pageAdded" : "history.pageRemoved")} <TypedText>{page.title}</TypedText>
            </>
          )}
        </li>
      ))}
      {diff.questions.map((question, index) => (
        <li key={`${question.kind}-${question.name}-${index}`}>
          <strong>
            <TypedText>{question.title}</TypedText>
          </strong>
          {": "}
          {question.kind === "changed" ? (
            <>
              {t("history.questionChanged")}
              <ul>
                {question.changes.map((change, changeIndex) => (
                  <Change key={changeIndex} change={change} />
                ))}
              </ul>
            </>
          ) : question.kind === "moved" ? (
            question.fromPage === question.toPage ? (
              t("history.questionMoved")
            ) : (
              t("history.questionMovedPage", { from: question.fromPage, to: question.toPage })
            )
          ) : (
            t(question.kind === "added" ? "history.questionAdded" : "history.questionRemoved")
          )}
        </li>
      ))}
    </ul>
  );
}
