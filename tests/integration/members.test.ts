// Managing members: invitations and password resets through one-time links, roles, deactivation,
// organisation settings, and scoping. Runs on SQLite and PostgreSQL.
import { and, eq } from "drizzle-orm";
import { db, schema } from "~/db.server";
import {
  changeMemberRole,
  createMember,
  deactivateMember,
  getMemberInOrganisation,
  getMemberLink,
  inviteMember,
  issuePasswordReset,
  LastAdminError,
  LINK_LIFETIME_MS,
  listMembers,
  MemberExistsError,
  reactivateMember,
  setPasswordWithLink,
  verifyMemberLogin,
  type SignedInMember,
} from "~/models/member.server";
import { createOrganisationWithAdmin, getOrganisation, updateOrganisationSettings } from "~/models/organisation.server";
import { createSession, getSessionMember } from "~/models/session.server";
import { makeOrganisationWithMember } from "./fixtures";

// Each test hashes and checks several passwords, and scrypt is slow on purpose.
vi.setConfig({ testTimeout: 30_000 });

const { auditEvents, memberLinks } = schema;
const PASSWORD = "a long enough password";
const HOUR = 60 * 60 * 1000;

let admin: SignedInMember;
let otherAdmin: SignedInMember;
let counter = 0;

beforeAll(async () => {
  ({ member: admin } = await makeOrganisationWithMember("admin", "Members Council"));
  ({ member: otherAdmin } = await makeOrganisationWithMember("admin", "Elsewhere Council"));
});

function uniqueEmail(label: string) {
  counter += 1;
  return `${label}-${counter}-${admin.organisationId.slice(0, 8)}@example.test`;
}

async function invite(role: "admin" | "officer" | "analyst" | "advisor" = "officer", isSafeguardingLead = false) {
  return inviteMember({
    organisationId: admin.organisationId,
    actorId: admin.id,
    email: uniqueEmail(role),
    name: `Invited ${role} ${counter}`,
    role,
    isSafeguardingLead,
  });
}

/** An active member of the admin's organisation, with a password. */
async function activeMember(role: "admin" | "officer" = "officer") {
  const { member, token } = await invite(role);
  await setPasswordWithLink({ token, password: PASSWORD });
  return member;
}

async function auditActions(subjectId: string) {
  const rows = await db.select().from(auditEvents).where(eq(auditEvents.subjectId, subjectId));
  return rows.map(({ organisationId, memberId, action, detail }) => ({ organisationId, memberId, action, detail }));
}

const scopeOf = (member: SignedInMember) => ({ organisationId: member.organisationId, actorId: admin.id, memberId: member.id });

describe("invitations", () => {
  test("an invited member sets a password through the link, once, and can then sign in", async () => {
    const { member, token } = await invite("officer", true);
    expect(member).toMatchObject({ organisationId: admin.organisationId, role: "officer", isSafeguardingLead: true });
    // No password yet: nothing signs them in, not even an empty password.
    expect(await verifyMemberLogin({ email: member.email, password: "" })).toBeNull();
    expect((await getMemberInOrganisation({ organisationId: admin.organisationId, memberId: member.id }))?.status).toBe("invited");

    expect(await getMemberLink({ token })).toEqual({
      purpose: "invitation",
      name: member.name,
      email: member.email,
      organisationName: "Members Council",
    });
    const signedIn = await setPasswordWithLink({ token, password: PASSWORD });
    expect(signedIn).toEqual(member);
    expect(await verifyMemberLogin({ email: member.email, password: PASSWORD })).toEqual(member);
    expect((await getMemberInOrganisation({ organisationId: admin.organisationId, memberId: member.id }))?.status).toBe("active");

    // The link is used up: it neither shows nor sets anything again.
    expect(await getMemberLink({ token })).toBeUndefined();
    expect(await setPasswordWithLink({ token, password: "someone else's password" })).toBeUndefined();
    expect(await verifyMemberLogin({ email: member.email, password: PASSWORD })).toEqual(member);
    expect((await auditActions(member.id)).map((event) => event.action)).toEqual(["member.invited", "member.password_set"]);
  });

  test("the database keeps only a hash of the link's token", async () => {
    const { member, token } = await invite();
    const rows = await db.select().from(memberLinks).where(eq(memberLinks.memberId, member.id));
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  test("an expired link is refused", async () => {
    const { member, token } = await invite();
    const later = new Date(Date.now() + LINK_LIFETIME_MS.invitation + HOUR);
    expect(await getMemberLink({ token, now: later })).toBeUndefined();
    expect(await getMemberLink({ token, now: new Date(Date.now() + LINK_LIFETIME_MS.invitation - HOUR) })).toBeDefined();

    // Setting a password checks the clock too.
    await db
      .update(memberLinks)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(memberLinks.memberId, member.id));
    expect(await getMemberLink({ token })).toBeUndefined();
    expect(await setPasswordWithLink({ token, password: PASSWORD })).toBeUndefined();
    expect(await verifyMemberLogin({ email: member.email, password: PASSWORD })).toBeNull();
  });

  test("an unknown link finds nobody", async () => {
    expect(await getMemberLink({ token: "not-a-token" })).toBeUndefined();
    expect(await setPasswordWithLink({ token: "not-a-token", password: PASSWORD })).toBeUndefined();
  });

  test("an email already in use, in any organisation and any case, is refused and adds nobody", async () => {
    const before = (await listMembers({ organisationId: admin.organisationId })).length;
    await expect(
      inviteMember({ organisationId: admin.organisationId, actorId: admin.id, email: admin.email.toUpperCase(), name: "Twin", role: "officer" }),
    ).rejects.toBeInstanceOf(MemberExistsError);
    await expect(
      inviteMember({ organisationId: admin.organisationId, actorId: admin.id, email: otherAdmin.email, name: "Twin", role: "officer" }),
    ).rejects.toBeInstanceOf(MemberExistsError);
    expect(await listMembers({ organisationId: admin.organisationId })).toHaveLength(before);
  });

  test("the first admin of a new organisation comes with a link, and no password until they choose one", async () => {
    const email = uniqueEmail("first-admin");
    const { organisation, token } = await createOrganisationWithAdmin({ name: "Fresh Council", email, adminName: "First Admin" });
    expect(await getMemberLink({ token })).toMatchObject({ purpose: "invitation", organisationName: "Fresh Council", email });
    const member = await setPasswordWithLink({ token, password: PASSWORD });
    expect(member).toMatchObject({ organisationId: organisation.id, role: "admin" });
    expect(await verifyMemberLogin({ email, password: PASSWORD })).toMatchObject({ role: "admin" });
  });
});

describe("password resets", () => {
  test("a reset link sets a new password and ends the member's sessions; the old password works until then", async () => {
    const member = await activeMember();
    const session = await createSession({ memberId: member.id, organisationId: member.organisationId });
    const token = (await issuePasswordReset(scopeOf(member)))!;
    expect(token).toBeTruthy();
    expect(await getMemberLink({ token })).toMatchObject({ purpose: "password_reset" });
    expect(await getMemberLink({ token, now: new Date(Date.now() + LINK_LIFETIME_MS.password_reset + HOUR) })).toBeUndefined();
    expect(await verifyMemberLogin({ email: member.email, password: PASSWORD })).toEqual(member);

    await setPasswordWithLink({ token, password: "a brand new password" });
    expect(await verifyMemberLogin({ email: member.email, password: PASSWORD })).toBeNull();
    expect(await verifyMemberLogin({ email: member.email, password: "a brand new password" })).toEqual(member);
    expect(await getSessionMember({ token: session })).toBeNull();
  });

  test("a new reset link replaces the last unused one", async () => {
    const member = await activeMember();
    const first = (await issuePasswordReset(scopeOf(member)))!;
    const second = (await issuePasswordReset(scopeOf(member)))!;
    expect(await getMemberLink({ token: first })).toBeUndefined();
    expect(await getMemberLink({ token: second })).toBeDefined();
  });
});

describe("deactivation", () => {
  test("ends the member's sessions at once, blocks sign-in and kills unused links; reactivation lets them back", async () => {
    const member = await activeMember();
    const laptop = await createSession({ memberId: member.id, organisationId: member.organisationId });
    const phone = await createSession({ memberId: member.id, organisationId: member.organisationId });
    expect(await getSessionMember({ token: laptop })).toEqual(member);
    const reset = (await issuePasswordReset(scopeOf(member)))!;

    expect(await deactivateMember(scopeOf(member))).toBe(true);
    expect(await getSessionMember({ token: laptop })).toBeNull();
    expect(await getSessionMember({ token: phone })).toBeNull();
    expect(await verifyMemberLogin({ email: member.email, password: PASSWORD })).toBeNull();
    expect(await getMemberLink({ token: reset })).toBeUndefined();
    expect(await issuePasswordReset(scopeOf(member))).toBeUndefined();
    expect((await getMemberInOrganisation({ organisationId: admin.organisationId, memberId: member.id }))?.status).toBe("deactivated");
    // A session created afterwards (say, by a request already in flight) signs nobody in either.
    const late = await createSession({ memberId: member.id, organisationId: member.organisationId });
    expect(await getSessionMember({ token: late })).toBeNull();

    expect(await reactivateMember(scopeOf(member))).toBe(true);
    expect(await verifyMemberLogin({ email: member.email, password: PASSWORD })).toEqual(member);
    expect((await auditActions(member.id)).map((event) => event.action)).toEqual([
      "member.invited",
      "member.password_set",
      "member.password_reset_issued",
      "member.deactivated",
      "member.reactivated",
    ]);
  });

  test("an invited member who is deactivated cannot use their invitation", async () => {
    const { member, token } = await invite();
    await deactivateMember(scopeOf(member));
    expect(await getMemberLink({ token })).toBeUndefined();
    expect(await setPasswordWithLink({ token, password: PASSWORD })).toBeUndefined();
  });
});

describe("the last admin", () => {
  test("cannot be demoted or deactivated; with a second admin, either can be", async () => {
    const { member: only } = await makeOrganisationWithMember("admin", "Single Admin Council");
    const scope = { organisationId: only.organisationId, actorId: only.id, memberId: only.id };
    await expect(changeMemberRole({ ...scope, role: "officer", isSafeguardingLead: false })).rejects.toBeInstanceOf(LastAdminError);
    await expect(deactivateMember(scope)).rejects.toBeInstanceOf(LastAdminError);
    // Refused means unchanged, and unaudited.
    expect(await getMemberInOrganisation({ organisationId: only.organisationId, memberId: only.id })).toMatchObject({
      role: "admin",
      status: "active",
    });
    expect(await auditActions(only.id)).toEqual([]);
    // Keeping the admin role while changing the capability is fine.
    expect(await changeMemberRole({ ...scope, role: "admin", isSafeguardingLead: true })).toBe(true);

    // A deactivated admin does not count as an admin.
    const second = await createMember({
      organisationId: only.organisationId,
      email: uniqueEmail("second-admin"),
      name: "Second Admin",
      role: "admin",
      password: PASSWORD,
    });
    await deactivateMember({ ...scope, memberId: second.id });
    await expect(changeMemberRole({ ...scope, role: "analyst", isSafeguardingLead: false })).rejects.toBeInstanceOf(LastAdminError);

    await reactivateMember({ ...scope, memberId: second.id });
    expect(await changeMemberRole({ ...scope, role: "analyst", isSafeguardingLead: false })).toBe(true);
    await expect(deactivateMember({ ...scope, memberId: second.id })).rejects.toBeInstanceOf(LastAdminError);
  });
});

describe("roles and settings are audited", () => {
  test("a role change writes who changed what", async () => {
    const member = await activeMember();
    expect(await changeMemberRole({ ...scopeOf(member), role: "analyst", isSafeguardingLead: true })).toBe(true);
    expect(await getMemberInOrganisation({ organisationId: admin.organisationId, memberId: member.id })).toMatchObject({
      role: "analyst",
      isSafeguardingLead: true,
    });
    expect((await auditActions(member.id)).at(-1)).toEqual({
      organisationId: admin.organisationId,
      memberId: admin.id,
      action: "member.role_changed",
      detail: { from: "officer", to: "analyst", isSafeguardingLead: true },
    });
  });

  test("a settings change is saved and audited", async () => {
    const settings = { name: "Members County Council", publicContact: "Participation team: 01234 567890", suppressionThreshold: 10 };
    expect(await updateOrganisationSettings({ organisationId: admin.organisationId, memberId: admin.id, settings })).toBe(true);
    expect(await getOrganisation({ organisationId: admin.organisationId })).toMatchObject(settings);
    const events = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.organisationId, admin.organisationId), eq(auditEvents.action, "organisation.settings_changed")));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ memberId: admin.id, detail: { suppressionThreshold: 10 } });
  });
});

describe("scoping: another organisation's admin", () => {
  test("cannot see, change, reset, deactivate or reactivate these members", async () => {
    const member = await activeMember();
    const outsider = { organisationId: otherAdmin.organisationId, actorId: otherAdmin.id, memberId: member.id };
    const before = await getMemberInOrganisation({ organisationId: admin.organisationId, memberId: member.id });
    const settingsBefore = await getOrganisation({ organisationId: admin.organisationId });

    expect(await getMemberInOrganisation(outsider)).toBeUndefined();
    expect((await listMembers({ organisationId: otherAdmin.organisationId })).map((row) => row.id)).not.toContain(member.id);
    expect(await changeMemberRole({ ...outsider, role: "admin", isSafeguardingLead: true })).toBe(false);
    expect(await issuePasswordReset(outsider)).toBeUndefined();
    expect(await deactivateMember(outsider)).toBe(false);

    await deactivateMember(scopeOf(member));
    expect(await reactivateMember(outsider)).toBe(false);
    await reactivateMember(scopeOf(member));
    // An admin's settings change lands in their own organisation only.
    const elsewhere = { name: "Elsewhere Council", publicContact: "", suppressionThreshold: 7 };
    expect(await updateOrganisationSettings({ organisationId: otherAdmin.organisationId, memberId: otherAdmin.id, settings: elsewhere })).toBe(
      true,
    );

    const after = await getMemberInOrganisation({ organisationId: admin.organisationId, memberId: member.id });
    expect(after).toEqual(before);
    expect(await getOrganisation({ organisationId: admin.organisationId })).toEqual(settingsBefore);
    expect(await getOrganisation({ organisationId: otherAdmin.organisationId })).toMatchObject(elsewhere);
    // Nothing the outsider tried was written to either organisation's audit trail.
    const outsiderEvents = await db.select().from(auditEvents).where(eq(auditEvents.memberId, otherAdmin.id));
    expect(outsiderEvents.map(({ action, organisationId }) => ({ action, organisationId }))).toEqual([
      { action: "organisation.settings_changed", organisationId: otherAdmin.organisationId },
    ]);
  });
});
