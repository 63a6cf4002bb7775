// The REFI-QDA project file: Project.xsd 1.0 element names and order, codes nested under their
// parents with #RRGGBB colours, one whole-text selection per coded source with one Coding per
// analyst and theme, and GUIDs that are the same on every export.
import JSZip from "jszip";
import { buildQdaProject, guidFor, sourceFileText, zipQdaProject, type QdaProjectInput } from "~/analysis/refi-qda.server";
import { findAll, parseXml } from "../support/xml";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function input(overrides: Partial<QdaProjectInput> = {}): QdaProjectInput {
  return {
    name: `Youth clubs & "you"`,
    description: "Exported",
    exportedAt: new Date("2026-11-29T12:00:00Z"),
    exportedBy: { id: "officer-1", name: "Olu Officer" },
    users: [{ id: "analyst-1", name: "Ana <Analyst>" }],
    themes: [
      { id: "play", name: "Play", description: "Games & fun", colour: "#0f766e", parentId: null },
      { id: "board", name: "Board games", description: "", colour: "#1d4ed8", parentId: "play" },
      { id: "safe", name: "Feeling safe", description: "", colour: "#b91c1c", parentId: "gone" },
    ],
    sources: [
      {
        key: "answer r1 anythingElse",
        name: "anythingElse r1",
        description: "Anything else?",
        text: "More <b>games</b>\r\nplease 🙂",
        variables: { channel: "online" },
        codings: [
          { memberId: "officer-1", themeIds: ["play", "board"], codedAt: new Date("2026-11-28T10:00:00Z") },
          { memberId: "analyst-1", themeIds: ["play", "not-in-codebook"], codedAt: new Date("2026-11-28T11:00:00Z") },
        ],
      },
      { key: "note n1", name: "event note n1", description: "Workshop", text: "Not coded yet", variables: { channel: "event" }, codings: [] },
    ],
    ...overrides,
  };
}

test("GUIDs are UUID version 5, the same for the same name and different for different names", () => {
  expect(guidFor("theme play")).toMatch(GUID);
  expect(guidFor("theme play")).toBe(guidFor("theme play"));
  expect(guidFor("theme play")).not.toBe(guidFor("theme safe"));
});

test("the project follows Project.xsd: namespace, element order, users and nested codes", () => {
  const { xml } = buildQdaProject(input());
  const project = parseXml(xml);
  expect(project).toMatchObject({ name: "Project", namespace: "urn:QDA-XML:project:1.0" });
  expect(project.attributes).toMatchObject({ name: `Youth clubs & "you"`, origin: "Heard", creationDateTime: "2026-11-29T12:00:00.000Z" });
  expect(project.children.map((child) => child.name)).toEqual(["Users", "CodeBook", "Variables", "Sources", "Description"]);
  expect(findAll(project, "User").map((user) => user.attributes.name)).toEqual(["Olu Officer", "Ana <Analyst>"]);
  expect(project.attributes.creatingUserGUID).toBe(findAll(project, "User")[0]!.attributes.guid);

  const codes = findAll(project, "Codes")[0]!;
  // A sub-theme sits inside its parent; a theme whose parent is gone sits at the top.
  expect(codes.children.map((code) => code.attributes.name)).toEqual(["Play", "Feeling safe"]);
  const play = codes.children[0]!;
  expect(play.attributes).toMatchObject({ guid: guidFor("theme play"), isCodable: "true", color: "#0F766E" });
  expect(play.children.map((child) => child.name)).toEqual(["Description", "Code"]);
  expect(play.children[0]!.text).toBe("Games & fun");
  expect(play.children[1]!.attributes.name).toBe("Board games");
});

test("a coded source has one whole-text selection with a Coding per analyst and theme; an uncoded one has none", () => {
  const { xml, files } = buildQdaProject(input());
  const project = parseXml(xml);
  const [coded, uncoded] = findAll(project, "TextSource");
  const path = coded!.attributes.plainTextPath!;
  expect(path).toBe(`internal://${coded!.attributes.guid}.txt`);
  const file = files.find((candidate) => `internal://${candidate.path.replace("Sources/", "")}` === path)!;
  expect(file.text).toBe("More <b>games</b>\nplease 🙂");

  const [selection] = findAll(coded!, "PlainTextSelection");
  expect(selection!.attributes).toMatchObject({ startPosition: "0", endPosition: String([...file.text].length) });
  const codings = findAll(selection!, "Coding");
  const codeGuids = new Set(findAll(project, "Code").map((code) => code.attributes.guid));
  const users = new Map(findAll(project, "User").map((user) => [user.attributes.guid, user.attributes.name]));
  // A theme no longer in the codebook is left out; every CodeRef points at a Code.
  expect(codings.map((coding) => [users.get(coding.attributes.creatingUser!), findAll(coding, "CodeRef")[0]!.attributes.targetGUID])).toEqual([
    ["Olu Officer", guidFor("theme play")],
    ["Olu Officer", guidFor("theme board")],
    ["Ana <Analyst>", guidFor("theme play")],
  ]);
  for (const coding of codings) expect(codeGuids.has(findAll(coding, "CodeRef")[0]!.attributes.targetGUID)).toBe(true);
  expect(findAll(uncoded!, "PlainTextSelection")).toEqual([]);
  expect(findAll(coded!, "TextValue")[0]!.text).toBe("online");
});

test("the same data gives the same file, GUIDs included", () => {
  expect(buildQdaProject(input()).xml).toBe(buildQdaProject(input()).xml);
});

test("an empty codebook and no sources still give a valid project (the schema forbids empty Codes and Sources)", () => {
  const project = parseXml(buildQdaProject(input({ themes: [], sources: [] })).xml);
  expect(project.children.map((child) => child.name)).toEqual(["Users", "Description"]);
});

test("line endings in the source files are LF, which the positions count on", () => {
  expect(sourceFileText("a\r\nb\rc\n")).toBe("a\nb\nc\n");
});

test("the zip holds project.qde and the Sources folder", async () => {
  const zip = await JSZip.loadAsync(await zipQdaProject(buildQdaProject(input())));
  const names = Object.keys(zip.files).filter((name) => !zip.files[name]!.dir).sort();
  expect(names[names.length - 1]).toBe("project.qde");
  expect(names.filter((name) => /^Sources\/[0-9a-f-]{36}\.txt$/.test(name))).toHaveLength(2);
});
