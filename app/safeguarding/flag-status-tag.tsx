import { useTranslation } from "react-i18next";
import type { FlagStatus } from "../../db/enums";

export function FlagStatusTag({ status }: { status: FlagStatus }) {
  const { t } = useTranslation();
  // "new" reuses the open look (needs attention); the rest the neutral tag.
  return <span className={`tag${status === "new" ? " tag--open" : ""}`}>{t(`flagStatus.${status}`)}</span>;
}
