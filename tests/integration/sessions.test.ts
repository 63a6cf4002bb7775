// Staff sessions live in the database, keyed by a hash of the cookie token, with idle and absolute timeouts.
import { eq } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { verifyMemberLogin, type SignedInMember } from "~/models/member.server";
import {
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
  createSession,
  deleteExpiredSessions,
  deleteSession,
  getSessionMember,
} from "~/models/session.server";
import { makeOrganisationWithMember } from "./fixtures";

const { sessions } = schema;

const PASSWORD = "correct horse battery staple";
const MINUTE = 60 * 1000;

let member: SignedInMember;

beforeAll(async () => {
  ({ member } = await makeOrganisationWithMember("officer"));
});

async function startSession() {
  const startedAt = Date.now();
  const token = await createSession({ memberId: member.id, organisationId: member.organisationId });
  return { token, startedAt };
}

async function sessionRows() {
  return db.select().from(sessions).where(eq(sessions.memberId, member.id));
}

beforeEach(async () => {
  await db.delete(sessions);
});

test("a new session signs its member in", async () => {
  const { token } = await startSession();
  expect(await getSessionMember({ token })).toEqual(member);
});

test("the session token has at least 128 random bits and differs every time", async () => {
  const tokens: string[] = [];
  for (let i = 0; i < 20; i++) tokens.push((await startSession()).token);
  expect(new Set(tokens).size).toBe(20);
  for (const token of tokens) expect(Buffer.from(token, "base64url").length).toBeGreaterThanOrEqual(16);
});

test("the database does not hold the token in clear", async () => {
  const { token } = await startSession();
  const rows = await sessionRows();
  expect(rows).toHaveLength(1);
  expect(rows[0]!.id).not.toBe(token);
  expect(rows[0]!.id).not.toContain(token);
  expect(JSON.stringify(rows)).not.toContain(token);
});

test("a made-up or tampered token signs nobody in", async () => {
  const { token } = await startSession();
  const stored = (await sessionRows())[0]!.id;
  expect(await getSessionMember({ token: "not-a-real-token" })).toBeNull();
  expect(await getSessionMember({ token: `${token}x` })).toBeNull();
  // Knowing the stored id (say, from a copy of the database) is not enough to use the session.
  expect(await getSessionMember({ token: stored })).toBeNull();
});

test("signing out deletes the session", async () => {
  const { token } = await startSession();
  await deleteSession({ token });
  expect(await getSessionMember({ token })).toBeNull();
  expect(await sessionRows()).toHaveLength(0);
});

test("signing out one session leaves the member's other sessions alone", async () => {
  const laptop = await startSession();
  const phone = await startSession();
  await deleteSession({ token: laptop.token });
  expect(await getSessionMember({ token: phone.token })).toEqual(member);
});

describe("idle timeout", () => {
  test("a session used within the idle time stays signed in", async () => {
    const { token, startedAt } = await startSession();
    expect(await getSessionMember({ token, now: startedAt + SESSION_IDLE_MS - MINUTE })).toEqual(member);
  });

  test("a session left idle for the idle time is signed out and deleted", async () => {
    const { token, startedAt } = await startSession();
    expect(await getSessionMember({ token, now: startedAt + SESSION_IDLE_MS + MINUTE })).toBeNull();
    expect(await sessionRows()).toHaveLength(0);
    expect(await getSessionMember({ token, now: startedAt })).toBeNull();
  });

  test("activity keeps a session alive beyond one idle period", async () => {
    const { token, startedAt } = await startSession();
    const later = startedAt + SESSION_IDLE_MS - 5 * MINUTE;
    expect(await getSessionMember({ token, now: later })).toEqual(member);
    expect(await getSessionMember({ token, now: later + SESSION_IDLE_MS - 5 * MINUTE })).toEqual(member);
  });
});

describe("absolute timeout", () => {
  test("a session in constant use still ends after the absolute time", async () => {
    const { token, startedAt } = await startSession();
    // Active every half idle period, so the idle timeout never fires.
    for (let at = startedAt; at < startedAt + SESSION_ABSOLUTE_MS; at += SESSION_IDLE_MS / 2) {
      expect(await getSessionMember({ token, now: at })).toEqual(member);
    }
    expect(await getSessionMember({ token, now: startedAt + SESSION_ABSOLUTE_MS + MINUTE })).toBeNull();
    expect(await sessionRows()).toHaveLength(0);
  });
});

describe("deleteExpiredSessions", () => {
  /** Starts a session and finds its row (the only new one), without knowing how ids are derived. */
  async function startSessionWithRow() {
    const before = new Set((await sessionRows()).map((row) => row.id));
    const session = await startSession();
    const rowId = (await sessionRows()).find((row) => !before.has(row.id))!.id;
    return { ...session, rowId };
  }

  test("deletes idle and over-age sessions and keeps live ones", async () => {
    const live = await startSessionWithRow();
    const idle = await startSessionWithRow();
    const overAge = await startSessionWithRow();
    const now = Date.now();
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(now - SESSION_IDLE_MS - MINUTE) })
      .where(eq(sessions.id, idle.rowId));
    await db
      .update(sessions)
      .set({ expiresAt: new Date(now - MINUTE) })
      .where(eq(sessions.id, overAge.rowId));

    expect(await deleteExpiredSessions(now)).toBe(2);

    expect((await sessionRows()).map((row) => row.id)).toEqual([live.rowId]);
    expect(await getSessionMember({ token: live.token, now })).toEqual(member);
  });

  test("deletes every session once all have timed out", async () => {
    await startSession();
    await startSession();
    expect(await deleteExpiredSessions(Date.now() + SESSION_ABSOLUTE_MS + MINUTE)).toBe(2);
    expect(await sessionRows()).toHaveLength(0);
  });

  test("deletes nothing while every session is live", async () => {
    await startSession();
    expect(await deleteExpiredSessions()).toBe(0);
    expect(await sessionRows()).toHaveLength(1);
  });
});

describe("verifyMemberLogin", () => {
  test("accepts the right password", async () => {
    expect(await verifyMemberLogin({ email: member.email, password: PASSWORD })).toEqual(member);
  });

  test("treats the email case-insensitively and ignores surrounding spaces", async () => {
    const typed = `  ${member.email.toUpperCase()}  `;
    expect(await verifyMemberLogin({ email: typed, password: PASSWORD })).toEqual(member);
  });

  test("rejects a wrong password", async () => {
    expect(await verifyMemberLogin({ email: member.email, password: "correct horse battery stapler" })).toBeNull();
    expect(await verifyMemberLogin({ email: member.email, password: PASSWORD.toUpperCase() })).toBeNull();
    expect(await verifyMemberLogin({ email: member.email, password: "" })).toBeNull();
  });

  test("does not trim or otherwise loosen the password", async () => {
    expect(await verifyMemberLogin({ email: member.email, password: ` ${PASSWORD} ` })).toBeNull();
  });

  test("rejects an unknown email", async () => {
    expect(await verifyMemberLogin({ email: "nobody@example.test", password: PASSWORD })).toBeNull();
  });

  test("never returns the password hash", async () => {
    const signedIn = await verifyMemberLogin({ email: member.email, password: PASSWORD });
    expect(signedIn).not.toHaveProperty("passwordHash");
  });
});
