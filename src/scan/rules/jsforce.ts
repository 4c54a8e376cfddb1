/**
 * jsforce `login()`. A Connection with OAuth client settings (`oauth2` with a
 * client id and secret) sends the OAuth password grant, and one without them
 * calls SOAP `login()`. `loginBySoap()` is always SOAP.
 */

import { splitArguments } from '../arguments.js';
import type { SourceFile } from '../source-file.js';
import type { RuleMatch } from '../types.js';
import { classifyExpression } from '../values.js';
import { type Rule, allMatches, matchAt } from './rule.js';

const USES_JSFORCE = /['"](?:jsforce|@jsforce\/[\w-]+)['"]/;
const LOGIN_CALL = /\.(login|loginBySoap)\s*\(/g;
// OAuth client settings: `new OAuth2({ clientId, clientSecret })`, or `oauth2: { clientId, clientSecret }`.
const OAUTH2 = /\boauth2\b/i;
const CLIENT_SECRET = /\bclientSecret\b/;

function findLogins(file: SourceFile): RuleMatch[] {
  const oauth = OAUTH2.test(file.text) && CLIENT_SECRET.test(file.text);
  const matches: RuleMatch[] = [];
  for (const call of allMatches(LOGIN_CALL, file.text)) {
    const open = call.index + call[0].length - 1;
    const [, password] = splitArguments(file.text, open, '//').arguments;
    if (password === undefined) {
      continue;
    }
    const value = classifyExpression(password.value, password.valueOffset);
    const mechanism = oauth && call[1] === 'login' ? 'oauth-password' : 'soap-login';
    matches.push(
      matchAt(call.index + 1, value, {
        mechanism,
        message:
          mechanism === 'oauth-password'
            ? 'jsforce login() on a Connection with OAuth client settings (OAuth username-password flow).'
            : 'jsforce login() without OAuth client settings (SOAP API login()).',
      }),
    );
  }
  return matches;
}

export const JSFORCE_RULE: Rule = {
  id: 'jsforce-login',
  title: 'jsforce login() with username and password',
  mechanism: 'soap-login',
  ecosystem: 'Node.js (jsforce)',
  summary: 'jsforce login() with a username and password.',
  replacement:
    "Create the Connection with sfjwt's `createJsforceConnection({ clientId, username, privateKey })`: it " +
    'logs in through the JWT bearer flow and mints a new token through refreshFn when the session expires.',
  appliesTo: (file) => file.language === 'javascript' && file.text.includes('jsforce') && USES_JSFORCE.test(file.text),
  check: findLogins,
};
