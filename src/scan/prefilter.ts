/**
 * The cheap test every file passes before the rules run: the words that
 * every rule needs at least one of, case-insensitive. It runs on the file's
 * latin1 decoding, which is cheaper than UTF-8 and matches an ASCII pattern
 * the same way.
 */

/** The trigger words, written plainly (bench/scan.ts gives this pattern to rg). */
export const TRIGGER =
  /passw(?:or)?d|pwd|[._-]pass\b|security[_-]?token|grant_type|simple_salesforce|login(?:BySoap|Async)?\s*\(/i;

// TRIGGER with shared first letters factored out and `[._-]pass\b` checked behind `pass`, so the
// regex engine tries fewer places: about twice as fast on V8 (measured on bench/scan.ts's tree).
// test/scan/prefilter.test.ts checks that both patterns agree.
const FAST_TRIGGER =
  /p(?:ass(?:w(?:or)?d|\b(?<=[._-]pass))|wd)|s(?:ecurity[_-]?token|imple_salesforce)|grant_type|login(?:BySoap|Async)?\s*\(/i;

/** Tells whether `text` contains a trigger word. */
export function hasTrigger(text: string): boolean {
  return FAST_TRIGGER.test(text);
}

/** Tells whether the bytes of a file contain a trigger word. */
export function mayContainTrigger(content: Buffer): boolean {
  return FAST_TRIGGER.test(content.toString('latin1'));
}
