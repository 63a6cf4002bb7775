// Who may record a response for a child (assisted), type in a paper form or import a file, and when: the rule in
// one place for the consultation page's links, the recording page and its endpoint.
import type { ConsultationStatus, MemberRole } from "../../db/enums";
import { STAFF_WHO_ANALYSE, STAFF_WHO_MANAGE } from "~/utils/auth.server";
import { takesRecords } from "~/consultations/taking-answers";

/** Staff who work with children's answers; never advisors (they see aggregates only). */
export const STAFF_WHO_RECORD = STAFF_WHO_ANALYSE;

export function canRecordResponses(role: MemberRole, status: ConsultationStatus) {
  return (STAFF_WHO_RECORD as readonly string[]).includes(role) && takesRecords(status);
}

/** Importing a file of responses is a bigger act than typing one in: officers and admins only. */
export const STAFF_WHO_IMPORT = STAFF_WHO_MANAGE;

export function canImportResponses(role: MemberRole, status: ConsultationStatus) {
  return (STAFF_WHO_IMPORT as readonly string[]).includes(role) && takesRecords(status);
}
