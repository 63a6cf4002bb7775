// Controlled fields for the builder, on react-aria-components with Heard's field styles. Text is
// committed when the person pauses, leaves the field or presses Enter, so undo steps are words,
// not letters, and every commit is saved.
import { useEffect, useRef, useState, type ReactNode } from "react";
import {
  Button,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Select,
  SelectValue,
  Text,
  TextArea,
  TextField,
} from "react-aria-components";

/** How long a pause in typing is before the text is committed (and saved). */
const COMMIT_AFTER_MS = 800;

export function CommitTextField({
  id,
  label,
  hint,
  value,
  onCommit,
  multiline = false,
  type = "text",
  width,
}: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  onCommit: (text: string) => void;
  multiline?: boolean;
  type?: "text" | "number";
  width?: "short";
}) {
  const [text, setText] = useState(value);
  const committed = useRef(value);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef({ text, onCommit });
  latest.current = { text, onCommit };

  const commit = () => {
    clearTimeout(timer.current);
    if (latest.current.text === committed.current) return;
    committed.current = latest.current.text;
    latest.current.onCommit(latest.current.text);
  };
  // Leaving the editor (another question chosen) keeps what was typed.
  useEffect(() => commit, []);

  return (
    <TextField
      id={id}
      value={text}
      type={type}
      onChange={(next) => {
        setText(next);
        clearTimeout(timer.current);
        timer.current = setTimeout(commit, COMMIT_AFTER_MS);
      }}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === "Enter" && !multiline) commit();
      }}
      className="field"
    >
      <Label className="field__label">{label}</Label>
      {hint ? (
        <Text slot="description" className="field__hint">
          {hint}
        </Text>
      ) : null}
      {multiline ? <TextArea className="input input--textarea" rows={4} /> : <Input className={`input${width ? ` input--${width}` : ""}`} />}
    </TextField>
  );
}

export type MenuOption = { value: string; label: string };

/** A menu to pick one thing from (react-aria Select): opens with Enter, Space or the arrow keys. */
export function MenuSelect({
  label,
  options,
  value,
  onChange,
  hint,
}: {
  label: string;
  options: MenuOption[];
  value: string | null;
  onChange: (value: string) => void;
  hint?: ReactNode;
}) {
  return (
    <Select
      selectedKey={value}
      onSelectionChange={(key) => {
        if (key !== null) onChange(String(key));
      }}
      className="field builder-select"
    >
      <Label className="field__label">{label}</Label>
      {hint ? (
        <Text slot="description" className="field__hint">
          {hint}
        </Text>
      ) : null}
      <Button className="input builder-select__button">
        <SelectValue />
        <span aria-hidden="true" className="builder-select__arrow">
          ▾
        </span>
      </Button>
      <Popover className="builder-select__popover">
        <ListBox className="builder-select__list">
          {options.map((option) => (
            <ListBoxItem key={option.value} id={option.value} textValue={option.label} className="builder-select__option">
              {option.label}
            </ListBoxItem>
          ))}
        </ListBox>
      </Popover>
    </Select>
  );
}
