import { SfjwtError } from '../errors/sfjwt-error.js';

export const PRODUCTION_LOGIN_URL = 'https://login.salesforce.com';
export const SANDBOX_LOGIN_URL = 'https://test.salesforce.com';

/** The kind of login host, decided by host name alone (never by pod or instance name). */
export type EndpointKind =
  | 'production'
  | 'sandbox'
  | 'production-my-domain'
  | 'sandbox-my-domain'
  | 'experience-cloud-site'
  | 'custom-domain'
  | 'loopback';

/** Production and sandbox hosts need different audiences; the rest take either. */
export type EndpointFamily = 'production' | 'sandbox' | 'unknown';

export interface EndpointClassification {
  /** The token URL base, without a trailing slash or the token path. */
  baseUrl: string;
  /** Full URL of the token endpoint. */
  tokenEndpoint: string;
  kind: EndpointKind;
  family: EndpointFamily;
  /** Description of the rule that matched, for verbose output and `sfjwt doctor`. */
  rule: string;
  /** The audience used when none is given. */
  defaultAudience: string;
}

const TOKEN_PATH = '/services/oauth2/token';

interface Rule {
  kind: EndpointKind;
  family: EndpointFamily;
  rule: string;
  matches: (host: string) => boolean;
}

// Order matters: the sandbox My Domain forms must match before the plain My Domain one.
const RULES: readonly Rule[] = [
  { kind: 'production', family: 'production', rule: 'host is login.salesforce.com', matches: (h) => h === 'login.salesforce.com' },
  { kind: 'sandbox', family: 'sandbox', rule: 'host is test.salesforce.com', matches: (h) => h === 'test.salesforce.com' },
  {
    kind: 'sandbox-my-domain',
    family: 'sandbox',
    rule: 'host ends in .sandbox.my.salesforce.com (sandbox My Domain)',
    matches: (h) => h.endsWith('.sandbox.my.salesforce.com'),
  },
  {
    kind: 'sandbox-my-domain',
    family: 'sandbox',
    rule: 'host ends in .scratch.my.salesforce.com (scratch org My Domain)',
    matches: (h) => h.endsWith('.scratch.my.salesforce.com'),
  },
  {
    kind: 'sandbox-my-domain',
    family: 'sandbox',
    rule: 'host is NAME--SANDBOX.my.salesforce.com (older sandbox My Domain form)',
    matches: (h) => /^[a-z0-9-]+--[a-z0-9]+\.my\.salesforce\.com$/.test(h),
  },
  {
    kind: 'production-my-domain',
    family: 'production',
    rule: 'host ends in .my.salesforce.com (production My Domain)',
    matches: (h) => h.endsWith('.my.salesforce.com'),
  },
  {
    kind: 'experience-cloud-site',
    family: 'unknown',
    rule: 'host ends in .my.site.com or .force.com (Experience Cloud site)',
    matches: (h) => h.endsWith('.my.site.com') || (h.endsWith('.force.com') && !h.endsWith('.lightning.force.com')),
  },
];

/**
 * Classifies a login URL and derives its token endpoint and default audience.
 * Raises before anything is sent for URLs that can never work: relative URLs,
 * plain http outside loopback, Lightning UI domains.
 */
export function classifyLoginUrl(loginUrl: string): EndpointClassification {
  const url = parseUrl(loginUrl);
  const host = url.hostname.toLowerCase();
  if (host.endsWith('.lightning.force.com')) {
    throw new SfjwtError('ERR_LOGIN_URL_LIGHTNING', `${loginUrl} is a Lightning UI domain, not a login host.`, {
      details: { loginUrl },
      actions: [`Use the My Domain login URL instead: https://${host.replace(/\.lightning\.force\.com$/, '.my.salesforce.com')}.`],
    });
  }
  const loopback = isLoopbackHost(host);
  if (url.protocol === 'http:' && !loopback) {
    throw new SfjwtError('ERR_LOGIN_URL_INSECURE', `${loginUrl} uses plain http; Salesforce accepts only https.`, {
      details: { loginUrl },
      actions: [`Use https://${url.host}${url.pathname === '/' ? '' : url.pathname}.`],
    });
  }
  const baseUrl = `${url.protocol}//${url.host}${stripTokenPath(url.pathname)}`;
  const classified = loopback ? loopbackRule() : matchRule(host);
  const defaultAudience = classified.kind === 'experience-cloud-site'
    ? baseUrl
    : classified.family === 'sandbox' ? SANDBOX_LOGIN_URL : PRODUCTION_LOGIN_URL;
  return { baseUrl, tokenEndpoint: `${baseUrl}${TOKEN_PATH}`, ...classified, defaultAudience };
}

/** Tells whether a host name is on the loopback interface, where plain http is allowed. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  return bare === 'localhost' || bare === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(bare);
}

function parseUrl(loginUrl: string): URL {
  let url: URL | undefined;
  try {
    url = new URL(loginUrl);
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    const hint = /^[\w.-]+$/.test(loginUrl) ? `https://${loginUrl}` : 'https://login.salesforce.com';
    throw new SfjwtError('ERR_LOGIN_URL_INVALID', `"${loginUrl}" is not an absolute http(s) URL.`, {
      details: { loginUrl },
      actions: [`Pass a full URL, for example ${hint}.`],
    });
  }
  return url;
}

function stripTokenPath(pathname: string): string {
  const trimmed = pathname.replace(/\/+$/, '');
  return trimmed.endsWith(TOKEN_PATH) ? trimmed.slice(0, -TOKEN_PATH.length) : trimmed;
}

function matchRule(host: string): Omit<Rule, 'matches'> {
  const rule = RULES.find((candidate) => candidate.matches(host));
  if (rule === undefined) {
    return { kind: 'custom-domain', family: 'unknown', rule: 'no Salesforce host pattern matched (custom domain)' };
  }
  return { kind: rule.kind, family: rule.family, rule: rule.rule };
}

function loopbackRule(): Omit<Rule, 'matches'> {
  return { kind: 'loopback', family: 'unknown', rule: 'host is on loopback (the sfjwt emulator)' };
}
