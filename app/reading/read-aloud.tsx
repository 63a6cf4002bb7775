// Reads the questions on screen and their choices aloud with the browser's own speech synthesis,
// in the page's language (with a voice for it where the device has one). Hidden where the browser
// cannot speak. Nothing leaves the device.
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Question, SurveyModel } from "survey-core";

/** What to read for the current page: each question's title, description and choices. */
export function textToRead(model: SurveyModel): string {
  const parts: string[] = [];
  for (const question of (model.currentPage?.questions ?? []) as Question[]) {
    if (!question.isVisible) continue;
    parts.push(question.title, question.description);
    const type = question.getType();
    if (type === "rating") parts.push(question.minRateDescription, question.maxRateDescription);
    else if (type === "boolean") parts.push(question.labelTrue, question.labelFalse);
    for (const choice of (question.visibleChoices ?? []) as { text: string }[]) parts.push(choice.text);
  }
  return parts
    .map((part) => (typeof part === "string" ? part.trim() : ""))
    .filter(Boolean)
    .join(". ");
}

export function ReadAloud({ model, locale }: { model: SurveyModel; locale: string }) {
  const { t } = useTranslation();
  const [available, setAvailable] = useState(false);
  const [speaking, setSpeaking] = useState(false);
  useEffect(() => {
    setAvailable(typeof window !== "undefined" && "speechSynthesis" in window && "SpeechSynthesisUtterance" in window);
    return () => {
      if ("speechSynthesis" in window) window.speechSynthesis.cancel();
    };
  }, []);
  // A new page of questions: stop reading the old one.
  useEffect(() => {
    const stop = () => {
      window.speechSynthesis?.cancel();
      setSpeaking(false);
    };
    model.onCurrentPageChanged.add(stop);
    return () => model.onCurrentPageChanged.remove(stop);
  }, [model]);
  if (!available) return null;

  const read = () => {
    const synth = window.speechSynthesis;
    if (speaking) {
      synth.cancel();
      setSpeaking(false);
      return;
    }
    const utterance = new SpeechSynthesisUtterance(textToRead(model));
    utterance.lang = locale;
    const voice = synth.getVoices().find((candidate) => candidate.lang.toLowerCase().startsWith(locale));
    if (voice) utterance.voice = voice;
    utterance.onend = () => setSpeaking(false);
    synth.cancel();
    synth.speak(utterance);
    setSpeaking(true);
  };

  return (
    <p className="read-aloud">
      <button type="button" className="button button--secondary" onClick={read}>
        {speaking ? t("readAloud.stop") : t("readAloud.button")}
      </button>
    </p>
  );
}
