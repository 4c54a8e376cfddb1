/**
 * simple-salesforce, where the arguments of `Salesforce(...)` and
 * `SalesforceLogin(...)` decide the login. A username and password with
 * `security_token` or `organizationId`, or positional (username, password,
 * security_token), is a SOAP login(). With `consumer_key` + `consumer_secret`
 * it is the OAuth password grant. `privatekey_file` or `privatekey` (JWT) and
 * `session_id` are not password logins.
 */

import { type Argument, argumentNamed, splitArguments } from '../arguments.js';
import type { SourceFile } from '../source-file.js';
import type { Mechanism, RuleMatch } from '../types.js';
import { classifyExpression } from '../values.js';
import { type Rule, allMatches, matchAt } from './rule.js';

const USES_LIBRARY = /\b(?:from\s+simple_salesforce\s+import|import\s+simple_salesforce)\b/;
const CALL = /\b(Salesforce|SalesforceLogin)\s*\(/g;
const NOT_PASSWORD = ['privatekey_file', 'privatekey', 'session_id'];

interface Login {
  mechanism: Mechanism;
  password: Argument;
  secrets: Argument[];
}

function readLogin(list: readonly Argument[]): Login | undefined {
  if (NOT_PASSWORD.some((name) => argumentNamed(list, name) !== undefined)) {
    return undefined;
  }
  const positional = list.filter((argument) => argument.name === undefined && !argument.text.startsWith('*'));
  const password = argumentNamed(list, 'password') ?? positional[1];
  if (password === undefined) {
    return undefined;
  }
  const token = argumentNamed(list, 'security_token') ?? positional[2];
  const consumerSecret = argumentNamed(list, 'consumer_secret');
  const oauth = argumentNamed(list, 'consumer_key') !== undefined && consumerSecret !== undefined;
  const secrets = [password, token, oauth ? consumerSecret : undefined].filter(
    (argument): argument is Argument => argument !== undefined,
  );
  return { mechanism: oauth ? 'oauth-password' : 'soap-login', password, secrets };
}

function findLogins(file: SourceFile): RuleMatch[] {
  const matches: RuleMatch[] = [];
  for (const call of allMatches(CALL, file.text)) {
    const list = splitArguments(file.text, call.index + call[0].length - 1, '#').arguments;
    const login = readLogin(list);
    if (login === undefined) {
      continue;
    }
    const value = classifyExpression(login.password.value, login.password.valueOffset);
    const secrets = login.secrets.flatMap(
      (argument) => classifyExpression(argument.value, argument.valueOffset).secrets,
    );
    matches.push(
      matchAt(call.index, { kind: value.kind, secrets }, {
        mechanism: login.mechanism,
        message:
          login.mechanism === 'oauth-password'
            ? 'simple-salesforce with consumer_key, consumer_secret and password (OAuth username-password flow).'
            : 'simple-salesforce with username, password and security token (SOAP API login()).',
      }),
    );
  }
  return matches;
}

export const SIMPLE_SALESFORCE_RULE: Rule = {
  id: 'simple-salesforce-login',
  title: 'simple-salesforce password login',
  mechanism: 'soap-login',
  ecosystem: 'Python (simple-salesforce)',
  summary: 'simple-salesforce login with a username and password.',
  replacement:
    'Pass `username`, `consumer_key` and `privatekey_file` (or `privatekey`) to Salesforce(): ' +
    'simple-salesforce then uses the JWT bearer flow. Add `domain="test"` for sandboxes.',
  appliesTo: (file) => file.language === 'python' && USES_LIBRARY.test(file.text),
  check: findLogins,
};
