const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/**
 * Converts a 15-character Salesforce id to its case-insensitive 18-character
 * form: each 5-character chunk adds one character whose bits mark which of
 * the chunk's characters are upper-case letters, lowest bit first.
 */
export function toId18(id15: string): string {
  if (id15.length !== 15) {
    return id15;
  }
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk += 1) {
    let bits = 0;
    for (let position = 0; position < 5; position += 1) {
      const character = id15.charAt(chunk * 5 + position);
      if (character >= 'A' && character <= 'Z') {
        bits |= 1 << position;
      }
    }
    suffix += SUFFIX_ALPHABET.charAt(bits);
  }
  return id15 + suffix;
}
