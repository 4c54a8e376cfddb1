/**
 * MuleSoft Salesforce connector configurations that log in with a password:
 * Mule 4 `salesforce:basic-connection` and Mule 3 `sfdc:config` call SOAP
 * login(); Mule 4 `salesforce:oauth-user-pass-connection` sends the OAuth
 * password grant.
 */

import type { SourceFile } from '../source-file.js';
import type { RuleMatch, Span } from '../types.js';
import { classifyConfigValue } from '../values.js';
import { attributeNamed, findElements } from '../xml-attributes.js';
import { type Rule, matchAt } from './rule.js';

const SECRET_ATTRIBUTES = ['securityToken', 'consumerSecret'];

function passwordConnections(file: SourceFile, tag: string): RuleMatch[] {
  const matches: RuleMatch[] = [];
  for (const element of findElements(file.text, tag)) {
    const password = attributeNamed(element, 'password');
    if (password === undefined) {
      continue;
    }
    const value = classifyConfigValue(password.value, password.valueOffset);
    const secrets: Span[] = [...value.secrets];
    for (const name of SECRET_ATTRIBUTES) {
      const attribute = attributeNamed(element, name);
      if (attribute !== undefined) {
        secrets.push(...classifyConfigValue(attribute.value, attribute.valueOffset).secrets);
      }
    }
    matches.push(matchAt(element.offset, { kind: value.kind, secrets }));
  }
  return matches;
}

const JWT_CONNECTION =
  'Use `<salesforce:jwt-connection consumerKey=... keyStore=... storePassword=... principal=...>` ' +
  'with the app certificate\'s key in a keystore and the store password in secure properties ' +
  '(`${secure::...}`).';

export const MULE_BASIC_RULE: Rule = {
  id: 'mulesoft-basic-connection',
  title: 'MuleSoft basic username-password connection',
  mechanism: 'soap-login',
  ecosystem: 'MuleSoft',
  summary: 'MuleSoft Salesforce connector with a basic username-password connection (SOAP API login()).',
  replacement: JWT_CONNECTION,
  appliesTo: (file) => file.language === 'xml' && /<(?:salesforce:basic-connection|sfdc:config)\b/.test(file.text),
  check: (file) => passwordConnections(file, 'salesforce:basic-connection|sfdc:config'),
};

export const MULE_OAUTH_USER_PASS_RULE: Rule = {
  id: 'mulesoft-oauth-user-pass',
  title: 'MuleSoft OAuth username-password connection',
  mechanism: 'oauth-password',
  ecosystem: 'MuleSoft',
  summary: 'MuleSoft Salesforce connector with an OAuth username-password connection.',
  replacement: JWT_CONNECTION,
  appliesTo: (file) => file.language === 'xml' && file.text.includes('salesforce:oauth-user-pass-connection'),
  check: (file) => passwordConnections(file, 'salesforce:oauth-user-pass-connection'),
};
