/**
 * The live preview: the draft rendered by survey-react-ui with the settings the respondents' form
 * uses (app/survey/survey-form.tsx), so it looks exactly as children will see it, at phone or
 * computer width. Nothing answered here is sent anywhere.
 */
import { useEffect, useMemo, useRef, useState } from "react";
import { Label, Radio, RadioGroup } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { Model, type CompletingEvent, type SurveyModel } from "survey-core";
import "survey-core/i18n/welsh";
import { Survey } from "survey-react-ui";
import "~/survey/accessible-rating";
import { renderForwardActionsAsSubmit } from "~/survey/submit-action";
import type { Definition } from "./definition";
import { escapeAnswersInHtml } from "./safe-text";

function previewModel(definition: Definition, locale: string): SurveyModel | null {
  let model: SurveyModel;
  try {
    // survey-core writes into the JSON it is given: give it a copy of the builder's state.
    model = new Model(structuredClone(definition));
  } catch {
    return null;
  }
  model.generateStylesheet = false;
  model.locale = locale === "en" ? "" : locale;
  model.showCompletedPage = false;
  model.clearInvisibleValues = "onHidden";
  renderForwardActionsAsSubmit(model);
  escapeAnswersInHtml(model);
  for (const question of model.getAllQuestions()) {
    if (question.getType() === "rating" && question.displayMode === "auto") question.displayMode = "buttons";
  }
  // A preview never completes: the last page's button only checks the answers.
  model.onCompleting.add((_: SurveyModel, options: CompletingEvent) => {
    options.allow = false;
  });
  return model;
}

export function SurveyPreview({ definition, locale }: { definition: Definition; locale: string }) {
  const { t } = useTranslation("builder");
  const [width, setWidth] = useState<"phone" | "desktop">("phone");
  const model = useMemo(() => previewModel(definition, locale), [definition, locale]);
  // Each change builds a new model: the one it replaces is disposed (its resize observers stop).
  const shown = useRef<SurveyModel | null>(null);
  useEffect(() => {
    if (shown.current && shown.current !== model) shown.current.dispose();
    shown.current = model;
  }, [model]);
  return (
    <section aria-labelledby="preview-heading" className="builder-section builder-preview">
      <h2 id="preview-heading" className="heading-m">
        {t("preview.heading")}
      </h2>
      <p className="hint">{t("preview.hint")}</p>
      <RadioGroup
        value={width}
        onChange={(value) => setWidth(value === "desktop" ? "desktop" : "phone")}
        orientation="horizontal"
        className="field builder-inline-radios"
      >
        <Label className="field__label">{t("preview.width")}</Label>
        <div className="radios radios--inline">
          <Radio value="phone" className="radio">
            <span className="radio__label">{t("preview.phone")}</span>
          </Radio>
          <Radio value="desktop" className="radio">
            <span className="radio__label">{t("preview.desktop")}</span>
          </Radio>
        </div>
      </RadioGroup>
      <div className={`builder-preview__frame builder-preview__frame--${width}`} data-testid="survey-preview">
        <div className="page--survey">{model ? <Survey key={model.id} model={model} /> : null}</div>
      </div>
    </section>
  );
}
