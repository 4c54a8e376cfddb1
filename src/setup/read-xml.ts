
import { XMLParser, XMLValidator } from 'fast-xml-parser';

import { SfjwtError } from '../errors/sfjwt-error.js';
import { readTextFile } from '../util/read-text.js';

/** A parsed metadata document: element names to text, nested records, or lists of repeated elements. */
export type XmlRecord = { [name: string]: string | XmlRecord | Array<string | XmlRecord> };

// Elements that may repeat in the types read here; they always parse as lists.
const REPEATED = new Set(['scopes', 'profileName', 'permissionSetName']);

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => REPEATED.has(name),
});

/**
 * Reads a Metadata API file and returns the content of its root element,
 * which must be `rootName`. Malformed XML or another root raises
 * ERR_EMULATOR_CONFIG naming the file.
 */
export async function readMetadataFile(path: string, rootName: string): Promise<XmlRecord> {
  const text = await readTextFile(path, 'metadata');
  let document: XmlRecord;
  try {
    const validation = XMLValidator.validate(text);
    if (validation !== true) {
      throw metadataError(path, `is not well-formed XML (line ${validation.err.line}: ${validation.err.msg})`);
    }
    document = parser.parse(text) as XmlRecord;
  } catch (error) {
    // fast-xml-parser raises plain errors for documents it cannot take, such as very deep nesting.
    throw error instanceof SfjwtError ? error : metadataError(path, `could not be parsed (${(error as Error).message})`);
  }
  const root = document[rootName];
  if (root === undefined) {
    throw metadataError(path, `has no ${rootName} root element`);
  }
  return typeof root === 'object' && !Array.isArray(root) ? root : {};
}

/** Returns the text of element `name`, or undefined when it is absent or empty. */
export function textOf(record: XmlRecord, name: string): string | undefined {
  const value = record[name];
  const text = Array.isArray(value) ? value[0] : value;
  return typeof text === 'string' && text !== '' ? text : undefined;
}

/** Returns the texts of a repeated element. */
export function textsOf(record: XmlRecord, name: string): string[] {
  const value = record[name];
  if (value === undefined) {
    return [];
  }
  const values = Array.isArray(value) ? value : [value];
  return values.filter((item): item is string => typeof item === 'string' && item !== '');
}

/** Returns the nested element `name`, or an empty record. */
export function childOf(record: XmlRecord, name: string): XmlRecord {
  const value = record[name];
  return typeof value === 'object' && !Array.isArray(value) ? value : {};
}

/** Returns a boolean element as true or false, or `fallback` when it is absent. */
export function booleanOf(record: XmlRecord, name: string, fallback: boolean): boolean {
  const text = textOf(record, name);
  return text === undefined ? fallback : text.toLowerCase() === 'true';
}

export function metadataError(path: string, problem: string): SfjwtError {
  return new SfjwtError('ERR_EMULATOR_CONFIG', `Metadata file ${path} ${problem}.`, { details: { path } });
}
