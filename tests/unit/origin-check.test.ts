// Heard's origin check must refuse every write that Remix's own check would refuse (Remix's check
// throws a plain Error, a bare 500), so Remix never gets to throw; and it must let this site's own
// writes through.
import { throwIfPotentialCSRFAttack } from "@remix-run/server-runtime/dist/actions.js";
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from "express";
import { isFromAnotherOrigin, namesAnotherOrigin, readWritesFromOtherOrigins } from "~/utils/origin-check.server";

const HOST = "heard.example:3000";

type Case = { origin?: string; host?: string; forwardedHost?: string };

const CASES: Case[] = [
  {},
  { host: HOST },
  { origin: `http://${HOST}`, host: HOST },
  { origin: `https://${HOST}`, host: HOST },
  { origin: "https://evil.example", host: HOST },
  { origin: "null", host: HOST },
  { origin: `http://${HOST}`, host: "other.example" },
  { origin: "http://heard.example", host: HOST },
  { origin: "http://HEARD.example:3000", host: HOST },
  { origin: "http://heard.example:3000", host: "HEARD.example:3000" },
  { origin: `http://${HOST}`, host: HOST, forwardedHost: "public.example" },
  { origin: "https://public.example", host: HOST, forwardedHost: "public.example, proxy.internal" },
  { origin: "https://evil.example", host: HOST, forwardedHost: "public.example" },
  { origin: "https://evil.example", forwardedHost: "evil.example" },
  { origin: `http://${HOST}` },
  { origin: "not a url", host: HOST },
  { origin: "https://evil.example, https://heard.example:3000", host: HOST },
  { origin: "https://heard.example:3000/", host: HOST },
  { origin: "file://", host: HOST },
];

function remixRefuses({ origin, host, forwardedHost }: Case): boolean {
  const headers = new Headers();
  if (origin !== undefined) headers.set("Origin", origin);
  if (host !== undefined) headers.set("Host", host);
  if (forwardedHost !== undefined) headers.set("X-Forwarded-Host", forwardedHost);
  try {
    throwIfPotentialCSRFAttack(headers);
    return false;
  } catch {
    return true;
  }
}

test("whenever Remix's own check would throw, Heard refuses first", () => {
  let remixRefusals = 0;
  for (const headers of CASES) {
    if (!remixRefuses(headers)) continue;
    remixRefusals++;
    expect(namesAnotherOrigin(headers), JSON.stringify(headers)).toBe(true);
  }
  expect(remixRefusals).toBeGreaterThanOrEqual(10);
});

test("this site's own writes, and requests that name no origin, go through", () => {
  expect(namesAnotherOrigin({ host: HOST })).toBe(false);
  expect(namesAnotherOrigin({ origin: "", host: HOST })).toBe(false);
  expect(namesAnotherOrigin({ origin: `http://${HOST}`, host: HOST })).toBe(false);
  expect(namesAnotherOrigin({ origin: "https://public.example", host: HOST, forwardedHost: "public.example" })).toBe(false);
  for (const headers of CASES) {
    if (!remixRefuses(headers)) expect(namesAnotherOrigin(headers), JSON.stringify(headers)).toBe(headers.origin === "file://");
  }
});

test("reads a Fetch request's headers the same way", () => {
  const request = (origin: string) => new Request(`http://${HOST}/sign-in`, { headers: { Origin: origin, Host: HOST } });
  expect(isFromAnotherOrigin(request("https://evil.example").headers)).toBe(true);
  expect(isFromAnotherOrigin(request("null").headers)).toBe(true);
  expect(isFromAnotherOrigin(request(`http://${HOST}`).headers)).toBe(false);
});

describe("the Express middleware", () => {
  function run(method: string, headers: Record<string, string>) {
    const req: { method: string; headers: Record<string, string | undefined> } = {
      method,
      headers: { host: HOST, "content-type": "application/x-www-form-urlencoded", "content-length": "12", ...headers },
    };
    const next = vi.fn() as unknown as NextFunction;
    readWritesFromOtherOrigins(req as unknown as ExpressRequest, {} as ExpressResponse, next);
    expect(next).toHaveBeenCalledTimes(1);
    return req;
  }

  test("turns a write from another origin into a read of the same page, keeping its Origin", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]) {
      for (const origin of ["https://evil.example", "null"]) {
        const req = run(method, { origin });
        expect(req.method, `${method} from ${origin}`).toBe("GET");
        expect(req.headers.origin).toBe(origin);
        expect(req.headers["content-type"]).toBeUndefined();
        expect(req.headers["content-length"]).toBeUndefined();
      }
    }
  });

  test("leaves this site's writes, writes with no Origin, and reads alone", () => {
    expect(run("POST", { origin: `http://${HOST}` }).method).toBe("POST");
    expect(run("POST", {}).method).toBe("POST");
    const read = run("GET", { origin: "https://evil.example" });
    expect(read.method).toBe("GET");
    expect(read.headers["content-type"]).toBe("application/x-www-form-urlencoded");
  });
});
