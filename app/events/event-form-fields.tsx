// The plan-an-event form's fields, shared by "plan" and "change": GOV.UK order (label, hint,
// error, input), every error linked from the summary by the field's id.
import { useTranslation } from "react-i18next";
import { ACCESS_ARRANGEMENTS, EVENT_FORMATS } from "../../db/enums";
import { RadioField, TextAreaField, TextInputField } from "~/components/form";

export type EventFormValues = Partial<Record<string, string | string[]>>;

function text(values: EventFormValues, name: string) {
  const value = values[name];
  return typeof value === "string" ? value : undefined;
}

function list(values: EventFormValues, name: string) {
  const value = values[name];
  return Array.isArray(value) ? value : [];
}

/** Tick boxes as plain inputs in a fieldset: each is its own target, with a 24px+ box and its label. */
function CheckboxList({
  name,
  legend,
  hint,
  error,
  options,
  checked,
}: {
  name: string;
  legend: string;
  hint?: string;
  error?: string;
  options: { value: string; label: string }[];
  checked: string[];
}) {
  const hintId = `${name}-hint`;
  const errorId = `${name}-error`;
  return (
    <fieldset className={`fieldset field${error ? " field--error" : ""}`} aria-describedby={[hint ? hintId : "", error ? errorId : ""].join(" ").trim() || undefined}>
      <legend className="field__label">{legend}</legend>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="field__error">
          {error}
        </p>
      ) : null}
      <div className="event-checks">
        {options.map((option, index) => (
          <div className="event-check" key={option.value}>
            {/* The first box carries the field's id, so the error summary's link lands on it. */}
            <input type="checkbox" id={index === 0 ? name : `${name}-${option.value}`} name={name} value={option.value} defaultChecked={checked.includes(option.value)} />
            <label htmlFor={index === 0 ? name : `${name}-${option.value}`}>{option.label}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

export function EventFormFields({
  errors = {},
  values = {},
  members,
}: {
  errors?: Partial<Record<string, string>>;
  values?: EventFormValues;
  members: { id: string; name: string }[];
}) {
  const { t } = useTranslation("events");
  return (
    <>
      <TextInputField name="title" label={t("fields.title.label")} hint={t("fields.title.hint")} error={errors.title} defaultValue={text(values, "title")} isRequired />
      <TextInputField name="day" type="date" label={t("fields.day.label")} error={errors.day} defaultValue={text(values, "day")} width="medium" isRequired />
      <TextInputField
        name="startTime"
        type="time"
        label={t("fields.startTime.label")}
        hint={t("fields.startTime.hint")}
        error={errors.startTime}
        defaultValue={text(values, "startTime")}
        width="short"
        isRequired
      />
      <TextInputField
        name="endTime"
        type="time"
        label={t("fields.endTime.label")}
        hint={t("fields.endTime.hint")}
        error={errors.endTime}
        defaultValue={text(values, "endTime")}
        width="short"
        isRequired
      />
      <RadioField
        name="format"
        label={t("fields.format.label")}
        error={errors.format}
        defaultValue={text(values, "format")}
        isRequired
        options={EVENT_FORMATS.map((format) => ({ value: format, label: t(`format.${format}`) }))}
      />
      <TextInputField name="place" label={t("fields.place.label")} hint={t("fields.place.hint")} error={errors.place} defaultValue={text(values, "place")} />
      <TextInputField
        name="onlineLink"
        type="url"
        label={t("fields.onlineLink.label")}
        hint={t("fields.onlineLink.hint")}
        error={errors.onlineLink}
        defaultValue={text(values, "onlineLink")}
      />
      <TextInputField name="whoFor" label={t("fields.whoFor.label")} hint={t("fields.whoFor.hint")} error={errors.whoFor} defaultValue={text(values, "whoFor")} />
      <CheckboxList
        name="accessArrangements"
        legend={t("fields.accessArrangements.label")}
        hint={t("fields.accessArrangements.hint")}
        error={errors.accessArrangements}
        checked={list(values, "accessArrangements")}
        options={ACCESS_ARRANGEMENTS.map((arrangement) => ({ value: arrangement, label: t(`accessShort.${arrangement}`) }))}
      />
      <TextAreaField
        name="accessNotes"
        label={t("fields.accessNotes.label")}
        hint={t("fields.accessNotes.hint")}
        error={errors.accessNotes}
        defaultValue={text(values, "accessNotes")}
        rows={3}
      />
      {members.length ? (
        <CheckboxList
          name="facilitators"
          legend={t("fields.facilitators.label")}
          hint={t("fields.facilitators.hint")}
          error={errors.facilitators}
          checked={list(values, "facilitators")}
          options={members.map((member) => ({ value: member.id, label: member.name }))}
        />
      ) : null}
      <TextInputField
        name="expectedNumbers"
        label={t("fields.expectedNumbers.label")}
        error={errors.expectedNumbers}
        defaultValue={text(values, "expectedNumbers")}
        inputMode="numeric"
        width="short"
      />
    </>
  );
}
