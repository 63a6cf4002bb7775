import { useEffect, useId, useRef, useState } from "react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";

/**
 * A one-time link shown once to the admin who made it, to pass on. The whole link is visible and
 * selectable (it works without JavaScript); with JavaScript, a button copies it and says so.
 */
export function OneTimeLink({ link, name }: { link: string; name: string }) {
  const { t } = useTranslation();
  const id = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  const [canCopy, setCanCopy] = useState(false);
  const [copyState, setCopyState] = useState<"idle" | "copied" | "copyFailed">("idle");
  useEffect(() => setCanCopy(typeof navigator.clipboard?.writeText === "function"), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setCopyState("copied");
    } catch {
      field.current?.focus();
      field.current?.select();
      setCopyState("copyFailed");
    }
  }

  return (
    <div className="one-time-link">
      <label htmlFor={id} className="field__label">
        {t("oneTimeLink.label", { name })}
      </label>
      <textarea
        id={id}
        ref={field}
        className="input one-time-link__text"
        readOnly
        rows={4}
        value={link}
        spellCheck={false}
        dir="ltr"
        onFocus={(event) => event.currentTarget.select()}
      />
      {canCopy ? (
        <Button className="button button--secondary" onPress={() => void copy()}>
          {t("oneTimeLink.copy")}
        </Button>
      ) : null}
      <p role="status" className="one-time-link__status">
        {copyState === "idle" ? "" : t(`oneTimeLink.${copyState}`)}
      </p>
    </div>
  );
}
