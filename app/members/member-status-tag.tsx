import { useTranslation } from "react-i18next";
import type { MemberStatus } from "~/models/member.server";

export function MemberStatusTag({ status }: { status: MemberStatus }) {
  const { t } = useTranslation();
  return <span className={`tag tag--member-${status}`}>{t(`memberStatus.${status}`)}</span>;
}
