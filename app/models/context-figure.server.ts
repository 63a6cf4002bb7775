// Context figures: aggregate statistics from the council's own records, kept beside a consultation
// so who answered can be compared with who it was for (app/analysis/context-figures.ts). Aggregates
// only; every query is scoped by organisation and every change is audited in its transaction.
import { and, asc, eq } from "drizzle-orm";
import { db, schema, type Executor } from "~/db.server";
import { choiceCountsOf, compareWithContext, type ContextFigure, type ContextFigureInput } from "~/analysis/context-figures";
import type { ResponsesSummary } from "~/analysis/summarise";
import { recordAuditEvent } from "./audit.server";

const { consultations, contextFigures } = schema;

type ConsultationScope = { organisationId: string; consultationId: string };
type FigureScope = ConsultationScope & { figureId: string };
type Actor = { memberId: string };

const figureFields = {
  id: contextFigures.id,
  label: contextFigures.label,
  value: contextFigures.value,
  group: contextFigures.groupName,
  source: contextFigures.source,
  asOf: contextFigures.asOf,
};

async function consultationExists(executor: Executor, { organisationId, consultationId }: ConsultationScope) {
  const [found] = await executor
    .select({ id: consultations.id })
    .from(consultations)
    .where(and(eq(consultations.id, consultationId), eq(consultations.organisationId, organisationId)));
  return !!found;
}

function figureWhere({ organisationId, consultationId, figureId }: FigureScope) {
  return and(eq(contextFigures.id, figureId), eq(contextFigures.organisationId, organisationId), eq(contextFigures.consultationId, consultationId));
}

function stored({ group, ...figure }: ContextFigureInput) {
  return { ...figure, groupName: group };
}

function audit({ organisationId, consultationId, memberId }: ConsultationScope & Actor) {
  return { organisationId, memberId, subjectType: "consultation", subjectId: consultationId };
}

/** A consultation's context figures, in the order they were added (a CSV keeps its row order). */
export async function listContextFigures({ organisationId, consultationId }: ConsultationScope): Promise<ContextFigure[]> {
  return db
    .select(figureFields)
    .from(contextFigures)
    .where(and(eq(contextFigures.organisationId, organisationId), eq(contextFigures.consultationId, consultationId)))
    .orderBy(asc(contextFigures.createdAt), asc(contextFigures.label), asc(contextFigures.groupName));
}

export async function getContextFigure(scope: FigureScope): Promise<ContextFigure | undefined> {
  const [found] = await db.select(figureFields).from(contextFigures).where(figureWhere(scope));
  return found;
}

/** Adds one figure. Undefined when the consultation is not the organisation's. */
export async function addContextFigure({ organisationId, consultationId, memberId, figure }: ConsultationScope & Actor & { figure: ContextFigureInput }) {
  return db.transaction(async (tx) => {
    if (!(await consultationExists(tx, { organisationId, consultationId }))) return undefined;
    const [added] = await tx
      .insert(contextFigures)
      .values({ ...stored(figure), organisationId, consultationId, createdBy: memberId })
      .returning({ id: contextFigures.id });
    await recordAuditEvent({ ...audit({ organisationId, consultationId, memberId }), action: "context_figure.added", detail: { figureId: added!.id } }, tx);
    return added!;
  });
}

/** Changes one figure. False when there is no such figure. */
export async function updateContextFigure({ memberId, figure, ...scope }: FigureScope & Actor & { figure: ContextFigureInput }) {
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(contextFigures)
      .set({ ...stored(figure), updatedAt: new Date() })
      .where(figureWhere(scope))
      .returning({ id: contextFigures.id });
    if (!updated) return false;
    await recordAuditEvent({ ...audit({ ...scope, memberId }), action: "context_figure.changed", detail: { figureId: scope.figureId } }, tx);
    return true;
  });
}

/** Deletes one figure. False when there is no such figure. */
export async function deleteContextFigure({ memberId, ...scope }: FigureScope & Actor) {
  return db.transaction(async (tx) => {
    const [deleted] = await tx.delete(contextFigures).where(figureWhere(scope)).returning({ id: contextFigures.id });
    if (!deleted) return false;
    await recordAuditEvent({ ...audit({ ...scope, memberId }), action: "context_figure.deleted", detail: { figureId: scope.figureId } }, tx);
    return true;
  });
}

/**
 * Adds every figure of an import together, or none (a CSV already checked row by row). Returns
 * how many were added; undefined when the consultation is not the organisation's.
 */
export async function importContextFigures({ organisationId, consultationId, memberId, figures }: ConsultationScope & Actor & { figures: ContextFigureInput[] }) {
  return db.transaction(async (tx) => {
    if (!(await consultationExists(tx, { organisationId, consultationId }))) return undefined;
    if (figures.length > 0) {
      // One createdAt per row, a millisecond apart, so the list keeps the file's order.
      const start = Date.now();
      await tx.insert(contextFigures).values(
        figures.map((figure, index) => ({ ...stored(figure), organisationId, consultationId, createdBy: memberId, createdAt: new Date(start + index) })),
      );
    }
    await recordAuditEvent({ ...audit({ organisationId, consultationId, memberId }), action: "context_figures.imported", detail: { rows: figures.length } }, tx);
    return figures.length;
  });
}

/**
 * The consultation's context figures beside the results summary the page shows (filtered as the
 * page is): each with the responses in its group and the response rate, where they may be shown.
 */
export async function compareContextWithResults({ summary, ...scope }: ConsultationScope & { summary: ResponsesSummary }) {
  const figures = await listContextFigures(scope);
  return compareWithContext(figures, choiceCountsOf(summary), { count: summary.total, suppressed: summary.totalSuppressed });
}
