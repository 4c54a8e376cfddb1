import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

import { SfjwtError } from '../errors/sfjwt-error.js';
import { DEFAULT_MAX_AGE_SECONDS } from '../provider/token-provider.js';
import {
  KeyLoader,
  normalizeUsers,
  optionalString,
  requiredString,
  type BrokerUser,
  type BrokerUserInput,
  type JwtSettingsInput,
} from './config-users.js';
import { configError, readSecretValue, secretDigest, sha256, type LocalSecretSource } from './secret.js';

/** One client id a legacy tool sends, and the JWT settings the broker logs in with. */
export interface BrokerClientInput extends JwtSettingsInput {
  /** The client_id the legacy tool sends. */
  clientId: string;
  /**
   * Usernames the tool may log in as: a username, signed as the assertion's
   * `sub`, or an object with its own subject and JWT settings.
   */
  usernames: Array<string | BrokerUserInput>;
  /** A secret for this client only, instead of the top-level one. */
  localSecret?: LocalSecretSource;
}

/** The JSON configuration file of `sfjwt broker`. */
export interface BrokerConfigInput {
  host?: string;
  port?: number;
  /** The secret legacy tools send in their password field. */
  localSecret?: LocalSecretSource;
  /** A redis:// URL to share tokens with other brokers; memory unless set. */
  store?: string;
  /** AES-256 key (base64 of 32 bytes) that encrypts tokens in Redis, from a file or variable. */
  storeEncryptionKey?: { file: string } | { env: string };
  maxAgeSeconds?: number;
  /** Seconds before maxAgeSeconds at which tokens are re-minted in the background; 0 (off) unless set. */
  refreshAheadSeconds?: number;
  clients: BrokerClientInput[];
}

/** A client entry ready to serve: keys loaded, digests computed. */
export interface BrokerClient {
  clientId: string;
  clientIdDigest: Buffer;
  /** The usernames the tool may send, each with its resolved JWT settings. */
  users: ReadonlyMap<string, BrokerUser>;
  secretDigest: Buffer;
}

export interface BrokerConfig {
  host: string;
  port: number;
  store?: string;
  storeEncryptionKey?: string;
  maxAgeSeconds?: number;
  refreshAheadSeconds?: number;
  clients: BrokerClient[];
}

/** Reads a broker configuration file; relative paths in it count from its folder. */
export async function readBrokerConfig(path: string, env: NodeJS.ProcessEnv = process.env): Promise<BrokerConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new SfjwtError('ERR_FILE_READ', `Could not read the broker configuration ${path} (${reason}).`, {
      details: { path, reason },
    });
  }
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch {
    // V8's message quotes the text around the error, which may be a secret: leave it out.
    throw configError(`${path} is not valid JSON; check it with \`jq . ${path}\``);
  }
  return normalizeBrokerConfig(input, dirname(resolve(path)), env);
}

/** Validates a configuration, loads each client's key and hashes each secret. */
export async function normalizeBrokerConfig(input: unknown, baseDir: string, env: NodeJS.ProcessEnv): Promise<BrokerConfig> {
  if (typeof input !== 'object' || input === null) {
    throw configError('the configuration must be a JSON object');
  }
  const config = input as Partial<BrokerConfigInput>;
  if (!Array.isArray(config.clients) || config.clients.length === 0) {
    throw configError('clients must list at least one client');
  }
  const clients: BrokerClient[] = [];
  const keys = new KeyLoader(baseDir, env);
  for (const [index, client] of config.clients.entries()) {
    clients.push(await normalizeClient(client, index, config.localSecret, { baseDir, env, keys }));
  }
  return {
    host: optionalString(config.host, 'host') ?? '127.0.0.1',
    port: port(config.port),
    ...(config.store === undefined ? {} : { store: requiredString(config.store, 'store') }),
    ...(config.storeEncryptionKey === undefined
      ? {}
      : { storeEncryptionKey: await readSecretValue(config.storeEncryptionKey, 'storeEncryptionKey', baseDir, env) }),
    ...(config.maxAgeSeconds === undefined ? {} : { maxAgeSeconds: maxAge(config.maxAgeSeconds) }),
    ...(config.refreshAheadSeconds === undefined
      ? {}
      : { refreshAheadSeconds: refreshAhead(config.refreshAheadSeconds, config.maxAgeSeconds ?? DEFAULT_MAX_AGE_SECONDS) }),
    clients,
  };
}

/** Base folder of relative paths, the environment of secret variables, and the shared key loader. */
interface ConfigContext {
  baseDir: string;
  env: NodeJS.ProcessEnv;
  keys: KeyLoader;
}

async function normalizeClient(
  client: BrokerClientInput,
  index: number,
  sharedSecret: LocalSecretSource | undefined,
  context: ConfigContext,
): Promise<BrokerClient> {
  const where = `clients[${index}]`;
  if (typeof client !== 'object' || client === null) {
    throw configError(`${where} must be an object`);
  }
  const clientId = requiredString(client.clientId, `${where}.clientId`);
  const secretSource = client.localSecret ?? sharedSecret;
  if (secretSource === undefined) {
    throw configError(`${where} has no localSecret, and there is no top-level localSecret`);
  }
  return {
    clientId,
    clientIdDigest: sha256(clientId),
    users: await normalizeUsers({ ...client, clientId }, where, context.keys),
    secretDigest: await secretDigest(secretSource, `${where}.localSecret`, context.baseDir, context.env),
  };
}

function maxAge(value: unknown): number {
  if (typeof value !== 'number' || Number.isNaN(value) || value <= 0) {
    throw configError('maxAgeSeconds must be a positive number of seconds');
  }
  return value;
}

function refreshAhead(value: unknown, maxAgeSeconds: number): number {
  if (typeof value !== 'number' || Number.isNaN(value) || value < 0 || value >= maxAgeSeconds) {
    throw configError(`refreshAheadSeconds must be a number from 0 to below maxAgeSeconds (${maxAgeSeconds})`);
  }
  return value;
}

function port(value: unknown): number {
  if (value === undefined) {
    return 0;
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 65_535) {
    throw configError('port must be an integer from 0 to 65535');
  }
  return value;
}
