/**
 * A small writer for Metadata API documents: elements in a fixed order, text
 * escaped, four-space indentation as the Salesforce CLI writes source files.
 */
import { METADATA_NAMESPACE } from './metadata-types.js';

export type XmlValue = string | number | boolean;

/** The body of an element that contains other elements instead of text. */
export interface XmlElementBody {
  children: readonly XmlNode[];
}

export interface XmlNode {
  name: string;
  content: XmlValue | XmlElementBody;
}

/** Content of one field: a value, a nested element, or a list of either (repeated elements). */
export type XmlContent = XmlValue | XmlElementBody | ReadonlyArray<XmlValue | XmlElementBody>;

// Characters XML 1.0 forbids in a document, even escaped, and unpaired surrogates.
const FORBIDDEN_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Tells whether `text` contains a character that XML 1.0 cannot represent. */
export function hasForbiddenXmlCharacter(text: string): boolean {
  return FORBIDDEN_CHARACTERS.test(text);
}

/** Escapes the five XML special characters of `text`. */
export function escapeXml(text: string): string {
  if (hasForbiddenXmlCharacter(text)) {
    throw new TypeError('escapeXml: the text contains a character that XML 1.0 cannot represent');
  }
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * Turns `fields` into nodes in the order of `order`, skipping undefined
 * values and empty lists. A field missing from `order` is a programming
 * error (a TypeError), so no element can be emitted out of schema order.
 */
export function orderedNodes(fields: Readonly<Record<string, XmlContent | undefined>>, order: readonly string[]): XmlNode[] {
  const unknown = Object.keys(fields).filter((name) => !order.includes(name));
  if (unknown.length > 0) {
    throw new TypeError(`orderedNodes: ${unknown.join(', ')} missing from the element order`);
  }
  const nodes: XmlNode[] = [];
  for (const name of order) {
    const content = fields[name];
    if (content === undefined) {
      continue;
    }
    const values = Array.isArray(content) ? content : [content as XmlValue | XmlElementBody];
    for (const value of values) {
      nodes.push({ name, content: value });
    }
  }
  return nodes;
}

/** Renders a complete Metadata API document with the XML declaration and namespace. */
export function renderMetadataDocument(rootName: string, children: readonly XmlNode[]): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<${rootName} xmlns="${METADATA_NAMESPACE}">`];
  for (const child of children) {
    renderNode(child, 1, lines);
  }
  lines.push(`</${rootName}>`);
  return `${lines.join('\n')}\n`;
}

function renderNode(node: XmlNode, depth: number, lines: string[]): void {
  const indent = '    '.repeat(depth);
  if (typeof node.content === 'object') {
    lines.push(`${indent}<${node.name}>`);
    for (const child of node.content.children) {
      renderNode(child, depth + 1, lines);
    }
    lines.push(`${indent}</${node.name}>`);
    return;
  }
  lines.push(`${indent}<${node.name}>${escapeXml(String(node.content))}</${node.name}>`);
}
