// Form fields on react-aria-components, laid out as GOV.UK does: label, hint, error, input.
import { useEffect, useId, useRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import {
  Checkbox,
  FieldError,
  Input,
  Label,
  Radio,
  RadioGroup,
  Text,
  TextArea,
  TextField,
} from "react-aria-components";

type FieldProps = {
  name: string;
  /** When the same field name appears more than once on a page; defaults to the name. */
  id?: string;
  label: string;
  hint?: string;
  error?: string;
  defaultValue?: string;
  isRequired?: boolean;
};

/** Label, hint and error, in GOV.UK order, wired to the field by react-aria's slots. */
function FieldChrome({ label, hint, error }: Pick<FieldProps, "label" | "hint" | "error">) {
  return (
    <>
      <Label className="field__label">{label}</Label>
      {hint ? (
        <Text slot="description" className="field__hint">
          {hint}
        </Text>
      ) : null}
      <FieldError className="field__error">{error}</FieldError>
    </>
  );
}

/** The props every react-aria field here shares: id = name (for error summary links), server-side errors. */
function fieldState(props: FieldProps) {
  return {
    id: props.id ?? props.name,
    name: props.name,
    defaultValue: props.defaultValue,
    isRequired: props.isRequired,
    isInvalid: !!props.error,
    validationBehavior: "aria" as const,
    className: `field${props.error ? " field--error" : ""}`,
  };
}

export function TextInputField({
  type = "text",
  autoComplete,
  inputMode,
  width,
  ...props
}: FieldProps & { type?: string; autoComplete?: string; inputMode?: "numeric" | "email"; width?: "short" | "medium" }) {
  return (
    <TextField {...fieldState(props)} type={type} autoComplete={autoComplete} inputMode={inputMode}>
      <FieldChrome {...props} />
      <Input className={`input${width ? ` input--${width}` : ""}`} />
    </TextField>
  );
}

export function TextAreaField(props: FieldProps & { rows?: number }) {
  return (
    <TextField {...fieldState(props)}>
      <FieldChrome {...props} />
      <TextArea className="input input--textarea" rows={props.rows ?? 4} />
    </TextField>
  );
}

export function RadioField({
  options,
  ...props
}: FieldProps & { options: { value: string; label: ReactNode; description?: ReactNode }[] }) {
  return (
    <RadioGroup {...fieldState(props)}>
      <FieldChrome {...props} />
      <div className="radios">
        {options.map((option) => (
          <Radio key={option.value} value={option.value} className="radio">
            <span className="radio__label">{option.label}</span>
            {option.description ? <span className="radio__description">{option.description}</span> : null}
          </Radio>
        ))}
      </div>
    </RadioGroup>
  );
}

/** A single yes/no checkbox; it sends `value` only when ticked. Its hint is read with it. */
/**
 * A checkbox with its hint read as its description. Either part of a posted form (`name`,
 * `defaultSelected`) or controlled by the page (`isSelected`, `onChange`), as in the builder.
 */
export function CheckboxField({
  name,
  label,
  hint,
  defaultSelected,
  isSelected,
  onChange,
  value = "yes",
}: {
  name?: string;
  label: string;
  hint?: string;
  defaultSelected?: boolean;
  isSelected?: boolean;
  onChange?: (selected: boolean) => void;
  value?: string;
}) {
  const hintId = useId();
  return (
    <div className="field">
      <Checkbox
        id={name}
        name={name}
        value={name ? value : undefined}
        defaultSelected={defaultSelected}
        isSelected={isSelected}
        onChange={onChange}
        aria-describedby={hint ? hintId : undefined}
        className="checkbox"
      >
        <span className="checkbox__label">{label}</span>
      </Checkbox>
      {hint ? (
        <p id={hintId} className="field__hint checkbox__hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/**
 * GOV.UK error summary: "There is a problem", a link to each field, focus moved here, and the
 * page title prefixed with "Error: " while errors show.
 */
export function ErrorSummary({
  errors,
  onSelect,
}: {
  errors: { field: string; message: string }[];
  /** Lets a caller move to a field the page cannot reach by anchor alone (e.g. a survey question on another page). */
  onSelect?: (field: string) => boolean;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const key = errors.map((e) => e.field + e.message).join("|");
  useEffect(() => {
    if (!errors.length) return;
    ref.current?.focus();
    const prefix = t("errors.titlePrefix");
    const original = document.title;
    if (!original.startsWith(prefix)) document.title = prefix + original;
    return () => {
      document.title = original;
    };
    // Re-run when the set of errors changes, not on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  if (!errors.length) return null;
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title" className="error-summary__title">
        {t("errors.summaryTitle")}
      </h2>
      <ul className="error-summary__list">
        {errors.map((error) => (
          <li key={error.field + error.message}>
            <a
              href={`#${error.field}`}
              onClick={(event) => {
                if (onSelect?.(error.field)) event.preventDefault();
              }}
            >
              {error.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function fieldErrorList(errors: Partial<Record<string, string>> | undefined, order: readonly string[]) {
  if (!errors) return [];
  return order.flatMap((field) => (errors[field] ? [{ field, message: errors[field]! }] : []));
}
