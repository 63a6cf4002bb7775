import { expect, test } from "vitest";
import { pictureFor, questionNames, unmatchedEasyReadQuestions, withPicture } from "~/survey/easy-read";

const standard = {
  pages: [{ name: "p1", elements: [{ type: "rating", name: "feelSafe" }, { type: "panel", name: "box", elements: [{ type: "comment", name: "makeBetter" }] }] }],
};

test("question names come from every page and panel, not the panels themselves", () => {
  expect([...questionNames(standard)].sort()).toEqual(["feelSafe", "makeBetter"]);
});

test("an easy-read question the standard survey lacks is reported, since its answers would not pool", () => {
  const easy = { pages: [{ name: "e1", elements: [{ type: "rating", name: "feelSafe" }] }, { name: "e2", elements: [{ type: "text", name: "newOne" }] }] };
  expect(unmatchedEasyReadQuestions(standard, easy)).toEqual(["newOne"]);
});

test("pictures come only from Heard's own picture folder, by a plain name", () => {
  const definition = { heardPictures: { feelSafe: "safe", "haveSay=mostly": "yes", bad: "../../x", worse: "a\"onload=" } };
  expect(pictureFor(definition, "feelSafe")).toBe("/easy-read/safe.svg");
  expect(pictureFor(definition, "haveSay=mostly")).toBe("/easy-read/yes.svg");
  expect(pictureFor(definition, "bad")).toBeUndefined();
  expect(pictureFor(definition, "worse")).toBeUndefined();
  expect(pictureFor({}, "feelSafe")).toBeUndefined();
});

test("the text beside a picture is escaped", () => {
  expect(withPicture("<b>Hi</b> & bye", "/easy-read/yes.svg")).toBe(
    '<img src="/easy-read/yes.svg" alt="" class="easy-read-picture" width="48" height="48">&lt;b&gt;Hi&lt;/b&gt; &amp; bye',
  );
});
