// Who may record a response for a child (assisted) or type in a paper form, and when: the rule in
// one place for the consultation page's links, the recording page and its endpoint.
import type { ConsultationStatus, MemberRole } from "../../db/enums";
import { STAFF_WHO_ANALYSE } from "~/utils/auth.server";
import { takesRecords } from "~/consultations/taking-answers";

/** Staff who work with children's answers; never advisors (they see aggregates only). */
export const STAFF_WHO_RECORD = STAFF_WHO_ANALYSE;

export function canRecordResponses(role: MemberRole, status: ConsultationStatus) {
  return (STAFF_WHO_RECORD as readonly string[]).includes(role) && takesRecords(status);
}
