import { X509Certificate, randomBytes } from 'node:crypto';

import { SfjwtError } from '../errors/sfjwt-error.js';

export const PRODUCTION_AUDIENCE = 'https://login.salesforce.com';
export const SANDBOX_AUDIENCE = 'https://test.salesforce.com';

/**
 * Rule deciding which `aud` values an app accepts:
 * - `login-test`: https://login.salesforce.com in a production org,
 *   https://test.salesforce.com in a sandbox (the documented default);
 * - `my-domain`: only the org's My Domain URL, as some orgs with External
 *   Client Apps require since Spring '26; login and test get `app_not_found`;
 * - a list: exactly those URLs.
 */
export type AudienceRule = 'login-test' | 'my-domain' | readonly string[];

/** How the app decides which users may log in (the app's Permitted Users policy). */
export type PermittedUsers = 'admin-approved' | 'self-authorize';

export interface EmulatorApp {
  /** Display label; the emulator only logs it. */
  label: string;
  kind: 'external-client-app' | 'connected-app';
  consumerKey: string;
  /** Client secret, used only by the username-password grant. */
  consumerSecret?: string;
  /** PEM certificates uploaded to the app; an assertion verifying against any of them passes. */
  certificates: string[];
  permittedUsers: PermittedUsers;
  /** Profiles assigned to the app (admin-approved policy). */
  profiles: string[];
  /** Permission sets assigned to the app (admin-approved policy). */
  permissionSets: string[];
  /** Users who approved the app before with the refresh_token scope (self-authorize policy). */
  approvedUsers: string[];
  audienceRule: AudienceRule;
  /** False when the consumer key exists elsewhere but the app is missing from this org. */
  installed: boolean;
  /**
   * Until this epoch millisecond the app is still propagating and its key is
   * unknown, as after creating or editing a connected app (up to 10 minutes).
   * In a configuration file, `propagationDelaySeconds` sets it relative to start.
   */
  availableAt: number;
  /** Overrides the org's session timeout for tokens issued to this app. */
  sessionTimeoutSeconds?: number;
  scopes: string[];
}

export interface EmulatorUser {
  username: string;
  active: boolean;
  profile: string;
  permissionSets: string[];
  userId: string;
  /** Password and security token for the username-password grant; never logged. */
  password?: string;
  securityToken?: string;
  /** When set, a login from an address outside every range fails as IP restricted. */
  loginIpRanges?: Array<{ start: string; end: string }>;
}

export interface EmulatorOrg {
  /** 15-character org id, the prefix of every access token. */
  orgId: string;
  type: 'production' | 'sandbox';
  /** The org's My Domain URL (https), used by the `my-domain` audience rule. */
  myDomainUrl: string;
  /** Org setting "Allow OAuth Username-Password Flows" turned off (the default since Summer '23). */
  passwordFlowBlocked: boolean;
  sessionTimeoutSeconds: number;
  /** Leeway the emulator grants an `exp` in the past. Salesforce's own leeway is not documented. */
  clockSkewSeconds: number;
  /** Error returned for an unknown consumer key; Salesforce returns either, depending on the org. */
  unknownClientAnswer: 'invalid_client_id' | 'app_not_found';
}

export interface EmulatorConfig {
  org: EmulatorOrg;
  apps: EmulatorApp[];
  users: EmulatorUser[];
}

/** A partial configuration, as read from JSON or flags; `normalizeConfig` fills the defaults. */
export interface EmulatorConfigInput {
  org?: Partial<EmulatorOrg>;
  apps?: Array<EmulatorAppInput>;
  users?: Array<Partial<EmulatorUser>>;
}

/** An app as written in a configuration: one certificate may stand for the list. */
export type EmulatorAppInput = Partial<EmulatorApp> & { certificate?: string; propagationDelaySeconds?: number };

/** Checks the outer shape of a configuration read from JSON: an object whose org, apps and users have the right types. */
export function assertConfigShape(input: unknown): asserts input is EmulatorConfigInput {
  const config = objectField(input as EmulatorConfigInput, 'the configuration');
  objectField(config.org ?? {}, 'org');
  arrayField(config.apps ?? [], 'apps').forEach((app, index) => objectField(app, `apps[${index}]`));
  arrayField(config.users ?? [], 'users').forEach((user, index) => objectField(user, `users[${index}]`));
}

/** Validates a configuration and fills in every default. */
export function normalizeConfig(input: EmulatorConfigInput): EmulatorConfig {
  assertConfigShape(input);
  const org = normalizeOrg(objectField(input.org ?? {}, 'org'));
  const apps = arrayField(input.apps ?? [], 'apps').map((app, index) => normalizeApp(objectField(app, `apps[${index}]`), index));
  const users = arrayField(input.users ?? [], 'users').map((user, index) => normalizeUser(objectField(user, `users[${index}]`), index));
  return { org, apps, users };
}

function normalizeOrg(org: Partial<EmulatorOrg>): EmulatorOrg {
  const orgId = org.orgId ?? `00D${randomId(12)}`;
  if (!/^00D[A-Za-z0-9]{12}$/.test(orgId)) {
    throw configError('org.orgId', 'must be a 15-character org id starting with 00D');
  }
  return {
    orgId,
    type: oneOf(org.type ?? 'production', ['production', 'sandbox'], 'org.type'),
    myDomainUrl: org.myDomainUrl ?? 'https://emulator.my.salesforce.com',
    passwordFlowBlocked: org.passwordFlowBlocked ?? true,
    sessionTimeoutSeconds: positive(org.sessionTimeoutSeconds ?? 7200, 'org.sessionTimeoutSeconds'),
    clockSkewSeconds: org.clockSkewSeconds ?? 0,
    unknownClientAnswer: oneOf(org.unknownClientAnswer ?? 'invalid_client_id', ['invalid_client_id', 'app_not_found'], 'org.unknownClientAnswer'),
  };
}

function normalizeApp(app: EmulatorAppInput, index: number): EmulatorApp {
  const where = `apps[${index}]`;
  const certificates = app.certificates ?? (app.certificate === undefined ? [] : [app.certificate]);
  for (const pem of certificates) {
    if (typeof pem !== 'string' || !pem.includes('-----BEGIN CERTIFICATE-----') || !parsesAsCertificate(pem)) {
      throw configError(`${where}.certificates`, 'must hold PEM certificates (-----BEGIN CERTIFICATE-----) that parse');
    }
  }
  return {
    label: app.label ?? `App ${index + 1}`,
    kind: oneOf(app.kind ?? 'external-client-app', ['external-client-app', 'connected-app'], `${where}.kind`),
    consumerKey: app.consumerKey ?? generateConsumerKey(),
    ...(app.consumerSecret === undefined ? {} : { consumerSecret: app.consumerSecret }),
    certificates,
    permittedUsers: oneOf(app.permittedUsers ?? 'admin-approved', ['admin-approved', 'self-authorize'], `${where}.permittedUsers`),
    profiles: app.profiles ?? [],
    permissionSets: app.permissionSets ?? [],
    approvedUsers: app.approvedUsers ?? [],
    audienceRule: audienceRule(app.audienceRule, `${where}.audienceRule`),
    installed: app.installed ?? true,
    availableAt: app.availableAt ?? (app.propagationDelaySeconds === undefined ? 0 : Date.now() + app.propagationDelaySeconds * 1000),
    ...(app.sessionTimeoutSeconds === undefined ? {} : { sessionTimeoutSeconds: app.sessionTimeoutSeconds }),
    scopes: app.scopes ?? ['api', 'refresh_token'],
  };
}

function normalizeUser(user: Partial<EmulatorUser>, index: number): EmulatorUser {
  if (typeof user.username !== 'string' || user.username === '') {
    throw configError(`users[${index}].username`, 'is required');
  }
  if (user.loginIpRanges !== undefined && !validRanges(user.loginIpRanges)) {
    throw configError(`users[${index}].loginIpRanges`, 'must be a list of {"start": IPv4, "end": IPv4}');
  }
  return {
    ...user,
    username: user.username,
    active: user.active ?? true,
    profile: user.profile ?? 'Integration User',
    permissionSets: user.permissionSets ?? [],
    userId: user.userId ?? `005${randomId(12)}`,
  };
}

/** Generates a consumer key in Salesforce's shape: `3MVG9` and 80 more characters. */
export function generateConsumerKey(): string {
  return `3MVG9${randomBytes(60).toString('base64url').replace(/[-_]/g, '').slice(0, 80)}`;
}

function randomId(length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(length);
  return Array.from(bytes, (byte) => alphabet[byte % alphabet.length]).join('');
}

function objectField<T>(value: T, field: string): T {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw configError(field, 'must be a JSON object');
  }
  return value;
}

function arrayField<T>(value: T[], field: string): T[] {
  if (!Array.isArray(value)) {
    throw configError(field, 'must be a JSON array');
  }
  return value;
}

function parsesAsCertificate(pem: string): boolean {
  try {
    new X509Certificate(pem);
    return true;
  } catch {
    return false;
  }
}

function validRanges(ranges: unknown): boolean {
  const ipv4 = /^(\d{1,3}\.){3}\d{1,3}$/;
  return Array.isArray(ranges) && ranges.every((range: { start?: unknown; end?: unknown } | null) =>
    typeof range?.start === 'string' && typeof range.end === 'string' && ipv4.test(range.start) && ipv4.test(range.end));
}

function oneOf<T extends string>(value: T, allowed: readonly T[], field: string): T {
  if (!allowed.includes(value)) {
    throw configError(field, `must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
  }
  return value;
}

function audienceRule(rule: AudienceRule | undefined, field: string): AudienceRule {
  if (rule === undefined || rule === 'login-test' || rule === 'my-domain') {
    return rule ?? 'login-test';
  }
  if (Array.isArray(rule) && rule.every((url) => typeof url === 'string')) {
    return rule;
  }
  throw configError(field, 'must be "login-test", "my-domain" or a list of audience URLs');
}

function positive(value: number, field: string): number {
  if (!Number.isFinite(value) || value <= 0) {
    throw configError(field, 'must be a positive number of seconds');
  }
  return value;
}

function configError(field: string, problem: string): SfjwtError {
  return new SfjwtError('ERR_EMULATOR_CONFIG', `Emulator configuration: ${field} ${problem}.`, {
    details: { field },
  });
}
