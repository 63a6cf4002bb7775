// The editor panel for one question: what it says, whether it must be answered, the options of
// its kind, and show-if logic. Every change goes through the pure operations in definition.ts.
import { Button, Label, Radio, RadioGroup } from "react-aria-components";
import { useTranslation } from "react-i18next";
import {
  addChoice,
  choicesOf,
  editableTitle,
  elementAt,
  isRequired,
  moveChoice,
  pagesOf,
  removeChoice,
  setChoiceImage,
  setChoiceText,
  setDescription,
  setLocalizedProperty,
  setProperty,
  setRatingScale,
  setRequired,
  setSpecialAnswer,
  setTitle,
  type Definition,
  type Location,
} from "./definition";
import { CheckboxField } from "~/components/form";
import { CommitTextField, MenuSelect } from "./fields";
import { readText, shownText, type BuilderLocale } from "./localized";
import {
  advancedProperties,
  CONDITION_KINDS,
  kindOfElement,
  RATING_STYLES,
  SPECIAL_ANSWER_KINDS,
  type Element,
  type QuestionKind,
} from "./question-kinds";
import { buildShowIf, parseShowIf, type ShowIf, type ShowIfOperator, type ShowIfRule } from "./show-if";
import { SYMBOLS } from "./symbols";
import { useUploadedPictures } from "./uploaded-pictures";

type EditorProps = {
  definition: Definition;
  at: Location;
  locale: BuilderLocale;
  onChange: (next: Definition) => void;
  specialTexts: { refuse: Record<string, string>; dontKnow: Record<string, string> };
};

export function QuestionEditor(props: EditorProps) {
  const { definition, at, locale, onChange } = props;
  const { t } = useTranslation("builder");
  const element = elementAt(definition, at);
  const kind = kindOfElement(element);
  const id = (field: string) => `q-${at.page}-${at.index}-${field}`;

  if (kind === "advanced") {
    return (
      <div className="stack">
        <p>{t("editor.kind", { kind: t("kinds.advanced") })}</p>
        <p>{t("editor.advancedElement")}</p>
        <AdvancedList element={element} />
      </div>
    );
  }

  return (
    <div className="stack">
      <p className="hint">
        {t("editor.kind", { kind: t(`kinds.${kind}`) })}
        {typeof element.name === "string" ? ` · ${t("editor.name", { name: element.name })}` : null}
      </p>
      {kind === "information" ? (
        <CommitTextField
          id={id("html")}
          label={t("editor.information")}
          hint={t("editor.informationHint")}
          multiline
          value={readText(element.html, locale)}
          onCommit={(text) => onChange(setLocalizedProperty(definition, at, "html", locale, text))}
        />
      ) : (
        <>
          <CommitTextField
            id={id("title")}
            label={t("editor.questionTitle")}
            value={editableTitle(element, locale)}
            onCommit={(text) => onChange(setTitle(definition, at, locale, text))}
          />
          <CommitTextField
            id={id("description")}
            label={t("editor.help")}
            hint={t("editor.helpHint")}
            multiline
            value={readText(element.description, locale)}
            onCommit={(text) => onChange(setDescription(definition, at, locale, text))}
          />
          <CheckboxField
            label={t("editor.required")}
            hint={t("editor.requiredHint")}
            isSelected={isRequired(element)}
            onChange={(required) => onChange(setRequired(definition, at, required))}
          />
        </>
      )}
      <KindOptions {...props} element={element} kind={kind} />
      {kind !== "information" || element.visibleIf ? <ShowIfEditor {...props} element={element} /> : null}
      <AdvancedList element={element} />
    </div>
  );
}

function KindOptions({ definition, at, locale, onChange, specialTexts, element, kind }: EditorProps & { element: Element; kind: QuestionKind }) {
  const { t } = useTranslation("builder");
  const id = (field: string) => `q-${at.page}-${at.index}-${field}`;
  switch (kind) {
    case "singleChoice":
    case "multipleChoice":
    case "dropdown":
    case "ranking":
    case "pictureChoice":
      return (
        <>
          <ChoiceList definition={definition} at={at} locale={locale} onChange={onChange} property="choices" pictures={kind === "pictureChoice"} />
          {SPECIAL_ANSWER_KINDS.includes(kind) ? (
            <>
              <CheckboxField
                label={t("editor.refuse")}
                isSelected={element.showRefuseItem === true}
                onChange={(on) => onChange(setSpecialAnswer(definition, at, { which: "refuse", on, text: specialTexts.refuse }))}
              />
              <CheckboxField
                label={t("editor.dontKnow")}
                isSelected={element.showDontKnowItem === true}
                onChange={(on) => onChange(setSpecialAnswer(definition, at, { which: "dontKnow", on, text: specialTexts.dontKnow }))}
              />
            </>
          ) : null}
        </>
      );
    case "matrix":
      return (
        <>
          <ChoiceList definition={definition} at={at} locale={locale} onChange={onChange} property="rows" />
          <ChoiceList definition={definition} at={at} locale={locale} onChange={onChange} property="columns" />
        </>
      );
    case "rating": {
      const style = RATING_STYLES.includes(element.rateType as never) ? (element.rateType as (typeof RATING_STYLES)[number]) : "labels";
      const min = typeof element.rateMin === "number" ? element.rateMin : 1;
      const max = typeof element.rateMax === "number" ? element.rateMax : 5;
      const points = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
      const maxPoints = style === "smileys" ? 5 : 10;
      const change = (next: { style?: typeof style; min?: number; max?: number }) => {
        const s = next.style ?? style;
        const lo = next.min ?? min;
        const limit = s === "smileys" ? 5 : 10;
        // Keep the scale valid whatever changed: at least two points, no more than the style shows well.
        const hi = Math.min(Math.max(next.max ?? max, lo + 1), lo + limit - 1);
        onChange(setRatingScale(definition, at, { style: s, min: lo, max: hi }));
      };
      return (
        <>
          <RadioGroup value={style} onChange={(value) => change({ style: value as typeof style })} className="field">
            <Label className="field__label">{t("editor.ratingStyle")}</Label>
            <div className="radios radios--inline">
              {RATING_STYLES.map((option) => (
                <Radio key={option} value={option} className="radio">
                  <span className="radio__label">{t(`editor.ratingStyles.${option}`)}</span>
                </Radio>
              ))}
            </div>
          </RadioGroup>
          <div className="builder-row">
            <MenuSelect
              label={t("editor.ratingMin")}
              options={points(0, 1).map((value) => ({ value, label: value }))}
              value={String(min)}
              onChange={(value) => change({ min: Number(value) })}
            />
            <MenuSelect
              label={t("editor.ratingMax")}
              options={points(min + 1, min + maxPoints - 1).map((value) => ({ value, label: value }))}
              value={String(max)}
              onChange={(value) => change({ max: Number(value) })}
            />
          </div>
          <CommitTextField
            id={id("rating-low")}
            label={t("editor.ratingLow")}
            value={readText(element.minRateDescription, locale)}
            onCommit={(text) => onChange(setLocalizedProperty(definition, at, "minRateDescription", locale, text))}
          />
          <CommitTextField
            id={id("rating-high")}
            label={t("editor.ratingHigh")}
            value={readText(element.maxRateDescription, locale)}
            onCommit={(text) => onChange(setLocalizedProperty(definition, at, "maxRateDescription", locale, text))}
          />
        </>
      );
    }
    case "yesNo":
      return (
        <>
          <CommitTextField
            id={id("yes")}
            label={t("editor.yesLabel")}
            value={readText(element.labelTrue, locale)}
            onCommit={(text) => onChange(setLocalizedProperty(definition, at, "labelTrue", locale, text))}
          />
          <CommitTextField
            id={id("no")}
            label={t("editor.noLabel")}
            value={readText(element.labelFalse, locale)}
            onCommit={(text) => onChange(setLocalizedProperty(definition, at, "labelFalse", locale, text))}
          />
        </>
      );
    case "number":
      return (
        <div className="builder-row">
          {(["min", "max"] as const).map((bound) => (
            <CommitTextField
              key={bound}
              id={id(bound)}
              type="number"
              width="short"
              label={t(bound === "min" ? "editor.numberMin" : "editor.numberMax")}
              hint={t("editor.numberHint")}
              value={typeof element[bound] === "number" ? String(element[bound]) : ""}
              onCommit={(text) => {
                const number = Number(text);
                onChange(setProperty(definition, at, bound, text.trim() === "" || !Number.isFinite(number) ? undefined : number));
              }}
            />
          ))}
        </div>
      );
    default:
      return null;
  }
}

function ChoiceList({
  definition,
  at,
  locale,
  onChange,
  property,
  pictures = false,
}: Omit<EditorProps, "specialTexts"> & { property: "choices" | "rows" | "columns"; pictures?: boolean }) {
  const { t } = useTranslation("builder");
  const uploaded = useUploadedPictures();
  const element = elementAt(definition, at);
  const choices = choicesOf(element, property);
  // The bundled symbols, then the organisation's own pictures, named by their alt text.
  const pictureOptions = [
    ...SYMBOLS.map((symbol) => ({ value: symbol.path, label: t(`symbols.${symbol.id}`, { ns: "builder", defaultValue: symbol.id }) })),
    ...uploaded.pictures.map((picture) => ({ value: picture.src, label: t("pictures.uploadedOption", { altText: picture.altText }) })),
  ];
  const heading = property === "choices" ? t("editor.choices") : property === "rows" ? t("editor.rows") : t("editor.columns");
  const itemLabel = (number: number) =>
    pictures
      ? t("editor.pictureText", { number })
      : property === "choices"
        ? t("editor.choiceText", { number })
        : property === "rows"
          ? t("editor.rowText", { number })
          : t("editor.columnText", { number });
  const addLabel = property === "choices" ? t("editor.addChoice") : property === "rows" ? t("editor.addRow") : t("editor.addColumn");
  return (
    <fieldset className="builder-fieldset">
      <legend className="field__label">{heading}</legend>
      <ol className="builder-choices">
        {choices.map((choice, index) => {
          const text = shownText(choice.text, locale) || String(choice.value);
          return (
            <li key={`${String(choice.value)}-${index}`} className="builder-choice">
              <CommitTextField
                id={`q-${at.page}-${at.index}-${property}-${index}`}
                label={itemLabel(index + 1)}
                value={readText(choice.text, locale)}
                onCommit={(next) => onChange(setChoiceText(definition, at, { index, locale, text: next, property }))}
              />
              {pictures ? (
                <MenuSelect
                  label={t("editor.picture", { number: index + 1 })}
                  options={pictureOptions}
                  value={pictureOptions.find((option) => option.value === choice.imageLink)?.value ?? null}
                  onChange={(path) => onChange(setChoiceImage(definition, at, index, path))}
                />
              ) : null}
              <div className="button-row">
                <Button
                  className="button button--secondary button--small"
                  aria-label={t("editor.moveChoiceUp", { text })}
                  isDisabled={index === 0}
                  onPress={() => onChange(moveChoice(definition, at, { index, direction: "up", property }))}
                >
                  ↑
                </Button>
                <Button
                  className="button button--secondary button--small"
                  aria-label={t("editor.moveChoiceDown", { text })}
                  isDisabled={index === choices.length - 1}
                  onPress={() => onChange(moveChoice(definition, at, { index, direction: "down", property }))}
                >
                  ↓
                </Button>
                <Button
                  className="button button--secondary button--small"
                  aria-label={t("editor.removeChoice", { text })}
                  onPress={() => onChange(removeChoice(definition, at, index, property))}
                >
                  ✕
                </Button>
              </div>
            </li>
          );
        })}
      </ol>
      <Button
        className="button button--secondary"
        onPress={() =>
          onChange(
            addChoice(definition, at, {
              locale,
              text: t("editor.newChoice"),
              property,
              imageLink: pictures ? SYMBOLS[0]!.path : undefined,
            }),
          )
        }
      >
        {addLabel}
      </Button>
      {pictures && uploaded.uploadHref ? (
        <p>
          <a href={uploaded.uploadHref}>{t("pictures.uploadLink")}</a>
        </p>
      ) : null}
    </fieldset>
  );
}

/** Questions a show-if can test, before this one in the survey (logic only looks back). */
function conditionQuestions(definition: Definition, at: Location): Element[] {
  const out: Element[] = [];
  pagesOf(definition).forEach((page, pageIndex) =>
    page.elements.forEach((element, index) => {
      const before = pageIndex < at.page || (pageIndex === at.page && index < at.index);
      if (before && typeof element.name === "string" && CONDITION_KINDS.includes(kindOfElement(element) as QuestionKind)) out.push(element);
    }),
  );
  return out;
}

function answerOptions(element: Element, locale: BuilderLocale, yes: string, no: string): { value: string; label: string; raw: string | number | boolean }[] {
  const kind = kindOfElement(element);
  if (kind === "yesNo") {
    return [
      { value: "true", label: shownText(element.labelTrue, locale) || yes, raw: true },
      { value: "false", label: shownText(element.labelFalse, locale) || no, raw: false },
    ];
  }
  if (kind === "rating") {
    const min = typeof element.rateMin === "number" ? element.rateMin : 1;
    const max = typeof element.rateMax === "number" ? element.rateMax : 5;
    return Array.from({ length: Math.max(0, max - min + 1) }, (_, i) => ({ value: String(min + i), label: String(min + i), raw: min + i }));
  }
  const options = choicesOf(element).map((choice) => ({
    value: String(choice.value),
    label: shownText(choice.text, locale) || String(choice.value),
    raw: choice.value,
  }));
  if (element.showRefuseItem === true) options.push({ value: "refused", label: shownText(element.refuseText, locale) || "refused", raw: "refused" });
  if (element.showDontKnowItem === true) options.push({ value: "dontknow", label: shownText(element.dontKnowText, locale) || "dontknow", raw: "dontknow" });
  return options;
}

function ShowIfEditor({ definition, at, locale, onChange, element }: Omit<EditorProps, "specialTexts"> & { element: Element }) {
  const { t } = useTranslation("builder");
  const expression = element.visibleIf;
  const parsed: ShowIf | undefined = expression === undefined ? { join: "and", rules: [] } : parseShowIf(expression);
  const candidates = conditionQuestions(definition, at);
  const save = (next: ShowIf) => onChange(setProperty(definition, at, "visibleIf", buildShowIf(next)));

  if (!parsed) {
    return (
      <section className="builder-subsection" aria-labelledby={`showif-${at.page}-${at.index}`}>
        <h3 id={`showif-${at.page}-${at.index}`} className="heading-s">
          {t("showIf.heading")}
        </h3>
        <p>{t("showIf.advanced", { expression: String(expression) })}</p>
        <Button className="button button--secondary" onPress={() => onChange(setProperty(definition, at, "visibleIf", undefined))}>
          {t("showIf.removeAdvanced")}
        </Button>
      </section>
    );
  }

  const ruleFor = (name: string): ShowIfRule => {
    const target = candidates.find((candidate) => candidate.name === name)!;
    const first = answerOptions(target, locale, t("showIf.yes"), t("showIf.no"))[0];
    const operator: ShowIfOperator = kindOfElement(target) === "multipleChoice" ? "includes" : "is";
    return { question: name, operator, value: first?.raw ?? "" };
  };
  const replaceRule = (index: number, rule: ShowIfRule) =>
    save({ ...parsed, rules: parsed.rules.map((existing, i) => (i === index ? rule : existing)) });

  return (
    <section className="builder-subsection" aria-labelledby={`showif-${at.page}-${at.index}`}>
      <h3 id={`showif-${at.page}-${at.index}`} className="heading-s">
        {t("showIf.heading")}
      </h3>
      {parsed.rules.length === 0 ? <p>{t("showIf.always")}</p> : null}
      {parsed.rules.length > 1 ? (
        <RadioGroup value={parsed.join} onChange={(join) => save({ ...parsed, join: join === "or" ? "or" : "and" })} className="field">
          <Label className="field__label">{t("showIf.join")}</Label>
          <div className="radios">
            <Radio value="and" className="radio">
              <span className="radio__label">{t("showIf.and")}</span>
            </Radio>
            <Radio value="or" className="radio">
              <span className="radio__label">{t("showIf.or")}</span>
            </Radio>
          </div>
        </RadioGroup>
      ) : null}
      <ol className="builder-rules">
        {parsed.rules.map((rule, index) => {
          const target = candidates.find((candidate) => candidate.name === rule.question);
          const multiple = target && kindOfElement(target) === "multipleChoice";
          const operators: ShowIfOperator[] = multiple ? ["includes", "excludes", "answered"] : ["is", "isNot", "answered"];
          const answers = target ? answerOptions(target, locale, t("showIf.yes"), t("showIf.no")) : [];
          return (
            <li key={index} className="builder-rule">
              <MenuSelect
                label={t("showIf.question", { number: index + 1 })}
                options={candidates.map((candidate) => ({
                  value: String(candidate.name),
                  label: shownText(candidate.title, locale) || String(candidate.name),
                }))}
                value={target ? rule.question : null}
                onChange={(name) => replaceRule(index, ruleFor(name))}
              />
              <MenuSelect
                label={t("showIf.operator", { number: index + 1 })}
                options={operators.map((operator) => ({ value: operator, label: t(`showIf.operators.${operator}`) }))}
                value={operators.includes(rule.operator) ? rule.operator : null}
                onChange={(operator) =>
                  replaceRule(index, {
                    ...rule,
                    operator: operator as ShowIfOperator,
                    value: operator === "answered" ? undefined : (rule.value ?? answers[0]?.raw),
                  })
                }
              />
              {rule.operator !== "answered" ? (
                <MenuSelect
                  label={t("showIf.answer", { number: index + 1 })}
                  options={answers.map(({ value, label }) => ({ value, label }))}
                  value={answers.some((answer) => answer.value === String(rule.value)) ? String(rule.value) : null}
                  onChange={(value) => replaceRule(index, { ...rule, value: answers.find((answer) => answer.value === value)?.raw ?? value })}
                />
              ) : null}
              <Button
                className="button button--secondary"
                onPress={() => save({ ...parsed, rules: parsed.rules.filter((_, i) => i !== index) })}
              >
                {t("showIf.removeRule", { number: index + 1 })}
              </Button>
            </li>
          );
        })}
      </ol>
      {candidates.length > 0 ? (
        <Button className="button button--secondary" onPress={() => save({ ...parsed, rules: [...parsed.rules, ruleFor(String(candidates[candidates.length - 1]!.name))] })}>
          {t("showIf.addRule")}
        </Button>
      ) : (
        <p className="hint">{t("showIf.noQuestions")}</p>
      )}
    </section>
  );
}

function AdvancedList({ element }: { element: Element }) {
  const { t } = useTranslation("builder");
  const properties = advancedProperties(element);
  if (properties.length === 0) return null;
  return (
    <details className="builder-advanced">
      <summary>{t("editor.advancedHeading")}</summary>
      <p className="hint">{t("editor.advancedHint")}</p>
      <ul>
        {properties.map((property) => (
          <li key={property}>
            <code>{property}</code>
          </li>
        ))}
      </ul>
    </details>
  );
}
