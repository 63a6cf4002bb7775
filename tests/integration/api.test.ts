// The analysts' API: bearer tokens stored hashed, scoped, expiring and revocable; every read
// audited; an aggregates token never reaches raw responses; nothing crosses organisations.
import { and, eq } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { createApiToken, revokeApiToken } from "~/models/api-token.server";
import { hashToken } from "~/utils/tokens.server";
import { loader as listLoader } from "~/routes/api.consultations._index";
import { loader as aggregatesLoader } from "~/routes/api.consultations.$id.aggregates";
import { loader as responsesLoader } from "~/routes/api.consultations.$id.responses";
import { loader as openapiLoader } from "~/routes/api.openapi[.]json";
import { answerOnline, createOpenConsultation } from "./consultation-helpers";
import { makeOrganisationWithMember } from "./fixtures";

let open: Awaited<ReturnType<typeof createOpenConsultation>>;
let adminId: string;

beforeAll(async () => {
  const { organisation, member } = await makeOrganisationWithMember("admin", "API Council");
  adminId = member.id;
  open = await createOpenConsultation({ organisationId: organisation.id });
  for (let i = 0; i < 6; i++) await answerOnline(open, { sessionRating: 5, anythingElse: "Secret words" });
});

async function call(loader: (args: never) => unknown, path: string, token?: string) {
  const request = new Request(`http://localhost${path}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  try {
    const result = (await loader({ request, params: { id: open.consultationId }, context: {} } as never)) as Response;
    return { status: result.status, body: (await result.json()) as Record<string, unknown> };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, body: (await thrown.json()) as Record<string, unknown> };
    throw thrown;
  }
}

test("a token is stored only as its hash", async () => {
  const { id, token } = await createApiToken({ organisationId: open.organisationId, memberId: adminId, name: "Dash", scope: "aggregates", days: 30 });
  const [row] = await db.select().from(schema.apiTokens).where(eq(schema.apiTokens.id, id));
  expect(row!.tokenHash).toBe(hashToken(token));
  expect(JSON.stringify(row)).not.toContain(token);
});

test("without a token, or with a wrong one, the answer is 401", async () => {
  expect((await call(listLoader, "/api/consultations")).status).toBe(401);
  expect((await call(listLoader, "/api/consultations", "heard_wrong")).status).toBe(401);
});

test("an aggregates token reads consultations and suppressed aggregates, never responses", async () => {
  const { token } = await createApiToken({ organisationId: open.organisationId, memberId: adminId, name: "Agg", scope: "aggregates", days: 30 });
  const list = await call(listLoader, "/api/consultations", token);
  expect(list.status).toBe(200);
  expect(JSON.stringify(list.body)).toContain(open.consultationId);
  const aggregates = await call(aggregatesLoader, `/api/consultations/${open.consultationId}/aggregates`, token);
  expect(aggregates.status).toBe(200);
  expect(JSON.stringify(aggregates.body)).not.toContain("Secret words");
  const responses = await call(responsesLoader, `/api/consultations/${open.consultationId}/responses`, token);
  expect(responses.status).toBe(403);
});

test("a responses token pages through raw responses, filtered and checked", async () => {
  const { id, token } = await createApiToken({ organisationId: open.organisationId, memberId: adminId, name: "Raw", scope: "responses", days: 30 });
  const page = await call(responsesLoader, `/api/consultations/${open.consultationId}/responses?channel=online`, token);
  expect(page.status).toBe(200);
  expect(page.body).toMatchObject({ page: 1, hasMore: false });
  expect((page.body.responses as unknown[]).length).toBe(6);
  expect((await call(responsesLoader, `/api/consultations/${open.consultationId}/responses?channel=paper`, token)).body.responses).toEqual([]);
  expect((await call(responsesLoader, `/api/consultations/${open.consultationId}/responses?from=yesterday`, token)).status).toBe(400);

  const reads = await db.select({ detail: schema.auditEvents.detail }).from(schema.auditEvents).where(and(eq(schema.auditEvents.action, "api.read"), eq(schema.auditEvents.subjectId, id)));
  expect(reads.length).toBe(2);

  expect(await revokeApiToken({ organisationId: open.organisationId, memberId: adminId, tokenId: id })).toBe(true);
  expect((await call(responsesLoader, `/api/consultations/${open.consultationId}/responses`, token)).status).toBe(401);
  expect(await revokeApiToken({ organisationId: open.organisationId, memberId: adminId, tokenId: id })).toBe(false);
});

test("an expired token is refused, and another organisation's token sees nothing here", async () => {
  const { id, token } = await createApiToken({ organisationId: open.organisationId, memberId: adminId, name: "Old", scope: "responses", days: 1 });
  await db.update(schema.apiTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(schema.apiTokens.id, id));
  expect((await call(listLoader, "/api/consultations", token)).status).toBe(401);

  const { organisation, member } = await makeOrganisationWithMember("admin", "Other API Council");
  const other = await createApiToken({ organisationId: organisation.id, memberId: member.id, name: "Other", scope: "responses", days: 30 });
  expect((await call(responsesLoader, `/api/consultations/${open.consultationId}/responses`, other.token)).status).toBe(404);
});

test("the OpenAPI document describes every endpoint", async () => {
  const document = (await (openapiLoader() as Response).json()) as { paths: Record<string, unknown> };
  expect(Object.keys(document.paths)).toEqual(["/api/consultations", "/api/consultations/{id}", "/api/consultations/{id}/aggregates", "/api/consultations/{id}/responses"]);
});
