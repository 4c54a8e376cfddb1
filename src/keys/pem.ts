import { keyMalformed } from './key-errors.js';

/** One decoded PEM block (RFC 7468), with RFC 1421 headers such as Proc-Type and DEK-Info. */
export interface PemBlock {
  label: string;
  /** Header names in lower case, mapped to their values. */
  headers: Map<string, string>;
  der: Buffer;
}

export interface PemScan {
  blocks: PemBlock[];
  repairs: string[];
}

const BEGIN = /-----BEGIN ([A-Z0-9][A-Z0-9 ]{0,62})-----/g;
const END_LINE = /^-----END ([A-Z0-9][A-Z0-9 ]{0,62})-----/;
const HEADER = /^([A-Za-z][A-Za-z0-9-]*):(.*)$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * Decodes every PEM block in `text`. Whitespace inside a block is ignored, so
 * indented lines and newlines replaced by spaces still decode. Raises
 * ERR_KEY_MALFORMED for a block without its END line, a mismatched END label
 * or a body that is not base64; text outside blocks is ignored.
 */
export function parsePemBlocks(text: string, label: string): PemScan {
  const blocks: PemBlock[] = [];
  const repairs = new Set<string>();
  BEGIN.lastIndex = 0;
  for (let match = BEGIN.exec(text); match !== null; match = BEGIN.exec(text)) {
    const blockLabel = match[1] ?? '';
    const contentStart = match.index + match[0].length;
    const endIndex = findEnd(text, contentStart, blockLabel, label);
    const content = text.slice(contentStart, endIndex);
    noteWhitespaceRepairs(content, repairs);
    blocks.push({ label: blockLabel, ...decodeContent(content, blockLabel, label) });
    BEGIN.lastIndex = endIndex + `-----END ${blockLabel}-----`.length;
  }
  return { blocks, repairs: [...repairs] };
}

/** Returns the index of the END line that closes the block opened at `contentStart`. */
function findEnd(text: string, contentStart: number, blockLabel: string, label: string): number {
  const endIndex = text.indexOf('-----END ', contentStart);
  const nextBegin = text.indexOf('-----BEGIN ', contentStart);
  if (endIndex === -1 || (nextBegin !== -1 && nextBegin < endIndex)) {
    throw keyMalformed(label, `its "BEGIN ${blockLabel}" block has no END line (the copy is truncated)`);
  }
  const end = END_LINE.exec(text.slice(endIndex));
  if (end === null) {
    throw keyMalformed(label, `the END line of its "BEGIN ${blockLabel}" block is cut or changed`);
  }
  if (end[1] !== blockLabel) {
    throw keyMalformed(label, `its "BEGIN ${blockLabel}" block ends with "END ${end[1] ?? ''}"`);
  }
  return endIndex;
}

function decodeContent(content: string, blockLabel: string, label: string): Omit<PemBlock, 'label'> {
  const tokens = content.split(/\s+/).filter((token) => token.length > 0);
  const headers = new Map<string, string>();
  let index = 0;
  for (let header = HEADER.exec(tokens[0] ?? ''); header !== null; header = HEADER.exec(tokens[index] ?? '')) {
    index += 1;
    let value = header[2] ?? '';
    if (value === '' && index < tokens.length) {
      value = tokens[index] ?? '';
      index += 1;
    }
    headers.set((header[1] ?? '').toLowerCase(), value);
  }
  const body = tokens.slice(index).join('');
  if (body.length === 0) {
    throw keyMalformed(label, `its "BEGIN ${blockLabel}" block is empty`);
  }
  if (body.length % 4 !== 0 || !BASE64.test(body)) {
    throw keyMalformed(label, `the body of its "BEGIN ${blockLabel}" block is not valid base64 (lines cut, lost or changed)`);
  }
  return { headers, der: Buffer.from(body, 'base64') };
}

function noteWhitespaceRepairs(content: string, repairs: Set<string>): void {
  const inner = content.trim();
  if (!inner.includes('\n') && /\s/.test(inner)) {
    repairs.add('restored line breaks that had been replaced by spaces');
  }
  if (/\n[ \t]+\S/.test(content)) {
    repairs.add('removed leading indentation');
  }
}

/** Encodes DER as PEM with 64-character lines, RFC 1421 headers first. */
export function encodePem(label: string, der: Uint8Array, headers?: ReadonlyMap<string, string>): string {
  const lines = [`-----BEGIN ${label}-----`];
  if (headers !== undefined && headers.size > 0) {
    for (const [name, value] of headers) {
      lines.push(`${canonicalHeaderName(name)}: ${value}`);
    }
    lines.push('');
  }
  const body = Buffer.from(der).toString('base64');
  for (let offset = 0; offset < body.length; offset += 64) {
    lines.push(body.slice(offset, offset + 64));
  }
  lines.push(`-----END ${label}-----`, '');
  return lines.join('\n');
}

/** `proc-type` becomes `Proc-Type`, `dek-info` becomes `DEK-Info`, as OpenSSL expects. */
function canonicalHeaderName(name: string): string {
  if (name === 'dek-info') {
    return 'DEK-Info';
  }
  return name.replace(/(^|-)([a-z])/g, (_match, dash: string, letter: string) => dash + letter.toUpperCase());
}
