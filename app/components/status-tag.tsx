import { useTranslation } from "react-i18next";
import type { DisplayedStatus } from "~/consultations/taking-answers";

/** A consultation's status as people should read it: derived from its dates by the loader (displayedStatus). */
export function StatusTag({ status }: { status: DisplayedStatus }) {
  const { t } = useTranslation();
  return <span className={`tag tag--${status}`}>{t(`status.${status}`)}</span>;
}
