// The only way Heard logs an error. A log line never holds a child's words, an email, a password, a
// token, a session id or SQL parameters: error messages are left out (a database error's message
// carries the query and its values), and only the error's class, code and stack frames are kept.

type LoggableError = { name?: unknown; code?: unknown; stack?: unknown; cause?: unknown };

function describe(error: unknown, depth = 0): string {
  if (!error || typeof error !== "object") return `non-error thrown (${typeof error})`;
  const { name, code, stack, cause } = error as LoggableError;
  const frames =
    typeof stack === "string"
      ? stack
          .split("\n")
          .filter((line) => /^\s+at /.test(line))
          .slice(0, 8)
          .map((line) => line.replace(/\(?file:\/\/[^)]*\/(?=(app|build|server|node_modules)\/)/, "("))
          .join("\n")
      : "";
  const label = [typeof name === "string" ? name : "Error", typeof code === "string" || typeof code === "number" ? `code=${code}` : ""]
    .filter(Boolean)
    .join(" ");
  const causeText = cause && depth < 3 ? `\ncaused by: ${describe(cause, depth + 1)}` : "";
  return `${label}${frames ? `\n${frames}` : ""}${causeText}`;
}

/** Logs an error with its request id and where it happened, with the message left out (see above). */
export function logError(error: unknown, { requestId, where }: { requestId?: string; where: string }) {
  console.error(`[heard] error in ${where}${requestId ? ` request=${requestId}` : ""}: ${describe(error)}`);
}

/** Exposed for tests: the text a logged error becomes. */
export const describeErrorForLog = describe;
