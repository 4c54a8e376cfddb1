/**
 * The cheap test every file passes before the rules run: TRIGGER, a
 * case-insensitive pattern of the words that every rule needs at least one
 * of. It runs on the file's latin1 decoding, which is cheaper than UTF-8 and
 * gives the same answer for an ASCII pattern.
 */

export const TRIGGER =
  /passw(?:or)?d|pwd|[._-]pass\b|security[_-]?token|grant_type|simple_salesforce|login(?:BySoap|Async)?\s*\(/i;

/** Tells whether `content` holds a trigger word. */
export function mayContainTrigger(content: Buffer): boolean {
  return TRIGGER.test(content.toString('latin1'));
}
