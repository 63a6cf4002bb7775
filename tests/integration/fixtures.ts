import { createMember } from "~/models/member.server";
import { createOrganisation } from "~/models/organisation.server";
import type { MemberRole } from "../../db/enums";

let counter = 0;

/** A fresh organisation with one member of the given role; emails are unique per call. */
export async function makeOrganisationWithMember(role: MemberRole = "officer", name = "Test Council") {
  const organisation = await createOrganisation({ name });
  counter += 1;
  const member = await createMember({
    organisationId: organisation.id,
    email: `${role}-${counter}-${organisation.id.slice(0, 8)}@example.test`,
    name: `${role} ${counter}`,
    role,
    password: "correct horse battery staple",
  });
  return { organisation, member };
}

export { ukDay } from "../support/dates";
import { ukDay } from "../support/dates";

/** Details of a consultation that is within its dates today (opened a month ago, closes in a month). */
export const VALID_DETAILS = {
  title: "Your say on youth clubs",
  purpose: "Find out what young people want from youth clubs.",
  whoFor: "Young people aged 11 to 18",
  audience: "the Youth Service board",
  opensOn: ukDay(-30),
  closesOn: ukDay(30),
  feedbackBy: ukDay(60),
  dataUseStatement: "",
  contact: "",
  retentionMonths: 24,
};
