// Context figures on both engines: added, changed, deleted and imported (all rows or none), scoped
// to the organisation, audited, and compared with who answered with small counts suppressed.
import { and, eq } from "drizzle-orm";
import { db, schema } from "~/db.server";
import type { ContextFigureInput } from "~/analysis/context-figures";
import {
  addContextFigure,
  compareContextWithResults,
  deleteContextFigure,
  getContextFigure,
  importContextFigures,
  listContextFigures,
  updateContextFigure,
} from "~/models/context-figure.server";
import { getConsultationResults } from "~/models/results.server";
import { answerOnline, createOpenConsultation } from "./consultation-helpers";
import { makeOrganisationWithMember } from "./fixtures";

let open: Awaited<ReturnType<typeof createOpenConsultation>> & { memberId: string };
let other: { organisationId: string; memberId: string };

const IN_CARE: ContextFigureInput = { label: "Children in care", value: 412, group: "", source: "CLA return", asOf: "2026-03-31" };
const AGED_11_15: ContextFigureInput = { label: "Children in care", value: 120, group: "11 to 15", source: "CLA return", asOf: "2026-03-31" };
const AGED_16_18: ContextFigureInput = { label: "Children in care", value: 90, group: "16–18", source: "CLA return", asOf: "2026-03-31" };

beforeAll(async () => {
  const { organisation, member } = await makeOrganisationWithMember("officer", "Context Council");
  open = { ...(await createOpenConsultation({ organisationId: organisation.id, memberId: member.id })), memberId: member.id };
  const elsewhere = await makeOrganisationWithMember("officer", "Other Council");
  other = { organisationId: elsewhere.organisation.id, memberId: elsewhere.member.id };
  // 12 aged 11 to 15, 2 aged 16 to 18 (too few to show), 6 who did not say.
  for (let i = 0; i < 20; i++) await answerOnline(open, { ageGroup: i < 12 ? "11-15" : i < 14 ? "16-18" : "not-say" });
});

const scope = () => ({ organisationId: open.organisationId, consultationId: open.consultationId });

async function auditActions() {
  const rows = await db
    .select({ action: schema.auditEvents.action })
    .from(schema.auditEvents)
    .where(and(eq(schema.auditEvents.organisationId, open.organisationId), eq(schema.auditEvents.subjectId, open.consultationId)));
  return rows.map((row) => row.action).filter((action) => action.startsWith("context_"));
}

test("a figure is added, changed and deleted, each change audited", async () => {
  const added = await addContextFigure({ ...scope(), memberId: open.memberId, figure: IN_CARE });
  expect(added).toBeDefined();
  const figureId = added!.id;
  expect(await getContextFigure({ ...scope(), figureId })).toEqual({ id: figureId, ...IN_CARE });

  expect(await updateContextFigure({ ...scope(), figureId, memberId: open.memberId, figure: { ...IN_CARE, value: 415 } })).toBe(true);
  expect((await getContextFigure({ ...scope(), figureId }))?.value).toBe(415);

  expect(await deleteContextFigure({ ...scope(), figureId, memberId: open.memberId })).toBe(true);
  expect(await getContextFigure({ ...scope(), figureId })).toBeUndefined();
  expect(await deleteContextFigure({ ...scope(), figureId, memberId: open.memberId })).toBe(false);
  expect(await auditActions()).toEqual(expect.arrayContaining(["context_figure.added", "context_figure.changed", "context_figure.deleted"]));
});

test("another organisation can neither see, add to, change nor delete a consultation's figures", async () => {
  const added = await addContextFigure({ ...scope(), memberId: open.memberId, figure: IN_CARE });
  const theirs = { organisationId: other.organisationId, consultationId: open.consultationId, memberId: other.memberId };
  expect(await listContextFigures(theirs)).toEqual([]);
  expect(await getContextFigure({ ...theirs, figureId: added!.id })).toBeUndefined();
  expect(await addContextFigure({ ...theirs, figure: IN_CARE })).toBeUndefined();
  expect(await importContextFigures({ ...theirs, figures: [IN_CARE] })).toBeUndefined();
  expect(await updateContextFigure({ ...theirs, figureId: added!.id, figure: { ...IN_CARE, value: 1 } })).toBe(false);
  expect(await deleteContextFigure({ ...theirs, figureId: added!.id })).toBe(false);
  expect((await getContextFigure({ ...scope(), figureId: added!.id }))?.value).toBe(412);
  await deleteContextFigure({ ...scope(), figureId: added!.id, memberId: open.memberId });
});

test("an import adds every row in file order, or none when a row cannot be stored", async () => {
  expect(await importContextFigures({ ...scope(), memberId: open.memberId, figures: [IN_CARE, AGED_11_15, AGED_16_18] })).toBe(3);
  const listed = await listContextFigures(scope());
  expect(listed.map((figure) => figure.group)).toEqual(["", "11 to 15", "16–18"]);
  expect(await auditActions()).toContain("context_figures.imported");

  // A row the database refuses (no label) fails inside the transaction: the good row before it is not kept.
  const unlabelled = { ...IN_CARE, label: null } as unknown as ContextFigureInput;
  await expect(importContextFigures({ ...scope(), memberId: open.memberId, figures: [IN_CARE, unlabelled] })).rejects.toThrow();
  expect(await listContextFigures(scope())).toHaveLength(3);
});

test("the comparison gives a response rate per age band, and none for a suppressed band", async () => {
  const results = await getConsultationResults({ ...scope(), locale: "en" });
  const comparison = await compareContextWithResults({ ...scope(), summary: results!.summary });
  const [all, younger, older] = comparison;
  expect(all).toMatchObject({ matched: "all", responses: 20, ratePercent: 4.9 });
  expect(younger).toMatchObject({ matched: { question: "How old are you?", answer: "11 to 15" }, responses: 12, ratePercent: 10 });
  expect(older).toMatchObject({ matched: { question: "How old are you?", answer: "16 to 18" }, responses: null, suppressed: true, ratePercent: null });
});
