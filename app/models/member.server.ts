import { eq } from "drizzle-orm";
import { db } from "~/db.server";
import { members, type MemberRole } from "../../db/schema";
import { getDummyPasswordHash, hashPassword, verifyPassword } from "~/utils/password.server";

export type SignedInMember = {
  id: string;
  organisationId: string;
  name: string;
  email: string;
  role: MemberRole;
  isSafeguardingLead: boolean;
};

/** The columns a signed-in member carries around: never the password hash. */
export const memberFields = {
  id: members.id,
  organisationId: members.organisationId,
  name: members.name,
  email: members.email,
  role: members.role,
  isSafeguardingLead: members.isSafeguardingLead,
};

export function normaliseEmail(email: string) {
  return email.trim().toLowerCase();
}

export async function createMember(input: {
  organisationId: string;
  email: string;
  name: string;
  role: MemberRole;
  password: string;
  isSafeguardingLead?: boolean;
}): Promise<SignedInMember> {
  const passwordHash = await hashPassword(input.password);
  return db
    .insert(members)
    .values({
      organisationId: input.organisationId,
      email: normaliseEmail(input.email),
      name: input.name,
      role: input.role,
      isSafeguardingLead: input.isSafeguardingLead ?? false,
      passwordHash,
    })
    .returning(memberFields)
    .get();
}

/** The member whose email and password match, or null; unknown emails take as long as wrong passwords. */
export async function verifyMemberLogin({ email, password }: { email: string; password: string }) {
  const found = db
    .select({ ...memberFields, passwordHash: members.passwordHash })
    .from(members)
    .where(eq(members.email, normaliseEmail(email)))
    .get();
  const ok = await verifyPassword(password, found?.passwordHash ?? (await getDummyPasswordHash()));
  if (!found || !ok) return null;
  const { passwordHash: _omit, ...member } = found;
  return member satisfies SignedInMember;
}
