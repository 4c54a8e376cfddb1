import { createServer } from 'node:http';

import { isLoopbackHost } from '../oauth/endpoints.js';
import type { BrokerConfig } from './config.js';
import { PasswordGrantService } from './password-grant.js';
import { BrokerProviders } from './providers.js';
import { handleRequest, timestamp } from './request-handler.js';
import { closeServer, listen } from '../util/http-listen.js';

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
 * send the username-password grant. It serves POST /services/oauth2/token
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
  const services = { grants: new PasswordGrantService(providers), providers, log };
  const server = createServer((request, response) => handleRequest(request, response, services));
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
