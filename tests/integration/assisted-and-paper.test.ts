// Responses recorded by staff: with or for a child (assisted, with an observation note) and typed in
// from paper. Same validation as a child's, stored with their channel, audited, the note checked
// for concerning phrases like free text; never by an advisor.
import { and, eq } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { createMember } from "~/models/member.server";
import { countResponsesByChannel, recordResponse } from "~/models/response.server";
import { createSession } from "~/models/session.server";
import { OBSERVATION_NOTE } from "~/responses/observation-note";
import { sessionCookie } from "~/utils/auth.server";
import { answerOnline, createOpenConsultation } from "./consultation-helpers";
import { makeOrganisationWithMember } from "./fixtures";
import * as recordPage from "../../app/routes/consultations.$id.record";
import * as recordEndpoint from "../../app/routes/consultations.$id.record-response";
import * as staffResponse from "../../app/routes/consultations.$id.responses.$responseId";
import * as results from "../../app/routes/consultations.$id.results";

vi.setConfig({ testTimeout: 60_000 });

type Handler = (args: { request: Request; params: Record<string, string>; context: Record<string, string> }) => unknown;
type Who = "officer" | "analyst" | "advisor";

let open: Awaited<ReturnType<typeof createOpenConsultation>>;
let officerId: string;
const cookies = {} as Record<Who, string>;

beforeAll(async () => {
  const { organisation, member } = await makeOrganisationWithMember("officer", "Recording Council");
  officerId = member.id;
  open = await createOpenConsultation({ organisationId: organisation.id, memberId: member.id });
  const make = (role: "analyst" | "advisor") =>
    createMember({ organisationId: organisation.id, email: `${role}-${organisation.id.slice(0, 8)}@example.test`, name: role, role, password: "correct horse battery staple" });
  const members = { officer: member, analyst: await make("analyst"), advisor: await make("advisor") };
  for (const who of ["officer", "analyst", "advisor"] as const) {
    const token = await createSession({ memberId: members[who].id, organisationId: organisation.id });
    cookies[who] = (await sessionCookie.serialize(token)).split(";")[0]!;
  }
});

async function call(handler: Handler, who: Who, { params = {}, path = "/", body }: { params?: Record<string, string>; path?: string; body?: Record<string, string> } = {}) {
  const headers = new Headers({ Cookie: `${cookies[who]}; heard_csrf=token`, Origin: "http://localhost" });
  const init: RequestInit = { method: body ? "POST" : "GET", headers };
  if (body) {
    headers.set("Content-Type", "application/x-www-form-urlencoded");
    init.body = new URLSearchParams({ csrf: "token", ...body });
  }
  try {
    return await handler({ request: new Request(`http://localhost${path}`, init), params: { id: open.consultationId, ...params }, context: { csrfToken: "token", clientKey: "test" } });
  } catch (thrown) {
    return thrown;
  }
}

const statusOf = (result: unknown) => (result instanceof Response ? result.status : 200);

async function responseByCode(referenceCode: string) {
  const [row] = await db.select().from(schema.responses).where(eq(schema.responses.referenceCode, referenceCode));
  return row!;
}

test("an assisted response is stored with its channel and note, and audited as recorded by the member", async () => {
  const { referenceCode, responseId } = await recordResponse({
    organisationId: open.organisationId,
    consultationId: open.consultationId,
    surveyVersionId: open.surveyVersionId,
    memberId: officerId,
    channel: "assisted",
    locale: "en",
    answers: { sessionRating: 4 },
    observationNote: "  Calm, pointed at the pictures; nodded for yes.  ",
  });
  expect(await responseByCode(referenceCode)).toMatchObject({ channel: "assisted", observationNote: "Calm, pointed at the pictures; nodded for yes.", answers: { sessionRating: 4 } });
  const events = await db
    .select()
    .from(schema.auditEvents)
    .where(and(eq(schema.auditEvents.action, "response.recorded"), eq(schema.auditEvents.subjectId, open.consultationId)));
  expect(events).toContainEqual(expect.objectContaining({ memberId: officerId, detail: { responseId, channel: "assisted" } }));
});

test("a paper entry keeps no observation note", async () => {
  const { referenceCode } = await recordResponse({
    organisationId: open.organisationId,
    consultationId: open.consultationId,
    surveyVersionId: open.surveyVersionId,
    memberId: officerId,
    channel: "paper",
    locale: "en",
    answers: { sessionRating: 2 },
    observationNote: "ignored",
  });
  expect(await responseByCode(referenceCode)).toMatchObject({ channel: "paper", observationNote: null });
});

test("a worrying observation note raises a safeguarding flag, with the note kept in the flag's excerpt", async () => {
  const { responseId } = await recordResponse({
    organisationId: open.organisationId,
    consultationId: open.consultationId,
    surveyVersionId: open.surveyVersionId,
    memberId: officerId,
    channel: "assisted",
    locale: "en",
    answers: { sessionRating: 3 },
    observationNote: "Went quiet, then said he hits me when I am late home.",
  });
  const [flag] = await db.select().from(schema.safeguardingFlags).where(eq(schema.safeguardingFlags.responseId, responseId));
  expect(flag?.matches).toEqual([{ question: OBSERVATION_NOTE, phrases: expect.arrayContaining([expect.any(String)]) }]);
  expect(flag?.excerpt).toEqual([{ question: OBSERVATION_NOTE, title: "Observation note", text: "Went quiet, then said he hits me when I am late home." }]);
});

describe("the recording page and its endpoint", () => {
  const body = (answers: Record<string, unknown>, extra: Record<string, string> = {}) => ({
    surveyVersionId: open.surveyVersionId,
    answers: JSON.stringify(answers),
    channel: "assisted",
    note: "Happy to talk",
    ...extra,
  });

  test("advisors can do neither; officers and analysts can", async () => {
    expect(statusOf(await call(recordPage.loader as Handler, "advisor"))).toBe(403);
    expect(statusOf(await call(recordEndpoint.action as Handler, "advisor", { body: body({ sessionRating: 5 }) }))).toBe(403);
    expect(statusOf(await call(recordEndpoint.action as Handler, "advisor", { body: body({ sessionRating: 5 }, { channel: "paper" }) }))).toBe(403);
    expect(statusOf(await call(recordPage.loader as Handler, "analyst", { path: "/?channel=paper" }))).toBe(200);
    const recorded = (await call(recordEndpoint.action as Handler, "analyst", { body: body({ sessionRating: 5 }, { channel: "paper" }) })) as Response;
    expect(recorded.status).toBe(201);
    expect(await responseByCode(((await recorded.json()) as { referenceCode: string }).referenceCode)).toMatchObject({ channel: "paper" });
  });

  test("answers are validated exactly as a child's: refused with the same errors, nothing stored", async () => {
    const before = await countResponsesByChannel(open);
    const refused = (await call(recordEndpoint.action as Handler, "officer", { body: body({ sessionRating: 9 }) })) as Response;
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { errors: { question: string }[] }).errors).toEqual([expect.objectContaining({ question: "sessionRating" })]);
    const tooLong = (await call(recordEndpoint.action as Handler, "officer", { body: body({ sessionRating: 3 }, { note: "x".repeat(4001) }) })) as Response;
    expect(tooLong.status).toBe(400);
    const online = (await call(recordEndpoint.action as Handler, "officer", { body: body({ sessionRating: 3 }, { channel: "online" }) })) as Response;
    expect(online.status).toBe(400);
    expect(await countResponsesByChannel(open)).toEqual(before);
  });

  test("the staff response page shows the note and marks the response assisted; results count it by channel", async () => {
    const sent = (await call(recordEndpoint.action as Handler, "officer", { body: body({ sessionRating: 4 }) })) as Response;
    const { referenceCode } = (await sent.json()) as { referenceCode: string };
    const row = await responseByCode(referenceCode);
    const page = (await call(staffResponse.loader as Handler, "analyst", { params: { responseId: row.id } })) as { response: { channel: string; observationNote: string } };
    expect(page.response).toMatchObject({ channel: "assisted", observationNote: "Happy to talk" });
    for (let i = 0; i < 5; i++) await answerOnline(open, { sessionRating: 4 });
    const shown = (await call(results.loader as Handler, "analyst")) as { channels: { channel: string; count: number | null }[] };
    expect(shown.channels.map((row) => row.channel)).toEqual(["online", "assisted", "paper"]);
    expect(shown.channels.find((row) => row.channel === "online")?.count).toBeGreaterThanOrEqual(5);
    // Fewer than the threshold: never shown as a number.
    expect(shown.channels.find((row) => row.channel === "paper")?.count).toBeNull();
  });
});
