// Choices a child makes before answering: the reading variant, and a language the survey has
// when it lacks theirs. Plain forms, so they work without JavaScript.
import { Form, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";
import { LOCALE_NAMES, type Locale } from "~/i18n/i18n";
import type { ReadingVariant } from "./preferences";

/** "These questions are not in Polish yet. You can answer them in: English, Cymraeg." */
export function SurveyLanguageNotice({ languages }: { languages: readonly Locale[] }) {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const current = i18n.language as Locale;
  return (
    <section className="survey-languages" aria-labelledby="survey-languages-heading">
      <h2 id="survey-languages-heading" className="heading-m">
        {t("surveyLanguage.notAvailable", { language: t(`languageName.${current}`) })}
      </h2>
      <Form method="post" action="/language">
        <CsrfInput />
        <input type="hidden" name="redirectTo" value={location.pathname} />
        <p>{t("surveyLanguage.answerIn")}</p>
        <ul className="language-picker__list">
          {languages.map((lng) => (
            <li key={lng}>
              <button type="submit" name="lng" value={lng} className="button button--secondary" lang={lng}>
                {LOCALE_NAMES[lng]}
              </button>
            </li>
          ))}
        </ul>
      </Form>
    </section>
  );
}

/** Easy read or standard, kept for the next pages. */
export function ReadingChoice({ variant }: { variant: ReadingVariant }) {
  const { t } = useTranslation();
  const location = useLocation();
  const options = [
    { value: "standard", label: t("reading.standard"), hint: t("reading.standardHint") },
    { value: "easy-read", label: t("reading.easyRead"), hint: t("reading.easyReadHint") },
  ] as const;
  return (
    <Form method="post" action="/reading" className="reading-choice">
      <CsrfInput />
      <input type="hidden" name="redirectTo" value={location.pathname} />
      <input type="hidden" name="part" value="variant" />
      <fieldset className="plain-choices">
        <legend className="heading-m">{t("reading.legend")}</legend>
        {options.map((option) => (
          <label key={option.value} className="plain-choice">
            <input type="radio" name="variant" value={option.value} defaultChecked={variant === option.value} />
            <span>
              <strong>{option.label}</strong>
              <br />
              <span className="hint">{option.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <button type="submit" className="button button--secondary">
        {t("reading.save")}
      </button>
    </Form>
  );
}
