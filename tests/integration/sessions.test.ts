// Staff sessions live in the database, keyed by a hash of the cookie token, with idle and absolute timeouts.
import { eq } from "drizzle-orm";
import { db } from "~/db.server";
import { verifyMemberLogin, type SignedInMember } from "~/models/member.server";
import {
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
  createSession,
  deleteExpiredSessions,
  deleteSession,
  getSessionMember,
} from "~/models/session.server";
import { sessions } from "../../db/schema";
import { makeOrganisationWithMember } from "./fixtures";

const PASSWORD = "correct horse battery staple";
const MINUTE = 60 * 1000;

let member: SignedInMember;

beforeAll(async () => {
  ({ member } = await makeOrganisationWithMember("officer"));
});

function startSession() {
  const startedAt = Date.now();
  const token = createSession({ memberId: member.id, organisationId: member.organisationId });
  return { token, startedAt };
}

function sessionRows() {
  return db.select().from(sessions).where(eq(sessions.memberId, member.id)).all();
}

beforeEach(() => {
  db.delete(sessions).run();
});

test("a new session signs its member in", () => {
  const { token } = startSession();
  expect(getSessionMember({ token })).toEqual(member);
});

test("the session token has at least 128 random bits and differs every time", () => {
  const tokens = Array.from({ length: 20 }, () => startSession().token);
  expect(new Set(tokens).size).toBe(20);
  for (const token of tokens) expect(Buffer.from(token, "base64url").length).toBeGreaterThanOrEqual(16);
});

test("the database does not hold the token in clear", () => {
  const { token } = startSession();
  const rows = sessionRows();
  expect(rows).toHaveLength(1);
  expect(rows[0]!.id).not.toBe(token);
  expect(rows[0]!.id).not.toContain(token);
  expect(JSON.stringify(rows)).not.toContain(token);
});

test("a made-up or tampered token signs nobody in", () => {
  const { token } = startSession();
  const stored = sessionRows()[0]!.id;
  expect(getSessionMember({ token: "not-a-real-token" })).toBeNull();
  expect(getSessionMember({ token: `${token}x` })).toBeNull();
  // Knowing the stored id (say, from a copy of the database) is not enough to use the session.
  expect(getSessionMember({ token: stored })).toBeNull();
});

test("signing out deletes the session", () => {
  const { token } = startSession();
  deleteSession({ token });
  expect(getSessionMember({ token })).toBeNull();
  expect(sessionRows()).toHaveLength(0);
});

test("signing out one session leaves the member's other sessions alone", () => {
  const laptop = startSession();
  const phone = startSession();
  deleteSession({ token: laptop.token });
  expect(getSessionMember({ token: phone.token })).toEqual(member);
});

describe("idle timeout", () => {
  test("a session used within the idle time stays signed in", () => {
    const { token, startedAt } = startSession();
    expect(getSessionMember({ token, now: startedAt + SESSION_IDLE_MS - MINUTE })).toEqual(member);
  });

  test("a session left idle for the idle time is signed out and deleted", () => {
    const { token, startedAt } = startSession();
    expect(getSessionMember({ token, now: startedAt + SESSION_IDLE_MS + MINUTE })).toBeNull();
    expect(sessionRows()).toHaveLength(0);
    expect(getSessionMember({ token, now: startedAt })).toBeNull();
  });

  test("activity keeps a session alive beyond one idle period", () => {
    const { token, startedAt } = startSession();
    const later = startedAt + SESSION_IDLE_MS - 5 * MINUTE;
    expect(getSessionMember({ token, now: later })).toEqual(member);
    expect(getSessionMember({ token, now: later + SESSION_IDLE_MS - 5 * MINUTE })).toEqual(member);
  });
});

describe("absolute timeout", () => {
  test("a session in constant use still ends after the absolute time", () => {
    const { token, startedAt } = startSession();
    // Active every half idle period, so the idle timeout never fires.
    for (let at = startedAt; at < startedAt + SESSION_ABSOLUTE_MS; at += SESSION_IDLE_MS / 2) {
      expect(getSessionMember({ token, now: at })).toEqual(member);
    }
    expect(getSessionMember({ token, now: startedAt + SESSION_ABSOLUTE_MS + MINUTE })).toBeNull();
    expect(sessionRows()).toHaveLength(0);
  });
});

describe("deleteExpiredSessions", () => {
  /** Starts a session and finds its row (the only new one), without knowing how ids are derived. */
  function startSessionWithRow() {
    const before = new Set(sessionRows().map((row) => row.id));
    const session = startSession();
    const rowId = sessionRows().find((row) => !before.has(row.id))!.id;
    return { ...session, rowId };
  }

  test("deletes idle and over-age sessions and keeps live ones", () => {
    const live = startSessionWithRow();
    const idle = startSessionWithRow();
    const overAge = startSessionWithRow();
    const now = Date.now();
    db.update(sessions)
      .set({ lastSeenAt: new Date(now - SESSION_IDLE_MS - MINUTE) })
      .where(eq(sessions.id, idle.rowId))
      .run();
    db.update(sessions)
      .set({ expiresAt: new Date(now - MINUTE) })
      .where(eq(sessions.id, overAge.rowId))
      .run();

    expect(deleteExpiredSessions(now)).toBe(2);

    expect(sessionRows().map((row) => row.id)).toEqual([live.rowId]);
    expect(getSessionMember({ token: live.token, now })).toEqual(member);
  });

  test("deletes every session once all have timed out", () => {
    startSession();
    startSession();
    expect(deleteExpiredSessions(Date.now() + SESSION_ABSOLUTE_MS + MINUTE)).toBe(2);
    expect(sessionRows()).toHaveLength(0);
  });

  test("deletes nothing while every session is live", () => {
    startSession();
    expect(deleteExpiredSessions()).toBe(0);
    expect(sessionRows()).toHaveLength(1);
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
