// The XML writer behind the REFI-QDA export: whatever people typed stays text, never markup, and
// the document always parses.
import { element, escapeAttribute, escapeText, renderXml, text, xmlSafeText } from "~/analysis/xml-writer";
import { findAll, parseXml } from "../support/xml";

const NASTY = `Tom & Jerry <script>alert("hi")</script> it's "quoted" ]]> done`;

test("text and attributes escape markup characters and quotes", () => {
  expect(escapeText("a < b & c > d")).toBe("a &lt; b &amp; c &gt; d");
  expect(escapeAttribute(`"it's" <&>`)).toBe("&quot;it&apos;s&quot; &lt;&amp;&gt;");
  // Tab and line breaks survive in attributes only as references (a parser turns raw ones into spaces).
  expect(escapeAttribute("one\ttwo\nthree\r")).toBe("one&#9;two&#10;three&#13;");
});

test("characters XML cannot hold become the replacement character; allowed ones stay", () => {
  expect(xmlSafeText("bell\u0007 nul\u0000 esc\u001b vt\u000b ffff\uFFFF")).toBe("bell\uFFFD nul\uFFFD esc\uFFFD vt\uFFFD ffff\uFFFD");
  expect(xmlSafeText("tab\tline\nreturn\r Welsh ŵ ŷ, Urdu آپ, emoji 🙂")).toBe("tab\tline\nreturn\r Welsh ŵ ŷ, Urdu آپ, emoji 🙂");
  // A lone surrogate (half an emoji) is not a character.
  expect(xmlSafeText("half \uD83D end")).toBe("half \uFFFD end");
});

test("a document of typed text parses back to exactly that text", () => {
  const typed = `${NASTY}\n\tsecond line\r\nand a bell\u0007`;
  const xml = renderXml(element("Project", { name: typed, empty: "", skipped: undefined }, [element("Description", {}, [text(typed)])]));
  const parsed = parseXml(xml);
  expect(parsed.attributes.name).toBe(xmlSafeText(typed));
  expect(parsed.attributes).not.toHaveProperty("skipped");
  expect(parsed.attributes.empty).toBe("");
  expect(findAll(parsed, "Description")[0]!.text).toBe(xmlSafeText(typed));
  expect(xml).not.toContain("<script>");
});

test("nested elements keep their nesting, and empty ones close themselves", () => {
  const xml = renderXml(
    element("Codes", {}, [
      element("Code", { guid: "a", name: "Play" }, [element("Description", {}, [text("Games")]), element("Code", { guid: "b", name: "Board games" })]),
      element("Code", { guid: "c", name: "Safe" }),
    ]),
  );
  expect(xml).toContain('<Code guid="c" name="Safe"/>');
  const codes = parseXml(xml);
  expect(codes.children.map((code) => code.attributes.name)).toEqual(["Play", "Safe"]);
  expect(codes.children[0]!.children.map((child) => child.name)).toEqual(["Description", "Code"]);
  expect(codes.children[0]!.children[1]!.attributes.name).toBe("Board games");
});

test("a name that is not a plain XML name is refused (names come from code, never from people)", () => {
  expect(() => element("Bad name")).toThrow(RangeError);
  expect(() => element("Code", { "on<click": "x" })).toThrow(RangeError);
});
