import type { IncomingMessage, ServerResponse } from 'node:http';

/** Largest request body the emulator reads; Salesforce token requests are a few kilobytes. */
const MAX_BODY_BYTES = 64 * 1024;

/** Reads a request body as UTF-8 text, cutting it off at MAX_BODY_BYTES. */
export async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) {
      break;
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Sends a JSON body with the given status. */
export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json;charset=UTF-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-cache,must-revalidate,max-age=0,no-store,private',
  });
  response.end(text);
}

/** Extracts the token of an `Authorization: Bearer` header. */
export function bearerToken(request: IncomingMessage): string | undefined {
  const header = request.headers.authorization;
  const match = header === undefined ? null : /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1];
}

/** Escapes control characters and spaces in a value for a log line, so no value can forge a line. */
export function logValue(value: string): string {
  return /[\s\x00-\x1f\x7f]/.test(value) ? JSON.stringify(value) : value;
}
