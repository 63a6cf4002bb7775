import { and, asc, count, eq, gt, isNull, lt, ne } from "drizzle-orm";
import { db, schema, type Executor } from "~/db.server";
import type { MemberLinkPurpose, MemberRole } from "../../db/schema";
import { getDummyPasswordHash, hashPassword, verifyPassword } from "~/utils/password.server";
import { hashToken, newToken } from "~/utils/tokens.server";
import { recordAuditEvent } from "./audit.server";

const { memberLinks, members, organisations, sessions } = schema;

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

// How long a one-time link works: an invitation for a week, a password reset for a day.
export const LINK_LIFETIME_MS: Record<MemberLinkPurpose, number> = {
  invitation: 7 * 24 * 60 * 60 * 1000,
  password_reset: 24 * 60 * 60 * 1000,
};

/** An admin (`actorId`) acting on a member of their own organisation. */
type AdminActionOn = { organisationId: string; actorId: string; memberId: string };

export class MemberExistsError extends Error {}
/** Refused because it would leave the organisation without an active admin. */
export class LastAdminError extends Error {}

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
  const [created] = await db
    .insert(members)
    .values({
      organisationId: input.organisationId,
      email: normaliseEmail(input.email),
      name: input.name,
      role: input.role,
      isSafeguardingLead: input.isSafeguardingLead ?? false,
      passwordHash,
    })
    .returning(memberFields);
  return created!;
}

/** The member whose email and password match, or null; unknown emails take as long as wrong passwords. */
export async function verifyMemberLogin({ email, password }: { email: string; password: string }) {
  const [found] = await db
    .select({ ...memberFields, passwordHash: members.passwordHash, deactivatedAt: members.deactivatedAt })
    .from(members)
    .where(eq(members.email, normaliseEmail(email)));
  // An invited member who has not set a password yet has an empty hash: nothing verifies against it.
  const ok = await verifyPassword(password, found?.passwordHash || (await getDummyPasswordHash()));
  if (!found || !found.passwordHash || found.deactivatedAt || !ok) return null;
  const { passwordHash: _omit, deactivatedAt: _inactive, ...member } = found;
  return member satisfies SignedInMember;
}

/** Where a member's account stands: invited members have not chosen a password yet. */
export type MemberStatus = "active" | "invited" | "deactivated";

// The columns an admin sees about a member: never the password hash, only whether there is one.
const memberAdminFields = {
  ...memberFields,
  deactivatedAt: members.deactivatedAt,
  hasPassword: ne(members.passwordHash, ""),
};

function withStatus<T extends { deactivatedAt: Date | null; hasPassword: unknown }>(row: T) {
  const { deactivatedAt, hasPassword, ...rest } = row;
  // hasPassword is 0/1 on SQLite and a boolean on PostgreSQL: both test the same.
  const status: MemberStatus = deactivatedAt ? "deactivated" : hasPassword ? "active" : "invited";
  return { ...rest, status };
}

export async function listMembers({ organisationId }: { organisationId: string }) {
  const rows = await db
    .select(memberAdminFields)
    .from(members)
    .where(eq(members.organisationId, organisationId))
    .orderBy(asc(members.name), asc(members.email));
  return rows.map(withStatus);
}

export async function getMemberInOrganisation({ organisationId, memberId }: { organisationId: string; memberId: string }) {
  const [found] = await db
    .select(memberAdminFields)
    .from(members)
    .where(and(eq(members.id, memberId), eq(members.organisationId, organisationId)));
  return found ? withStatus(found) : undefined;
}

async function createLink(
  tx: Executor,
  { organisationId, memberId, purpose }: { organisationId: string; memberId: string; purpose: MemberLinkPurpose },
) {
  const token = newToken();
  // A new link replaces any earlier unused one of the same purpose.
  await tx
    .delete(memberLinks)
    .where(and(eq(memberLinks.memberId, memberId), eq(memberLinks.purpose, purpose), isNull(memberLinks.usedAt)));
  await tx.insert(memberLinks).values({
    id: hashToken(token),
    organisationId,
    memberId,
    purpose,
    expiresAt: new Date(Date.now() + LINK_LIFETIME_MS[purpose]),
  });
  return token;
}

/**
 * Adds a member with no password and returns the token of a one-time link with which they set one.
 * `actorId` is the admin inviting them (null when the first admin is created from the command line).
 */
export async function inviteMember({
  organisationId,
  actorId,
  email,
  name,
  role,
  isSafeguardingLead = false,
}: {
  organisationId: string;
  actorId: string | null;
  email: string;
  name: string;
  role: MemberRole;
  isSafeguardingLead?: boolean;
}) {
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(members)
      .values({ organisationId, email: normaliseEmail(email), name, role, isSafeguardingLead, passwordHash: "" })
      .onConflictDoNothing({ target: members.email })
      .returning(memberFields);
    if (!created) throw new MemberExistsError("Someone already has an account with that email.");
    const token = await createLink(tx, { organisationId, memberId: created.id, purpose: "invitation" });
    await recordAuditEvent(
      { organisationId, memberId: actorId, action: "member.invited", subjectType: "member", subjectId: created.id, detail: { role } },
      tx,
    );
    return { member: created, token };
  });
}

/** A one-time link for a member to choose a new password; their current password keeps working until then. */
export async function issuePasswordReset({
  organisationId,
  actorId,
  memberId,
}: AdminActionOn) {
  return db.transaction(async (tx) => {
    const [found] = await tx
      .select({ id: members.id })
      .from(members)
      .where(and(eq(members.id, memberId), eq(members.organisationId, organisationId), isNull(members.deactivatedAt)));
    if (!found) return undefined;
    const token = await createLink(tx, { organisationId, memberId, purpose: "password_reset" });
    await recordAuditEvent(
      { organisationId, memberId: actorId, action: "member.password_reset_issued", subjectType: "member", subjectId: memberId },
      tx,
    );
    return token;
  });
}

/** Who a live, unused one-time link is for; undefined for an unknown, used or expired link. */
export async function getMemberLink({ token, now = new Date() }: { token: string; now?: Date }) {
  const [found] = await db
    .select({
      purpose: memberLinks.purpose,
      name: members.name,
      email: members.email,
      organisationName: organisations.name,
    })
    .from(memberLinks)
    .innerJoin(members, and(eq(members.id, memberLinks.memberId), eq(members.organisationId, memberLinks.organisationId)))
    .innerJoin(organisations, eq(organisations.id, memberLinks.organisationId))
    .where(
      and(
        eq(memberLinks.id, hashToken(token)),
        isNull(memberLinks.usedAt),
        gt(memberLinks.expiresAt, now),
        isNull(members.deactivatedAt),
      ),
    );
  return found;
}

/**
 * Sets a member's password through their one-time link, uses the link up and ends every session
 * they had. Returns the member to sign in, or undefined when the link is not live.
 */
export async function setPasswordWithLink({ token, password }: { token: string; password: string }) {
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const now = new Date();
    const [link] = await tx
      .update(memberLinks)
      .set({ usedAt: now })
      .where(and(eq(memberLinks.id, hashToken(token)), isNull(memberLinks.usedAt), gt(memberLinks.expiresAt, now)))
      .returning({ memberId: memberLinks.memberId, organisationId: memberLinks.organisationId });
    if (!link) return undefined;
    const [member] = await tx
      .update(members)
      .set({ passwordHash })
      .where(and(eq(members.id, link.memberId), eq(members.organisationId, link.organisationId), isNull(members.deactivatedAt)))
      .returning(memberFields);
    // A deactivated member's link does nothing: throw, so the link is not marked used either.
    if (!member) throw new LinkNotLiveError("This link no longer works.");
    await tx.delete(sessions).where(eq(sessions.memberId, member.id));
    await recordAuditEvent(
      { organisationId: member.organisationId, memberId: member.id, action: "member.password_set", subjectType: "member", subjectId: member.id },
      tx,
    );
    return member;
  });
}

export class LinkNotLiveError extends Error {}

async function countActiveAdmins(tx: Executor, organisationId: string) {
  const [row] = await tx
    .select({ n: count() })
    .from(members)
    .where(and(eq(members.organisationId, organisationId), eq(members.role, "admin"), isNull(members.deactivatedAt)));
  return row?.n ?? 0;
}

/** Changes a member's role and safeguarding-lead capability; never leaves the organisation without an admin. */
export async function changeMemberRole({
  organisationId,
  actorId,
  memberId,
  role,
  isSafeguardingLead,
}: AdminActionOn & { role: MemberRole; isSafeguardingLead: boolean }) {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ role: members.role, deactivatedAt: members.deactivatedAt })
      .from(members)
      .where(and(eq(members.id, memberId), eq(members.organisationId, organisationId)));
    if (!before) return false;
    if (before.role === "admin" && role !== "admin" && !before.deactivatedAt && (await countActiveAdmins(tx, organisationId)) <= 1) {
      throw new LastAdminError("The organisation needs at least one admin.");
    }
    await tx
      .update(members)
      .set({ role, isSafeguardingLead })
      .where(and(eq(members.id, memberId), eq(members.organisationId, organisationId)));
    await recordAuditEvent(
      {
        organisationId,
        memberId: actorId,
        action: "member.role_changed",
        subjectType: "member",
        subjectId: memberId,
        detail: { from: before.role, to: role, isSafeguardingLead },
      },
      tx,
    );
    return true;
  });
}

/** Deactivates a member: they cannot sign in, and every session they have ends at once. */
export async function deactivateMember({
  organisationId,
  actorId,
  memberId,
}: AdminActionOn) {
  return db.transaction(async (tx) => {
    const [target] = await tx
      .select({ role: members.role, deactivatedAt: members.deactivatedAt })
      .from(members)
      .where(and(eq(members.id, memberId), eq(members.organisationId, organisationId)));
    if (!target) return false;
    if (target.deactivatedAt) return true;
    if (target.role === "admin" && (await countActiveAdmins(tx, organisationId)) <= 1) {
      throw new LastAdminError("The organisation needs at least one admin.");
    }
    await tx
      .update(members)
      .set({ deactivatedAt: new Date() })
      .where(and(eq(members.id, memberId), eq(members.organisationId, organisationId)));
    await tx.delete(sessions).where(and(eq(sessions.memberId, memberId), eq(sessions.organisationId, organisationId)));
    await tx.delete(memberLinks).where(and(eq(memberLinks.memberId, memberId), isNull(memberLinks.usedAt)));
    await recordAuditEvent(
      { organisationId, memberId: actorId, action: "member.deactivated", subjectType: "member", subjectId: memberId },
      tx,
    );
    return true;
  });
}

export async function reactivateMember({
  organisationId,
  actorId,
  memberId,
}: AdminActionOn) {
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(members)
      .set({ deactivatedAt: null })
      .where(and(eq(members.id, memberId), eq(members.organisationId, organisationId)))
      .returning({ id: members.id });
    if (!updated) return false;
    await recordAuditEvent(
      { organisationId, memberId: actorId, action: "member.reactivated", subjectType: "member", subjectId: memberId },
      tx,
    );
    return true;
  });
}

/** Demo accounts (the seeded, published-password ones): a production start refuses while any exist. */
export async function countDemoMembers(demoEmails: readonly string[]) {
  let n = 0;
  for (const email of demoEmails) {
    const [row] = await db.select({ n: count() }).from(members).where(eq(members.email, email));
    n += row?.n ?? 0;
  }
  return n;
}

/** Clears one-time links that have expired, used or not (the daily clean-up job). */
export async function deleteExpiredMemberLinks(now = Date.now()) {
  const deleted = await db.delete(memberLinks).where(lt(memberLinks.expiresAt, new Date(now))).returning({ id: memberLinks.id });
  return deleted.length;
}
