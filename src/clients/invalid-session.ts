/**
 * Tells whether a REST response is Salesforce's response for an expired or
 * revoked token: HTTP 401 with an INVALID_SESSION_ID error in the JSON array
 * body. Other 401s (an app blocked by policy, say) are not retried.
 */
export function isInvalidSession(statusCode: number, body: unknown): boolean {
  if (statusCode !== 401) {
    return false;
  }
  const parsed = parseBody(body);
  return Array.isArray(parsed) && parsed.some((item) => (item as { errorCode?: unknown })?.errorCode === 'INVALID_SESSION_ID');
}

function parseBody(body: unknown): unknown {
  let text: string;
  if (typeof body === 'string') {
    text = body;
  } else if (body instanceof Uint8Array) {
    text = Buffer.from(body).toString('utf8');
  } else {
    return body;
  }
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Extracts the token of an `Authorization: Bearer` header value. */
export function bearerOf(header: unknown): string | undefined {
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}
