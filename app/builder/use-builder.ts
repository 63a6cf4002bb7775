/**
 * The builder's state in the browser: the definition being edited, undo and redo, and saving as
 * you go. Every change is sent to the server straight away (one save at a time; the newest change
 * waits for the one in flight). A save the server refuses because the survey changed elsewhere
 * stops saving and says so: the definition here is kept, never replaced behind the person's back.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { Definition } from "./definition";

export type SaveState =
  | { kind: "saved" }
  | { kind: "saving" }
  | { kind: "error" }
  | { kind: "conflict"; currentRevision: number }
  | { kind: "locked" };

type History = { past: Definition[]; present: Definition; future: Definition[] };

/** How many earlier states undo can go back to. */
const UNDO_LIMIT = 100;

export function useBuilder({
  initial,
  revision: initialRevision,
  saveUrl,
  csrfToken,
}: {
  initial: Definition;
  revision: number;
  saveUrl: string;
  csrfToken: string;
}) {
  const [history, setHistory] = useState<History>({ past: [], present: initial, future: [] });
  const [saveState, setSaveState] = useState<SaveState>({ kind: "saved" });
  // Bumped when the definition changes other than by typing (undo, redo, import): fields re-read it.
  const [epoch, setEpoch] = useState(0);
  const revision = useRef(initialRevision);
  const unsaved = useRef<Definition | null>(null);
  const inFlight = useRef(false);
  const stopped = useRef(false);

  const flush = useCallback(async () => {
    if (inFlight.current || stopped.current || !unsaved.current) return;
    const definition = unsaved.current;
    unsaved.current = null;
    inFlight.current = true;
    setSaveState({ kind: "saving" });
    let saved = false;
    try {
      const body = new URLSearchParams({ csrf: csrfToken, baseRevision: String(revision.current), definition: JSON.stringify(definition) });
      const response = await fetch(saveUrl, { method: "POST", body, headers: { Accept: "application/json" } });
      const result = (await response.json().catch(() => null)) as { revision?: number; currentRevision?: number } | null;
      if (response.ok && typeof result?.revision === "number") {
        revision.current = result.revision;
        saved = true;
      } else if (response.status === 409 && typeof result?.currentRevision === "number") {
        stopped.current = true;
        unsaved.current = unsaved.current ?? definition;
        setSaveState({ kind: "conflict", currentRevision: result.currentRevision });
      } else if (response.status === 423) {
        stopped.current = true;
        setSaveState({ kind: "locked" });
      } else {
        unsaved.current = unsaved.current ?? definition;
        setSaveState({ kind: "error" });
      }
    } catch {
      // Offline or the server did not answer: keep the change and let the person try again.
      unsaved.current = unsaved.current ?? definition;
      setSaveState({ kind: "error" });
    } finally {
      inFlight.current = false;
    }
    if (!saved) return;
    // A change made while this save was in flight goes next; otherwise everything is saved.
    if (unsaved.current) void flush();
    else setSaveState({ kind: "saved" });
  }, [csrfToken, saveUrl]);

  const save = useCallback(
    (definition: Definition) => {
      unsaved.current = definition;
      void flush();
    },
    [flush],
  );

  /** Applies a change: it becomes the present, can be undone, and is saved. */
  const change = useCallback(
    (next: Definition) => {
      setHistory((current) =>
        next === current.present ? current : { past: [...current.past, current.present].slice(-UNDO_LIMIT), present: next, future: [] },
      );
      save(next);
    },
    [save],
  );

  const undo = useCallback(() => {
    setHistory((current) => {
      const previous = current.past[current.past.length - 1];
      if (!previous) return current;
      save(previous);
      return { past: current.past.slice(0, -1), present: previous, future: [current.present, ...current.future] };
    });
    setEpoch((n) => n + 1);
  }, [save]);

  const redo = useCallback(() => {
    setHistory((current) => {
      const next = current.future[0];
      if (!next) return current;
      save(next);
      return { past: [...current.past, current.present], present: next, future: current.future.slice(1) };
    });
    setEpoch((n) => n + 1);
  }, [save]);

  /** Replaces the whole definition (import): undoable like any change. */
  const replace = useCallback(
    (next: Definition) => {
      change(next);
      setEpoch((n) => n + 1);
    },
    [change],
  );

  /** After a conflict: save this tab's definition over the newer one, on purpose. */
  const keepMine = useCallback(() => {
    if (saveState.kind !== "conflict") return;
    revision.current = saveState.currentRevision;
    stopped.current = false;
    unsaved.current = history.present;
    void flush();
  }, [flush, history.present, saveState]);

  const retry = useCallback(() => {
    unsaved.current = unsaved.current ?? history.present;
    void flush();
  }, [flush, history.present]);

  // Closing the tab while a change is unsaved asks first; saved changes need no warning.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (unsaved.current || inFlight.current) event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, []);

  return {
    definition: history.present,
    change,
    replace,
    undo,
    redo,
    canUndo: history.past.length > 0,
    canRedo: history.future.length > 0,
    saveState,
    keepMine,
    retry,
    epoch,
  };
}
