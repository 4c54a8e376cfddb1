import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { SfjwtError } from '../errors/sfjwt-error.js';
import { isLoopbackHost } from '../oauth/endpoints.js';
import type { BrokerConfig } from './config.js';
import { servePasswordGrant, type GrantResult } from './password-grant.js';
import { BrokerProviders } from './providers.js';

/** Largest request body the broker reads; a password grant form is well under 1 KiB. */
const MAX_BODY_BYTES = 16 * 1024;
const TOKEN_PATH = '/services/oauth2/token';

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
 * with tokens minted through the JWT bearer flow, and GET /health.
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
  const server = createServer((request, response) => {
    void handle(request, response, providers, log);
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

async function handle(
  request: IncomingMessage,
  response: ServerResponse,
  providers: BrokerProviders,
  log: (line: string) => void,
): Promise<void> {
  const started = performance.now();
  const path = (request.url ?? '/').split('?', 1)[0] ?? '/';
  let result: GrantResult;
  try {
    result = await route(request, path, providers);
  } catch (error) {
    const code = error instanceof SfjwtError ? error.code : 'ERR_INTERNAL';
    result = { status: 500, body: { error: 'server_error', error_description: 'internal broker error' }, log: { code } };
  }
  sendJson(response, result.status, result.body);
  const fields = Object.entries(result.log).map(([name, value]) => `${name}=${value}`).join(' ');
  const elapsed = (performance.now() - started).toFixed(1);
  log(`${timestamp()} ${request.method ?? '?'} ${path} status=${result.status}${fields === '' ? '' : ` ${fields}`} ms=${elapsed}`);
}

async function route(request: IncomingMessage, path: string, providers: BrokerProviders): Promise<GrantResult> {
  if (path === TOKEN_PATH && request.method === 'POST') {
    const body = await readBody(request);
    if (body === undefined) {
      return { status: 413, body: { error: 'invalid_request', error_description: 'request body too large' }, log: {} };
    }
    const isForm = (request.headers['content-type'] ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded');
    // As Salesforce does, a JSON body or a query string counts as no grant at all.
    return servePasswordGrant(new URLSearchParams(isForm ? body : ''), providers);
  }
  if (path === '/health' && request.method === 'GET') {
    return { status: 200, body: { status: 'ok' }, log: {} };
  }
  return {
    status: 404,
    body: [{ message: 'The requested resource does not exist', errorCode: 'NOT_FOUND' }],
    log: {},
  };
}

/** Reads the body as UTF-8, or returns undefined when it exceeds MAX_BODY_BYTES. */
async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) {
      return undefined;
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
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
