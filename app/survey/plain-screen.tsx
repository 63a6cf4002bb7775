// One screen of the low-data survey as ordinary HTML form fields: no script, no survey-core in the
// browser. Each question is a fieldset (choices) or a labelled field, GOV.UK style: title, hint,
// error, input. Field names and ids come from plain-pages.server.ts ("a3", "a3-2", "a3-other").
import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import type { PlainQuestion } from "./plain-pages.server";

export type ScreenErrors = Partial<Record<string, string>>;

export function PlainQuestions({ questions, errors, lang }: { questions: PlainQuestion[]; errors: ScreenErrors; lang: string }) {
  let group = "";
  return (
    <>
      {questions.map((question) => {
        const heading = question.group && question.group !== group ? question.group : "";
        group = question.group;
        return (
          <Fragment key={question.name}>
            {heading ? <h2 className="heading-m">{heading}</h2> : null}
            <PlainQuestionField question={question} error={errors[question.name]} lang={lang} />
          </Fragment>
        );
      })}
    </>
  );
}

function PlainQuestionField({ question, error, lang }: { question: PlainQuestion; error?: string; lang: string }) {
  const { t } = useTranslation("answering");
  const hintId = `${question.field}-hint`;
  const errorId = `${question.field}-error`;
  const describedBy = [question.description ? hintId : "", error ? errorId : ""].filter(Boolean).join(" ") || undefined;
  const title = (
    <>
      {question.title}
      {question.required ? null : <span className="low-data__optional"> {t("lowData.optional")}</span>}
    </>
  );
  const chrome = (
    <>
      {question.description ? (
        <p id={hintId} className="field__hint">
          {question.description}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="field__error">
          <span className="visually-hidden">{t("lowData.errorPrefix")}</span> {error}
        </p>
      ) : null}
    </>
  );
  const className = `field${error ? " field--error" : ""}`;

  switch (question.kind) {
    case "text":
    case "textarea":
      return (
        <div className={className}>
          <label className="field__label" htmlFor={question.field}>
            {title}
          </label>
          {chrome}
          {question.kind === "textarea" ? (
            <textarea
              id={question.field}
              name={question.field}
              className="input input--textarea"
              rows={5}
              defaultValue={question.value}
              maxLength={question.maxLength}
              aria-describedby={describedBy}
              aria-invalid={error ? true : undefined}
              dir="auto"
            />
          ) : (
            <input
              id={question.field}
              name={question.field}
              // GOV.UK: numbers in a text box with a numeric keyboard; browsers' number boxes change on scroll.
              type={question.inputType === "number" ? "text" : question.inputType}
              inputMode={question.inputType === "number" ? "decimal" : undefined}
              className="input input--medium"
              defaultValue={question.value}
              maxLength={question.maxLength}
              aria-describedby={describedBy}
              aria-invalid={error ? true : undefined}
              spellCheck={question.inputType === "text" ? undefined : false}
            />
          )}
        </div>
      );
    case "radios":
    case "rating":
    case "checkboxes":
      return (
        <fieldset className={`${className} fieldset`} aria-describedby={describedBy}>
          <legend className="fieldset__legend">{title}</legend>
          {chrome}
          {question.kind === "checkboxes" ? <p className="field__hint">{t("lowData.pickAny")}</p> : null}
          <div className={question.kind === "rating" ? "choices choices--rating" : "choices"}>
            {question.choices.map((choice, index) => {
              const id = index === 0 ? question.field : `${question.field}-c${index + 1}`;
              const checked = question.kind === "checkboxes" ? question.value.includes(choice.value) : question.value === choice.value;
              const other = question.kind !== "rating" && question.other?.when === choice.value ? question.other : undefined;
              return (
                <div key={choice.value}>
                  <label className="choice" htmlFor={id}>
                    <input
                      id={id}
                      type={question.kind === "checkboxes" ? "checkbox" : "radio"}
                      name={question.field}
                      value={choice.value}
                      defaultChecked={checked}
                    />
                    {question.kind === "rating" && question.choices[index]!.picture ? (
                      <span className={`choice__picture choice__picture--${question.style}`} aria-hidden="true">
                        {question.choices[index]!.picture}
                      </span>
                    ) : null}
                    <span className="choice__label">{choice.text}</span>
                  </label>
                  {other ? (
                    <div className="choice__other">
                      <label className="field__label" htmlFor={`${question.field}-other`}>
                        {other.label}
                      </label>
                      <input id={`${question.field}-other`} name={`${question.field}-other`} className="input input--medium" defaultValue={other.value} dir="auto" />
                    </div>
                  ) : null}
                </div>
              );
            })}
          </div>
        </fieldset>
      );
    case "ranking":
      return (
        <fieldset className={`${className} fieldset`} aria-describedby={describedBy}>
          <legend className="fieldset__legend">{title}</legend>
          {chrome}
          <p className="field__hint">{t("lowData.rankingHint", { count: question.choices.length })}</p>
          {question.choices.map((choice, index) => {
            const name = `${question.field}-${index + 1}`;
            const id = index === 0 ? question.field : name;
            const rank = question.value.indexOf(choice.value);
            return (
              <div key={choice.value} className="ranking-item">
                <input
                  id={id}
                  name={name}
                  type="text"
                  inputMode="numeric"
                  className="input input--rank"
                  defaultValue={rank === -1 ? "" : String(rank + 1)}
                  aria-invalid={error ? true : undefined}
                />
                <label htmlFor={id}>{choice.text}</label>
              </div>
            );
          })}
        </fieldset>
      );
    case "matrix":
      return (
        <fieldset className={`${className} fieldset`} aria-describedby={describedBy}>
          <legend className="fieldset__legend">{title}</legend>
          {chrome}
          <div className="table-wrap">
            <table className="table matrix">
              <thead>
                <tr>
                  <td />
                  {question.columns.map((column) => (
                    <th key={column.value} scope="col">
                      {column.text}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {question.rows.map((row, rowIndex) => {
                  const name = `${question.field}-${rowIndex + 1}`;
                  return (
                    <tr key={row.value}>
                      <th scope="row" id={`${name}-row`}>
                        {row.text}
                      </th>
                      {question.columns.map((column, columnIndex) => {
                        const id = rowIndex === 0 && columnIndex === 0 ? question.field : `${name}-c${columnIndex + 1}`;
                        return (
                          <td key={column.value}>
                            <label className="matrix__cell" htmlFor={id}>
                              <input id={id} type="radio" name={name} value={column.value} defaultChecked={question.value[row.value] === column.value} />
                              <span className="visually-hidden">
                                {row.text}: {column.text}
                              </span>
                            </label>
                          </td>
                        );
                      })}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </fieldset>
      );
    case "multipletext":
      return (
        <fieldset className={`${className} fieldset`} aria-describedby={describedBy}>
          <legend className="fieldset__legend">{title}</legend>
          {chrome}
          {question.items.map((item, index) => {
            const id = index === 0 ? question.field : `${question.field}-${index + 1}`;
            return (
              <div key={item.value} className="field">
                <label className="field__label" htmlFor={id}>
                  {item.text}
                </label>
                <input
                  id={id}
                  name={`${question.field}-${index + 1}`}
                  type={item.inputType === "number" ? "text" : item.inputType}
                  inputMode={item.inputType === "number" ? "decimal" : undefined}
                  className="input input--medium"
                  defaultValue={question.value[item.value] ?? ""}
                />
              </div>
            );
          })}
        </fieldset>
      );
    case "html":
      return <div className="field" lang={lang} dangerouslySetInnerHTML={{ __html: question.html }} />;
    case "unsupported":
      return (
        <div className="field inset">
          <p className="field__label">{question.title}</p>
          <p>{t("lowData.unsupported")}</p>
        </div>
      );
  }
}
