// What an uploaded photo really is, from its first bytes: a file's name and the type the browser
// claims are both chosen by the sender. Only PNG, JPEG and WebP are kept.
import type { EventPhotoType } from "../../db/enums";

/** Photos larger than this are refused (a phone photo of a flipchart is usually 1–3 MB). */
export const MAX_PHOTO_BYTES = 4 * 1024 * 1024;

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((byte, index) => bytes[offset + index] === byte);

export function photoTypeOf(bytes: Uint8Array): EventPhotoType | undefined {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  // RIFF....WEBP
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return "image/webp";
  return undefined;
}

/** An uploaded form field as a photo to keep, or why not: missing, too big (checked first), or not an allowed type. */
export async function readPhoto(
  field: FormDataEntryValue | null,
): Promise<{ ok: true; contentType: EventPhotoType; bytes: Buffer } | { ok: false; error: "photoMissing" | "photoTooBig" | "photoType"; status: number }> {
  if (!(field instanceof Blob) || field.size === 0) return { ok: false, error: "photoMissing", status: 400 };
  if (field.size > MAX_PHOTO_BYTES) return { ok: false, error: "photoTooBig", status: 413 };
  const bytes = Buffer.from(await field.arrayBuffer());
  const contentType = photoTypeOf(bytes);
  return contentType ? { ok: true, contentType, bytes } : { ok: false, error: "photoType", status: 415 };
}
