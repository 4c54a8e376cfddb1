/**
 * The environment variables sfjwt reads, in one registry. Names follow the
 * Salesforce CLI where it has one; a deprecated synonym still works but warns.
 */

export interface EnvVariable {
  name: string;
  /** Description of the setting, in one line. */
  description: string;
  /** Older names still honoured, most recent first. */
  deprecated?: readonly string[];
  /** The value is a secret: never echoed back, only reported as set or unset. */
  secret?: boolean;
}

export const ENV = {
  clientId: { name: 'SF_CLIENT_ID', description: 'Consumer key of the External Client App or connected app.' },
  username: { name: 'SF_USERNAME', description: 'Username of the integration user (the `sub` claim).' },
  loginUrl: {
    name: 'SF_LOGIN_URL',
    description: 'Token URL base: login, test, My Domain, site, or the emulator.',
  },
  audience: {
    name: 'SF_AUDIENCE_URL',
    description: 'Audience (`aud`) of the assertion, when it differs from the derived default.',
    deprecated: ['SFDX_AUDIENCE_URL'],
  },
  keyFile: { name: 'SF_JWT_KEY_FILE', description: 'Path of the private key file.' },
  key: { name: 'SF_JWT_KEY', description: 'The private key itself (PEM text).', secret: true },
  keyPassphrase: {
    name: 'SF_JWT_KEY_PASSPHRASE',
    description: 'Passphrase of an encrypted private key or PKCS#12 keystore.',
    secret: true,
  },
} as const satisfies Record<string, EnvVariable>;

export type EnvKey = keyof typeof ENV;

export interface EnvReading {
  value: string;
  /** The variable that held the value, possibly a deprecated synonym. */
  variable: string;
  deprecated: boolean;
}

/** Reads one registered variable, falling back to its deprecated synonyms. */
export function readEnv(key: EnvKey, env: NodeJS.ProcessEnv = process.env): EnvReading | undefined {
  const entry: EnvVariable = ENV[key];
  const names = [entry.name, ...(entry.deprecated ?? [])];
  for (const name of names) {
    const value = env[name];
    if (value !== undefined && value !== '') {
      return { value, variable: name, deprecated: name !== entry.name };
    }
  }
  return undefined;
}
