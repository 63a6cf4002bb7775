import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CHANNELS, VARIANTS } from "../../db/enums";
import { RESPONSE_FACETS } from "./facets";

type ChoiceQuestion = { name: string; title: string; options: { value: string; label: string }[] };

function Select({ name, label, value, children }: { name: string; label: string; value?: string; children: React.ReactNode }) {
  return (
    <div>
      <label htmlFor={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name} defaultValue={value ?? ""}>
        {children}
      </select>
    </div>
  );
}

/**
 * Filters and the cross-tab choice, as one GET form: the view is in the address, works without
 * JavaScript, and a filtered view can be bookmarked.
 */
export function ResultsFilters({
  questions,
  locales,
  events,
  current,
}: {
  questions: ChoiceQuestion[];
  locales: string[];
  /** The consultation's events: choosing one narrows the answers that came through it and its notes, votes and attendance. */
  events: { id: string; title: string }[];
  current: Record<string, string>;
}) {
  const { t } = useTranslation("analysis");
  const any = <option value="">{t("any")}</option>;
  return (
    <Form method="get" className="results-filters" aria-labelledby="filters-heading">
      <h2 id="filters-heading" className="heading-m">
        {t("filtersHeading")}
      </h2>
      <div className="results-filters__grid">
        <Select name="channel" label={t("facet.channel")} value={current.channel}>
          {any}
          {CHANNELS.map((channel) => (
            <option key={channel} value={channel}>
              {t(`facetValue.channel.${channel}`)}
            </option>
          ))}
        </Select>
        <Select name="variant" label={t("facet.variant")} value={current.variant}>
          {any}
          {VARIANTS.map((variant) => (
            <option key={variant} value={variant}>
              {t(`facetValue.variant.${variant}`)}
            </option>
          ))}
        </Select>
        <Select name="locale" label={t("facet.locale")} value={current.locale}>
          {any}
          {locales.map((locale) => (
            <option key={locale} value={locale}>
              {t(`facetValue.locale.${locale}`, { defaultValue: locale })}
            </option>
          ))}
        </Select>
        {events.length > 0 ? (
          <Select name="event" label={t("context:eventFilter.label")} value={current.event}>
            {any}
            {events.map((event) => (
              <option key={event.id} value={event.id}>
                {event.title}
              </option>
            ))}
          </Select>
        ) : null}
        <div>
          <label htmlFor="filter-from">{t("from")}</label>
          <input id="filter-from" type="date" name="from" defaultValue={current.from ?? ""} />
        </div>
        <div>
          <label htmlFor="filter-to">{t("to")}</label>
          <input id="filter-to" type="date" name="to" defaultValue={current.to ?? ""} />
        </div>
        <Select name="answer" label={t("answerFilter")} value={current.answer}>
          {any}
          {questions.map((question) => (
            <optgroup key={question.name} label={question.title}>
              {question.options.map((option) => (
                <option key={option.value} value={`${question.name}:${option.value}`}>
                  {option.label}
                </option>
              ))}
            </optgroup>
          ))}
        </Select>
      </div>
      <h3 className="heading-s">{t("crossTabHeading")}</h3>
      <div className="results-filters__grid">
        <Select name="of" label={t("crossTabOf")} value={current.of}>
          <option value="">{t("none")}</option>
          {questions.map((question) => (
            <option key={question.name} value={question.name}>
              {question.title}
            </option>
          ))}
        </Select>
        <Select name="by" label={t("crossTabBy")} value={current.by}>
          <option value="">{t("none")}</option>
          {RESPONSE_FACETS.map((facet) => (
            <option key={facet} value={facet}>
              {t(`facet.${facet}`)}
            </option>
          ))}
          {questions.map((question) => (
            <option key={question.name} value={`question:${question.name}`}>
              {question.title}
            </option>
          ))}
        </Select>
      </div>
      <button type="submit" className="button">
        {t("apply")}
      </button>
    </Form>
  );
}
