// Logs never hold a child's words: a real database error that carries an answer in its message
// (drizzle puts the query's parameters there) is logged without it.
import { db, schema } from "~/db.server";
import { logError } from "~/utils/log.server";
import { makeOrganisationWithMember } from "./fixtures";

test("a database error carrying an answer is logged with its request id but without the answer", async () => {
  const { organisation } = await makeOrganisationWithMember("officer");
  const secret = "I am scared to go home, my email is child@example.test";
  let caught: unknown;
  try {
    // A response pointing at a consultation and survey version that do not exist: a foreign-key error.
    await db.insert(schema.responses).values({
      organisationId: organisation.id,
      consultationId: "no-such-consultation",
      surveyVersionId: "no-such-version",
      variant: "standard",
      locale: "en",
      channel: "online",
      answers: { worries: secret },
      referenceCode: "TEST-0001",
      submittedAt: new Date(),
    });
  } catch (error) {
    caught = error;
  }
  expect(caught, "the insert fails").toBeInstanceOf(Error);
  // The error itself does carry the answer (so this test could fail)…
  const full = `${(caught as Error).message} ${String((caught as Error).stack)} ${String((caught as { cause?: unknown }).cause)}`;
  expect(full).toContain("scared to go home");

  const lines: string[] = [];
  const spy = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(" ")));
  try {
    logError(caught, { requestId: "req-123", where: "/c/some-survey/responses" });
  } finally {
    spy.mockRestore();
  }
  const logged = lines.join("\n");
  expect(logged).toContain("req-123");
  expect(logged).toContain("/c/some-survey/responses");
  // …but the log line does not: no answer, no email, no SQL parameters.
  expect(logged).not.toContain("scared");
  expect(logged).not.toContain("child@example.test");
  expect(logged).not.toContain("TEST-0001");
  expect(logged).not.toMatch(/params/i);
});
