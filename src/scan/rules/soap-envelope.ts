/**
 * Hand-written SOAP `login` envelopes, in any language: a file that names the
 * partner or enterprise namespace (or a /services/Soap/u|c/ endpoint) and
 * contains a `<login>` element. The finding points at its `<password>` element.
 */

import type { SourceFile } from '../source-file.js';
import type { RuleMatch } from '../types.js';
import { type ValueClass, classifyConfigValue, classifyExpression } from '../values.js';
import { type Rule, allMatches, matchAt } from './rule.js';

const SOAP_API = /urn:(?:partner|enterprise)\.soap\.sforce\.com|\/services\/Soap\/[uc]\//;
const LOGIN_ELEMENT = /<(?:\w+:)?login[\s>]/;
const PASSWORD_ELEMENT = /<((?:\w+:)?password)>([\s\S]{0,400}?)<\/\1>/g;
// The element content is code when the envelope is built by concatenation: ...<password>' + pass + '</password>...
const CONCATENATED = /^\s*(["'])\s*(?:\+|\.|&)([\s\S]*?)(?:\+|\.|&)\s*\1\s*$/;
// Format placeholders filled by code: {password} (f-strings, C# interpolation), %s, %(password)s.
const FORMAT_PLACEHOLDER = /^\s*(?:\{[\w.()[\]'"]+\}|%s|%\(\w+\)s)\s*$/;

function classifyContent(content: string, offset: number): ValueClass {
  const concatenated = CONCATENATED.exec(content);
  if (concatenated !== null) {
    const expression = concatenated[2] ?? '';
    return classifyExpression(expression, offset + content.indexOf(expression));
  }
  if (FORMAT_PLACEHOLDER.test(content)) {
    return { kind: 'code', secrets: [] };
  }
  return classifyConfigValue(content, offset);
}

function findEnvelopes(file: SourceFile): RuleMatch[] {
  return allMatches(PASSWORD_ELEMENT, file.text).map((match) => {
    const content = match[2] ?? '';
    const contentOffset = match.index + match[0].indexOf('>') + 1;
    return matchAt(match.index, classifyContent(content, contentOffset));
  });
}

export const SOAP_ENVELOPE_RULE: Rule = {
  id: 'soap-login-envelope',
  title: 'Hand-written SOAP login envelope',
  mechanism: 'soap-login',
  ecosystem: 'SOAP API (hand-written envelope)',
  summary: 'SOAP login request with a username and password element (SOAP API login()).',
  replacement:
    'Drop the login call: get an access token through the JWT bearer flow and send it in the ' +
    '`<SessionHeader><sessionId>` of each SOAP request (in Apex, use a Named Credential with JWT bearer).',
  appliesTo: (file) =>
    file.text.includes('login') &&
    (file.text.includes('soap.sforce.com') || file.text.includes('/services/Soap/')) &&
    SOAP_API.test(file.text) &&
    LOGIN_ELEMENT.test(file.text),
  check: findEnvelopes,
};
