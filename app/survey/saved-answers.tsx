// Save and come back later, on the same device, without an account: the rich form keeps answers in
// progress in this browser's localStorage, one entry per consultation and survey version. Coming
// back restores them with a clear message and a "start again" choice; "clear my answers" wipes them
// at once (shared school and library computers); nothing is kept once the answers are sent.
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { SurveyModel } from "survey-core";

type Saved = { data: Record<string, unknown>; pageNo: number };

export type SavedAnswers = {
  /** Answers from an earlier visit were put back (not just from this tab a moment ago). */
  restored: boolean;
  /** Something is kept on this device now. */
  kept: boolean;
  cleared: boolean;
  startAgain: () => void;
  clear: () => void;
};

function storage(kind: "localStorage" | "sessionStorage"): Storage | null {
  try {
    return window[kind];
  } catch {
    return null; // storage can be switched off; answering still works, just without saving
  }
}

function readSaved(key: string): Saved | null {
  try {
    const parsed: unknown = JSON.parse(storage("localStorage")?.getItem(key) ?? "null");
    if (parsed && typeof parsed === "object" && "data" in parsed && parsed.data && typeof parsed.data === "object") {
      const pageNo = (parsed as { pageNo?: unknown }).pageNo;
      return { data: parsed.data as Record<string, unknown>, pageNo: typeof pageNo === "number" && Number.isInteger(pageNo) ? pageNo : 0 };
    }
  } catch {
    // a damaged entry is ignored rather than breaking the page
  }
  return null;
}

/**
 * Keeps `model`'s answers under `key` while `enabled`, and forgets them once `sent`. A reload or a
 * language switch in the same tab restores them quietly; coming back later says so.
 */
export function useSavedAnswers(model: SurveyModel, key: string, { enabled, sent }: { enabled: boolean; sent: boolean }): SavedAnswers {
  const [restored, setRestored] = useState(false);
  const [kept, setKept] = useState(false);
  const [cleared, setCleared] = useState(false);
  // Marks this tab as already answering, so a reload here is not "from last time".
  const tabKey = `${key}:this-tab`;

  useEffect(() => {
    if (!enabled) return;
    if (sent) {
      storage("localStorage")?.removeItem(key);
      storage("sessionStorage")?.removeItem(tabKey);
      setKept(false);
      return;
    }
    const saved = readSaved(key);
    if (saved && Object.keys(saved.data).length > 0) {
      model.data = saved.data;
      if (saved.pageNo < model.visiblePageCount) model.currentPageNo = saved.pageNo;
      setKept(true);
      if (!storage("sessionStorage")?.getItem(tabKey)) setRestored(true);
    }
    storage("sessionStorage")?.setItem(tabKey, "1");
    const save = () => {
      const data = model.data;
      // Nothing answered (a new start, or just cleared): nothing is kept.
      if (Object.keys(data).length === 0) {
        storage("localStorage")?.removeItem(key);
        setKept(false);
        return;
      }
      storage("localStorage")?.setItem(key, JSON.stringify({ data, pageNo: model.currentPageNo }));
      setKept(true);
      setCleared(false);
    };
    model.onValueChanged.add(save);
    model.onCurrentPageChanged.add(save);
    return () => {
      model.onValueChanged.remove(save);
      model.onCurrentPageChanged.remove(save);
    };
  }, [model, key, tabKey, enabled, sent]);

  const forget = useCallback(() => {
    storage("localStorage")?.removeItem(key);
    model.clear(true, true);
    setRestored(false);
    setKept(false);
  }, [model, key]);

  return {
    restored,
    kept,
    cleared,
    startAgain: forget,
    clear: useCallback(() => {
      forget();
      setCleared(true);
    }, [forget]),
  };
}

/** "We kept your answers from last time", with the choice to start again. */
export function RestoredNotice({ saved }: { saved: SavedAnswers }) {
  const { t } = useTranslation("answering");
  if (!saved.restored) return null;
  return (
    <div className="notice saved-answers" role="status">
      <p>{t("saved.restored")}</p>
      <button type="button" className="button button--secondary" onClick={saved.startAgain}>
        {t("saved.startAgain")}
      </button>
    </div>
  );
}

/** For shared computers: wipe the answers kept on this device, now. */
export function ClearMyAnswers({ saved }: { saved: SavedAnswers }) {
  const { t } = useTranslation("answering");
  return (
    <section aria-labelledby="clear-answers-heading" className="section saved-answers">
      <h2 id="clear-answers-heading" className="heading-s">
        {t("saved.heading")}
      </h2>
      <p>{t("saved.explain")}</p>
      <button type="button" className="button button--secondary" onClick={saved.clear} disabled={!saved.kept}>
        {t("saved.clear")}
      </button>
      <p role="status" className="survey-status">
        {saved.cleared ? t("saved.cleared") : ""}
      </p>
    </section>
  );
}
