import type { Connection, ConnectionConfig } from 'jsforce';

import { SfjwtError } from '../errors/sfjwt-error.js';
import type { TokenProvider } from '../provider/token-provider.js';
import type { StoredToken } from '../provider/types.js';
import { providerOf, type ProviderSource } from './provider-option.js';
import { toPasswordFlowResponse } from './password-compatible-login.js';

/** Login settings or a provider, plus jsforce Connection settings other than the token ones. */
export type JsforceConnectionOptions = ProviderSource & {
  /** Connection settings (version, maxRequest, logLevel...); accessToken, instanceUrl and refreshFn are set by sfjwt. */
  connection?: Omit<ConnectionConfig, 'accessToken' | 'instanceUrl' | 'refreshFn' | 'refreshToken' | 'oauth2'>;
};

/**
 * Creates a jsforce 3 Connection logged in through the JWT bearer flow. When
 * a call returns 401, jsforce calls the Connection's refreshFn, which reports
 * the rejected token to the provider and hands back the re-minted one, and
 * jsforce repeats the call. jsforce is an optional peer dependency, loaded
 * only here.
 *
 * @example
 * ```ts
 * const conn = await createJsforceConnection({ clientId, username, privateKey: { path: 'server.key' } });
 * const { records } = await conn.query('SELECT Id, Name FROM Account');
 * ```
 */
export async function createJsforceConnection(options: JsforceConnectionOptions): Promise<Connection> {
  const provider = providerOf(options, 'createJsforceConnection');
  const jsforce = await loadJsforce();
  const entry = await provider.getToken();
  return new jsforce.Connection({
    ...options.connection,
    accessToken: entry.response.access_token,
    instanceUrl: entry.response.instance_url,
    refreshFn: refreshThrough(provider),
  });
}

type RefreshFunction = NonNullable<ConnectionConfig['refreshFn']>;
/** jsforce's TokenResponse type, which its package entry point does not export by name. */
type JsforceTokenResponse = Parameters<Parameters<RefreshFunction>[1]>[2];

function refreshThrough(provider: TokenProvider): RefreshFunction {
  return (conn, callback) => {
    const stale = conn.accessToken ?? '';
    provider.invalidate(stale).then(
      (entry: StoredToken) => callback(null, entry.response.access_token, toJsforceTokenResponse(entry)),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
    );
  };
}

/** Maps a token to the password-flow shape jsforce expects; JWT responses have no signature, so it is empty. */
function toJsforceTokenResponse(entry: StoredToken): JsforceTokenResponse {
  const { scope } = entry.response;
  return { ...toPasswordFlowResponse(entry), signature: '', ...(scope === undefined ? {} : { scope }) } as JsforceTokenResponse;
}

async function loadJsforce(): Promise<typeof import('jsforce')> {
  try {
    const loaded = (await import('jsforce')) as typeof import('jsforce') & { default?: typeof import('jsforce') };
    return loaded.Connection === undefined && loaded.default !== undefined ? loaded.default : loaded;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND') {
      throw new SfjwtError('ERR_JSFORCE_MISSING', 'The jsforce package is not installed; createJsforceConnection needs it.', {
        cause: error,
      });
    }
    throw error;
  }
}
