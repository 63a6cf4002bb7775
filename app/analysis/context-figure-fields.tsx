// The fields of one context figure, shared by the add form and the edit page. Aggregate fields
// only: there is nowhere to type a child's name or record.
import { useTranslation } from "react-i18next";
import { TextInputField } from "~/components/form";

export const FIGURE_FIELD_ORDER = ["label", "group", "value", "source", "asOf"] as const;

export function ContextFigureFields({ errors, values }: { errors?: Partial<Record<string, string>>; values: Partial<Record<string, string>> }) {
  const { t } = useTranslation("context");
  const field = (name: (typeof FIGURE_FIELD_ORDER)[number]) => ({ name, label: t(`fields.${name}`), hint: t(`hints.${name}`), error: errors?.[name], defaultValue: values[name] });
  return (
    <>
      <TextInputField {...field("label")} isRequired />
      <TextInputField {...field("group")} width="medium" />
      <TextInputField {...field("value")} isRequired inputMode="numeric" width="short" />
      <TextInputField {...field("source")} isRequired />
      <TextInputField {...field("asOf")} isRequired type="date" width="medium" />
    </>
  );
}
