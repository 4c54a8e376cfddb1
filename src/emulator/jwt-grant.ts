import { createPublicKey, verify, type KeyObject } from 'node:crypto';

import { SALESFORCE_ERRORS, type SalesforceAnswer } from '../oauth/salesforce-errors.js';
import { PRODUCTION_AUDIENCE, SANDBOX_AUDIENCE, type EmulatorApp, type EmulatorConfig } from './config.js';
import type { EmulatorState } from './state.js';
import { isAddressInRanges } from './ip-ranges.js';

/** Outcome of one grant: the user and app on success, else the Salesforce error. */
export type GrantOutcome =
  | { ok: true; app: EmulatorApp; username: string }
  | { ok: false; answer: SalesforceAnswer; username?: string };

interface DecodedAssertion {
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
  signingInput: string;
  signature: Buffer;
}

/**
 * Validates a JWT bearer assertion the way the Salesforce token endpoint does:
 * consumer key, signature against the app's certificates, audience, expiry,
 * `jti` replay, then the user and the app's policy, each failure with
 * Salesforce's own strings.
 */
export function validateJwtGrant(
  assertion: string | undefined,
  config: EmulatorConfig,
  state: EmulatorState,
  remoteAddress: string,
): GrantOutcome {
  const decoded = decodeAssertion(assertion);
  if (decoded === undefined || decoded.header.alg !== 'RS256') {
    return fail('invalidAssertion');
  }
  const { claims } = decoded;
  const app = findApp(config, claims.iss, state.now());
  if (app === 'unknown') {
    return fail(config.org.unknownClientAnswer === 'app_not_found' ? 'appNotFound' : 'invalidClientId');
  }
  if (app === 'not-installed') {
    return fail('appNotFound');
  }
  if (!app.certificates.some((pem) => verifies(decoded, pem))) {
    return fail('invalidAssertion');
  }
  const audienceAnswer = checkAudience(claims.aud, app, config);
  if (audienceAnswer !== undefined) {
    return fail(audienceAnswer);
  }
  const expiryAnswer = checkExpiry(claims.exp, config, state.now());
  if (expiryAnswer !== undefined) {
    return fail(expiryAnswer);
  }
  if (typeof claims.jti === 'string' && !state.rememberJti(app.consumerKey, claims.jti)) {
    // NOTE: Salesforce rejects a replayed jti, but which description it sends is not documented.
    return fail('invalidAssertion');
  }
  const subject = claims.sub ?? claims.prn;
  return checkUser(typeof subject === 'string' ? subject : undefined, app, config, remoteAddress);
}

function decodeAssertion(assertion: string | undefined): DecodedAssertion | undefined {
  const parts = assertion?.split('.');
  if (parts === undefined || parts.length !== 3) {
    return undefined;
  }
  const [headerPart, claimsPart, signaturePart] = parts as [string, string, string];
  try {
    const header: unknown = JSON.parse(Buffer.from(headerPart, 'base64url').toString('utf8'));
    const claims: unknown = JSON.parse(Buffer.from(claimsPart, 'base64url').toString('utf8'));
    if (!isRecord(header) || !isRecord(claims)) {
      return undefined;
    }
    const signature = Buffer.from(signaturePart, 'base64url');
    return { header, claims, signingInput: `${headerPart}.${claimsPart}`, signature };
  } catch {
    return undefined;
  }
}

function findApp(
  config: EmulatorConfig,
  issuer: unknown,
  now: number,
): EmulatorApp | 'unknown' | 'not-installed' {
  const app = config.apps.find((candidate) => candidate.consumerKey === issuer);
  if (app === undefined || now < app.availableAt) {
    return 'unknown';
  }
  return app.installed ? app : 'not-installed';
}

const publicKeys = new Map<string, KeyObject>();

function verifies(decoded: DecodedAssertion, certificatePem: string): boolean {
  let key = publicKeys.get(certificatePem);
  if (key === undefined) {
    key = createPublicKey(certificatePem);
    publicKeys.set(certificatePem, key);
  }
  return verify('sha256', Buffer.from(decoded.signingInput), key, decoded.signature);
}

function checkAudience(
  audience: unknown,
  app: EmulatorApp,
  config: EmulatorConfig,
): 'audienceInvalid' | 'appNotFound' | undefined {
  // Salesforce takes `aud` as one string; an array is rejected even when it contains a valid URL.
  if (typeof audience !== 'string') {
    return 'audienceInvalid';
  }
  const normalized = audience.replace(/\/+$/, '');
  const rule = app.audienceRule;
  if (rule === 'my-domain') {
    if (normalized === config.org.myDomainUrl) {
      return undefined;
    }
    const isLoginOrTest = normalized === PRODUCTION_AUDIENCE || normalized === SANDBOX_AUDIENCE;
    return isLoginOrTest ? 'appNotFound' : 'audienceInvalid';
  }
  const accepted =
    rule === 'login-test'
      ? [config.org.type === 'sandbox' ? SANDBOX_AUDIENCE : PRODUCTION_AUDIENCE]
      : rule.map((url) => url.replace(/\/+$/, ''));
  return accepted.includes(normalized) ? undefined : 'audienceInvalid';
}

function checkExpiry(expiry: unknown, config: EmulatorConfig, now: number): 'assertionExpired' | 'invalidAssertion' | undefined {
  // Salesforce accepts a numeric string, and even milliseconds (which lie far in the future).
  const seconds = typeof expiry === 'string' && /^\d+(\.\d+)?$/.test(expiry) ? Number(expiry) : expiry;
  if (typeof seconds !== 'number' || !Number.isFinite(seconds)) {
    return 'invalidAssertion';
  }
  return seconds * 1000 + config.org.clockSkewSeconds * 1000 < now ? 'assertionExpired' : undefined;
}

function checkUser(
  username: string | undefined,
  app: EmulatorApp,
  config: EmulatorConfig,
  remoteAddress: string,
): GrantOutcome {
  // A user unknown to this org (a sandbox user sent to production, say) gets the approval error.
  const user = config.users.find((candidate) => candidate.username === username);
  if (user === undefined || username === undefined) {
    return fail('userNotApproved', username);
  }
  if (!user.active) {
    return fail('inactiveUser', username);
  }
  if (user.loginIpRanges !== undefined && !isAddressInRanges(remoteAddress, user.loginIpRanges)) {
    return fail('ipRestricted', username);
  }
  if (app.permittedUsers === 'self-authorize') {
    return app.approvedUsers.includes(username) ? { ok: true, app, username } : fail('userNotApproved', username);
  }
  const assigned =
    app.profiles.includes(user.profile) || user.permissionSets.some((name) => app.permissionSets.includes(name));
  return assigned ? { ok: true, app, username } : fail('appAccessDenied', username);
}

function fail(name: keyof typeof SALESFORCE_ERRORS, username?: string): GrantOutcome {
  return { ok: false, answer: SALESFORCE_ERRORS[name], ...(username === undefined ? {} : { username }) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
