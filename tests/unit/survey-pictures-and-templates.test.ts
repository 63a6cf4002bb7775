// Uploaded pictures and organisation templates, the pure parts: what a picture really is (by its
// first bytes), the upload's refusals, plain-words alt text, and that a definition copied into or
// out of a template keeps /pictures/<id> links while losing anything that could run script.
import { checkForPublishing } from "~/builder/publish-checks";
import { MAX_PICTURE_BYTES, pictureIdOf, picturePath, pictureTypeOf } from "~/builder/pictures";
import { sanitiseDefinition } from "~/builder/sanitise.server";
import { PictureAltTextSchema, readPictureUpload, SaveTemplateSchema } from "~/builder/template-schema.server";

const bytes = (...values: number[]) => new Uint8Array(values);
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0);
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10);
const WEBP = bytes(0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50, 0x56, 0x50);
const SVG = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
const PICTURE_ID = "6f1c2a4e-8b0d-4c3e-9a7f-1d2e3f4a5b6c";

describe("what a picture is, by its first bytes", () => {
  test("PNG, JPEG and WebP are recognised", () => {
    expect(pictureTypeOf(PNG)).toBe("image/png");
    expect(pictureTypeOf(JPEG)).toBe("image/jpeg");
    expect(pictureTypeOf(WEBP)).toBe("image/webp");
  });

  test("SVG, GIF, a RIFF file that is not WebP and an empty file are not pictures we keep", () => {
    expect(pictureTypeOf(SVG)).toBeUndefined();
    expect(pictureTypeOf(bytes(0x47, 0x49, 0x46, 0x38, 0x39, 0x61))).toBeUndefined();
    expect(pictureTypeOf(bytes(0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x41, 0x56, 0x49, 0x20))).toBeUndefined();
    expect(pictureTypeOf(bytes())).toBeUndefined();
  });
});

describe("reading an upload", () => {
  test("the bytes decide, whatever the file's name and claimed type", async () => {
    expect(await readPictureUpload(new File([SVG], "bus.png", { type: "image/png" }))).toEqual({ ok: false, error: "pictureType", status: 415 });
    expect(await readPictureUpload(new File([PNG], "bus.svg", { type: "image/svg+xml" }))).toMatchObject({ ok: true, contentType: "image/png" });
  });

  test("a missing or empty file is a 400, a too-big one a 413", async () => {
    expect(await readPictureUpload(null)).toMatchObject({ ok: false, status: 400 });
    expect(await readPictureUpload("not a file")).toMatchObject({ ok: false, status: 400 });
    expect(await readPictureUpload(new File([], "empty.png"))).toMatchObject({ ok: false, status: 400 });
    const big = new Uint8Array(MAX_PICTURE_BYTES + 1);
    big.set(PNG);
    expect(await readPictureUpload(new File([big], "big.png"))).toEqual({ ok: false, error: "pictureTooBig", status: 413 });
    const justRight = new Uint8Array(MAX_PICTURE_BYTES);
    justRight.set(PNG);
    expect(await readPictureUpload(new File([justRight], "ok.png"))).toMatchObject({ ok: true });
  });
});

describe("alt text is plain words", () => {
  test.each(["A red bus", "Bws coch", "Children playing – outside", "Mum's house (front door)"])("accepts %j", (altText) => {
    expect(PictureAltTextSchema.safeParse({ altText }).success).toBe(true);
  });

  test.each([
    ["", "templates:errors.altTextMissing"],
    ["   ", "templates:errors.altTextMissing"],
    ["x".repeat(151), "templates:errors.altTextTooLong"],
    ["IMG_2031.JPG", "templates:errors.altTextPlain"],
    ["https://example.com/bus", "templates:errors.altTextPlain"],
    ["<img src=x onerror=alert(1)>", "templates:errors.altTextPlain"],
    ["12345", "templates:errors.altTextPlain"],
  ])("refuses %j", (altText, message) => {
    const parsed = PictureAltTextSchema.safeParse({ altText });
    expect(parsed.error?.issues[0]?.message).toBe(message);
  });
});

describe("picture addresses", () => {
  test("an uploaded picture's address gives back its id; other addresses do not", () => {
    expect(pictureIdOf(picturePath(PICTURE_ID))).toBe(PICTURE_ID);
    expect(pictureIdOf("/symbols/happy.svg")).toBeUndefined();
    expect(pictureIdOf(`https://example.com/pictures/${PICTURE_ID}`)).toBeUndefined();
    expect(pictureIdOf(`/pictures/${PICTURE_ID}/../../admin`)).toBeUndefined();
  });
});

describe("copying a survey into or out of a template", () => {
  const survey = {
    pages: [
      {
        name: "p1",
        elements: [
          { type: "html", name: "intro", html: { default: '<p>Pick one</p><script>alert(1)</script>', cy: "<p>Dewisa un</p><img src=x onerror=alert(2)>" } },
          {
            type: "imagepicker",
            name: "transport",
            title: "How do you get to school?",
            choices: [
              { value: "bus", text: "Bus", imageLink: picturePath(PICTURE_ID) },
              { value: "walk", text: "Walk", imageLink: "/symbols/home.svg" },
              { value: "bad", text: "Bad", imageLink: "javascript:alert(3)" },
            ],
          },
        ],
      },
    ],
  };

  test("keeps /pictures/<id> and symbol links and every language, and drops script", () => {
    const copy = sanitiseDefinition(structuredClone(survey));
    const [intro, picker] = copy.pages[0]!.elements as unknown as [{ html: Record<string, string> }, { choices: { imageLink: string }[] }];
    expect(picker.choices.map((choice) => choice.imageLink)).toEqual([picturePath(PICTURE_ID), "/symbols/home.svg", ""]);
    expect(intro.html.default).toBe("<p>Pick one</p>");
    expect(intro.html.cy).toBe('<p>Dewisa un</p><img src="x" />');
    // The copy is a new object: changing it leaves the template's own definition alone.
    expect(survey.pages[0]!.elements[1]).toMatchObject({ choices: [{ imageLink: picturePath(PICTURE_ID) }, {}, { imageLink: "javascript:alert(3)" }] });
  });

  test("the publish checks accept a picture choice that uses uploaded pictures", () => {
    const copy = sanitiseDefinition(structuredClone(survey));
    expect(checkForPublishing(copy)).toEqual([]);
  });
});

describe("saving a template", () => {
  test("needs a name and which survey; description and before-you-start text are optional", () => {
    expect(SaveTemplateSchema.safeParse({ name: "  Club feedback ", source: "draft" }).data).toEqual({
      name: "Club feedback",
      source: "draft",
      description: "",
      beforeYouStart: "",
    });
    const missing = SaveTemplateSchema.safeParse({ name: " ", source: "responses" });
    expect(missing.error?.issues.map((issue) => [issue.path[0], issue.message])).toEqual([
      ["name", "templates:errors.nameMissing"],
      ["source", "templates:errors.sourceMissing"],
    ]);
  });
});
