import { createTokenProvider, type TokenProvider, type TokenProviderOptions } from '../provider/token-provider.js';

/** Either login settings, from which a provider is created, or an existing provider to share. */
export type ProviderSource = TokenProviderOptions | { provider: TokenProvider };

/** Returns the provider of `source`, creating one from login settings. */
export function providerOf(source: ProviderSource, caller: string): TokenProvider {
  if (typeof source !== 'object' || source === null) {
    throw new TypeError(`${caller} needs an options object`);
  }
  if ('provider' in source && source.provider !== undefined) {
    const { provider } = source;
    if (typeof provider.getToken !== 'function' || typeof provider.invalidate !== 'function') {
      throw new TypeError(`${caller}: provider must come from createTokenProvider`);
    }
    return provider;
  }
  return createTokenProvider(source as TokenProviderOptions);
}
