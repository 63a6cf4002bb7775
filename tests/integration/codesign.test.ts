// Co-designing with young advisors: joining by code without an email, comments and replies,
// suggested rewordings accepted into the draft, and sign-offs tied to the exact definition.
import { and, eq } from "drizzle-orm";
import { db, schema } from "~/db.server";
import {
  addSurveyComment,
  countOpenFeedback,
  createAdvisorInvitation,
  decideWordingSuggestion,
  getLiveInvitation,
  getPublishedSurveySignOff,
  INVITATION_LIFETIME_MS,
  INVITATION_MAX_USES,
  joinAsAdvisor,
  listAdvisorInvitations,
  listOpenSurveyComments,
  listSignOffs,
  listSurveyComments,
  listWordingSuggestions,
  NotFoundError,
  resolveSurveyComment,
  revokeAdvisorInvitation,
  SignInNameTakenError,
  signOffSurvey,
  suggestWording,
  SurveyNotEditableError,
} from "~/models/codesign.server";
import { publishEasyReadVersion } from "~/models/answering.server";
import { chooseSurveyTemplate, getConsultation, openConsultation } from "~/models/consultation.server";
import { getSurveyDraft, publishSurveyDraft, saveSurveyDraft } from "~/models/survey-draft.server";
import { verifyMemberLogin } from "~/models/member.server";
import { createDraftConsultation, createOpenConsultation, scopeOf, templateSurvey } from "./consultation-helpers";
import { makeOrganisationWithMember } from "./fixtures";

const PASSWORD = "teapot river lantern";

async function auditActions(organisationId: string) {
  const rows = await db.select({ action: schema.auditEvents.action }).from(schema.auditEvents).where(eq(schema.auditEvents.organisationId, organisationId));
  return rows.map((row) => row.action);
}

async function draftWithSurvey(owner: { organisationId: string; memberId: string }) {
  const draft = await createDraftConsultation(owner);
  await chooseSurveyTemplate({ ...scopeOf(draft), templateId: "event-feedback", definition: templateSurvey("event-feedback") });
  return draft;
}

describe("joining as a young advisor with a code", () => {
  test("makes an advisor account in the officer's organisation that signs in with the chosen name", async () => {
    const { organisation, member: officer } = await makeOrganisationWithMember("officer");
    const { code } = await createAdvisorInvitation({ organisationId: organisation.id, memberId: officer.id });
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);

    // Typed loosely: lower case, no dash, spaces around.
    const typed = ` ${code.replace("-", "").toLowerCase()} `;
    const advisor = await joinAsAdvisor({ code: typed, name: "Sky", signInName: `Sky.Fox-${organisation.id.slice(0, 6)}`, password: PASSWORD });
    expect(advisor).toMatchObject({ organisationId: organisation.id, role: "advisor", name: "Sky", isSafeguardingLead: false });

    const signedIn = await verifyMemberLogin({ email: `sky.fox-${organisation.id.slice(0, 6)}`, password: PASSWORD });
    expect(signedIn?.id).toBe(advisor!.id);
    const [invitation] = await listAdvisorInvitations({ organisationId: organisation.id });
    expect(invitation).toMatchObject({ uses: 1, live: true });
    expect(await auditActions(organisation.id)).toEqual(expect.arrayContaining(["advisor.invitation_created", "advisor.joined"]));
  });

  test("keeps only a hash of the code", async () => {
    const { organisation, member: officer } = await makeOrganisationWithMember("officer");
    const { code, id } = await createAdvisorInvitation({ organisationId: organisation.id, memberId: officer.id });
    const [row] = await db.select().from(schema.advisorInvitations).where(eq(schema.advisorInvitations.id, id));
    expect(JSON.stringify(row)).not.toContain(code.replace("-", ""));
    expect(JSON.stringify(row)).not.toContain(code);
  });

  test("refuses a revoked, expired, used-up or made-up code, and a sign-in name already taken", async () => {
    const { organisation, member: officer } = await makeOrganisationWithMember("officer");
    const actor = { organisationId: organisation.id, memberId: officer.id };
    const suffix = organisation.id.slice(0, 6);

    const revoked = await createAdvisorInvitation(actor);
    expect(await revokeAdvisorInvitation({ ...actor, invitationId: revoked.id })).toBe(true);
    expect(await joinAsAdvisor({ code: revoked.code, name: "A", signInName: `a-${suffix}`, password: PASSWORD })).toBeUndefined();

    const expired = await createAdvisorInvitation({ ...actor, now: new Date(Date.now() - INVITATION_LIFETIME_MS - 1000) });
    expect(await joinAsAdvisor({ code: expired.code, name: "B", signInName: `b-${suffix}`, password: PASSWORD })).toBeUndefined();

    const usedUp = await createAdvisorInvitation(actor);
    await db.update(schema.advisorInvitations).set({ uses: INVITATION_MAX_USES }).where(eq(schema.advisorInvitations.id, usedUp.id));
    expect(await getLiveInvitation({ code: usedUp.code })).toBeUndefined();
    expect(await joinAsAdvisor({ code: usedUp.code, name: "C", signInName: `c-${suffix}`, password: PASSWORD })).toBeUndefined();

    expect(await joinAsAdvisor({ code: "AAAA-AAAA", name: "D", signInName: `d-${suffix}`, password: PASSWORD })).toBeUndefined();

    const live = await createAdvisorInvitation(actor);
    await joinAsAdvisor({ code: live.code, name: "E", signInName: `e-${suffix}`, password: PASSWORD });
    await expect(joinAsAdvisor({ code: live.code, name: "E again", signInName: `E-${suffix}`, password: PASSWORD })).rejects.toBeInstanceOf(SignInNameTakenError);
    // The refused attempt did not use up a place.
    expect((await listAdvisorInvitations({ organisationId: organisation.id })).find((row) => row.id === live.id)?.uses).toBe(1);

    const advisors = await db.select().from(schema.members).where(and(eq(schema.members.organisationId, organisation.id), eq(schema.members.role, "advisor")));
    expect(advisors.map((row) => row.name)).toEqual(["E"]);
  });

  test("another organisation cannot revoke the code", async () => {
    const { organisation, member: officer } = await makeOrganisationWithMember("officer");
    const { organisation: other, member: stranger } = await makeOrganisationWithMember("admin", "Other Council");
    const invitation = await createAdvisorInvitation({ organisationId: organisation.id, memberId: officer.id });
    expect(await revokeAdvisorInvitation({ organisationId: other.id, memberId: stranger.id, invitationId: invitation.id })).toBe(false);
    expect(await getLiveInvitation({ code: invitation.code })).toBeDefined();
  });
});

describe("comments on a draft survey", () => {
  test("on a question and on the whole survey, answered and resolved, each audited", async () => {
    const { organisation, member: officer } = await makeOrganisationWithMember("officer");
    const draft = await draftWithSurvey({ organisationId: organisation.id, memberId: officer.id });
    const scope = { organisationId: organisation.id, consultationId: draft.consultationId };

    const onQuestion = await addSurveyComment({ ...scope, memberId: officer.id, questionName: "sessionRating", parentId: null, body: "Is 'session' clear to a 10-year-old?" });
    await addSurveyComment({ ...scope, memberId: officer.id, questionName: null, parentId: null, body: "Too long overall" });
    // A reply joins its comment's question, whatever question the form claimed.
    await addSurveyComment({ ...scope, memberId: officer.id, questionName: null, parentId: onQuestion.id, body: "Maybe 'today's group'" });
    await resolveSurveyComment({ ...scope, memberId: officer.id, commentId: onQuestion.id });

    const threads = await listSurveyComments(scope);
    expect(threads.map((thread) => [thread.questionName, thread.body, thread.replies.map((reply) => reply.body), thread.resolvedAt !== null])).toEqual([
      ["sessionRating", "Is 'session' clear to a 10-year-old?", ["Maybe 'today's group'"], true],
      [null, "Too long overall", [], false],
    ]);
    await expect(resolveSurveyComment({ ...scope, memberId: officer.id, commentId: onQuestion.id })).rejects.toBeInstanceOf(NotFoundError);
    expect((await auditActions(organisation.id)).filter((action) => action.startsWith("survey."))).toEqual(
      expect.arrayContaining(["survey.commented", "survey.commented", "survey.commented", "survey.comment_resolved"]),
    );
  });

  test("another organisation can neither comment nor see the comments", async () => {
    const { organisation, member: officer } = await makeOrganisationWithMember("officer");
    const { organisation: other, member: stranger } = await makeOrganisationWithMember("officer", "Other Council");
    const draft = await draftWithSurvey({ organisationId: organisation.id, memberId: officer.id });
    await addSurveyComment({ organisationId: organisation.id, consultationId: draft.consultationId, memberId: officer.id, questionName: null, parentId: null, body: "ours" });
    await expect(
      addSurveyComment({ organisationId: other.id, consultationId: draft.consultationId, memberId: stranger.id, questionName: null, parentId: null, body: "theirs" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await listSurveyComments({ organisationId: other.id, consultationId: draft.consultationId })).toEqual([]);
  });
});

describe("open comments and suggestions for the builder", () => {
  test("are counted per question and for the whole survey, leaving out replies, resolved threads and decided suggestions", async () => {
    const { organisation, member: officer } = await makeOrganisationWithMember("officer");
    const draft = await draftWithSurvey({ organisationId: organisation.id, memberId: officer.id });
    const scope = { organisationId: organisation.id, consultationId: draft.consultationId };
    const actor = { ...scope, memberId: officer.id };
    const comment = (questionName: string | null, parentId: string | null = null) => addSurveyComment({ ...actor, questionName, parentId, body: "Hmm" });

    const open = await comment("sessionRating");
    await comment("sessionRating", open.id);
    await comment("sessionRating");
    const resolved = await comment("sessionRating");
    await resolveSurveyComment({ ...actor, commentId: resolved.id });
    await comment(null);
    await suggestWording({ ...actor, questionName: "sessionRating", suggestedText: "How was it?" });
    const declined = await suggestWording({ ...actor, questionName: "sessionRating", suggestedText: "Rate it" });
    await decideWordingSuggestion({ ...actor, suggestionId: declined.id, decision: "declined" });

    expect(await countOpenFeedback(scope)).toEqual({ survey: 1, questions: { sessionRating: { comments: 2, suggestions: 1 } } });
    const threads = await listOpenSurveyComments(scope);
    expect(threads.map((thread) => [thread.questionName, thread.replies.length])).toEqual([
      ["sessionRating", 1],
      ["sessionRating", 0],
      [null, 0],
    ]);
    // Another organisation counts nothing.
    const { organisation: other } = await makeOrganisationWithMember("officer", "Other Council");
    expect(await countOpenFeedback({ organisationId: other.id, consultationId: draft.consultationId })).toEqual({ survey: 0, questions: {} });
  });
});

describe("suggested rewordings", () => {
  test("an accepted suggestion changes the English title in the draft and keeps the Welsh", async () => {
    const { organisation, member: officer } = await makeOrganisationWithMember("officer");
    const { member: advisor } = await makeOrganisationWithMember("advisor");
    await db.update(schema.members).set({ organisationId: organisation.id }).where(eq(schema.members.id, advisor.id));
    const draft = await draftWithSurvey({ organisationId: organisation.id, memberId: officer.id });
    const scope = { organisationId: organisation.id, consultationId: draft.consultationId };

    const suggestion = await suggestWording({ ...scope, memberId: advisor.id, questionName: "sessionRating", suggestedText: "How good was today?" });
    const declined = await suggestWording({ ...scope, memberId: advisor.id, questionName: "sessionRating", suggestedText: "Rate it" });
    await decideWordingSuggestion({ ...scope, memberId: officer.id, suggestionId: suggestion.id, decision: "accepted" });
    await decideWordingSuggestion({ ...scope, memberId: officer.id, suggestionId: declined.id, decision: "declined" });

    const consultation = await getConsultation(scope);
    const question = (consultation!.draftDefinition as { pages: { elements: { name: string; title: unknown }[] }[] }).pages
      .flatMap((page) => page.elements)
      .find((element) => element.name === "sessionRating");
    const original = (templateSurvey("event-feedback") as { pages: { elements: { name: string; title: { cy: string } }[] }[] }).pages
      .flatMap((page) => page.elements)
      .find((element) => element.name === "sessionRating");
    expect(question?.title).toEqual({ ...(original!.title as object), default: "How good was today?" });
    expect((await listWordingSuggestions(scope)).map((row) => row.status)).toEqual(["accepted", "declined"]);
    // Deciding twice is refused.
    await expect(decideWordingSuggestion({ ...scope, memberId: officer.id, suggestionId: suggestion.id, decision: "declined" })).rejects.toBeInstanceOf(NotFoundError);
    expect(await auditActions(organisation.id)).toEqual(expect.arrayContaining(["survey.wording_suggested", "survey.wording_accepted", "survey.wording_declined"]));
  });

  test("no suggestion for a question that is not there, nor once the survey is open", async () => {
    const { organisation, member: officer } = await makeOrganisationWithMember("officer");
    const draft = await draftWithSurvey({ organisationId: organisation.id, memberId: officer.id });
    const scope = { organisationId: organisation.id, consultationId: draft.consultationId, memberId: officer.id };
    await expect(suggestWording({ ...scope, questionName: "noSuchQuestion", suggestedText: "x" })).rejects.toBeInstanceOf(NotFoundError);
    const pending = await suggestWording({ ...scope, questionName: "sessionRating", suggestedText: "Too late" });
    await openConsultation(scope);
    await expect(suggestWording({ ...scope, questionName: "sessionRating", suggestedText: "x" })).rejects.toBeInstanceOf(SurveyNotEditableError);
    await expect(decideWordingSuggestion({ ...scope, suggestionId: pending.id, decision: "accepted" })).rejects.toBeInstanceOf(SurveyNotEditableError);
  });
});

describe("sign-off", () => {
  test("is of the exact definition: a change afterwards needs a new sign-off, and the public page only names a reviewed survey", async () => {
    const { organisation, member: officer } = await makeOrganisationWithMember("officer");
    const draft = await draftWithSurvey({ organisationId: organisation.id, memberId: officer.id });
    const scope = { organisationId: organisation.id, consultationId: draft.consultationId };

    const first = await signOffSurvey({ ...scope, memberId: officer.id });
    expect((await listSignOffs(scope)).map((row) => row.ofCurrentText)).toEqual([true]);

    const suggestion = await suggestWording({ ...scope, memberId: officer.id, questionName: "sessionRating", suggestedText: "How was it?" });
    await decideWordingSuggestion({ ...scope, memberId: officer.id, suggestionId: suggestion.id, decision: "accepted" });
    expect((await listSignOffs(scope)).map((row) => row.ofCurrentText)).toEqual([false]);

    await openConsultation({ ...scope, memberId: officer.id });
    expect(await getPublishedSurveySignOff({ consultationId: draft.consultationId })).toBeUndefined();

    const other = await draftWithSurvey({ organisationId: organisation.id, memberId: officer.id });
    const signed = await signOffSurvey({ organisationId: organisation.id, consultationId: other.consultationId, memberId: officer.id });
    await openConsultation(scopeOf(other));
    expect((await getPublishedSurveySignOff({ consultationId: other.consultationId }))?.getTime()).toBe(signed.createdAt.getTime());
    expect(first.createdAt).toBeInstanceOf(Date);
  });

  test("of the easy-read version is its own, and the public page only names the easy-read text children are given now", async () => {
    const { organisation, member: officer } = await makeOrganisationWithMember("officer");
    const open = await createOpenConsultation({ organisationId: organisation.id, memberId: officer.id }, "children-in-care-wellbeing");
    const scope = { organisationId: organisation.id, consultationId: open.consultationId };
    const actor = { ...scope, memberId: officer.id };
    const easyReadSignOff = () => getPublishedSurveySignOff({ consultationId: open.consultationId, variant: "easy-read" });

    // No easy-read version yet: nothing to sign off.
    await expect(signOffSurvey({ ...actor, variant: "easy-read" })).rejects.toBeInstanceOf(NotFoundError);
    await publishEasyReadVersion({ ...actor, definition: EASY_READ });
    const signed = await signOffSurvey({ ...actor, variant: "easy-read" });
    expect((await easyReadSignOff())?.getTime()).toBe(signed.createdAt.getTime());
    // Signing off the easy-read text says nothing about the standard one.
    expect(await getPublishedSurveySignOff({ consultationId: open.consultationId })).toBeUndefined();
    expect((await listSignOffs(scope)).map((row) => [row.variant, row.ofCurrentText])).toEqual([["easy-read", true]]);

    // A new standard version without an easy-read one: children choosing easy read get the standard text.
    const draft = await getSurveyDraft(scope);
    await saveSurveyDraft({ ...actor, baseRevision: draft!.revision, definition: { ...draft!.definition!, title: "Changed" } });
    await publishSurveyDraft(actor);
    expect(await easyReadSignOff()).toBeUndefined();
    expect((await listSignOffs(scope)).map((row) => row.ofCurrentText)).toEqual([false]);

    // A different easy-read text for it was not reviewed; the reviewed text again is.
    const reworded = { pages: [{ name: "p1", elements: [{ type: "rating", name: "feelSafe", title: "Are you safe at home?" }] }] };
    await publishEasyReadVersion({ ...actor, definition: reworded });
    expect(await easyReadSignOff()).toBeUndefined();
    const [latest] = await db.select({ id: schema.surveyVersions.id }).from(schema.surveyVersions).where(
      and(eq(schema.surveyVersions.consultationId, open.consultationId), eq(schema.surveyVersions.variant, "easy-read"), eq(schema.surveyVersions.version, 2)),
    );
    await db.update(schema.surveyVersions).set({ definition: EASY_READ }).where(eq(schema.surveyVersions.id, latest!.id));
    expect((await easyReadSignOff())?.getTime()).toBe(signed.createdAt.getTime());
    expect(await auditActions(organisation.id)).toContain("survey.signed_off");
  });
});

const EASY_READ = { pages: [{ name: "p1", elements: [{ type: "rating", name: "feelSafe", title: "Do you feel safe?" }] }] };
