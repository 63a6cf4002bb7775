// What a child can change on every public page: language, display settings, and a way out.
// Plain forms and links, so each works without JavaScript.
import { Form, useLocation } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";
import { LOCALE_NAMES, type Locale } from "~/i18n/i18n";
import { DEFAULT_READING, TEXT_SIZES, type ReadingPreferences } from "./preferences";

/** A neutral site to leave for: nothing on it says where the child was. */
export const QUICK_EXIT_URL = "https://www.bbc.co.uk/weather";

function useHere() {
  const location = useLocation();
  return location.pathname + location.search;
}

/**
 * The other languages offered, each named in itself, as buttons of one form: always in view, so a
 * child who cannot read the current language can still find their own.
 */
export function LanguagePicker({ languages }: { languages: readonly Locale[] }) {
  const { t, i18n } = useTranslation();
  const here = useHere();
  const current = i18n.language as Locale;
  return (
    <Form method="post" action="/language" aria-label={t("languagePicker.label")} className="language-switcher">
      <CsrfInput />
      <input type="hidden" name="redirectTo" value={here} />
      <ul className="language-picker__list">
        {languages
          .filter((lng) => lng !== current)
          .map((lng) => (
            <li key={lng}>
              <button type="submit" name="lng" value={lng} className="link-button" lang={lng}>
                {LOCALE_NAMES[lng]}
              </button>
            </li>
          ))}
      </ul>
    </Form>
  );
}

export function DisplaySettings({ reading = DEFAULT_READING }: { reading?: ReadingPreferences }) {
  const { t } = useTranslation();
  const here = useHere();
  const sizeLabel = { standard: "display.textSizeStandard", large: "display.textSizeLarge", larger: "display.textSizeLarger" } as const;
  return (
    <details className="display-settings">
      <summary>{t("display.summary")}</summary>
      <Form method="post" action="/reading" className="display-settings__form">
        <CsrfInput />
        <input type="hidden" name="redirectTo" value={here} />
        <input type="hidden" name="part" value="display" />
        <p className="hint">{t("display.intro")}</p>
        <fieldset className="plain-choices">
          <legend>{t("display.textSize")}</legend>
          {TEXT_SIZES.map((size) => (
            <label key={size} className="plain-choice">
              <input type="radio" name="textSize" value={size} defaultChecked={reading.textSize === size} />
              <span>{t(sizeLabel[size])}</span>
            </label>
          ))}
        </fieldset>
        <div className="plain-choices">
          <label className="plain-choice">
            <input type="checkbox" name="highContrast" defaultChecked={reading.highContrast} />
            <span>{t("display.contrast")}</span>
          </label>
          <label className="plain-choice">
            <input type="checkbox" name="readableFont" defaultChecked={reading.readableFont} />
            <span>{t("display.font")}</span>
          </label>
          <label className="plain-choice">
            <input type="checkbox" name="reducedMotion" defaultChecked={reading.reducedMotion} />
            <span>{t("display.motion")}</span>
          </label>
        </div>
        <button type="submit" className="button button--secondary">
          {t("display.save")}
        </button>
      </Form>
    </details>
  );
}

/**
 * Leaves at once for a neutral site. With JavaScript it replaces this page in the history, so Back
 * does not return to the survey, and Escape pressed twice does the same; without, it is a link.
 */
export function QuickExit() {
  const { t } = useTranslation();
  useEffect(() => {
    let escapes = 0;
    const onKey = (event: KeyboardEvent) => {
      escapes = event.key === "Escape" ? escapes + 1 : 0;
      if (escapes >= 2) leaveNow();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  return (
    <div className="quick-exit">
      <a
        href={QUICK_EXIT_URL}
        className="quick-exit__button"
        rel="noreferrer"
        onClick={(event) => {
          event.preventDefault();
          leaveNow();
        }}
      >
        {t("quickExit.button")}
      </a>
      <span className="quick-exit__hint">{t("quickExit.hint")}</span>
    </div>
  );
}

function leaveNow() {
  // Nothing of the page should linger on screen while the next site loads.
  document.body.hidden = true;
  window.location.replace(QUICK_EXIT_URL);
}
