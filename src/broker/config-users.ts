import type { KeyObject } from 'node:crypto';
import { resolve } from 'node:path';

import { loadPrivateKey } from '../keys/load-key.js';
import { configError } from './secret.js';

/** JWT settings of a client entry, which each of its username entries may override. */
export interface JwtSettingsInput {
  /** Consumer key signed into the assertion (`iss`); the client id unless set. */
  consumerKey?: string;
  /** Private key file, relative to the configuration file. */
  keyFile?: string;
  /** Environment variable holding the key's passphrase. */
  keyPassphraseEnv?: string;
  loginUrl?: string;
  audience?: string;
}

/** A username the tool may send, with the JWT settings that differ from its client's. */
export interface BrokerUserInput extends JwtSettingsInput {
  /** The username the tool sends. */
  username: string;
  /** The Salesforce username signed as `sub`; the username unless set. */
  subject?: string;
}

/** A username ready to serve: its JWT settings resolved from its own entry and its client. */
export interface BrokerUser {
  username: string;
  subject: string;
  consumerKey: string;
  privateKey: KeyObject;
  loginUrl?: string;
  audience?: string;
}

/** Loads each (key file, passphrase variable) pair once for the whole configuration. */
export class KeyLoader {
  private readonly loaded = new Map<string, Promise<KeyObject>>();

  constructor(
    private readonly baseDir: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  load(keyFile: string, passphraseEnv: string | undefined): Promise<KeyObject> {
    const path = resolve(this.baseDir, keyFile);
    const cacheKey = `${path}\n${passphraseEnv ?? ''}`;
    let key = this.loaded.get(cacheKey);
    if (key === undefined) {
      const passphrase = passphraseEnv === undefined ? undefined : this.env[passphraseEnv];
      key = loadPrivateKey({ path, ...(passphrase === undefined ? {} : { passphrase }) }).then((result) => result.privateKey);
      this.loaded.set(cacheKey, key);
    }
    return key;
  }
}

/**
 * Resolves the `usernames` of a client entry. Each item is a username, or an
 * object that maps the username the tool sends to its own JWT settings.
 */
export async function normalizeUsers(
  client: JwtSettingsInput & { clientId: string; usernames?: unknown },
  where: string,
  keys: KeyLoader,
): Promise<Map<string, BrokerUser>> {
  const entries = client.usernames;
  if (!Array.isArray(entries) || entries.length === 0) {
    throw configError(`${where}.usernames must list at least one username`);
  }
  const users = new Map<string, BrokerUser>();
  for (const [index, entry] of entries.entries()) {
    const user = await normalizeUser(entry, client, `${where}.usernames[${index}]`, keys);
    if (users.has(user.username)) {
      throw configError(`${where}.usernames lists ${user.username} twice`);
    }
    users.set(user.username, user);
  }
  return users;
}

async function normalizeUser(
  entry: unknown,
  client: JwtSettingsInput & { clientId: string },
  where: string,
  keys: KeyLoader,
): Promise<BrokerUser> {
  const input = (typeof entry === 'string' ? { username: entry } : entry) as Partial<BrokerUserInput> | null;
  if (typeof input !== 'object' || input === null) {
    throw configError(`${where} must be a username or an object with a username`);
  }
  const username = requiredString(input.username, `${where}.username`);
  const setting = (name: keyof JwtSettingsInput): string | undefined =>
    optionalString(input[name], `${where}.${name}`) ?? optionalString(client[name], `${where} (from its client) ${name}`);
  const keyFile = setting('keyFile');
  if (keyFile === undefined) {
    throw configError(`${where} has no keyFile, and neither has its client`);
  }
  const loginUrl = setting('loginUrl');
  const audience = setting('audience');
  return {
    username,
    subject: optionalString(input.subject, `${where}.subject`) ?? username,
    consumerKey: setting('consumerKey') ?? client.clientId,
    privateKey: await keys.load(keyFile, setting('keyPassphraseEnv')),
    ...(loginUrl === undefined ? {} : { loginUrl }),
    ...(audience === undefined ? {} : { audience }),
  };
}

/** Returns `value` when it is a non-empty string; raises ERR_BROKER_CONFIG naming `field` otherwise. */
export function requiredString(value: unknown, field: string): string {
  if (typeof value !== 'string' || value === '') {
    throw configError(`${field} must be a non-empty string`);
  }
  return value;
}

/** Like requiredString, but undefined passes through. */
export function optionalString(value: unknown, field: string): string | undefined {
  return value === undefined ? undefined : requiredString(value, field);
}
