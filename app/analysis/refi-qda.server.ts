/**
 * Coded text as a REFI-QDA project (`.qdpx`), the exchange format QualCoder, NVivo, ATLAS.ti and
 * MAXQDA read: a zip holding `project.qde` (XML, namespace urn:QDA-XML:project:1.0, elements in the
 * order Project.xsd 1.0 sets) and one plain-text file per source under `Sources/`. Each free-text
 * answer or event note is a TextSource; each analyst's themes on it are Codings of one selection
 * covering the whole text, so double coding survives the trip. GUIDs are derived from Heard's ids
 * (UUID version 5), so exporting twice gives the same GUIDs and a researcher can merge.
 */
import { createHash } from "node:crypto";
import JSZip from "jszip";
import { element, renderXml, text, type XmlElement } from "./xml-writer";

export type QdaUser = { id: string; name: string };
export type QdaTheme = { id: string; name: string; description: string; colour: string; parentId: string | null };
export type QdaSource = {
  /** Heard's own key for the text (e.g. "answer <response id> <question>"): the GUIDs come from it. */
  key: string;
  name: string;
  description: string;
  text: string;
  /** Shown to the researcher as the source's variables (e.g. channel, question). */
  variables: Record<string, string>;
  codings: { memberId: string; themeIds: string[]; codedAt: Date }[];
};
export type QdaProjectInput = {
  name: string;
  description: string;
  exportedAt: Date;
  exportedBy: QdaUser;
  users: QdaUser[];
  themes: QdaTheme[];
  sources: QdaSource[];
};

export const QDPX_CONTENT_TYPE = "application/zip";
const NAMESPACE = "urn:QDA-XML:project:1.0";

// Heard's own UUID namespace for version-5 GUIDs (a fixed random UUID; never change it, or GUIDs change).
const HEARD_NAMESPACE = "3f0c6f5e-9b1d-4c8e-a7d2-5e4b1c9a6f20";

/** A UUID version 5 (SHA-1, RFC 9562) of `name` in Heard's namespace. */
export function guidFor(name: string): string {
  const namespace = Buffer.from(HEARD_NAMESPACE.replace(/-/g, ""), "hex");
  const hash = createHash("sha1").update(namespace).update(name, "utf8").digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

const userGuid = (memberId: string) => guidFor(`user ${memberId}`);
const codeGuid = (themeId: string) => guidFor(`theme ${themeId}`);
const sourceGuid = (key: string) => guidFor(`source ${key}`);

/** The text as the source file holds it: line endings as LF, which the selection positions count on. */
export function sourceFileText(value: string): string {
  return value.replace(/\r\n?/g, "\n");
}

/** The project file and the source files, ready to zip. */
export function buildQdaProject(input: QdaProjectInput): { xml: string; files: { path: string; text: string }[] } {
  const known = new Set(input.themes.map((theme) => theme.id));
  const variableNames = [...new Set(input.sources.flatMap((source) => Object.keys(source.variables)))];
  const files: { path: string; text: string }[] = [];
  const sources = input.sources.map((source) => {
    const guid = sourceGuid(source.key);
    const content = sourceFileText(source.text);
    files.push({ path: `Sources/${guid}.txt`, text: content });
    return textSource(source, guid, content, known);
  });
  const users = new Map([input.exportedBy, ...input.users].map((user) => [user.id, user]));

  const project = element(
    "Project",
    { xmlns: NAMESPACE, name: input.name, origin: "Heard", creatingUserGUID: userGuid(input.exportedBy.id), creationDateTime: input.exportedAt.toISOString() },
    [
      element("Users", {}, [...users.values()].map((user) => element("User", { guid: userGuid(user.id), name: user.name }))),
      // The schema wants at least one Code in Codes and one source in Sources, so empty lists are left out.
      ...(input.themes.length > 0 ? [element("CodeBook", {}, [element("Codes", {}, codeTree(input.themes))])] : []),
      ...(variableNames.length > 0
        ? [element("Variables", {}, variableNames.map((name) => element("Variable", { guid: guidFor(`variable ${name}`), name, typeOfVariable: "Text" })))]
        : []),
      ...(sources.length > 0 ? [element("Sources", {}, sources)] : []),
      element("Description", {}, [text(input.description)]),
    ],
  );
  return { xml: renderXml(project), files };
}

/** Themes as nested Codes: a sub-theme inside its parent; one whose parent is missing sits at the top. */
function codeTree(themes: QdaTheme[]): XmlElement[] {
  const ids = new Set(themes.map((theme) => theme.id));
  const hasParent = (theme: QdaTheme) => !!theme.parentId && theme.parentId !== theme.id && ids.has(theme.parentId);
  const childrenOf = new Map<string, QdaTheme[]>();
  for (const theme of themes.filter(hasParent)) childrenOf.set(theme.parentId!, [...(childrenOf.get(theme.parentId!) ?? []), theme]);
  const placed = new Set<string>();
  const code = (theme: QdaTheme): XmlElement => {
    placed.add(theme.id);
    const children = (childrenOf.get(theme.id) ?? []).filter((child) => !placed.has(child.id));
    return element("Code", { guid: codeGuid(theme.id), name: theme.name, isCodable: true, color: theme.colour.toUpperCase() }, [
      ...(theme.description ? [element("Description", {}, [text(theme.description)])] : []),
      ...children.map(code),
    ]);
  };
  const tree = themes.filter((theme) => !hasParent(theme)).map(code);
  // A loop of parents (which the codebook never makes) would leave themes out: put them at the top.
  for (const theme of themes) if (!placed.has(theme.id)) tree.push(code(theme));
  return tree;
}

function textSource(source: QdaSource, guid: string, content: string, known: Set<string>): XmlElement {
  const codings = source.codings.flatMap((coding) =>
    coding.themeIds
      .filter((themeId) => known.has(themeId))
      .map((themeId) =>
        element("Coding", { guid: guidFor(`coding ${source.key} ${coding.memberId} ${themeId}`), creatingUser: userGuid(coding.memberId), creationDateTime: coding.codedAt.toISOString() }, [
          element("CodeRef", { targetGUID: codeGuid(themeId) }),
        ]),
      ),
  );
  // Positions count characters (Unicode code points) of the source file, as QualCoder does.
  const selection =
    codings.length > 0
      ? [element("PlainTextSelection", { guid: guidFor(`selection ${source.key}`), name: source.name, startPosition: 0, endPosition: [...content].length }, codings)]
      : [];
  const variables = Object.entries(source.variables).map(([name, value]) =>
    element("VariableValue", {}, [element("VariableRef", { targetGUID: guidFor(`variable ${name}`) }), element("TextValue", {}, [text(value)])]),
  );
  return element("TextSource", { guid, name: source.name, plainTextPath: `internal://${guid}.txt` }, [
    ...(source.description ? [element("Description", {}, [text(source.description)])] : []),
    ...selection,
    ...variables,
  ]);
}

/** The `.qdpx` file: project.qde and the Sources folder, zipped. */
export async function zipQdaProject(project: { xml: string; files: { path: string; text: string }[] }): Promise<ArrayBuffer> {
  const zip = new JSZip();
  zip.file("project.qde", project.xml);
  for (const file of project.files) zip.file(file.path, file.text);
  return zip.generateAsync({ type: "arraybuffer", compression: "DEFLATE" });
}
