import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { DOMParser, type Document, type Element } from '@xmldom/xmldom';

const run = promisify(execFile);

export const METADATA_NS = 'http://soap.sforce.com/2006/04/metadata';

/** Creates an RSA 2048 key pair with openssl: `<name>.key` and a self-signed `<name>.crt` in `dir`. */
export async function makeKeyPair(dir: string, name = 'server'): Promise<{ keyPath: string; certPath: string }> {
  const keyPath = join(dir, `${name}.key`);
  const certPath = join(dir, `${name}.crt`);
  await run('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '365',
    '-subj', '/CN=sfjwt setup test', '-keyout', keyPath, '-out', certPath,
  ]);
  return { keyPath, certPath };
}

/** Parses `text` as XML with a DOM parser that rejects any well-formedness error. */
export function parseXml(text: string): Document {
  const errors: string[] = [];
  const document = new DOMParser({
    onError: (level, message) => {
      errors.push(`${level}: ${message}`);
    },
  }).parseFromString(text, 'text/xml');
  if (errors.length > 0) {
    throw new Error(`XML parse errors: ${errors.join('; ')}`);
  }
  return document;
}

/** Reads and parses an XML file. */
export async function readXml(path: string): Promise<Document> {
  return parseXml(await readFile(path, 'utf8'));
}

/** Returns the element children of `element`, in document order. */
export function childElements(element: Element): Element[] {
  const children: Element[] = [];
  for (let node = element.firstChild; node !== null; node = node.nextSibling) {
    if (node.nodeType === 1) {
      children.push(node as Element);
    }
  }
  return children;
}

/** Returns the names of the element children of `element`, in document order. */
export function childNames(element: Element): string[] {
  return childElements(element).map((child) => child.localName ?? '');
}

/** Returns the text of the first child element `name` of `element`, or undefined. */
export function childText(element: Element, name: string): string | undefined {
  return childElements(element).find((child) => child.localName === name)?.textContent ?? undefined;
}

/** Returns the texts of every child element `name` of `element`. */
export function childTexts(element: Element, name: string): string[] {
  return childElements(element)
    .filter((child) => child.localName === name)
    .map((child) => child.textContent ?? '');
}

/** Returns the document's root element, and throws when there is none. */
export function rootOf(document: Document): Element {
  const root = document.documentElement;
  if (root === null) {
    throw new Error('the document has no root element');
  }
  return root;
}
