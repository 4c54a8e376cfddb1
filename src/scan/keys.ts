/**
 * Tells whether a setting name names a Salesforce password or security token:
 * `SF_PASSWORD`, `salesforce.security-token`, `sfdc.password`, `SalesforcePassword`.
 * Keystore, proxy, database and other passwords are left out.
 */

const SALESFORCE_WORDS = new Set(['salesforce', 'sfdc', 'sforce', 'sf', 'sfdx']);
const PASSWORD_WORDS = new Set(['password', 'passwd', 'pwd', 'pass']);
// Passwords of something other than the Salesforce user.
const OTHER_SECRET_WORDS = new Set([
  'keystore', 'truststore', 'store', 'proxy', 'passphrase', 'key', 'jwt', 'cert', 'certificate',
  'pfx', 'p12', 'jks', 'db', 'database', 'jdbc', 'smtp', 'mail', 'redis', 'ftp', 'sftp', 'ssh',
  'ldap', 'encryption', 'policy', 'expiry', 'expires', 'length', 'min', 'max', 'pattern', 'regex',
  'hash', 'salt', 'reset', 'confirm',
]);

/** Splits a setting name into lower-case words at punctuation and camelCase boundaries. */
export function keyWords(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '')
    .map((word) => word.toLowerCase());
}

export type SecretKind = 'password' | 'security-token';

/** Returns what kind of Salesforce secret a name holds, if it names one. */
export function salesforceSecretKind(key: string, salesforceContext = false): SecretKind | undefined {
  const words = keyWords(key);
  if (words.some((word) => OTHER_SECRET_WORDS.has(word))) {
    return undefined;
  }
  if (!salesforceContext && !words.some((word) => SALESFORCE_WORDS.has(word) || word.startsWith('salesforce'))) {
    return undefined;
  }
  if (words.some((word) => PASSWORD_WORDS.has(word) || /^(?:salesforce|sfdc|sf)password$/.test(word))) {
    return 'password';
  }
  const joined = words.join('');
  if (joined.includes('securitytoken')) {
    return 'security-token';
  }
  return undefined;
}

/**
 * Tells whether a setting name names a secret that only the username-password
 * flow needs beside the password: a bare `SF_TOKEN` (the security token) or
 * the app's consumer key or secret (`SF_CONSUMER_SECRET`, `SALESFORCE_CLIENT_ID`).
 * Such names count only in a file that also contains a Salesforce password.
 */
export function isPasswordFlowCompanion(key: string): boolean {
  const words = keyWords(key);
  const salesforce = words.some((word) => SALESFORCE_WORDS.has(word) || word.startsWith('salesforce'));
  if (!salesforce || words.some((word) => OTHER_SECRET_WORDS.has(word) && word !== 'key')) {
    return false;
  }
  const rest = words.filter((word) => !SALESFORCE_WORDS.has(word) && !word.startsWith('salesforce'));
  const bareToken = rest.length === 1 && rest[0] === 'token';
  const client = rest.some((word) => word === 'consumer' || word === 'client');
  const credential = rest.some((word) => word === 'key' || word === 'id' || word === 'secret');
  return bareToken || (client && credential);
}

/**
 * Tells whether a field name names a secret that a password login sends
 * beside the password: the app's client or consumer secret (`client_secret`,
 * `consumerSecret`) or a security token (`security_token`, `SF_TOKEN`). Unlike
 * the names above, `client_secret` counts without a Salesforce word, because
 * the engine looks for these names only on lines that a rule reported.
 */
export function isLoginSecretName(key: string): boolean {
  const words = keyWords(key);
  if (words.join('').includes('securitytoken')) {
    return true;
  }
  if (words.includes('secret') && words.some((word) => word === 'client' || word === 'consumer')) {
    return true;
  }
  return isPasswordFlowCompanion(key) && !words.some((word) => word === 'key' || word === 'id');
}
