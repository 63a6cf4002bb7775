// A codebook, two analysts coding the same answers on their own, counts per theme (suppressed),
// featured quotes, and agreement per theme; every change audited; nothing crosses organisations.
import { and, eq } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { addTheme, AnswerNotFoundError, codeAnswer, getCodingAgreement, getThemeCounts, listAnswersForCoding, listCoders, ThemeParentNotFoundError } from "~/models/coding.server";
import { createMember } from "~/models/member.server";
import { submitResponse } from "~/models/response.server";
import { answerOnline, createOpenConsultation, scopeOf } from "./consultation-helpers";
import { makeOrganisationWithMember } from "./fixtures";

let open: Awaited<ReturnType<typeof createOpenConsultation>>;
let first: { id: string };
let second: { id: string };
let themeIds: { play: string; safe: string };

beforeAll(async () => {
  const { organisation, member } = await makeOrganisationWithMember("analyst", "Coding Council");
  first = member;
  second = await createMember({ organisationId: organisation.id, email: `second-${organisation.id.slice(0, 8)}@example.test`, name: "Second Analyst", role: "analyst", password: "correct horse battery staple" });
  open = await createOpenConsultation({ organisationId: organisation.id });
  for (let i = 0; i < 8; i++) await answerOnline(open, { sessionRating: 4, anythingElse: i < 6 ? `More games please ${i}` : `I felt safe ${i}` });
  const scope = { ...scopeOf(open), memberId: first.id };
  themeIds = {
    play: (await addTheme({ ...scope, theme: { name: "Play", description: "Games and fun", colour: "teal" } })).id,
    safe: (await addTheme({ ...scope, theme: { name: "Feeling safe", description: "", colour: "blue" } })).id,
  };
});

test("a sub-theme's parent must be in the same codebook", async () => {
  await expect(addTheme({ ...scopeOf(open), memberId: first.id, theme: { name: "Sub", description: "", colour: "red", parentId: "nope" } })).rejects.toThrow(ThemeParentNotFoundError);
  const child = await addTheme({ ...scopeOf(open), memberId: first.id, theme: { name: "Board games", description: "", colour: "teal", parentId: themeIds.play } });
  expect(child.id).toBeTruthy();
});

test("two analysts code independently; counts, agreement and disagreements follow", async () => {
  const answers = await listAnswersForCoding({ ...scopeOf(open), memberId: first.id, locale: "en" });
  expect(answers).toHaveLength(8);
  for (const answer of answers) {
    const isPlay = answer.text.startsWith("More games");
    await codeAnswer({ ...scopeOf(open), memberId: first.id, responseId: answer.responseId, questionName: answer.questionName, themeIds: [isPlay ? themeIds.play : themeIds.safe] });
    // The second analyst agrees on play, but also tags one play answer as safe.
    const extra = answer.text.endsWith(" 0") ? [themeIds.safe] : [];
    await codeAnswer({ ...scopeOf(open), memberId: second.id, responseId: answer.responseId, questionName: answer.questionName, themeIds: [isPlay ? themeIds.play : themeIds.safe, ...extra] });
  }
  const mine = await listAnswersForCoding({ ...scopeOf(open), memberId: first.id, locale: "en", search: "SAFE" });
  expect(mine.map((answer) => [answer.coded, answer.themeIds])).toEqual([
    [true, [themeIds.safe]],
    [true, [themeIds.safe]],
  ]);

  const counts = await getThemeCounts(scopeOf(open));
  const byName = Object.fromEntries(counts.themes.map((theme) => [theme.name, theme.count]));
  expect(byName.Play).toMatchObject({ count: 6, suppressed: false });
  expect(byName["Feeling safe"]).toMatchObject({ count: null, reason: "small" }); // 3 answers

  expect((await listCoders(scopeOf(open))).map((coder) => coder.id).sort()).toEqual([first.id, second.id].sort());
  const agreement = (await getCodingAgreement({ ...scopeOf(open), memberA: first.id, memberB: second.id, locale: "en" }))!;
  expect(agreement.compared).toBe(8);
  const play = agreement.themes.find((theme) => theme.name === "Play")!;
  expect(play.kappa).toBe(1);
  const safe = agreement.themes.find((theme) => theme.name === "Feeling safe")!;
  expect(safe.table).toEqual({ both: 2, onlyA: 0, onlyB: 1, neither: 5 });
  expect(safe.kappa).toBeCloseTo(0.7143, 3);
  expect(agreement.disagreements.map((item) => item.text)).toEqual(["More games please 0"]);
});

test("featuring a quote is recorded once and audited", async () => {
  const [answer] = await listAnswersForCoding({ ...scopeOf(open), memberId: first.id, locale: "en" });
  await codeAnswer({ ...scopeOf(open), memberId: first.id, responseId: answer!.responseId, questionName: answer!.questionName, themeIds: [], featured: true });
  const [again] = await listAnswersForCoding({ ...scopeOf(open), memberId: first.id, locale: "en" });
  expect(again!.featured).toBe(true);
  expect(again!.themeIds).toEqual([]);
  const events = await db.select({ action: schema.auditEvents.action }).from(schema.auditEvents).where(and(eq(schema.auditEvents.organisationId, open.organisationId), eq(schema.auditEvents.action, "quote.featured")));
  expect(events).toHaveLength(1);
});

test("an answer of another organisation cannot be coded", async () => {
  const { member: stranger } = await makeOrganisationWithMember("analyst", "Other Council");
  const [answer] = await listAnswersForCoding({ ...scopeOf(open), memberId: first.id, locale: "en" });
  await expect(
    codeAnswer({ organisationId: stranger.organisationId, consultationId: open.consultationId, memberId: stranger.id, responseId: answer!.responseId, questionName: answer!.questionName, themeIds: [] }),
  ).rejects.toThrow(AnswerNotFoundError);
});

test("a small channel cell of a theme cannot be worked out from the theme's total", async () => {
  // 12 online and 2 assisted answers, all coded "Play": the 2 is hidden, and so must be one of
  // the values it could be subtracted from (the 12 or the total of 14).
  const { member } = await makeOrganisationWithMember("analyst", "Subtraction Council");
  const consultation = await createOpenConsultation({ organisationId: member.organisationId });
  for (let i = 0; i < 14; i++) {
    await submitResponse({
      ...scopeOf(consultation),
      surveyVersionId: consultation.surveyVersionId,
      variant: "standard",
      locale: "en",
      channel: i < 12 ? "online" : "assisted",
      answers: { sessionRating: 4, anythingElse: `More games please ${i}` },
    });
  }
  const scope = { ...scopeOf(consultation), memberId: member.id };
  const play = await addTheme({ ...scope, theme: { name: "Play", description: "", colour: "teal" } });
  for (const answer of await listAnswersForCoding({ ...scope, locale: "en" })) {
    await codeAnswer({ ...scope, responseId: answer.responseId, questionName: answer.questionName, themeIds: [play.id] });
  }

  const counts = await getThemeCounts(scopeOf(consultation));
  expect(counts.channels).toEqual(["assisted", "online"]);
  const cell = (channel: string) => counts.byChannel.find((group) => group.channel === channel)!.cells[0]!;
  expect(cell("assisted")).toMatchObject({ count: null, reason: "small" });
  const total = counts.themes[0]!.count;
  const online = cell("online");
  // Whatever is shown, the hidden 2 is not the difference of two shown numbers.
  expect(total.suppressed || online.suppressed).toBe(true);
});
