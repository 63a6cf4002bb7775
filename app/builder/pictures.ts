/**
 * Pictures an organisation uploads for picture-choice answers (beside the bundled symbols in
 * symbols.ts). Browser-safe: the builder's picker and the server's checks share these rules.
 *
 * An uploaded picture lives at `/pictures/<id>`, a public address children's browsers load without
 * signing in. Only PNG, JPEG and WebP are kept, recognised by their first bytes (a file's name and
 * the type the browser claims are both chosen by the sender); SVG is refused because it can carry
 * script.
 */
import { photoTypeOf } from "~/events/photo-type";
import type { SurveyPictureType } from "../../db/enums";

/** Larger pictures are refused: a child on a metered connection loads every one on the page. */
export const MAX_PICTURE_BYTES = 500 * 1024;
/** Alt text is read aloud by screen readers: plain words, long enough to say what the picture shows. */
export const MAX_ALT_TEXT_LENGTH = 150;

/** Where an uploaded picture is served. */
export function picturePath(id: string): string {
  return `/pictures/${id}`;
}

const PICTURE_PATH = /^\/pictures\/([0-9a-f-]{36})$/;

/** The id of an uploaded picture's address, or undefined for any other address. */
export function pictureIdOf(link: unknown): string | undefined {
  return typeof link === "string" ? PICTURE_PATH.exec(link)?.[1] : undefined;
}

/** What the picture's first bytes say it is, if it is a type we keep. */
export function pictureTypeOf(bytes: Uint8Array): SurveyPictureType | undefined {
  return photoTypeOf(bytes);
}
