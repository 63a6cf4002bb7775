// Drawings served as images: only real PNG and JPEG data URLs decode, and gallery pages stay in range.
import { describe, expect, it } from "vitest";
import { decodeDrawing, galleryPage } from "~/analysis/drawings";

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 9, 9]);

describe("decodeDrawing", () => {
  it("gives the bytes and type of a PNG or JPEG data URL", () => {
    expect(decodeDrawing(`data:image/png;base64,${PNG.toString("base64")}`)).toEqual({ contentType: "image/png", bytes: Uint8Array.from(PNG) });
    expect(decodeDrawing(`data:image/jpeg;base64,${JPEG.toString("base64")}`)?.contentType).toBe("image/jpeg");
  });

  it.each([
    ["HTML claiming to be a PNG", `data:image/png;base64,${Buffer.from("<script>alert(1)</script>").toString("base64")}`],
    ["a JPEG labelled PNG", `data:image/png;base64,${JPEG.toString("base64")}`],
    ["an SVG", `data:image/svg+xml;base64,${Buffer.from("<svg/>").toString("base64")}`],
    ["broken base64", "data:image/png;base64,@@@"],
    ["plain text", "a drawing of a house"],
    ["no answer", undefined],
  ])("refuses %s", (_name, value) => {
    expect(decodeDrawing(value)).toBeUndefined();
  });
});

describe("galleryPage", () => {
  it("keeps the page between 1 and the last page", () => {
    expect(galleryPage("2", 30)).toEqual({ page: 2, pages: 2 });
    expect(galleryPage("9", 30)).toEqual({ page: 2, pages: 2 });
    expect(galleryPage("0", 30)).toEqual({ page: 1, pages: 2 });
    expect(galleryPage("-1", 30)).toEqual({ page: 1, pages: 2 });
    expect(galleryPage(undefined, 0)).toEqual({ page: 1, pages: 1 });
    expect(galleryPage("24", 24 * 24 + 1)).toEqual({ page: 24, pages: 25 });
  });
});
