/**
 * Masks the secrets of this field wherever they appear in text: PEM private
 * keys, signed JWTs, Salesforce access tokens and the values of password,
 * secret and token fields. Used by the logger and before anything is printed.
 */

const PEM_PRIVATE = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z0-9 ]*PRIVATE KEY-----|$)/g;
const JWT = /\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g;
// An org id (15 or 18 characters, key prefix 00D) followed by `!` and the opaque part.
const ACCESS_TOKEN = /\b00D(?:[A-Za-z0-9]{12}|[A-Za-z0-9]{15})![A-Za-z0-9._-]+/g;
// A PEM body without its header lines, or a base64-encoded key file: 200 or more base64 characters.
const BASE64_BLOCK = /[A-Za-z0-9+/]{200,}={0,2}/g;
const SECRET_FIELD =
  /\b(password|passwd|client_secret|security_token|access_token|refresh_token|assertion|token)=([^&\s]+)/gi;

// The same names as JSON, YAML or keyword arguments: "password": "x", client_secret: 'x', password => 'x'.
const QUOTED_SECRET_FIELD =
  /(["']?)\b(password|passwd|client_secret|consumer_secret|security_token|access_token|refresh_token|assertion)\1(\s*(?::|=>?)\s*)(["'])((?:(?!\4).)*)\4/gi;

/** Replaces every secret found in `text` with a fixed marker. */
export function redactText(text: string): string {
  return text
    .replace(PEM_PRIVATE, '[redacted private key]')
    .replace(BASE64_BLOCK, '[redacted base64]')
    .replace(JWT, '[redacted JWT]')
    .replace(ACCESS_TOKEN, (token) => `${token.slice(0, token.indexOf('!'))}![redacted]`)
    .replace(SECRET_FIELD, (_match, name: string) => `${name}=[redacted]`)
    .replace(QUOTED_SECRET_FIELD, (_match, quote: string, name: string, separator: string, valueQuote: string) =>
      `${quote}${name}${quote}${separator}${valueQuote}[redacted]${valueQuote}`);
}

/** Shows an access token as its org id only, for human output. */
export function maskAccessToken(token: string): string {
  const bang = token.indexOf('!');
  return bang > 0 ? `${token.slice(0, bang)}![redacted]` : '[redacted]';
}
