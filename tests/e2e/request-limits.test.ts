// Request bodies are limited on the stream itself (a chunked body with no Content-Length too), per
// endpoint, with a 413 and a clear message; every response carries a request id.
import http from "node:http";
import { inject } from "vitest";

const baseURL = inject("baseURL");

/** POSTs `size` bytes in 16 KB chunks with Transfer-Encoding: chunked (no Content-Length). */
function postChunked(pathname: string, size: number): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const url = new URL(pathname, baseURL);
    const request = http.request(
      url,
      { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", "Transfer-Encoding": "chunked" } },
      (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body, headers: response.headers }));
      },
    );
    // A connection cut before any answer is a failure (the sender would never learn why), not a hang.
    request.on("error", reject);
    const chunk = "a".repeat(16 * 1024);
    let sent = 0;
    const writeMore = () => {
      while (sent < size) {
        sent += chunk.length;
        if (!request.write(chunk)) {
          request.once("drain", writeMore);
          return;
        }
      }
      request.end();
    };
    writeMore();
  });
}

test("a chunked body over the sign-in form's limit gets a 413 with a clear message", async () => {
  const response = await postChunked("/sign-in", 200 * 1024);
  expect(response.status).toBe(413);
  expect(response.body).toContain("too big");
  expect(response.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
});

test("the survey submission endpoint allows more (a drawing) but not without end, and answers in JSON", async () => {
  const small = await postChunked("/c/no-such-survey/responses", 200 * 1024);
  // Within its limit: the body is read and the request reaches Heard (which refuses it for other reasons).
  expect(small.status).not.toBe(413);
  const large = await postChunked("/c/no-such-survey/responses", 1024 * 1024);
  expect(large.status).toBe(413);
  expect(JSON.parse(large.body)).toMatchObject({ ok: false });
});

test("a declared Content-Length over the limit is refused before the body is read", async () => {
  const response = await fetch(new URL("/sign-in", baseURL), {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: "a".repeat(100 * 1024),
  });
  expect(response.status).toBe(413);
});

test("every response carries a request id, different each time", async () => {
  const a = await fetch(new URL("/healthz", baseURL));
  const b = await fetch(new URL("/healthz", baseURL));
  expect(a.headers.get("x-request-id")).toBeTruthy();
  expect(a.headers.get("x-request-id")).not.toBe(b.headers.get("x-request-id"));
});
