import { useEffect, useRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

/**
 * GOV.UK's success notification banner: shown once after a change, focused when it appears so a
 * screen reader reads it (a live region inserted with the page is not reliably announced).
 */
export function SuccessBanner({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div className="notice notice--success" role="status" aria-labelledby="success-banner-title" tabIndex={-1} ref={ref}>
      <h2 id="success-banner-title" className="heading-s">
        {t("flash.title")}
      </h2>
      <div>{children}</div>
    </div>
  );
}
