/**
 * Tells whether a value given as a file path is key material instead: PEM
 * text, or a long run of base64 such as a key body or a base64-encoded key
 * file. No real path is 200 characters of the base64 alphabet alone.
 */
export function looksLikeKeyText(value: string): boolean {
  return value.includes('-----BEGIN') || /^[A-Za-z0-9+/=\s\\]{200,}$/.test(value);
}
