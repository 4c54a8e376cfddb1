import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { SfjwtError } from '../errors/sfjwt-error.js';
import { isLoopbackHost } from '../oauth/endpoints.js';
import type { BrokerConfig } from './config.js';
import { PasswordGrantService, type GrantResult } from './password-grant.js';
import { BrokerProviders } from './providers.js';
import { revokeCachedToken } from './revoke.js';

/** Largest request body the broker reads; a password grant form is well under 1 KiB. */
const MAX_BODY_BYTES = 16 * 1024;
const TOKEN_PATH = '/services/oauth2/token';
const REVOKE_PATH = '/services/oauth2/revoke';

export interface BrokerOptions {
  config: BrokerConfig;
  /** Overrides the configuration's port; 0 picks a free one. */
  port?: number;
  /** Overrides the configuration's address; 127.0.0.1 unless set. */
  host?: string;
  /** Receives one line per request and one per start and stop, never holding a secret or token. */
  log?: (line: string) => void;
}

/** A running broker. */
export interface RunningBroker {
  /** Base URL, for example http://127.0.0.1:8787; legacy tools use it as their login URL. */
  url: string;
  port: number;
  host: string;
  close(): Promise<void>;
}

/**
 * Starts the token broker: an HTTP server for legacy tools that can only
 * send the username-password grant. It answers POST /services/oauth2/token
 * with tokens minted through the JWT bearer flow, POST /services/oauth2/revoke
 * for a token it handed out (it mints a replacement), and GET /health.
 *
 * @example
 * ```ts
 * const broker = await startBroker({ config: await readBrokerConfig('broker.json'), log: console.error });
 * // a legacy tool now POSTs grant_type=password to `${broker.url}/services/oauth2/token`
 * ```
 */
export async function startBroker(options: BrokerOptions): Promise<RunningBroker> {
  const log = options.log ?? (() => undefined);
  const host = options.host ?? options.config.host;
  const providers = new BrokerProviders(options.config);
  const grants = new PasswordGrantService(providers);
  const server = createServer((request, response) => {
    void handle(request, response, { grants, providers }, log);
  });
  const port = await listen(server, options.port ?? options.config.port, host);
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  if (!isLoopbackHost(host)) {
    log(`${timestamp()} broker warning=non-loopback-address host=${host}: the local secret travels in clear text`);
  }
  log(`${timestamp()} broker started url=${url} clients=${options.config.clients.length}`);
  return {
    url,
    port,
    host,
    close: async () => {
      await closeServer(server);
      await providers.close();
      log(`${timestamp()} broker stopped url=${url}`);
    },
  };
}

const NOT_FOUND = JSON.stringify([{ message: 'The requested resource does not exist', errorCode: 'NOT_FOUND' }]);
const HEALTHY = JSON.stringify({ status: 'ok' });
const TOO_LARGE = JSON.stringify({ error: 'invalid_request', error_description: 'request body too large' });
const INTERNAL = JSON.stringify({ error: 'server_error', error_description: 'internal broker error' });

async function handle(
  request: IncomingMessage,
  response: ServerResponse,
  services: Services,
  log: (line: string) => void,
): Promise<void> {
  const started = performance.now();
  const path = (request.url ?? '/').split('?', 1)[0] ?? '/';
  let result: GrantResult;
  try {
    result = await route(request, path, services);
  } catch (error) {
    const code = error instanceof SfjwtError ? error.code : 'ERR_INTERNAL';
    result = { status: 500, json: INTERNAL, log: `code=${code} error=${error instanceof Error ? error.name : 'unknown'}` };
  }
  sendJson(response, result.status, result.json);
  const fields = result.log === '' ? '' : ` ${result.log}`;
  const elapsed = (performance.now() - started).toFixed(1);
  log(`${timestamp()} ${request.method ?? '?'} ${path} status=${result.status}${fields} ms=${elapsed}`);
}

/** What the request handlers share. */
interface Services {
  grants: PasswordGrantService;
  providers: BrokerProviders;
}

async function route(request: IncomingMessage, path: string, services: Services): Promise<GrantResult> {
  if ((path === TOKEN_PATH || path === REVOKE_PATH) && request.method === 'POST') {
    const body = await readBody(request);
    if (body === undefined) {
      return { status: 413, json: TOO_LARGE, log: 'error=body-too-large' };
    }
    // As Salesforce does, a JSON body or a query string counts as no form at all.
    const form = isForm(request) ? body : '';
    return path === TOKEN_PATH ? services.grants.serve(form) : revokeCachedToken(new URLSearchParams(form), services.providers);
  }
  if (path === '/health' && request.method === 'GET') {
    return { status: 200, json: HEALTHY, log: '' };
  }
  return { status: 404, json: NOT_FOUND, log: '' };
}

function isForm(request: IncomingMessage): boolean {
  return (request.headers['content-type'] ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded');
}

/** Reads the body as UTF-8, or returns undefined when it exceeds MAX_BODY_BYTES. */
function readBody(request: IncomingMessage): Promise<string | undefined> {
  // Events instead of an async iterator: this runs once per request on the broker's hot path.
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) {
        chunks.push(chunk);
      }
    });
    request.once('end', () => resolve(size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks, size).toString('utf8')));
    request.once('error', reject);
  });
}

function sendJson(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, {
    'content-type': 'application/json;charset=UTF-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-cache,must-revalidate,max-age=0,no-store,private',
  });
  response.end(text);
}

function timestamp(): string {
  return new Date().toISOString();
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(new SfjwtError('ERR_PORT_IN_USE', `Port ${port} on ${host} is already in use.`, { details: { port, host }, cause: error }));
        return;
      }
      reject(error);
    });
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
