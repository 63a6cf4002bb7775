import fc from "fast-check";
import { renderToString } from "react-dom/server";
import { Parser } from "htmlparser2";
import { Model } from "survey-core";
import { Survey } from "survey-react-ui";
import { describe, expect, it } from "vitest";
import { importDefinition, exportDefinition } from "~/builder/import-export";
import { checkForPublishing } from "~/builder/publish-checks";
import { safeUrl, sanitiseDefinition } from "~/builder/sanitise.server";
import { escapeAnswersInHtml } from "~/builder/safe-text";

const page = (...elements: Record<string, unknown>[]) => ({ pages: [{ name: "p1", elements }] });

/** The names of every element in some HTML, as a browser would build them. */
function elementNames(html: string): string[] {
  const names: string[] = [];
  const parser = new Parser({ onopentag: (tag) => names.push(tag) });
  parser.write(html);
  parser.end();
  return names;
}

describe("publish checks", () => {
  it("passes a good survey", () => {
    expect(checkForPublishing(page({ type: "radiogroup", name: "a", choices: ["x", "y"] }, { type: "text", name: "b", visibleIf: "{a} = 'x'" }))).toEqual([]);
  });

  it("finds duplicate names, choices with no value, and show-ifs pointing nowhere, each with the question", () => {
    const problems = checkForPublishing(
      page(
        { type: "radiogroup", name: "feel", choices: [{ value: "ok", text: "OK" }, { text: "Not OK" }, { value: "ok", text: "Again" }] },
        { type: "text", name: "feel" },
        { type: "text", name: "why", visibleIf: "{feel} = 'sad'" },
        { type: "text", name: "what", visibleIf: "{gone} = 'x'" },
        { type: "text", name: "odd", visibleIf: "{missing.length} > 1" },
        { type: "checkbox", name: "empty", choices: [] },
      ),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        { code: "duplicateName", question: "feel", at: { page: 0, index: 1 } },
        expect.objectContaining({ code: "choiceWithoutValue", question: "feel", at: { page: 0, index: 0 }, detail: "Not OK" }),
        expect.objectContaining({ code: "duplicateChoiceValue", question: "feel", detail: "ok" }),
        { code: "showIfUnknownAnswer", question: "why", at: { page: 0, index: 2 }, detail: "feel: sad" },
        { code: "showIfUnknownQuestion", question: "what", at: { page: 0, index: 3 }, detail: "gone" },
        { code: "showIfUnknownQuestion", question: "odd", at: { page: 0, index: 4 }, detail: "missing.length" },
        { code: "noChoices", question: "empty", at: { page: 0, index: 5 } },
      ]),
    );
  });

  it("reports what survey-core cannot load, naming the question and property", () => {
    const problems = checkForPublishing(page({ type: "text", name: "a", notAProperty: 1 }));
    expect(problems).toEqual([expect.objectContaining({ code: "surveyCoreError", question: "a", detail: "notAProperty" })]);
    expect(checkForPublishing({ pages: [] })).toEqual([{ code: "noQuestions" }]);
  });

  it("knows Heard's own easy-read pictures property, but still reports one survey-core does not know", () => {
    expect(checkForPublishing({ ...page({ type: "text", name: "a" }), heardPictures: { a: "happy" } })).toEqual([]);
    expect(checkForPublishing({ ...page({ type: "text", name: "a" }), heardPicturez: {} })).toEqual([
      expect.objectContaining({ code: "surveyCoreError", detail: "heardPicturez" }),
    ]);
  });

  it("accepts show-ifs on special answers and yes/no and ratings", () => {
    expect(
      checkForPublishing(
        page(
          { type: "radiogroup", name: "a", choices: ["x"], showRefuseItem: true },
          { type: "boolean", name: "b" },
          { type: "rating", name: "c", rateMin: 1, rateMax: 3 },
          { type: "text", name: "d", visibleIf: "{a} = 'refused' or {b} = true or {c} = 3" },
        ),
      ),
    ).toEqual([]);
  });
});

describe("sanitising", () => {
  it("removes script from every HTML-bearing text, in every language, and leaves the rest alone", () => {
    const dirty = {
      completedHtml: { default: "<p>Thanks</p><script>alert(1)</script>", cy: '<p onclick="alert(1)">Diolch</p>' },
      aiHint: "<script>kept: not HTML</script>",
      pages: [
        {
          name: "p1",
          elements: [
            { type: "html", name: "info", html: '<a href="javascript:alert(1)">x</a><img src=x onerror=alert(1)><b>bold</b>' },
            { type: "imagepicker", name: "pic", choices: [{ value: "a", imageLink: "javascript:alert(1)" }, { value: "b", imageLink: "/symbols/a.svg" }] },
          ],
        },
      ],
    };
    const clean = sanitiseDefinition(dirty);
    expect(clean.completedHtml).toEqual({ default: "<p>Thanks</p>", cy: "<p>Diolch</p>" });
    expect(clean.aiHint).toBe(dirty.aiHint);
    expect(clean.pages[0]!.elements[0]!.html).toBe('<a>x</a><img src="x" /><b>bold</b>');
    expect(clean.pages[0]!.elements[1]!.choices!.map((c) => c.imageLink)).toEqual(["", "/symbols/a.svg"]);
    expect(safeUrl("https://example.org/a.png")).toBe("https://example.org/a.png");
    expect(safeUrl("//evil.example/a.png")).toBe("");
  });

  it("keeps a '__proto__' key as a plain key", () => {
    const clean = sanitiseDefinition(JSON.parse('{"__proto__": {"polluted": true}, "title": "x"}') as Record<string, unknown>);
    expect(Object.keys(clean)).toEqual(["__proto__", "title"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("answers interpolated into HTML", () => {
  const attack = "<img src=x onerror=alert(1)>";

  it("are escaped in completion text, so no element is created", () => {
    const model = new Model({ completedHtml: "<p>Thanks, {name}!</p>", elements: [{ type: "text", name: "name" }] });
    model.generateStylesheet = false;
    escapeAnswersInHtml(model);
    model.data = { name: attack };
    model.doComplete();
    const html = renderToString(<Survey model={model} />);
    expect(html).toContain("Thanks, &lt;img src=x onerror=alert(1)&gt;!");
    expect(elementNames(html)).not.toContain("img");
  });

  it("are escaped in information text, while titles keep the answer as plain text", () => {
    const model = new Model({
      elements: [
        { type: "text", name: "name" },
        { type: "html", name: "info", html: "<p>Hello {name}</p>" },
        { type: "text", name: "next", title: "Why, {name}?" },
      ],
    });
    model.generateStylesheet = false;
    escapeAnswersInHtml(model);
    model.data = { name: attack };
    const html = renderToString(<Survey model={model} />);
    expect(elementNames(html)).not.toContain("img");
    expect(model.getQuestionByName("next")!.locTitle.renderedHtml).toContain(attack);
  });

  it("shows the same unescaped attack would create an element without it", () => {
    const model = new Model({ completedHtml: "<p>{name}</p>", elements: [{ type: "text", name: "name" }] });
    model.generateStylesheet = false;
    model.data = { name: attack };
    model.doComplete();
    expect(elementNames(renderToString(<Survey model={model} />))).toContain("img");
  });
});

describe("import and export", () => {
  it("points at the line and column of broken JSON", () => {
    expect(importDefinition('{\n  "pages": [\n    { "name": "p1", }\n  ]\n}')).toEqual({ ok: false, problem: { code: "malformed", line: 3, column: 21 } });
    expect(importDefinition('{ "pages": [')).toMatchObject({ ok: false, problem: { code: "malformed", line: 1 } });
    expect(importDefinition("  ")).toEqual({ ok: false, problem: { code: "empty" } });
    expect(importDefinition('{\n  "pages": [,]\n}')).toEqual({ ok: false, problem: { code: "malformed", line: 2, column: 13 } });
    expect(importDefinition('{"a": tru}')).toEqual({ ok: false, problem: { code: "malformed", line: 1, column: 10 } });
  });

  it("finds broken JSON exactly when JSON.parse refuses it, whatever the browser's message says", () => {
    const jsonish = fc.oneof(
      fc.json(),
      fc.tuple(fc.json(), fc.nat(), fc.constantFrom(",", "]", "}", "{", '"', ":", "x", "\\")).map(([text, at, junk]) => {
        const cut = at % (text.length + 1);
        return text.slice(0, cut) + junk + text.slice(cut);
      }),
    );
    fc.assert(
      fc.property(jsonish, (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        const result = importDefinition(text);
        expect(result.ok === false && result.problem.code === "malformed").toBe(!valid && text.trim() !== "");
      }),
      { numRuns: 300 },
    );
  });

  it("names the question and property of an invalid definition", () => {
    expect(importDefinition("[1]")).toEqual({ ok: false, problem: { code: "notASurvey" } });
    expect(importDefinition('{"title": "x"}')).toEqual({ ok: false, problem: { code: "noQuestions" } });
    expect(importDefinition('{"elements": [{"type": "radiogroup", "name": "feel", "choices": "happy"}]}')).toEqual({
      ok: false,
      problem: { code: "badElement", question: "feel", property: "choices" },
    });
    expect(importDefinition('{"pages": [{"elements": [{"type": "sparkles", "name": "x"}]}]}')).toEqual({
      ok: false,
      problem: { code: "badElement", question: "x", property: "type" },
    });
  });

  it("keeps properties survey-core does not know, lists them, and exports them unchanged", () => {
    const text = JSON.stringify({ aiHint: "survey", elements: [{ type: "text", name: "a", aiHint: "question" }] });
    const result = importDefinition(text);
    expect(result).toMatchObject({ ok: true, unknownProperties: ["aiHint", "a.aiHint"] });
    if (result.ok) expect(JSON.parse(exportDefinition(result.definition))).toEqual(JSON.parse(text));
  });
});
