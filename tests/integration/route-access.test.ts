/// <reference types="vite/client" />
// Who reaches what, through the route modules themselves: only safeguarding leads open the queue,
// only admins the audit log, retention and phrase list, and an advisor reaches no raw response or
// free-text answer by any route (every route's loader is called as an advisor).
import { eq } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { addContextFigure } from "~/models/context-figure.server";
import { createMember } from "~/models/member.server";
import { createSession } from "~/models/session.server";
import { sessionCookie } from "~/utils/auth.server";
import { answerOnline, createOpenConsultation } from "./consultation-helpers";
import { makeOrganisationWithMember } from "./fixtures";

type RouteModule = {
  loader?: (args: { request: Request; params: Record<string, string>; context: Record<string, string> }) => unknown;
  action?: (args: { request: Request; params: Record<string, string>; context: Record<string, string> }) => unknown;
};
// Each call renders real pages' data (survey models included) on a shared, busy machine.
vi.setConfig({ testTimeout: 60_000 });

const ROUTES = import.meta.glob<RouteModule>("../../app/routes/*.{ts,tsx}");

const SECRET = "Quokka-Zebra says he hits me";
let cookies: Record<"advisor" | "officer" | "analyst" | "admin" | "lead", string>;
let params: Record<string, string>;
let referenceCode: string;

async function cookieFor(member: { id: string; organisationId: string }) {
  const token = await createSession({ memberId: member.id, organisationId: member.organisationId });
  return (await sessionCookie.serialize(token)).split(";")[0]!;
}

beforeAll(async () => {
  const { organisation, member: advisor } = await makeOrganisationWithMember("advisor", "Access Council");
  const make = (role: "officer" | "analyst" | "admin", isSafeguardingLead = false) =>
    createMember({
      organisationId: organisation.id,
      email: `${role}-${isSafeguardingLead ? "lead-" : ""}${organisation.id.slice(0, 8)}@example.test`,
      name: `${role}${isSafeguardingLead ? " lead" : ""}`,
      role,
      password: "correct horse battery staple",
      isSafeguardingLead,
    });
  const [officer, analyst, admin, lead] = [await make("officer"), await make("analyst"), await make("admin"), await make("officer", true)];
  cookies = {
    advisor: await cookieFor(advisor),
    officer: await cookieFor(officer),
    analyst: await cookieFor(analyst),
    admin: await cookieFor(admin),
    lead: await cookieFor(lead),
  };
  const open = await createOpenConsultation({ organisationId: organisation.id, memberId: officer.id });
  ({ referenceCode } = await answerOnline(open, { sessionRating: 3, anythingElse: SECRET, doBetter: SECRET }));
  const [response] = await db.select({ id: schema.responses.id }).from(schema.responses).where(eq(schema.responses.referenceCode, referenceCode));
  const [flag] = await db.select({ id: schema.safeguardingFlags.id }).from(schema.safeguardingFlags).where(eq(schema.safeguardingFlags.responseId, response!.id));
  const figure = await addContextFigure({
    organisationId: organisation.id,
    consultationId: open.consultationId,
    memberId: officer.id,
    figure: { label: "Children in care", value: 412, group: "", source: "CLA return", asOf: "2026-03-31" },
  });
  params = { id: open.consultationId, slug: open.slug, responseId: response!.id, flagId: flag!.id, figureId: figure!.id, question: "anythingElse", file: "responses.csv", "*": "anything" };
});

/** Calls a route's loader (GET) or action (POST) as a signed-in member; a thrown Response counts as the answer. */
async function call(
  file: string,
  who: keyof typeof cookies,
  { method = "GET", body, extraParams = {} }: { method?: "GET" | "POST"; body?: Record<string, string>; extraParams?: Record<string, string> } = {},
) {
  const module = await ROUTES[`../../app/routes/${file}`]!();
  const handler = method === "GET" ? module.loader : module.action;
  if (!handler) return undefined;
  const headers = new Headers({ Cookie: `${cookies[who]}; heard_csrf=token`, Origin: "http://localhost" });
  let init: RequestInit = { method, headers };
  if (body) {
    headers.set("Content-Type", "application/x-www-form-urlencoded");
    init = { ...init, body: new URLSearchParams({ csrf: "token", ...body }) };
  }
  const request = new Request(`http://localhost/${file}`, init);
  let result: unknown;
  try {
    result = await handler({ request, params: { ...params, ...extraParams }, context: { csrfToken: "token", clientKey: "test-client" } });
  } catch (thrown) {
    result = thrown;
  }
  if (result instanceof Response) return { status: result.status, text: await result.text() };
  // Remix's data(value, { status }) helper.
  const withInit = result as { type?: string; data?: unknown; init?: { status?: number } } | null;
  if (withInit?.type === "DataWithResponseInit") return { status: withInit.init?.status ?? 200, text: JSON.stringify(withInit.data) };
  return { status: 200, text: JSON.stringify(result) };
}

describe("the safeguarding queue is for safeguarding leads only", () => {
  test.each(["safeguarding._index.tsx", "safeguarding.$flagId.tsx", "safeguarding.notifications.tsx"])("%s", async (file) => {
    for (const who of ["advisor", "officer", "analyst", "admin"] as const) {
      expect((await call(file, who))?.status, `${who} on ${file}`).toBe(403);
    }
    const asLead = await call(file, "lead");
    expect(asLead?.status).toBe(200);
  });

  test("the lead sees the answer in context, with the matched words marked", async () => {
    const page = await call("safeguarding.$flagId.tsx", "lead");
    expect(page?.text).toContain("hits me");
    expect(page?.text).toContain('"marked":true');
  });

  test("a status change is refused to anyone but a lead", async () => {
    const body = { status: "no_action", note: "Checked" };
    expect((await call("safeguarding.$flagId.tsx", "admin", { method: "POST", body }))?.status).toBe(403);
    expect((await call("safeguarding.$flagId.tsx", "lead", { method: "POST", body: { status: "no_action", note: "" } }))?.status).toBe(400);
    expect((await call("safeguarding.$flagId.tsx", "lead", { method: "POST", body }))?.status).toBe(200);
  });
});

describe("admin pages are for admins only", () => {
  test.each(["admin.audit.tsx", "admin.retention.tsx", "admin.safeguarding-words.tsx"])("%s", async (file) => {
    for (const who of ["advisor", "officer", "analyst", "lead"] as const) {
      expect((await call(file, who))?.status, `${who} on ${file}`).toBe(403);
    }
    expect((await call(file, "admin"))?.status).toBe(200);
  });

  test("the CSV export is refused to anyone but an admin", async () => {
    expect((await call("admin.audit[.]csv.ts", "officer", { method: "POST", body: {} }))?.status).toBe(403);
    const csv = await call("admin.audit[.]csv.ts", "admin", { method: "POST", body: {} });
    expect(csv?.status).toBe(200);
    expect(csv?.text).toContain("time,action,member");
  });
});

describe("co-design", () => {
  test("only officers and admins make advisor codes", async () => {
    for (const who of ["advisor", "analyst"] as const) {
      expect((await call("advisors.tsx", who))?.status, who).toBe(403);
      expect((await call("advisors.tsx", who, { method: "POST", body: { intent: "create" } }))?.status, who).toBe(403);
    }
    expect((await call("advisors.tsx", "officer"))?.status).toBe(200);
  });

  test("advisors comment but do not decide suggestions; only advisors sign off", async () => {
    expect((await call("consultations.$id.review.tsx", "advisor"))?.status).toBe(200);
    expect((await call("consultations.$id.review.tsx", "advisor", { method: "POST", body: { intent: "accept", suggestionId: "x" } }))?.status).toBe(403);
    expect((await call("consultations.$id.review.tsx", "officer", { method: "POST", body: { intent: "sign-off" } }))?.status).toBe(403);
    const empty = await call("consultations.$id.review.tsx", "advisor", { method: "POST", body: { intent: "comment", body: "  ", fieldId: "comment-survey" } });
    expect(empty?.status).toBe(400);
    expect(empty?.text).toContain("comment-survey");
  });
});

describe("response counts below the organisation's threshold are never sent to the browser", () => {
  // The consultation in beforeAll has one response; the threshold is the default 5.
  test.each(["consultations._index.tsx", "consultations.$id._index.tsx"])("%s", async (file) => {
    for (const who of ["advisor", "officer"] as const) {
      const page = await call(file, who);
      expect(page?.status).toBe(200);
      expect(page?.text, `${who} on ${file}`).toContain('"responseCount":{"count":null,"fewerThan":5}');
    }
  });
});

describe("analysis: advisors see suppressed aggregates only, analysts read and code, officers and admins export", () => {
  test("results are for every member, advisors included", async () => {
    for (const who of ["advisor", "analyst", "officer", "admin"] as const) {
      expect((await call("consultations.$id.results.tsx", who))?.status, who).toBe(200);
    }
  });

  test.each(["consultations.$id.themes._index.tsx", "consultations.$id.themes.code.tsx", "consultations.$id.themes.agreement.tsx"])(
    "%s: staff who analyse, never advisors",
    async (file) => {
      expect((await call(file, "advisor"))?.status).toBe(403);
      expect((await call(file, "advisor", { method: "POST", body: { name: "x", colour: "teal", responseId: "x", questionName: "x" } }))?.status ?? 403).toBe(403);
      for (const who of ["analyst", "officer", "admin"] as const) expect((await call(file, who))?.status, who).toBe(200);
    },
  );

  test("the reading view shows analysts the free text it codes", async () => {
    const page = await call("consultations.$id.themes.code.tsx", "analyst");
    expect(page?.text).toContain("Quokka");
  });

  test("exports are for officers and admins", async () => {
    for (const who of ["advisor", "analyst"] as const) {
      expect((await call("consultations.$id.export._index.tsx", who))?.status, who).toBe(403);
      expect((await call("consultations.$id.export.$file.ts", who, { method: "POST", body: {} }))?.status, who).toBe(403);
    }
    expect((await call("consultations.$id.export._index.tsx", "officer"))?.status).toBe(200);
  });

  test("the REFI-QDA export of coded text is for officers and admins", async () => {
    const qdpx = { method: "POST" as const, body: {}, extraParams: { file: "coded-text.qdpx" } };
    for (const who of ["advisor", "analyst"] as const) expect((await call("consultations.$id.export.$file.ts", who, qdpx))?.status, who).toBe(403);
    for (const who of ["officer", "admin"] as const) expect((await call("consultations.$id.export.$file.ts", who, qdpx))?.status, who).toBe(200);
  });

  test("API tokens are managed by officers and admins", async () => {
    for (const who of ["advisor", "analyst"] as const) {
      expect((await call("admin.api-tokens.tsx", who))?.status, who).toBe(403);
      expect((await call("admin.api-tokens.tsx", who, { method: "POST", body: { name: "x", scope: "responses", days: "30" } }))?.status, who).toBe(403);
    }
    expect((await call("admin.api-tokens.tsx", "admin"))?.status).toBe(200);
    const created = await call("admin.api-tokens.tsx", "officer", { method: "POST", body: { name: "Dashboard", scope: "aggregates", days: "30" } });
    expect(created?.text).toMatch(/"token":"heard_/);
  });

  test("context figures: every member reads them (aggregates); officers and admins add, change and delete them", async () => {
    for (const who of ["advisor", "analyst", "officer", "admin"] as const) {
      const page = await call("consultations.$id.context._index.tsx", who);
      expect(page?.status, who).toBe(200);
      expect(page?.text, who).toContain("CLA return");
    }
    const figure = { intent: "add", label: "Care leavers", value: "88", group: "", source: "SSDA903", asOf: "2026-03-31" };
    for (const who of ["advisor", "analyst"] as const) {
      expect((await call("consultations.$id.context._index.tsx", who, { method: "POST", body: figure }))?.status, who).toBe(403);
      expect((await call("consultations.$id.context._index.tsx", who, { method: "POST", body: { intent: "delete", figureId: params.figureId! } }))?.status, who).toBe(403);
      expect((await call("consultations.$id.context.$figureId.tsx", who))?.status, who).toBe(403);
      expect((await call("consultations.$id.context.$figureId.tsx", who, { method: "POST", body: figure }))?.status, who).toBe(403);
    }
    expect((await call("consultations.$id.context._index.tsx", "officer", { method: "POST", body: { ...figure, value: "-1" } }))?.status).toBe(400);
    expect((await call("consultations.$id.context._index.tsx", "officer", { method: "POST", body: figure }))?.status).toBe(200);
    expect((await call("consultations.$id.context.$figureId.tsx", "admin"))?.status).toBe(200);
  });

  test("the API answers a session cookie with 401: it takes bearer tokens only", async () => {
    expect((await call("api.consultations.$id.responses.ts", "admin"))?.status).toBe(401);
  });
});

describe("an advisor never reaches a raw response or a free-text answer", () => {
  test("by any route's loader", async () => {
    const files = Object.keys(ROUTES).map((key) => key.replace("../../app/routes/", ""));
    expect(files.length).toBeGreaterThan(15);
    const reached: string[] = [];
    for (const file of files) {
      const answer = await call(file, "advisor");
      if (!answer) continue;
      if (answer.text.includes("Quokka") || answer.text.includes(referenceCode)) reached.push(file);
    }
    expect(reached).toEqual([]);
  });

  test("nor a drawing: the drawing route refuses advisors and serves only drawings to readers", async () => {
    expect((await call("consultations.$id.drawings.$responseId.$question.ts", "advisor"))?.status).toBe(403);
    // The answer exists but is text, not a drawing: a reader gets a 404, never the text.
    const asAnalyst = await call("consultations.$id.drawings.$responseId.$question.ts", "analyst");
    expect(asAnalyst?.status).toBe(404);
    expect(asAnalyst?.text).not.toContain("Quokka");
  });

  test("the single-response pages say no outright", async () => {
    expect((await call("consultations.$id.responses._index.tsx", "advisor"))?.status).toBe(403);
    expect((await call("consultations.$id.responses.$responseId.tsx", "advisor"))?.status).toBe(403);
    expect((await call("consultations.$id.responses.$responseId.tsx", "advisor", { method: "POST", body: { intent: "erase", reason: "x" } }))?.status).toBe(403);
  });

  test("nor records a response for a child or types in a paper form", async () => {
    expect((await call("consultations.$id.record.tsx", "advisor"))?.status).toBe(403);
    for (const channel of ["assisted", "paper"]) {
      const body = { channel, surveyVersionId: "any", answers: "{}", note: "" };
      expect((await call("consultations.$id.record-response.ts", "advisor", { method: "POST", body }))?.status, channel).toBe(403);
    }
    expect((await call("consultations.$id.record.tsx", "officer"))?.status).toBe(200);
  });

  test("nor imports responses from a file; only officers and admins do", async () => {
    for (const who of ["advisor", "analyst"] as const) {
      expect((await call("consultations.$id.import._index.tsx", who))?.status, who).toBe(403);
      expect((await call("consultations.$id.import._index.tsx", who, { method: "POST", body: {} }))?.status, who).toBe(403);
      expect((await call("consultations.$id.import.$importId.tsx", who))?.status, who).toBe(403);
      expect((await call("consultations.$id.import.$importId.tsx", who, { method: "POST", body: { intent: "import" } }))?.status, who).toBe(403);
      expect((await call("consultations.$id.import.$importId.rejected[.]csv.ts", who))?.status, who).toBe(403);
    }
    for (const who of ["officer", "admin"] as const) expect((await call("consultations.$id.import._index.tsx", who))?.status, who).toBe(200);
    // Someone else's (or no) uploaded file is not found.
    expect((await call("consultations.$id.import.$importId.tsx", "officer"))?.status).toBe(404);
  });

  test("while staff who analyse do reach them, and the view is audited", async () => {
    const page = await call("consultations.$id.responses.$responseId.tsx", "analyst");
    expect(page?.status).toBe(200);
    expect(page?.text).toContain("Quokka");
    // An analyst may read but not erase.
    expect((await call("consultations.$id.responses.$responseId.tsx", "analyst", { method: "POST", body: { intent: "erase", reason: "x" } }))?.status).toBe(403);
  });
});
