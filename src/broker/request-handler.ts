import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';

import { SfjwtError } from '../errors/sfjwt-error.js';
import type { GrantResult, PasswordGrantService } from './password-grant.js';
import type { BrokerProviders } from './providers.js';
import { revokeCachedToken } from './revoke.js';

/** Largest request body the broker reads; a password grant form is well under 1 KiB. */
const MAX_BODY_BYTES = 16 * 1024;
const TOKEN_PATH = '/services/oauth2/token';
const REVOKE_PATH = '/services/oauth2/revoke';

const NOT_FOUND = JSON.stringify([{ message: 'The requested resource does not exist', errorCode: 'NOT_FOUND' }]);
const HEALTHY = JSON.stringify({ status: 'ok' });
const TOO_LARGE = JSON.stringify({ error: 'invalid_request', error_description: 'request body too large' });
const INTERNAL = JSON.stringify({ error: 'server_error', error_description: 'internal broker error' });
const NO_FORM = Buffer.alloc(0);

/** Services shared by every request. */
export interface BrokerServices {
  grants: PasswordGrantService;
  providers: BrokerProviders;
  log: (line: string) => void;
}

type Outcome = GrantResult | Promise<GrantResult>;

/**
 * Responds to one request and logs it on one line. Callbacks rather than
 * promises carry a request whose token is cached, so the response is written
 * in the same turn as the request body's last chunk.
 */
export function handleRequest(request: IncomingMessage, response: ServerResponse, services: BrokerServices): void {
  const started = performance.now();
  const path = pathOf(request.url ?? '/');
  const finish = (result: GrantResult): void => {
    sendJson(response, result.status, result.json);
    const fields = result.log === '' ? '' : ` ${result.log}`;
    const elapsed = (performance.now() - started).toFixed(1);
    services.log(`${timestamp()} ${request.method ?? '?'} ${path} status=${result.status}${fields} ms=${elapsed}`);
  };
  if ((path === TOKEN_PATH || path === REVOKE_PATH) && request.method === 'POST') {
    readBody(request, (body) => settle(() => routeForm(request, path, body, services), finish));
    return;
  }
  if (path === '/health' && request.method === 'GET') {
    finish({ status: 200, json: HEALTHY, log: '' });
    return;
  }
  finish({ status: 404, json: NOT_FOUND, log: '' });
}

/** Strips the query string from a request target. */
function pathOf(target: string): string {
  const query = target.indexOf('?');
  return query === -1 ? target : target.slice(0, query);
}

function routeForm(request: IncomingMessage, path: string, body: Buffer | undefined, services: BrokerServices): Outcome {
  if (body === undefined) {
    return { status: 413, json: TOO_LARGE, log: 'error=body-too-large' };
  }
  // As Salesforce does, a JSON body or a query string counts as no form at all.
  const form = isForm(request) ? body : NO_FORM;
  if (path === TOKEN_PATH) {
    return services.grants.serve(form);
  }
  return revokeCachedToken(new URLSearchParams(form.toString('utf8')), services.providers);
}

/** Runs `compute` and passes its result to `finish`, now when it is ready, later when it is a promise. */
function settle(compute: () => Outcome, finish: (result: GrantResult) => void): void {
  let outcome: Outcome;
  try {
    outcome = compute();
  } catch (error) {
    finish(internalError(error));
    return;
  }
  if (outcome instanceof Promise) {
    outcome.then(finish, (error: unknown) => finish(internalError(error)));
  } else {
    finish(outcome);
  }
}

function internalError(error: unknown): GrantResult {
  const code = error instanceof SfjwtError ? error.code : 'ERR_INTERNAL';
  return { status: 500, json: INTERNAL, log: `code=${code} error=${error instanceof Error ? error.name : 'unknown'}` };
}

/**
 * Tells whether the request body is form-encoded. It reads rawHeaders, because
 * the first read of `request.headers` builds an object of every header.
 */
function isForm(request: IncomingMessage): boolean {
  const raw = request.rawHeaders;
  for (let index = 0; index + 1 < raw.length; index += 2) {
    if (raw[index]!.toLowerCase() === 'content-type') {
      return raw[index + 1]!.toLowerCase().startsWith('application/x-www-form-urlencoded');
    }
  }
  return false;
}

/** Collects the body, or passes undefined when it exceeds MAX_BODY_BYTES. */
function readBody(request: IncomingMessage, done: (body: Buffer | undefined) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  request.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES) {
      chunks.push(chunk);
    }
  });
  request.once('end', () => {
    if (size > MAX_BODY_BYTES) {
      done(undefined);
      return;
    }
    // A password grant form arrives in one chunk; concatenating is only needed for more.
    done(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
  });
  request.once('error', () => request.socket.destroy());
}

function sendJson(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, {
    'content-type': 'application/json;charset=UTF-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-cache,must-revalidate,max-age=0,no-store,private',
  });
  response.end(text);
}

let timestampMs = 0;
let timestampText = '';

/** Returns the current time in ISO 8601, formatting it at most once per millisecond. */
export function timestamp(): string {
  const now = Date.now();
  if (now !== timestampMs) {
    timestampMs = now;
    timestampText = new Date(now).toISOString();
  }
  return timestampText;
}
