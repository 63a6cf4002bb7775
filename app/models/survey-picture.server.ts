/**
 * Pictures an organisation uploads for its surveys' picture-choice answers. The bytes are kept in
 * the database (no shared folder is needed when several app servers run on PostgreSQL) and served
 * publicly by id at /pictures/<id>: a picture holds no personal data, and children answer without
 * signing in. Each organisation's builder lists only its own pictures.
 */
import { desc, eq } from "drizzle-orm";
import { db, schema } from "~/db.server";
import type { SurveyPictureType } from "../../db/enums";
import { recordAuditEvent } from "./audit.server";

const { surveyPictures } = schema;

/** Keeps an uploaded picture (already checked: type by its bytes, size, alt text). Returns its id. */
export async function addSurveyPicture({
  organisationId,
  memberId,
  altText,
  contentType,
  bytes,
}: {
  organisationId: string;
  memberId: string;
  altText: string;
  contentType: SurveyPictureType;
  bytes: Buffer;
}) {
  return db.transaction(async (tx) => {
    const [picture] = await tx
      .insert(surveyPictures)
      .values({ organisationId, altText, contentType, bytes, byteSize: bytes.length, createdBy: memberId })
      .returning({ id: surveyPictures.id });
    await recordAuditEvent(
      { organisationId, memberId, action: "survey_picture.uploaded", subjectType: "survey_picture", subjectId: picture!.id, detail: { contentType, byteSize: bytes.length } },
      tx,
    );
    return picture!.id;
  });
}

/** The organisation's pictures, newest first, without their bytes. */
export async function listSurveyPictures({ organisationId }: { organisationId: string }) {
  return db
    .select({ id: surveyPictures.id, altText: surveyPictures.altText, createdAt: surveyPictures.createdAt })
    .from(surveyPictures)
    .where(eq(surveyPictures.organisationId, organisationId))
    .orderBy(desc(surveyPictures.createdAt), desc(surveyPictures.id));
}

/**
 * A picture's bytes for the public /pictures/<id> address. Not scoped by organisation on purpose:
 * the children answering a survey are not signed in. Ids are random UUIDs, so pictures cannot be listed.
 */
export async function getPublicSurveyPicture({ pictureId }: { pictureId: string }) {
  const [picture] = await db
    .select({ contentType: surveyPictures.contentType, bytes: surveyPictures.bytes })
    .from(surveyPictures)
    .where(eq(surveyPictures.id, pictureId));
  return picture ? { contentType: picture.contentType, bytes: Buffer.from(picture.bytes) } : undefined;
}
