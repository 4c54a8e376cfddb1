/**
 * Passwords and security tokens kept in configuration: Data Loader, the Ant
 * Migration Tool, Apache Camel, .env files and other configuration files.
 */

import { type ConfigEntry, configEntries } from '../config-entries.js';
import { salesforceSecretKind } from '../keys.js';
import type { SourceFile } from '../source-file.js';
import type { RuleMatch } from '../types.js';
import { classifyConfigValue } from '../values.js';
import { attributeNamed, findElements } from '../xml-attributes.js';
import { type Rule, matchAt } from './rule.js';

function entryMatch(entry: ConfigEntry): RuleMatch {
  return matchAt(entry.keyOffset, classifyConfigValue(entry.value, entry.valueOffset));
}

function entriesWhere(file: SourceFile, accept: (key: string) => boolean): RuleMatch[] {
  return configEntries(file)
    .filter((entry) => accept(entry.key))
    .map(entryMatch);
}

export const DATALOADER_RULE: Rule = {
  id: 'dataloader-password',
  title: 'Data Loader sfdc.password',
  mechanism: 'credentials',
  ecosystem: 'Data Loader',
  summary: 'Data Loader configuration with sfdc.password (an encrypted value is still the password).',
  replacement:
    'Remove sfdc.password: mint a token with `sfjwt token --json` before each run and pass it as ' +
    '`sfdc.oauth.accesstoken` with `sfdc.endpoint` set to the instance URL.',
  appliesTo: (file) => (file.language === 'xml' || file.language === 'properties') && file.text.includes('sfdc.'),
  check: (file) => entriesWhere(file, (key) => key.toLowerCase() === 'sfdc.password'),
};

const ANT_TASK = 'sf:(?:deploy|retrieve|bulkRetrieve|listMetadata|describeMetadata|deployRecentValidation|cancelDeploy)';

function antTaskPasswords(file: SourceFile): RuleMatch[] {
  return findElements(file.text, ANT_TASK).flatMap((element) => {
    const password = attributeNamed(element, 'password');
    return password === undefined ? [] : [matchAt(element.offset, classifyConfigValue(password.value, password.valueOffset))];
  });
}

export const ANT_RULE: Rule = {
  id: 'ant-password',
  title: 'Ant Migration Tool sf.password',
  mechanism: 'credentials',
  ecosystem: 'Ant Migration Tool',
  summary: 'Ant Migration Tool settings with a password (SOAP API login()).',
  replacement:
    'Replace sf.username/sf.password with `sf.sessionId` set from `sfjwt token --json` and `sf.serverurl` ' +
    'set to the instance URL, or move the deployment to `sf org login jwt` and `sf project deploy start`.',
  appliesTo: (file) =>
    (file.language === 'properties' && /\bsf\.passw/.test(file.text)) ||
    (file.language === 'xml' && file.text.includes('<sf:')),
  check: (file) =>
    file.language === 'xml'
      ? antTaskPasswords(file)
      : entriesWhere(file, (key) => /^sf\.passw(?:or)?d$/i.test(key)),
};

const CAMEL_PASSWORD = /^camel\.component\.salesforce\.(?:login-?config\.)?password$/i;

export const CAMEL_RULE: Rule = {
  id: 'camel-password',
  title: 'Apache Camel Salesforce component with a password',
  mechanism: 'oauth-password',
  ecosystem: 'Apache Camel',
  summary: 'Camel Salesforce component configured with user name and password (OAuth username-password flow).',
  replacement:
    'Configure the component for JWT: set `client-id`, `user-name` and `keystore.resource` (a PKCS#12 or JKS ' +
    'keystore holding the app certificate\'s key) with `keystore.password`, and drop `password` and `client-secret`.',
  appliesTo: (file) =>
    ['properties', 'yaml', 'xml', 'json'].includes(file.language) && /camel\.component\.salesforce|\bcamel:/.test(file.text),
  check: (file) => entriesWhere(file, (key) => CAMEL_PASSWORD.test(key.replace(/\.{2,}/g, '.'))),
};

// Every secret key name the rules accept contains one of these.
const SECRET_WORD = /passw|pwd|pass\b|security/i;

const JWT_SETTINGS =
  'Replace the password and security token with SF_CLIENT_ID, SF_USERNAME and SF_JWT_KEY_FILE ' +
  '(the private key file, kept out of the repository) for the JWT bearer flow, then reset the ' +
  'user\'s password and security token.';

export const ENV_FILE_RULE: Rule = {
  id: 'env-file-password',
  title: 'Salesforce password in a .env file',
  mechanism: 'credentials',
  ecosystem: 'Environment files',
  summary: 'Salesforce password or security token in an environment file.',
  replacement: JWT_SETTINGS,
  appliesTo: (file) => file.language === 'env',
  check: (file) => entriesWhere(file, (key) => salesforceSecretKind(key) !== undefined),
};

export const CONFIG_FILE_RULE: Rule = {
  id: 'config-file-password',
  title: 'Salesforce password in a configuration file',
  mechanism: 'credentials',
  ecosystem: 'Configuration files',
  summary: 'Salesforce password or security token in a configuration file.',
  replacement: JWT_SETTINGS,
  appliesTo: (file) => ['properties', 'yaml', 'json', 'toml', 'ini', 'xml'].includes(file.language) && SECRET_WORD.test(file.text),
  check: (file) => entriesWhere(file, (key) => salesforceSecretKind(key) !== undefined),
};
