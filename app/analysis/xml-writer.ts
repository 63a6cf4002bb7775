/**
 * A small XML writer for exports (the REFI-QDA project file). Documents are built as a tree of
 * elements and text, and every name, attribute value and text is escaped here, in one place, so
 * that what people typed (answers, notes, theme names) can never change the document's structure.
 * Pure: no I/O.
 */

export type XmlText = { text: string };
export type XmlElement = {
  name: string;
  /** Attributes in the order given; undefined values are left out. */
  attributes: [string, string | number | boolean | undefined][];
  children: XmlNode[];
};
export type XmlNode = XmlElement | XmlText;

/** An element; `attributes` as an object keeps its key order. */
export function element(
  name: string,
  attributes: Record<string, string | number | boolean | undefined> = {},
  children: XmlNode[] = [],
): XmlElement {
  assertName(name);
  const pairs = Object.entries(attributes);
  for (const [key] of pairs) assertName(key);
  return { name, attributes: pairs, children };
}

export function text(value: string): XmlText {
  return { text: value };
}

// XML 1.0 allows tab, line feed, carriage return and everything from U+0020 except surrogates
// on their own and U+FFFE/U+FFFF. Anything else cannot appear in a document even escaped.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** The text with every character XML 1.0 cannot hold replaced by U+FFFD (the replacement character). */
export function xmlSafeText(value: string): string {
  return value.replace(NOT_XML_CHAR, "\uFFFD");
}

/** Text content: markup characters escaped; a carriage return kept as a reference so parsers do not drop it. */
export function escapeText(value: string): string {
  return xmlSafeText(value).replace(/[&<>\r]/g, (char) => ENTITIES[char]!);
}

/**
 * An attribute value (written in double quotes): markup characters and both quotes escaped, and
 * tab, line feed and carriage return as references, since a parser turns the raw ones into spaces.
 */
export function escapeAttribute(value: string): string {
  return xmlSafeText(value).replace(/[&<>"'\t\n\r]/g, (char) => ENTITIES[char]!);
}

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
  "\t": "&#9;",
  "\n": "&#10;",
  "\r": "&#13;",
};

// Names come from code, never from people; a simple ASCII subset of XML names is all we need.
const NAME = /^[A-Za-z_][A-Za-z0-9_.:-]*$/;

function assertName(name: string): void {
  if (!NAME.test(name)) throw new RangeError(`Not an XML name: ${JSON.stringify(name)}`);
}

/**
 * The document as text, with the XML declaration. Elements that hold only elements are indented,
 * one per line; an element holding text is written on one line so its text is exactly as given.
 */
export function renderXml(root: XmlElement): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${renderElement(root, "")}\n`;
}

function renderElement(node: XmlElement, indent: string): string {
  const attributes = node.attributes
    .filter((pair): pair is [string, string | number | boolean] => pair[1] !== undefined)
    .map(([key, value]) => ` ${key}="${escapeAttribute(String(value))}"`)
    .join("");
  const open = `${indent}<${node.name}${attributes}`;
  if (node.children.length === 0) return `${open}/>`;
  if (node.children.some((child) => "text" in child)) {
    return `${open}>${node.children.map((child) => ("text" in child ? escapeText(child.text) : renderElement(child, ""))).join("")}</${node.name}>`;
  }
  const inner = node.children.map((child) => renderElement(child as XmlElement, `${indent}  `)).join("\n");
  return `${open}>\n${inner}\n${indent}</${node.name}>`;
}
