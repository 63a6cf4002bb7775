import { describe, expect, it } from "vitest";
import { publicAddressFor } from "~/utils/public-url.server";

describe("the address to share", () => {
  it("uses PUBLIC_URL when it is set, whatever address the request came to", () => {
    expect(publicAddressFor("/c/play-parks-abc23", { publicUrl: "https://heard.council.gov.uk", requestUrl: "http://10.0.0.5:3000/consultations/1" })).toBe(
      "https://heard.council.gov.uk/c/play-parks-abc23",
    );
  });

  it("keeps a path in PUBLIC_URL and never doubles the slash", () => {
    expect(publicAddressFor("/c/x", { publicUrl: "https://council.gov.uk/heard/", requestUrl: "http://localhost/" })).toBe(
      "https://council.gov.uk/heard/c/x",
    );
  });

  it("falls back to the origin the request came to", () => {
    expect(publicAddressFor("/c/x", { publicUrl: undefined, requestUrl: "http://127.0.0.1:3000/consultations/abc?index" })).toBe(
      "http://127.0.0.1:3000/c/x",
    );
  });
});
