// Importing responses from a CSV file (docs/decisions/0014-importing-responses.md): the uploaded file
// waits here, for the member who uploaded it, between checking and confirming; confirming stores
// every good row as a response with channel `import` in one transaction, each through the same
// path (and safeguarding check) as any other response, with one audit event for the import.
import { and, eq, gt, isNull, lt } from "drizzle-orm";
import { db, schema } from "~/db.server";
import type { GoodRow, RejectedRow } from "~/imports/check-rows.server";
import { recordAuditEvent } from "./audit.server";
import { submitResponse } from "./response.server";

const { consultations, responseImports } = schema;

/** An uploaded file is kept for a day: long enough to check it, short enough not to keep children's answers twice. */
export const PENDING_IMPORT_MS = 24 * 60 * 60 * 1000;

/** The file was imported already (a second click, another tab): nothing is stored twice. */
export class ImportAlreadyDoneError extends Error {}

type ImportScope = {
  organisationId: string;
  consultationId: string;
  memberId: string;
};

/** This member's uploaded file for this consultation, in this organisation: only its uploader sees it. */
const uploaderFile = ({
  organisationId,
  consultationId,
  memberId,
  importId,
}: ImportScope & { importId: string }) =>
  and(
    eq(responseImports.id, importId),
    eq(responseImports.organisationId, organisationId),
    eq(responseImports.consultationId, consultationId),
    eq(responseImports.memberId, memberId)
  );

const notExpired = (now: Date) =>
  gt(responseImports.createdAt, new Date(now.getTime() - PENDING_IMPORT_MS));

/**
 * Keeps an uploaded file (already read as CSV) for this member to check and import; returns its id,
 * or undefined when the consultation is not the organisation's. Files older than a day, in this
 * organisation, are deleted on the way.
 */
export async function createPendingImport({
  organisationId,
  consultationId,
  memberId,
  fileName,
  csv,
}: ImportScope & { fileName: string; csv: string }) {
  const now = new Date();
  return db.transaction(async (tx) => {
    const [consultation] = await tx
      .select({ id: consultations.id })
      .from(consultations)
      .where(
        and(
          eq(consultations.id, consultationId),
          eq(consultations.organisationId, organisationId)
        )
      );
    if (!consultation) return undefined;
    await tx
      .delete(responseImports)
      .where(
        and(
          eq(responseImports.organisationId, organisationId),
          lt(
            responseImports.createdAt,
            new Date(now.getTime() - PENDING_IMPORT_MS)
          )
        )
      );
    const [created] = await tx
      .insert(responseImports)
      .values({
        organisationId,
        consultationId,
        memberId,
        fileName,
        csv,
        createdAt: now,
      })
      .returning({ id: responseImports.id });
    return created!.id;
  });
}

/**
 * Deletes uploaded files older than a day, imported or not: they hold children's answers, which
 * belong in responses (where withdrawal and retention apply), not in a waiting file. Run hourly.
 */
export async function deleteExpiredImports(now = Date.now()) {
  const deleted = await db
    .delete(responseImports)
    .where(lt(responseImports.createdAt, new Date(now - PENDING_IMPORT_MS)))
    .returning({ id: responseImports.id });
  return deleted.length;
}

/** One uploaded file of this member's, for this consultation, less than a day old. */
export async function getPendingImport({
  organisationId,
  consultationId,
  memberId,
  importId,
}: ImportScope & { importId: string }) {
  const [found] = await db
    .select({
      id: responseImports.id,
      fileName: responseImports.fileName,
      csv: responseImports.csv,
      mapping: responseImports.mapping,
      importedAt: responseImports.importedAt,
      result: responseImports.result,
    })
    .from(responseImports)
    .where(
      and(
        uploaderFile({ organisationId, consultationId, memberId, importId }),
        notExpired(new Date())
      )
    );
  return found;
}

/** The officer's choice of question for each column; false when the file is gone or already imported. */
export async function saveImportMapping({
  organisationId,
  consultationId,
  memberId,
  importId,
  mapping,
}: ImportScope & { importId: string; mapping: string[] }) {
  const updated = await db
    .update(responseImports)
    .set({ mapping })
    .where(
      and(
        uploaderFile({ organisationId, consultationId, memberId, importId }),
        isNull(responseImports.importedAt)
      )
    )
    .returning({ id: responseImports.id });
  return updated.length === 1;
}

/**
 * Stores the good rows of an uploaded file as responses (channel `import`) against the survey
 * version they were checked with, all or none. Each goes through submitResponse, so the
 * consultation must still take records and free text is checked for concerning phrases. The
 * rejected rows are kept with the file (for the result page) until it expires; the audit event
 * holds counts only, never answers.
 */
export async function importResponses(
  input: ImportScope & {
    importId: string;
    surveyVersionId: string;
    locale: string;
    rows: GoodRow[];
    rejected: RejectedRow[];
  }
): Promise<{ imported: number }> {
  const { organisationId, consultationId, memberId, importId } = input;
  return db.transaction(async (tx) => {
    // Claimed first: a second confirmation (another tab, a double click) finds it taken and stores nothing.
    const [claimed] = await tx
      .update(responseImports)
      .set({
        importedAt: new Date(),
        result: { imported: input.rows.length, rejected: input.rejected },
      })
      .where(
        and(
          uploaderFile({ organisationId, consultationId, memberId, importId }),
          isNull(responseImports.importedAt)
        )
      )
      .returning({ id: responseImports.id });
    if (!claimed)
      throw new ImportAlreadyDoneError("This file has already been imported.");
    for (const row of input.rows) {
      await submitResponse({
        organisationId,
        consultationId,
        surveyVersionId: input.surveyVersionId,
        variant: "standard",
        locale: input.locale,
        channel: "import",
        answers: row.answers,
        submittedAt: row.answeredAt,
      });
    }
    await recordAuditEvent(
      {
        organisationId,
        memberId,
        action: "responses.imported",
        subjectType: "consultation",
        subjectId: consultationId,
        detail: {
          imported: input.rows.length,
          rejected: input.rejected.length,
        },
      },
      tx
    );
    return { imported: input.rows.length };
  });
}
