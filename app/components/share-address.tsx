import { useEffect, useState } from "react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";

/**
 * The full web address to share, as a link whose text can be selected and copied without
 * JavaScript; with JavaScript and a clipboard, a "Copy" button too, announcing "Copied".
 */
export function ShareAddress({ address }: { address: string }) {
  const { t } = useTranslation();
  // The button appears only after hydration, where the clipboard exists: without it, it would do nothing.
  const [canCopy, setCanCopy] = useState(false);
  const [status, setStatus] = useState<"" | "copied" | "failed">("");
  useEffect(() => {
    setCanCopy(typeof navigator !== "undefined" && typeof navigator.clipboard?.writeText === "function");
  }, []);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(address);
      setStatus("copied");
    } catch {
      setStatus("failed");
    }
  };
  return (
    <div className="share-address">
      <p className="share-address__link">
        <a href={address}>
          {address}
        </a>
      </p>
      {canCopy ? (
        <Button type="button" className="button button--secondary" onPress={() => void copy()}>
          {t("share.copy")}
        </Button>
      ) : null}
      <p role="status" className="share-address__status">
        {status ? t(`share.${status}`) : ""}
      </p>
    </div>
  );
}
