// Request bodies are limited on the stream itself, so a chunked body with no Content-Length is
// caught too, and each endpoint gets the room it needs and no more.
import type { IncomingMessage } from "node:http";

const KB = 1024;
// After refusing a body, how much more of it we read (and drop) before cutting the connection.
const MAX_DRAIN_BYTES = 8 * 1024 * KB;

// First match wins. Survey answers can carry a drawing; everything else is a small form.
const LIMITS: [RegExp, number][] = [
  [/^\/c\/[^/]+\/responses$/, 512 * KB],
  // The survey builder saves and imports whole SurveyJS definitions (URL-encoded, so larger on the wire).
  [/^\/consultations\/[^/]+\/survey(\/save)?$/, 4 * 1024 * KB],
  // A photo of a flipchart (app/events/photo-type.ts caps the photo at 4 MB; this leaves room for the form).
  [/^\/consultations\/[^/]+\/events\/[^/]+\/capture$/, 4 * 1024 * KB + 64 * KB],
  // A picture for picture-choice answers (app/builder/pictures.ts caps it at 500 KB; room for the form).
  [/^\/pictures$/, 512 * KB + 64 * KB],
  // A CSV file of responses to import (app/imports/read-csv.ts caps the file at 5 MB).
  [/^\/consultations\/[^/]+\/import$/, 5 * 1024 * KB + 64 * KB],
  [/.*/, 64 * KB],
];

export function bodyLimitFor(pathname: string): number {
  return LIMITS.find(([pattern]) => pattern.test(pathname))![1];
}

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`Request body over ${limit} bytes`);
  }
}

/** Reads the whole body, failing as soon as it passes `limit` bytes (whatever Content-Length said). */
export function readBodyWithLimit(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"]);
    if (Number.isFinite(declared) && declared > limit) {
      reject(new BodyTooLargeError(limit));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off("data", onData);
        // Read and drop what is still coming, so the sender finishes and reads the 413 (closing
        // the connection under it would lose the answer), but not without end.
        let dropped = 0;
        req.on("data", (rest: Buffer) => {
          dropped += rest.length;
          if (dropped > MAX_DRAIN_BYTES) req.destroy();
        });
        reject(new BodyTooLargeError(limit));
        return;
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.once("end", () => resolve(Buffer.concat(chunks)));
    req.once("error", reject);
  });
}
