import { MemoryTokenStore } from '../provider/memory-store.js';
import { RedisTokenStore } from '../provider/redis-store.js';
import { createTokenProvider, type TokenProvider } from '../provider/token-provider.js';
import type { TokenStore } from '../provider/types.js';
import type { BrokerClient, BrokerConfig } from './config.js';
import type { BrokerUser } from './config-users.js';

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

  /** Returns the provider of `user` under `client`, creating it on first use. */
  forUser(client: BrokerClient, user: BrokerUser): TokenProvider {
    const key = `${client.clientId}\n${user.username}`;
    let known = this.providers.get(key);
    if (known === undefined) {
      const provider = createTokenProvider({
        clientId: user.consumerKey,
        username: user.subject,
        privateKey: user.privateKey,
        store: this.store,
        ...(user.loginUrl === undefined ? {} : { loginUrl: user.loginUrl }),
        ...(user.audience === undefined ? {} : { audience: user.audience }),
        ...(this.config.maxAgeSeconds === undefined ? {} : { maxAgeSeconds: this.config.maxAgeSeconds }),
        ...(this.config.refreshAheadSeconds === undefined ? {} : { refreshAheadSeconds: this.config.refreshAheadSeconds }),
      });
      known = { provider, logFields: `client=${shortClientId(client.clientId)} user=${user.username}` };
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
