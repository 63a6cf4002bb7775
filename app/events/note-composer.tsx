// The capture page's "add a sticky note" form. With JavaScript each note gets an id on the device,
// is kept in localStorage until the server has it, and is sent again when the connection returns;
// the server stores one note per id, so a resend is never a duplicate. Without JavaScript it is a
// plain form post (with an id from the page).
import { Form, useRevalidator } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState } from "react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { AGE_BANDS } from "../../db/enums";
import { CsrfInput } from "~/components/csrf-input";
import { TextAreaField } from "~/components/form";
import { useRootData } from "~/root";
import { newClientId, parseQueue, type QueuedNote } from "./board";

type Status = "" | "added" | "queued" | "refused";

export function NoteComposer({
  eventId,
  notesEndpoint,
  fallbackClientId,
  themes,
  errors,
}: {
  eventId: string;
  /** Where notes are sent as JSON requests. */
  notesEndpoint: string;
  /** The id a post without JavaScript carries. */
  fallbackClientId: string;
  themes: string[];
  errors?: Partial<Record<string, string>>;
}) {
  const { t } = useTranslation("events");
  const csrf = useRootData()?.csrfToken ?? "";
  const revalidator = useRevalidator();
  const storageKey = `heard:event-notes:${eventId}`;
  const [queue, setQueue] = useState<QueuedNote[]>([]);
  const [status, setStatus] = useState<Status>("");
  const [refusal, setRefusal] = useState("");
  const sending = useRef(false);
  const formRef = useRef<HTMLFormElement>(null);

  const store = useCallback(
    (notes: QueuedNote[]) => {
      window.localStorage.setItem(storageKey, JSON.stringify(notes));
      setQueue(notes);
    },
    [storageKey],
  );

  /** Sends waiting notes one by one, oldest first; stops at the first that cannot reach the server. */
  const flush = useCallback(async () => {
    if (sending.current) return;
    sending.current = true;
    try {
      let waiting = parseQueue(window.localStorage.getItem(storageKey));
      while (waiting.length > 0) {
        const note = waiting[0]!;
        let response: Response;
        try {
          response = await fetch(notesEndpoint, {
            method: "POST",
            body: new URLSearchParams({ csrf, ...note }),
            headers: { Accept: "application/json" },
          });
        } catch {
          setStatus("queued");
          return;
        }
        const result = (await response.json().catch(() => null)) as { ok?: boolean; message?: string } | null;
        if (response.ok && result?.ok) {
          setStatus("added");
        } else if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429 && result) {
          // The server read the note and refused it (empty, too long): sending it again will not help.
          setRefusal(result.message ?? "");
          setStatus("refused");
        } else {
          // A server error, a sign-in page, a rate limit: keep the note and try again later.
          setStatus("queued");
          return;
        }
        waiting = parseQueue(window.localStorage.getItem(storageKey)).filter((queued) => queued.clientId !== note.clientId);
        store(waiting);
        revalidator.revalidate();
      }
    } finally {
      sending.current = false;
    }
  }, [csrf, notesEndpoint, revalidator, storageKey, store]);

  useEffect(() => {
    setQueue(parseQueue(window.localStorage.getItem(storageKey)));
    void flush();
    const retry = () => void flush();
    window.addEventListener("online", retry);
    const timer = window.setInterval(() => {
      if (parseQueue(window.localStorage.getItem(storageKey)).length > 0) retry();
    }, 15_000);
    return () => {
      window.removeEventListener("online", retry);
      window.clearInterval(timer);
    };
    // Once per page: flush reads the queue itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [storageKey]);

  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    const data = new FormData(event.currentTarget);
    const text = String(data.get("text") ?? "").trim();
    // An empty note goes to the server as a plain post, which answers with the GOV.UK error.
    if (!text) return;
    event.preventDefault();
    const note: QueuedNote = {
      clientId: newClientId(),
      text,
      ageBand: String(data.get("ageBand") ?? ""),
      theme: String(data.get("theme") ?? "").trim(),
    };
    store([...parseQueue(window.localStorage.getItem(storageKey)), note]);
    formRef.current?.reset();
    void flush();
  };

  return (
    <Form method="post" noValidate ref={formRef} onSubmit={onSubmit} className="stack">
      <CsrfInput />
      <input type="hidden" name="intent" value="note" />
      <input type="hidden" name="clientId" value={fallbackClientId} />
      <TextAreaField name="text" label={t("capture.noteLabel")} hint={t("capture.noteHint")} error={errors?.text} rows={4} />
      <div className="field">
        <label className="field__label" htmlFor="ageBand">
          {t("capture.ageBandLabel")}
        </label>
        <select id="ageBand" name="ageBand" className="input input--medium" defaultValue="">
          <option value="">{t("capture.ageBandAny")}</option>
          {AGE_BANDS.map((band) => (
            <option key={band} value={band}>
              {t(`ageBand.${band}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor="theme">
          {t("capture.themeLabel")}
        </label>
        <p className="field__hint" id="theme-hint">
          {t("capture.themeHint")}
        </p>
        <input id="theme" name="theme" className="input input--medium" list="theme-list" aria-describedby="theme-hint" autoComplete="off" />
        <datalist id="theme-list">
          {themes.map((theme) => (
            <option key={theme} value={theme} />
          ))}
        </datalist>
      </div>
      <Button type="submit" className="button">
        {t("capture.addNote")}
      </Button>
      <div role="status" className="capture-status">
        {status === "added" && queue.length === 0 ? <p>{t("capture.noteAdded")}</p> : null}
        {status === "queued" ? <p className="notice">{t("capture.noteQueued")}</p> : null}
        {status === "refused" && refusal ? <p className="field__error">{refusal}</p> : null}
        {queue.length > 0 ? <p>{t("capture.waiting", { count: queue.length })}</p> : null}
      </div>
      {queue.length > 0 ? (
        <Button type="button" className="button button--secondary" onPress={() => void flush()}>
          {t("capture.sendNow")}
        </Button>
      ) : null}
    </Form>
  );
}
