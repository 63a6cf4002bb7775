// Reads an XML document back into a small tree for tests, with a strict parser (saxes, which
// exceljs already brings in): a document that is not well-formed XML throws.
import { SaxesParser } from "saxes";

export type ParsedElement = {
  /** The local name (no prefix). */
  name: string;
  namespace: string;
  attributes: Record<string, string>;
  children: ParsedElement[];
  /** The element's own text, joined. */
  text: string;
};

export function parseXml(xml: string): ParsedElement {
  const parser = new SaxesParser({ xmlns: true });
  const stack: ParsedElement[] = [];
  let root: ParsedElement | undefined;
  parser.on("opentag", (tag) => {
    const attributes = Object.fromEntries(Object.values(tag.attributes).filter((attribute) => attribute.prefix !== "xmlns" && attribute.name !== "xmlns").map((attribute) => [attribute.local, attribute.value]));
    const node: ParsedElement = { name: tag.local, namespace: tag.uri, attributes, children: [], text: "" };
    stack.at(-1)?.children.push(node);
    stack.push(node);
    root ??= node;
  });
  parser.on("text", (value) => {
    const current = stack.at(-1);
    if (current) current.text += value;
  });
  parser.on("closetag", () => {
    stack.pop();
  });
  parser.on("error", (error) => {
    throw error;
  });
  parser.write(xml).close();
  if (!root) throw new Error("No root element");
  return root;
}

/** Every element under `node` (itself included) with this local name, in document order. */
export function findAll(node: ParsedElement, name: string): ParsedElement[] {
  return [...(node.name === name ? [node] : []), ...node.children.flatMap((child) => findAll(child, name))];
}
