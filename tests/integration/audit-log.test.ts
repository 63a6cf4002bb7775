// The audit log as admins read it: filtered by member, action, consultation and date, one
// organisation only, newest first, and an export that records itself.
import { eq } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { exportAuditEvents, listAuditEvents, listAuditFilterChoices, recordAuditEvent } from "~/models/audit.server";
import { closeConsultation } from "~/models/consultation.server";
import { createOpenConsultation, scopeOf } from "./consultation-helpers";
import { makeOrganisationWithMember } from "./fixtures";

let admin: { organisationId: string; memberId: string };
let other: { organisationId: string; memberId: string };
let first: Awaited<ReturnType<typeof createOpenConsultation>>;
let second: Awaited<ReturnType<typeof createOpenConsultation>>;

beforeAll(async () => {
  const a = await makeOrganisationWithMember("admin", "Audit Log Council");
  const b = await makeOrganisationWithMember("officer", "Audit Log Council B");
  admin = { organisationId: a.organisation.id, memberId: a.member.id };
  other = { organisationId: b.organisation.id, memberId: b.member.id };
  first = await createOpenConsultation(admin);
  second = await createOpenConsultation({ organisationId: admin.organisationId, memberId: null });
  await closeConsultation(scopeOf(first));
  await createOpenConsultation(other);
  // An old event, to filter by date.
  await recordAuditEvent({ organisationId: admin.organisationId, memberId: admin.memberId, action: "member.signed_in" });
  await db
    .update(schema.auditEvents)
    .set({ createdAt: new Date("2025-06-15T12:00:00Z") })
    .where(eq(schema.auditEvents.action, "member.signed_in"));
});

const actionsOf = (events: { action: string }[]) => events.map((event) => event.action);

test("lists only the organisation's own events, newest first, with who and which consultation", async () => {
  const { events, hasMore } = await listAuditEvents({ organisationId: admin.organisationId, filter: {} });
  expect(hasMore).toBe(false);
  expect(events[0]).toMatchObject({ action: "consultation.closed", consultationTitle: "Your say on youth clubs" });
  expect(events.at(-1)).toMatchObject({ action: "member.signed_in" });
  const times = events.map((event) => event.createdAt.getTime());
  expect([...times].sort((x, y) => y - x)).toEqual(times);
  expect(events.filter((event) => event.action === "consultation.closed")).toEqual([
    expect.objectContaining({ memberId: admin.memberId, memberName: expect.stringContaining("admin"), subjectId: first.consultationId }),
  ]);
});

test("filters by member, action, consultation and date, together", async () => {
  const scope = { organisationId: admin.organisationId };
  expect(actionsOf((await listAuditEvents({ ...scope, filter: { memberId: admin.memberId } })).events).sort()).toEqual(
    ["consultation.closed", "consultation.created", "consultation.opened", "consultation.template_chosen", "member.signed_in"].sort(),
  );
  expect(actionsOf((await listAuditEvents({ ...scope, filter: { action: "consultation.opened" } })).events)).toEqual([
    "consultation.opened",
    "consultation.opened",
  ]);
  const ofSecond = (await listAuditEvents({ ...scope, filter: { consultationId: second.consultationId } })).events;
  expect(ofSecond.every((event) => event.subjectId === second.consultationId && event.memberId === null)).toBe(true);
  expect(actionsOf(ofSecond).sort()).toEqual(["consultation.created", "consultation.opened", "consultation.template_chosen"]);
  expect(actionsOf((await listAuditEvents({ ...scope, filter: { from: "2025-06-15", to: "2025-06-15" } })).events)).toEqual(["member.signed_in"]);
  expect(actionsOf((await listAuditEvents({ ...scope, filter: { to: "2025-06-14" } })).events)).toEqual([]);
  expect(
    actionsOf((await listAuditEvents({ ...scope, filter: { memberId: admin.memberId, action: "consultation.closed", consultationId: first.consultationId } })).events),
  ).toEqual(["consultation.closed"]);
  // Another organisation's member as a filter finds nothing here.
  expect((await listAuditEvents({ ...scope, filter: { memberId: other.memberId } })).events).toEqual([]);
});

test("pages through long logs", async () => {
  const page1 = await listAuditEvents({ organisationId: admin.organisationId, filter: {}, pageSize: 3 });
  const page2 = await listAuditEvents({ organisationId: admin.organisationId, filter: {}, page: 2, pageSize: 3 });
  expect(page1.hasMore).toBe(true);
  expect(page1.events).toHaveLength(3);
  expect(page2.events.map((event) => event.id)).not.toContain(page1.events[0]!.id);
});

test("an export returns the filtered events and is itself recorded as data.exported", async () => {
  const rows = await exportAuditEvents({ ...admin, filter: { action: "consultation.created" } });
  expect(actionsOf(rows)).toEqual(["consultation.created", "consultation.created"]);
  const { events } = await listAuditEvents({ organisationId: admin.organisationId, filter: { action: "data.exported" } });
  expect(events).toEqual([
    expect.objectContaining({
      memberId: admin.memberId,
      subjectType: "audit_log",
      detail: { rows: 2, filter: { action: "consultation.created" } },
    }),
  ]);
});

test("offers the organisation's members and consultations as filters", async () => {
  const choices = await listAuditFilterChoices({ organisationId: admin.organisationId });
  expect(choices.members.map((member) => member.id)).toEqual([admin.memberId]);
  expect(choices.consultations.map((consultation) => consultation.id).sort()).toEqual([first.consultationId, second.consultationId].sort());
});
