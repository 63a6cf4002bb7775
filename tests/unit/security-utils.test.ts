import { hashPassword, verifyPassword } from "~/utils/password.server";
import { CSRF_COOKIE, readCsrfCookie, verifyCsrf } from "~/utils/csrf.server";
import { safeRedirect } from "~/utils/redirect";

describe("passwords", () => {
  test("a hash verifies its own password and no other, and never contains it", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(hash).not.toContain("correct horse");
    expect(await verifyPassword("correct horse battery staple", hash)).toBe(true);
    expect(await verifyPassword("correct horse battery stapler", hash)).toBe(false);
  });

  test("the same password hashes differently each time (random salt)", async () => {
    expect(await hashPassword("same")).not.toBe(await hashPassword("same"));
  });

  test("a malformed stored hash is a failed sign-in, not a crash", async () => {
    expect(await verifyPassword("x", "not-a-hash")).toBe(false);
  });
});

describe("CSRF", () => {
  const token = "abc123-token";
  const request = (cookie?: string) =>
    new Request("http://localhost/x", { method: "POST", headers: cookie ? { Cookie: cookie } : {} });
  const form = (value?: string) => {
    const data = new FormData();
    if (value !== undefined) data.set("csrf", value);
    return data;
  };

  test("reads the token from among other cookies", () => {
    expect(readCsrfCookie(`a=1; ${CSRF_COOKIE}=${token}; b=2`)).toBe(token);
    expect(readCsrfCookie("a=1")).toBeUndefined();
  });

  test("passes only when the form echoes the cookie", () => {
    expect(() => verifyCsrf(request(`${CSRF_COOKIE}=${token}`), form(token))).not.toThrow();
    for (const [cookie, field] of [
      [`${CSRF_COOKIE}=${token}`, undefined],
      [`${CSRF_COOKIE}=${token}`, "other"],
      [undefined, token],
      [`${CSRF_COOKIE}=${token}`, ""],
    ] as const) {
      let thrown: unknown;
      try {
        verifyCsrf(request(cookie), form(field));
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(Response);
      expect((thrown as Response).status).toBe(403);
    }
  });
});

describe("safeRedirect", () => {
  test("keeps same-site paths and refuses anything that could leave the site", () => {
    expect(safeRedirect("/consultations/1")).toBe("/consultations/1");
    for (const bad of ["https://evil.test", "//evil.test", "/\\evil.test", "javascript:alert(1)", "", null, undefined]) {
      expect(safeRedirect(bad)).toBe("/consultations");
    }
  });
});
