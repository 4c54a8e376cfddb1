/**
 * A minimal DER reader: enough to tell the top-level structures of keys,
 * certificates and keystores apart before handing the bytes to a full parser.
 */

export const TAG = {
  integer: 0x02,
  bitString: 0x03,
  octetString: 0x04,
  oid: 0x06,
  sequence: 0x30,
  contextZero: 0xa0,
  contextOne: 0xa1,
} as const;

/** One tag-length-value element; `start` and `end` bound the value bytes. */
export interface DerElement {
  tag: number;
  start: number;
  end: number;
}

/** Reads the element at `offset`, or returns undefined when the bytes are not valid DER there. */
export function readElement(bytes: Uint8Array, offset: number, limit = bytes.length): DerElement | undefined {
  const tag = bytes[offset];
  const first = bytes[offset + 1];
  if (tag === undefined || first === undefined || (tag & 0x1f) === 0x1f) {
    return undefined;
  }
  let length = first;
  let start = offset + 2;
  if (first & 0x80) {
    const count = first & 0x7f;
    // 0x80 is BER's indefinite length, which DER forbids; four bytes cover any key file.
    if (count === 0 || count > 4 || start + count > limit) {
      return undefined;
    }
    length = 0;
    for (let index = 0; index < count; index += 1) {
      length = length * 256 + (bytes[start + index] ?? 0);
    }
    start += count;
  }
  const end = start + length;
  return end <= limit ? { tag, start, end } : undefined;
}

/** Reads the elements inside a constructed element, or undefined when they do not fill it exactly. */
export function readChildren(bytes: Uint8Array, parent: DerElement): DerElement[] | undefined {
  const children: DerElement[] = [];
  let offset = parent.start;
  while (offset < parent.end) {
    const child = readElement(bytes, offset, parent.end);
    if (child === undefined) {
      return undefined;
    }
    children.push(child);
    offset = child.end;
  }
  return children;
}

/** Reads the single element that spans all of `bytes`. */
export function readRoot(bytes: Uint8Array): DerElement | undefined {
  const root = readElement(bytes, 0);
  return root !== undefined && root.end === bytes.length ? root : undefined;
}

/** Decodes an OBJECT IDENTIFIER element to dotted form, such as 1.2.840.113549.1.1.11. */
export function decodeOid(bytes: Uint8Array, element: DerElement): string | undefined {
  if (element.tag !== TAG.oid || element.end <= element.start) {
    return undefined;
  }
  const arcs: number[] = [];
  let value = 0;
  for (let index = element.start; index < element.end; index += 1) {
    const byte = bytes[index] ?? 0;
    value = value * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) {
      arcs.push(value);
      value = 0;
    }
  }
  const first = arcs.shift();
  if (first === undefined) {
    return undefined;
  }
  const head = first < 80 ? [Math.floor(first / 40), first % 40] : [2, first - 80];
  return [...head, ...arcs].join('.');
}

/** Returns the value of a small INTEGER element, or undefined for other tags and big values. */
export function readSmallInteger(bytes: Uint8Array, element: DerElement): number | undefined {
  const length = element.end - element.start;
  if (element.tag !== TAG.integer || length < 1 || length > 4) {
    return undefined;
  }
  let value = 0;
  for (let index = element.start; index < element.end; index += 1) {
    value = value * 256 + (bytes[index] ?? 0);
  }
  return value;
}
