/**
 * Raw token requests with `grant_type=password`, one rule per ecosystem so
 * each can give its own replacement. A password grant counts only when the
 * same file shows Salesforce context, so grants to Keycloak or Okta stay out.
 */

import { appendAll } from '../append.js';
import type { Language } from '../languages.js';
import { passwordValueNear } from '../password-field.js';
import type { SourceFile } from '../source-file.js';
import type { RuleMatch } from '../types.js';
import { type Rule, allMatches, matchAt } from './rule.js';

// grant_type=password, "grant_type": "password", grant_type: 'password', ("grant_type", "password"),
// 'grant_type' => 'password', "grant_type" -> "password" (Scala), "grant_type" to "password" (Kotlin),
// "grant_type": {"password"} (Go url.Values) and "grant_type": ["password"].
const GRANT = /\bgrant_type\b["']?\s*(?:=|:|=>|->|,|\s+to\s+)\s*[{[]?\s*["']?password\b/gi;
// Postman body rows and its OAuth 2.0 helper: {"key": "grant_type", "value": "password"}.
const POSTMAN_GRANT =
  /"key"\s*:\s*"grant_type"\s*,\s*"value"\s*:\s*"password(?:_credentials)?"|"value"\s*:\s*"password(?:_credentials)?"\s*,\s*"key"\s*:\s*"grant_type"/g;

// Parts of grant_type in its usual spellings (grant_type, Grant_Type, GRANT_TYPE), tested with
// String.includes, which is much cheaper than a regex per file.
const GRANT_PARTS = ['rant_', 'RANT_'];

interface GrantRuleSpec {
  id: string;
  ecosystem: string;
  languages: readonly Language[];
  /** Library calls that send a password grant in this ecosystem. */
  libraryCalls?: RegExp;
  /** A word that every library call contains, tested before the regex. */
  libraryWord?: string;
  replacement: string;
}

const JWT_GRANT = 'grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer';

const SPECS: readonly GrantRuleSpec[] = [
  {
    id: 'oauth-password-shell',
    ecosystem: 'Shell (curl)',
    languages: ['shell'],
    replacement:
      'Mint the token with `sfjwt token --json` and read it with `jq -r .access_token`, or post ' +
      `${JWT_GRANT} with an assertion signed by the app's private key.`,
  },
  {
    id: 'oauth-password-python',
    ecosystem: 'Python',
    languages: ['python'],
    libraryCalls: /\bLegacyApplicationClient\s*\(/g,
    libraryWord: 'LegacyApplicationClient',
    replacement:
      'Use simple-salesforce with `consumer_key` + `privatekey_file` (JWT bearer), or post ' +
      `${JWT_GRANT} with an RS256 assertion (PyJWT) signed by the app's private key.`,
  },
  {
    id: 'oauth-password-js',
    ecosystem: 'JavaScript/TypeScript',
    languages: ['javascript'],
    libraryCalls: /\bnew\s+ResourceOwnerPassword\s*\(/g,
    libraryWord: 'ResourceOwnerPassword',
    replacement:
      "Call sfjwt's `login({ clientId, username, privateKey })`, which returns the same `access_token` and " +
      '`instance_url` through the JWT bearer flow, or `createTokenProvider()` to cache and re-mint tokens.',
  },
  {
    id: 'oauth-password-java',
    ecosystem: 'Java/JVM',
    languages: ['java'],
    libraryCalls: /\bAuthorizationGrantType\.PASSWORD\b|\bnew\s+ResourceOwnerPasswordResourceDetails\s*\(/g,
    libraryWord: 'Password',
    replacement:
      `Post ${JWT_GRANT} with an RS256 assertion signed by the app's private key ` +
      '(for example with java-jwt or Nimbus JOSE), or take the token from `sfjwt token --json`.',
  },
  {
    id: 'oauth-password-csharp',
    ecosystem: '.NET',
    languages: ['csharp'],
    libraryCalls: /\bnew\s+PasswordTokenRequest\b|\bRequestPasswordTokenAsync\s*\(/g,
    libraryWord: 'PasswordToken',
    replacement:
      `Post ${JWT_GRANT} with an RS256 assertion signed by the app's private key ` +
      '(System.IdentityModel.Tokens.Jwt), or take the token from `sfjwt token --json`.',
  },
  {
    id: 'oauth-password-go',
    ecosystem: 'Go',
    languages: ['go'],
    libraryCalls: /\.PasswordCredentialsToken\s*\(/g,
    libraryWord: 'PasswordCredentialsToken',
    replacement:
      `Post ${JWT_GRANT} with an RS256 assertion signed by the app's private key ` +
      '(golang-jwt), or take the token from `sfjwt token --json`.',
  },
  {
    id: 'oauth-password-php',
    ecosystem: 'PHP',
    languages: ['php'],
    libraryCalls: /->getAccessToken\s*\(\s*['"]password['"]/g,
    libraryWord: 'getAccessToken',
    replacement:
      `Post ${JWT_GRANT} with an RS256 assertion signed by the app's private key ` +
      '(firebase/php-jwt), or take the token from `sfjwt token --json`.',
  },
  {
    id: 'oauth-password-ruby',
    ecosystem: 'Ruby',
    languages: ['ruby'],
    libraryCalls: /\.password\.get_token\s*\(/g,
    libraryWord: 'get_token',
    replacement:
      'Use restforce with `jwt_key` (JWT bearer), or post ' +
      `${JWT_GRANT} with an RS256 assertion signed by the app's private key (ruby-jwt).`,
  },
  {
    id: 'oauth-password-apex',
    ecosystem: 'Apex',
    languages: ['apex'],
    replacement:
      'Call the other org through a Named Credential whose External Credential uses the JWT bearer ' +
      'flow, or mint the token with Auth.JWT, Auth.JWS and Auth.JWTBearerTokenExchange.',
  },
  {
    id: 'oauth-password-postman',
    ecosystem: 'Postman',
    languages: ['postman'],
    replacement:
      'Set the collection\'s authorization to Bearer Token with a token from `sfjwt token --json`, ' +
      'kept in a secret environment variable, instead of a password grant request.',
  },
  {
    id: 'oauth-password-other',
    ecosystem: 'Other',
    languages: ['xml', 'properties', 'yaml', 'json', 'env', 'terraform', 'toml', 'ini', 'docs', 'other'],
    replacement:
      `Post ${JWT_GRANT} with an RS256 assertion signed by the app's private key, ` +
      'or take the token from `sfjwt token --json`.',
  },
];

const CODE_LANGUAGES: readonly Language[] = ['python', 'javascript', 'java', 'csharp', 'go', 'php', 'ruby', 'apex'];
const BARE_FORM = /^grant_type\s*=\s*password$/i;

/**
 * Tells whether a bare `grant_type=password` in source code starts a form
 * body (after a quote, `&` or `?`), rather than being prose inside a message.
 */
function startsFormBody(file: SourceFile, match: RegExpExecArray): boolean {
  if (!CODE_LANGUAGES.includes(file.language) || !BARE_FORM.test(match[0])) {
    return true;
  }
  const before = file.text[match.index - 1] ?? '\n';
  return /["'`&?\n]/.test(before);
}

function findGrants(file: SourceFile, spec: GrantRuleSpec): RuleMatch[] {
  const offsets = allMatches(GRANT, file.text)
    .filter((match) => startsFormBody(file, match))
    .map((match) => match.index);
  if (file.language === 'postman' || file.language === 'json') {
    appendAll(offsets, allMatches(POSTMAN_GRANT, file.text).map((match) => match.index));
  }
  if (spec.libraryCalls !== undefined) {
    appendAll(offsets, allMatches(spec.libraryCalls, file.text).map((match) => match.index));
  }
  return offsets.map((offset) => matchAt(offset, passwordValueNear(file, offset)));
}

function grantRule(spec: GrantRuleSpec): Rule {
  // A non-global copy for the presence test: test() on a global regex moves its lastIndex.
  const libraryCall = spec.libraryCalls === undefined ? undefined : new RegExp(spec.libraryCalls.source);
  const usesLibrary = (text: string): boolean =>
    libraryCall !== undefined && text.includes(spec.libraryWord ?? '') && libraryCall.test(text);
  return {
    id: spec.id,
    title: `OAuth password grant (${spec.ecosystem})`,
    mechanism: 'oauth-password',
    ecosystem: spec.ecosystem,
    summary: 'Token request with grant_type=password (OAuth username-password flow).',
    replacement: spec.replacement,
    appliesTo: (file) =>
      spec.languages.includes(file.language) &&
      (GRANT_PARTS.some((part) => file.text.includes(part)) || usesLibrary(file.text)) &&
      file.hasSalesforceContext,
    check: (file) => findGrants(file, spec),
  };
}

export const PASSWORD_GRANT_RULES: readonly Rule[] = SPECS.map(grantRule);
