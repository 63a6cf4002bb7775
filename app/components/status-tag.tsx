import { useTranslation } from "react-i18next";
import type { ConsultationStatus } from "../../db/enums";

export function StatusTag({ status }: { status: ConsultationStatus }) {
  const { t } = useTranslation();
  return <span className={`tag tag--${status}`}>{t(`status.${status}`)}</span>;
}
