import { MemoryTokenStore } from '../provider/memory-store.js';
import { RedisTokenStore } from '../provider/redis-store.js';
import { createTokenProvider, type TokenProvider } from '../provider/token-provider.js';
import type { TokenStore } from '../provider/types.js';
import type { BrokerClient, BrokerConfig } from './config.js';

/** The token providers of a broker, one per (client, username), over one shared store. */
export class BrokerProviders {
  readonly clients: readonly BrokerClient[];
  private readonly store: TokenStore;
  private readonly providers = new Map<string, TokenProvider>();

  constructor(private readonly config: BrokerConfig) {
    this.clients = config.clients;
    this.store = config.store === undefined ? new MemoryTokenStore() : new RedisTokenStore({ url: config.store });
  }

  /** Returns the provider of `username` under `client`, creating it on first use. */
  forUser(client: BrokerClient, username: string): TokenProvider {
    const key = `${client.clientId}\n${username}`;
    let provider = this.providers.get(key);
    if (provider === undefined) {
      provider = createTokenProvider({
        clientId: client.consumerKey,
        username,
        privateKey: client.privateKey,
        store: this.store,
        ...(client.loginUrl === undefined ? {} : { loginUrl: client.loginUrl }),
        ...(client.audience === undefined ? {} : { audience: client.audience }),
        ...(this.config.maxAgeSeconds === undefined ? {} : { maxAgeSeconds: this.config.maxAgeSeconds }),
      });
      this.providers.set(key, provider);
    }
    return provider;
  }

  async close(): Promise<void> {
    await this.store.close();
  }
}
