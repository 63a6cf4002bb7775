// Safeguarding: free text is checked on arrival against the organisation's list, a match raises a
// flag (one notification per lead, never the child's words) without refusing the answer, and the
// queue's views and changes are audited.
import { and, eq, inArray } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { sendPendingNotifications } from "~/jobs/notifications.server";
import { createMember } from "~/models/member.server";
import {
  deleteDeliveredNotifications,
  listNotifications,
  MAX_SEND_ATTEMPTS,
  retryNotification,
} from "~/models/notification.server";
import {
  changeFlagStatus,
  getFlagForReview,
  getPhraseList,
  listFlags,
  NoteRequiredError,
  raiseFlagByHand,
  resetPhraseList,
  savePhraseList,
} from "~/models/safeguarding.server";
import { DEFAULT_CONCERNING_PHRASES } from "~/safeguarding/default-phrases";
import { answerOnline, createOpenConsultation } from "./consultation-helpers";
import { makeOrganisationWithMember } from "./fixtures";

const { auditEvents, notifications, responses, safeguardingFlagNotes, safeguardingFlags } = schema;

let officer: { organisationId: string; memberId: string };
let leads: { id: string; email: string }[];
let open: Awaited<ReturnType<typeof createOpenConsultation>>;

beforeAll(async () => {
  const { organisation, member } = await makeOrganisationWithMember("officer", "Safeguarding Council");
  officer = { organisationId: organisation.id, memberId: member.id };
  leads = [];
  for (const name of ["Lead One", "Lead Two"]) {
    const lead = await createMember({
      organisationId: organisation.id,
      email: `${name.replace(" ", ".").toLowerCase()}-${organisation.id.slice(0, 8)}@example.test`,
      name,
      role: "officer",
      password: "correct horse battery staple",
      isSafeguardingLead: true,
    });
    leads.push({ id: lead.id, email: lead.email });
  }
  open = await createOpenConsultation(officer);
});

async function flagsOf(referenceCode: string) {
  const [response] = await db.select({ id: responses.id }).from(responses).where(eq(responses.referenceCode, referenceCode));
  return db.select().from(safeguardingFlags).where(eq(safeguardingFlags.responseId, response!.id));
}

async function auditActionsFor(organisationId: string, action: string) {
  return db.select().from(auditEvents).where(and(eq(auditEvents.organisationId, organisationId), eq(auditEvents.action, action)));
}

describe("flagging on arrival with the default list", () => {
  test.each([
    "I want to kill myself",
    "my stepdad hits me",
    "I don't feel safe at home",
    "Dw i ddim yn teimlo'n ddiogel",
    "sometimes i think about sucide",
  ])("%j is stored, acknowledged with help, and flagged", async (text) => {
    const { referenceCode, help } = await answerOnline(open, { sessionRating: 3, anythingElse: text });
    expect(referenceCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(help).toBe(true);
    const flags = await flagsOf(referenceCode);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ source: "automatic", status: "new", organisationId: officer.organisationId });
    expect(flags[0]!.matches).toEqual([{ question: "anythingElse", phrases: [expect.any(String)] }]);
    expect(flags[0]!.excerpt).toEqual([{ question: "anythingElse", title: "Is there anything else you want to tell us?", text }]);
  });

  test.each([
    "I was dying to go to the party",
    "my football team got killed 5-0",
    "My brother beat me at FIFA",
    "This survey is killing me lol",
    "I'm starving, can we have pizza?",
    "Pass the knife and fork please",
  ])("%j is stored without a flag", async (text) => {
    const { referenceCode, help } = await answerOnline(open, { sessionRating: 3, doBetter: text, anythingElse: text });
    expect(help).toBe(false);
    expect(await flagsOf(referenceCode)).toEqual([]);
  });

  test("a flag queues one notification per safeguarding lead, with a link and never the child's words", async () => {
    const secret = "nobody knows he hits me";
    const { referenceCode } = await answerOnline(open, { sessionRating: 2, doBetter: secret });
    const [flag] = await flagsOf(referenceCode);
    const queued = await db.select().from(notifications).where(eq(notifications.subjectId, flag!.id));
    expect(queued.map((row) => row.memberId).sort()).toEqual(leads.map((lead) => lead.id).sort());
    for (const row of queued) {
      expect(row).toMatchObject({ kind: "safeguarding_flag", status: "pending", organisationId: officer.organisationId });
      expect(row.body).toContain(`/safeguarding/${flag!.id}`);
      expect(`${row.subject} ${row.body}`).not.toMatch(/hits|nobody/i);
    }
    const raised = await auditActionsFor(officer.organisationId, "safeguarding.flag_raised");
    expect(raised.filter((event) => event.detail?.flagId === flag!.id)).toEqual([
      expect.objectContaining({ memberId: null, subjectType: "consultation", subjectId: open.consultationId, detail: { flagId: flag!.id, source: "automatic" } }),
    ]);
  });

  test("with no safeguarding lead, the organisation's admins are notified instead", async () => {
    const { organisation, member: admin } = await makeOrganisationWithMember("admin", "No Lead Council");
    const other = await createOpenConsultation({ organisationId: organisation.id, memberId: admin.id });
    const { referenceCode } = await answerOnline(other, { anythingElse: "I want to run away" });
    const [flag] = await flagsOf(referenceCode);
    const queued = await db.select().from(notifications).where(eq(notifications.subjectId, flag!.id));
    expect(queued.map((row) => row.memberId)).toEqual([admin.id]);
  });

  test("an Other box and the chosen values: only what was typed is checked", async () => {
    // "none" and choice values are the survey's words, not the child's.
    const { referenceCode, help } = await answerOnline(open, { liked: ["none"], heardAbout: ["school"] });
    expect(help).toBe(false);
    expect(await flagsOf(referenceCode)).toEqual([]);
  });
});

describe("the organisation's own list", () => {
  test("replaces the default list for new answers, and can go back to it", async () => {
    const { organisation, member: admin } = await makeOrganisationWithMember("admin", "Own List Council");
    const scope = { organisationId: organisation.id, memberId: admin.id };
    const consultation = await createOpenConsultation(scope);
    expect(await getPhraseList(scope)).toMatchObject({ isDefault: true, phrases: [...DEFAULT_CONCERNING_PHRASES] });

    await savePhraseList({ ...scope, phrases: ["purple elephant", "hid*"] });
    expect(await getPhraseList(scope)).toMatchObject({ isDefault: false, phrases: ["purple elephant", "hid*"] });
    expect((await answerOnline(consultation, { anythingElse: "I saw a Purple Elephant" })).help).toBe(true);
    expect((await answerOnline(consultation, { anythingElse: "I was hiding in the shed" })).help).toBe(true);
    expect((await answerOnline(consultation, { anythingElse: "I want to kill myself" })).help).toBe(false);

    await resetPhraseList(scope);
    expect((await getPhraseList(scope)).isDefault).toBe(true);
    expect((await answerOnline(consultation, { anythingElse: "I want to kill myself" })).help).toBe(true);

    const changes = await auditActionsFor(organisation.id, "safeguarding.phrases_changed");
    expect(changes.map((event) => event.detail)).toEqual(
      expect.arrayContaining([{ phrases: 2 }, { phrases: DEFAULT_CONCERNING_PHRASES.length, default: true }]),
    );
    expect(changes.every((event) => event.memberId === admin.id)).toBe(true);
  });
});

describe("the queue", () => {
  test("listing and opening a flag are each audited as views", async () => {
    const lead = { organisationId: officer.organisationId, memberId: leads[0]!.id };
    const { referenceCode } = await answerOnline(open, { anythingElse: "he touches me" });
    const [flag] = await flagsOf(referenceCode);

    const listed = await listFlags({ ...lead, status: "new" });
    expect(listed.map((row) => row.id)).toContain(flag!.id);
    expect(listed.every((row) => row.status === "new")).toBe(true);
    // The queue carries which list entries matched, never the child's words.
    expect(JSON.stringify(listed)).not.toContain("he touches me");

    const review = await getFlagForReview({ ...lead, flagId: flag!.id });
    expect(review?.response?.answers).toMatchObject({ anythingElse: "he touches me" });
    expect(review?.flag.matches).toEqual([{ question: "anythingElse", phrases: ["touches me"] }]);

    const views = await auditActionsFor(officer.organisationId, "safeguarding.flag_viewed");
    expect(views.filter((event) => event.detail?.flagId === flag!.id)).toEqual([
      expect.objectContaining({ memberId: lead.memberId, subjectId: open.consultationId }),
    ]);
    const queueViews = await auditActionsFor(officer.organisationId, "safeguarding.queue_viewed");
    expect(queueViews.some((event) => event.memberId === lead.memberId && event.detail?.status === "new")).toBe(true);
  });

  test("a status changes only with a note; the change, its note and its audit event land together", async () => {
    const lead = { organisationId: officer.organisationId, memberId: leads[1]!.id };
    const { referenceCode } = await answerOnline(open, { anythingElse: "I want to die" });
    const [flag] = await flagsOf(referenceCode);

    await expect(changeFlagStatus({ ...lead, flagId: flag!.id, status: "referred", note: "   " })).rejects.toBeInstanceOf(NoteRequiredError);
    expect((await flagsOf(referenceCode))[0]!.status).toBe("new");

    expect(await changeFlagStatus({ ...lead, flagId: flag!.id, status: "referred", note: "Referred to the front door team" })).toBe(true);
    expect((await flagsOf(referenceCode))[0]!.status).toBe("referred");
    const notes = await db.select().from(safeguardingFlagNotes).where(eq(safeguardingFlagNotes.flagId, flag!.id));
    expect(notes).toEqual([expect.objectContaining({ memberId: lead.memberId, status: "referred", note: "Referred to the front door team" })]);
    const changes = await auditActionsFor(officer.organisationId, "safeguarding.flag_status_changed");
    expect(changes.filter((event) => event.detail?.flagId === flag!.id)).toEqual([
      expect.objectContaining({ memberId: lead.memberId, detail: { flagId: flag!.id, from: "new", to: "referred" } }),
    ]);

    // A status change by a ghost member cannot be audited, so nothing changes.
    await expect(changeFlagStatus({ ...lead, memberId: "no-such-member", flagId: flag!.id, status: "no_action", note: "x" })).rejects.toBeDefined();
    expect((await flagsOf(referenceCode))[0]!.status).toBe("referred");
  });

  test("another organisation's lead can neither open nor change a flag", async () => {
    const { referenceCode } = await answerOnline(open, { anythingElse: "I was groomed" });
    const [flag] = await flagsOf(referenceCode);
    const { organisation, member } = await makeOrganisationWithMember("officer", "Elsewhere");
    const outsider = { organisationId: organisation.id, memberId: member.id };
    expect(await getFlagForReview({ ...outsider, flagId: flag!.id })).toBeUndefined();
    expect(await changeFlagStatus({ ...outsider, flagId: flag!.id, status: "no_action", note: "not mine" })).toBe(false);
    expect(await listFlags(outsider)).toEqual([]);
  });

  test("a lead raises a flag by hand; the other leads are notified", async () => {
    const { referenceCode } = await answerOnline(open, { anythingElse: "Things are hard at home since dad left" });
    const [response] = await db.select({ id: responses.id }).from(responses).where(eq(responses.referenceCode, referenceCode));
    const lead = { organisationId: officer.organisationId, memberId: leads[0]!.id };
    await expect(
      raiseFlagByHand({ ...lead, consultationId: open.consultationId, responseId: response!.id, note: "" }),
    ).rejects.toBeInstanceOf(NoteRequiredError);
    const flagId = await raiseFlagByHand({ ...lead, consultationId: open.consultationId, responseId: response!.id, note: "Worth a check" });
    expect(flagId).toEqual(expect.any(String));
    const [flag] = await db.select().from(safeguardingFlags).where(eq(safeguardingFlags.id, flagId!));
    expect(flag).toMatchObject({ source: "manual", raisedBy: lead.memberId, status: "new", matches: [] });
    const queued = await db.select().from(notifications).where(eq(notifications.subjectId, flagId!));
    expect(queued.map((row) => row.memberId)).toEqual([leads[1]!.id]);
    const raised = await auditActionsFor(officer.organisationId, "safeguarding.flag_raised");
    expect(raised.filter((event) => event.detail?.flagId === flagId)).toEqual([
      expect.objectContaining({ memberId: lead.memberId, detail: { flagId, responseId: response!.id, source: "manual" } }),
    ]);
  });
});

describe("the notification outbox", () => {
  test("sends pending notifications by email, records failures, and a lead can retry", async () => {
    const { organisation, member: admin } = await makeOrganisationWithMember("admin", "Outbox Council");
    const consultation = await createOpenConsultation({ organisationId: organisation.id, memberId: admin.id });
    await answerOnline(consultation, { anythingElse: "I want to run away" });
    const [row] = await listNotifications({ organisationId: organisation.id });
    expect(row).toMatchObject({ status: "pending", toAddress: expect.stringContaining("@example.test") });

    // Without email set up nothing is sent; it stays readable in the app.
    expect(await sendPendingNotifications(null)).toBe("email not set up");

    const failing = { sendMail: vi.fn().mockRejectedValue(new Error("connection refused")) };
    for (let attempt = 0; attempt < MAX_SEND_ATTEMPTS; attempt++) await sendPendingNotifications(failing as never, "heard@example.test");
    const [failed] = await listNotifications({ organisationId: organisation.id });
    expect(failed).toMatchObject({ status: "failed", attempts: MAX_SEND_ATTEMPTS, lastError: "connection refused" });
    // A failed notification is no longer tried on its own.
    failing.sendMail.mockClear();
    await sendPendingNotifications(failing as never, "heard@example.test");
    expect(failing.sendMail).not.toHaveBeenCalledWith(expect.objectContaining({ to: row!.toAddress }));

    expect(await retryNotification({ organisationId: organisation.id, memberId: admin.id, notificationId: row!.id })).toBe(true);
    const working = { sendMail: vi.fn().mockResolvedValue({}) };
    await sendPendingNotifications(working as never, "heard@example.test");
    expect(working.sendMail).toHaveBeenCalledWith(
      expect.objectContaining({ from: "heard@example.test", to: row!.toAddress, text: expect.stringContaining("/safeguarding/") }),
    );
    const [sent] = await listNotifications({ organisationId: organisation.id });
    expect(sent).toMatchObject({ status: "sent", lastError: null });
    expect(sent!.sentAt).toBeInstanceOf(Date);
    // A sent one cannot be retried, and another organisation cannot retry anything.
    expect(await retryNotification({ organisationId: organisation.id, memberId: admin.id, notificationId: row!.id })).toBe(false);
    expect(await retryNotification({ organisationId: officer.organisationId, memberId: officer.memberId, notificationId: row!.id })).toBe(false);
    expect(await auditActionsFor(organisation.id, "notification.retried")).toEqual([
      expect.objectContaining({ memberId: admin.id, subjectType: "notification", subjectId: row!.id }),
    ]);

    // Delivered notifications are cleared after 30 days, not before.
    expect(await deleteDeliveredNotifications(Date.now() + 29 * 24 * 60 * 60 * 1000)).toBe(0);
    expect(await deleteDeliveredNotifications(Date.now() + 31 * 24 * 60 * 60 * 1000)).toBeGreaterThanOrEqual(1);
    expect(await db.select().from(notifications).where(inArray(notifications.id, [row!.id]))).toEqual([]);
  });
});
