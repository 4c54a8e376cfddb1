import { SfjwtError } from '../errors/sfjwt-error.js';
import type { ResolvedSettings } from '../config/settings.js';
import { ENV } from '../config/env.js';
import { describeSettings } from '../config/describe-settings.js';
import type { LoadedKey } from '../keys/load-key.js';
import { buildClaims } from '../jwt/claims.js';
import { classifyLoginUrl, PRODUCTION_LOGIN_URL, type EndpointClassification } from '../oauth/endpoints.js';
import { resolveAudience } from '../oauth/audience.js';
import { sandboxUserWarning } from '../advice/sandbox-username.js';
import { getAccessToken, type JwtLoginOptions } from '../token/get-access-token.js';
import { maskAccessToken } from '../util/redact.js';
import type { CheckResult } from './checklist.js';
import { compareClock } from './clock.js';
import { fetchUserInfo, probeEndpoint } from './probe.js';

/** Input of a doctor run, which the CLI fills from flags, the environment and files. */
export interface DoctorInput {
  settings: ResolvedSettings;
  /** Loads the key; doctor reports its failure as a check instead of stopping. */
  loadKey: () => Promise<LoadedKey>;
  /** Certificate to check the key against, if one is at hand. */
  certificatePem?: string;
  /** Login options without the key; doctor adds the loaded key. */
  login: Omit<JwtLoginOptions, 'privateKey'>;
  /** Compares the key with the certificate; raises ERR_KEY_CERT_MISMATCH with both fingerprints. */
  checkPair?: (key: LoadedKey, certificatePem: string) => { fingerprint: string };
  now?: () => number;
}

/**
 * Runs the whole JWT chain step by step and returns a checklist. Later steps
 * are skipped once an earlier one fails, so a broken setup costs at most
 * one refused login.
 */
export async function runDoctor(input: DoctorInput): Promise<CheckResult[]> {
  const results: CheckResult[] = [settingsCheck(input.settings)];
  const key = await keyCheck(input, results);
  const endpoint = endpointCheck(input, results);
  if (key === undefined || endpoint === undefined) {
    return [...results, skipped('exchange', 'Token exchange'), skipped('userinfo', 'Userinfo call')];
  }
  claimsCheck(input, endpoint, results);
  await reachabilityChecks(endpoint, input.now ?? Date.now, results);
  if (results.some((result) => result.status === 'fail')) {
    return [...results, skipped('exchange', 'Token exchange'), skipped('userinfo', 'Userinfo call')];
  }
  await exchangeChecks(input, key, results);
  return results;
}

function settingsCheck(settings: ResolvedSettings): CheckResult {
  const parts = describeSettings(settings);
  const missing = (['clientId', 'username'] as const).filter((key) => settings[key] === undefined);
  const noKey = settings.keyFile === undefined && settings.key === undefined;
  const fixes = [...missing.map((key) => `Set ${ENV[key].name} or pass its flag.`)];
  if (noKey) {
    fixes.push('Pass --key-file, or set SF_JWT_KEY_FILE or SF_JWT_KEY.');
  }
  return {
    id: 'settings',
    title: 'Settings and where they came from',
    status: fixes.length === 0 ? 'pass' : 'fail',
    detail: parts.join('; '),
    fixes,
  };
}

async function keyCheck(input: DoctorInput, results: CheckResult[]): Promise<LoadedKey | undefined> {
  let key: LoadedKey;
  try {
    key = await input.loadKey();
  } catch (error) {
    results.push(failure('key.loads', 'Private key loads', error));
    return undefined;
  }
  const warnings = key.warnings ?? [];
  results.push({
    id: 'key.loads',
    title: 'Private key loads',
    status: warnings.length === 0 ? 'pass' : 'warn',
    detail: `${key.format}, RSA ${key.privateKey.asymmetricKeyDetails?.modulusLength ?? '?'} bits`,
    fixes: warnings,
  });
  const certificatePem = input.certificatePem ?? key.certificatePem;
  if (certificatePem === undefined || input.checkPair === undefined) {
    results.push(skipped('key.matches-cert', 'Key matches certificate', 'no certificate given (--cert)'));
    return key;
  }
  try {
    const { fingerprint } = input.checkPair(key, certificatePem);
    results.push({ id: 'key.matches-cert', title: 'Key matches certificate', status: 'pass', detail: `certificate SHA-256 ${fingerprint}`, fixes: [] });
    return key;
  } catch (error) {
    results.push(failure('key.matches-cert', 'Key matches certificate', error));
    return undefined;
  }
}

function endpointCheck(input: DoctorInput, results: CheckResult[]): EndpointClassification | undefined {
  try {
    const endpoint = classifyLoginUrl(input.login.loginUrl ?? PRODUCTION_LOGIN_URL);
    results.push({ id: 'endpoint', title: 'Token URL classification', status: 'pass', detail: `${endpoint.tokenEndpoint}: ${endpoint.kind} (${endpoint.rule})`, fixes: [] });
    return endpoint;
  } catch (error) {
    results.push(failure('endpoint', 'Token URL classification', error));
    return undefined;
  }
}

function claimsCheck(input: DoctorInput, endpoint: EndpointClassification, results: CheckResult[]): void {
  try {
    const { audience, derived } = resolveAudience(endpoint, input.login.audience);
    const claims = buildClaims({ clientId: input.login.clientId, username: input.login.username, audience, ...(input.now === undefined ? {} : { now: input.now }) });
    const warning = sandboxUserWarning(claims.sub, endpoint, claims.aud);
    results.push({
      id: 'claims',
      title: 'Assertion claims (not signed here)',
      status: warning === undefined ? 'pass' : 'warn',
      detail: `iss=${claims.iss} sub=${claims.sub} aud=${claims.aud}${derived ? ' (derived)' : ''} exp=now+180s`,
      fixes: warning === undefined ? [] : [warning],
    });
  } catch (error) {
    results.push(failure('claims', 'Assertion claims', error));
  }
}

async function reachabilityChecks(endpoint: EndpointClassification, now: () => number, results: CheckResult[]): Promise<void> {
  const probe = await probeEndpoint(endpoint.baseUrl);
  if (probe.error !== undefined) {
    results.push(failure('reachability', 'Token URL reachable', probe.error));
    return;
  }
  results.push({ id: 'reachability', title: 'Token URL reachable', status: 'pass', detail: `HTTP ${probe.status} from ${endpoint.baseUrl}`, fixes: [] });
  const clock = compareClock(probe.serverDate, now());
  if (clock === undefined) {
    results.push(skipped('clock', 'Clock skew', 'the server sent no Date header'));
    return;
  }
  results.push({
    id: 'clock',
    title: 'Clock skew against the server',
    status: clock.status,
    detail: `local clock ${clock.skewSeconds >= 0 ? 'ahead by' : 'behind by'} ${Math.abs(clock.skewSeconds)} s`,
    fixes: clock.status === 'pass' ? [] : ['Synchronise the clock with NTP; assertions live 180 s and a lagging clock expires them.'],
  });
}

async function exchangeChecks(input: DoctorInput, key: LoadedKey, results: CheckResult[]): Promise<void> {
  try {
    const result = await getAccessToken({ ...input.login, privateKey: key.privateKey, retry: { retries: 0 } });
    results.push({ id: 'exchange', title: 'Token exchange', status: 'pass', detail: `access token ${maskAccessToken(result.token.access_token)} for ${result.token.instance_url}`, fixes: [] });
    const info = await fetchUserInfo(result.token.instance_url, result.token.access_token);
    results.push(info.error === undefined
      ? { id: 'userinfo', title: 'Userinfo call with the token', status: 'pass', detail: `user ${info.username ?? '?'}`, fixes: [] }
      : failure('userinfo', 'Userinfo call with the token', info.error));
  } catch (error) {
    results.push(failure('exchange', 'Token exchange', error), skipped('userinfo', 'Userinfo call'));
  }
}

function failure(id: string, title: string, error: unknown): CheckResult {
  if (error instanceof SfjwtError) {
    return { id, title, status: 'fail', detail: `${error.code}: ${error.message}`, fixes: error.actions, code: error.code };
  }
  throw error;
}

function skipped(id: string, title: string, reason = 'an earlier check failed'): CheckResult {
  return { id, title, status: 'skip', detail: reason, fixes: [] };
}
