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

export const VALID_DETAILS = {
  title: "Your say on youth clubs",
  purpose: "Find out what young people want from youth clubs.",
  whoFor: "Young people aged 11 to 18",
  audience: "the Youth Service board",
  opensOn: "2026-01-01",
  closesOn: "2026-02-01",
  feedbackBy: "2026-03-01",
  dataUseStatement: "",
  retentionMonths: 24,
};
