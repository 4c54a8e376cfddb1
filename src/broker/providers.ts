import { MemoryTokenStore } from '../provider/memory-store.js';
import { RedisTokenStore } from '../provider/redis-store.js';
import { createTokenProvider, type TokenProvider } from '../provider/token-provider.js';
import type { TokenStore } from '../provider/types.js';
import type { BrokerClient, BrokerConfig } from './config.js';

/** The token providers of a broker, one per (client, username), over one shared store. */
export class BrokerProviders {
  readonly clients: readonly BrokerClient[];
  private readonly store: TokenStore;
  private readonly providers = new Map<string, { provider: TokenProvider; logFields: string }>();

  constructor(private readonly config: BrokerConfig) {
    this.clients = config.clients;
    const encryption = config.storeEncryptionKey === undefined ? {} : { encryptionKey: config.storeEncryptionKey };
    this.store = config.store === undefined ? new MemoryTokenStore() : new RedisTokenStore({ url: config.store, ...encryption });
  }

  /** Returns the provider of `username` under `client`, creating it on first use. */
  forUser(client: BrokerClient, username: string): TokenProvider {
    const key = `${client.clientId}\n${username}`;
    let known = this.providers.get(key);
    if (known === undefined) {
      const provider = createTokenProvider({
        clientId: client.consumerKey,
        username,
        privateKey: client.privateKey,
        store: this.store,
        ...(client.loginUrl === undefined ? {} : { loginUrl: client.loginUrl }),
        ...(client.audience === undefined ? {} : { audience: client.audience }),
        ...(this.config.maxAgeSeconds === undefined ? {} : { maxAgeSeconds: this.config.maxAgeSeconds }),
        ...(this.config.refreshAheadSeconds === undefined ? {} : { refreshAheadSeconds: this.config.refreshAheadSeconds }),
      });
      known = { provider, logFields: `client=${shortClientId(client.clientId)} user=${username}` };
      this.providers.set(key, known);
    }
    return known.provider;
  }

  /** Returns every provider created so far, with the log fields naming its client and user. */
  all(): IterableIterator<{ provider: TokenProvider; logFields: string }> {
    return this.providers.values();
  }

  async close(): Promise<void> {
    await this.store.close();
  }
}

/** Shortens a client id to its first 12 characters, enough to tell configured clients apart in logs. */
export function shortClientId(clientId: string): string {
  return clientId.length > 12 ? `${clientId.slice(0, 12)}...` : clientId;
}
