import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

import { normalizeConfig, type EmulatorConfig, type EmulatorConfigInput } from './config.js';
import { EmulatorState, type Fault } from './state.js';
import { handleToken } from './token-endpoint.js';
import { handleRest } from './rest-endpoints.js';
import { readBody, sendJson } from './http-io.js';
import { closeServer, listen } from '../util/http-listen.js';
import { isLoopbackHost } from '../oauth/endpoints.js';

export interface EmulatorOptions {
  config: EmulatorConfig | EmulatorConfigInput;
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** Address to bind; 127.0.0.1 unless set. */
  host?: string;
  /** Receives one line per request, never holding a token, assertion or password. */
  log?: (line: string) => void;
  /** Clock in epoch milliseconds, for tests. */
  now?: () => number;
}

/** A running emulator. */
export interface RunningEmulator {
  /** Base URL, for example http://127.0.0.1:41234; use it as token URL and instance URL. */
  url: string;
  port: number;
  config: EmulatorConfig;
  state: EmulatorState;
  /** Queues faults that the next token requests get, one fault per request. */
  injectFaults(...faults: Fault[]): void;
  close(): Promise<void>;
}

/**
 * Starts a local HTTP server that behaves like the Salesforce token endpoint
 * and a few REST resources, on 127.0.0.1 by default.
 *
 * @example
 * ```ts
 * const emulator = await startEmulator({ config: { apps: [{ certificate }], users: [{ username }] } });
 * console.log(emulator.url, emulator.config.apps[0].consumerKey);
 * await emulator.close();
 * ```
 */
export async function startEmulator(options: EmulatorOptions): Promise<RunningEmulator> {
  const config = normalizeConfig(options.config);
  const state = new EmulatorState(config, options.now);
  const log = options.log ?? (() => undefined);
  let baseUrl = '';
  const server = createServer((request, response) => {
    route(request, response, { state, log, baseUrl }).catch((error: unknown) => {
      log(`request failed error=${(error as Error).name}`);
      response.destroy();
    });
  });
  const port = await listen(server, options.port ?? 0, options.host ?? '127.0.0.1');
  const host = options.host ?? '127.0.0.1';
  baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  if (!isLoopbackHost(host)) {
    log(`emulator warning=non-loopback-address host=${host}: tokens travel in clear text`);
  }
  return {
    url: baseUrl,
    port,
    config,
    state,
    injectFaults: (...faults) => state.faults.push(...faults),
    close: () => closeServer(server),
  };
}

/** Context passed to each request handler. */
export interface RequestContext {
  state: EmulatorState;
  log: (line: string) => void;
  baseUrl: string;
}

async function route(request: IncomingMessage, response: ServerResponse, context: RequestContext): Promise<void> {
  // The Date header follows the emulator's clock, so tests can stage clock skew.
  response.setHeader('date', new Date(context.state.now()).toUTCString());
  const url = parseRequestUrl(request.url);
  if (url === undefined) {
    context.log(`${request.method ?? '?'} (invalid path) status=400`);
    sendJson(response, 400, [{ message: 'The request path is not a valid URL', errorCode: 'MALFORMED_QUERY' }]);
    return;
  }
  try {
    if (url.pathname === '/services/oauth2/token' && request.method === 'POST') {
      const body = await readBody(request);
      await handleToken(request, response, body, context);
      return;
    }
    const body = request.method === 'POST' ? await readBody(request) : '';
    handleRest(request, response, url, body, context);
  } catch (error) {
    context.log(`${request.method ?? '?'} ${url.pathname} status=500 error=${(error as Error).name}`);
    if (!response.headersSent) {
      sendJson(response, 500, [{ message: 'internal emulator error', errorCode: 'UNKNOWN_EXCEPTION' }]);
    }
  }
}

function parseRequestUrl(path: string | undefined): URL | undefined {
  try {
    return new URL(path ?? '/', 'http://emulator.invalid');
  } catch {
    return undefined;
  }
}
