// "Draw it" answers are kept as data URLs (PNG or JPEG, checked on arrival by validate-answers.ts).
// The results page never inlines them: each drawing is served as an image by its own route, so
// the page stays light. Pure: no I/O.

export const DRAWINGS_PER_PAGE = 24;

const KINDS = [
  { prefix: "data:image/png;base64,", contentType: "image/png", magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { prefix: "data:image/jpeg;base64,", contentType: "image/jpeg", magic: [0xff, 0xd8, 0xff] },
] as const;

export type DecodedDrawing = { contentType: "image/png" | "image/jpeg"; bytes: Uint8Array };

/** A stored drawing as the bytes of its image, or undefined for anything that is not a PNG or JPEG data URL. */
export function decodeDrawing(value: unknown): DecodedDrawing | undefined {
  if (typeof value !== "string") return undefined;
  const kind = KINDS.find((candidate) => value.startsWith(candidate.prefix));
  if (!kind) return undefined;
  const base64 = value.slice(kind.prefix.length);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) return undefined;
  const bytes = Uint8Array.from(Buffer.from(base64, "base64"));
  // The first bytes must say the same as the prefix: a browser would otherwise sniff another type.
  if (!kind.magic.every((byte, index) => bytes[index] === byte)) return undefined;
  return { contentType: kind.contentType, bytes };
}

/** Which page of a gallery to show: a number from 1 to the last page, whatever the address says. */
export function galleryPage(requested: unknown, total: number, perPage = DRAWINGS_PER_PAGE): { page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(total / perPage));
  const asked = typeof requested === "string" && /^\d{1,6}$/.test(requested) ? Number(requested) : 1;
  return { page: Math.min(Math.max(asked, 1), pages), pages };
}
