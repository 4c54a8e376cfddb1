/**
 * restforce with `password:` (in `Restforce.new` or `config.password =`) sends
 * the OAuth password grant. `jwt_key` (JWT bearer) and `oauth_token` alone are
 * not password logins. The finding points at the password option.
 */

import { argumentNamed, splitArguments } from '../arguments.js';
import { readExpression } from '../field-value.js';
import type { SourceFile } from '../source-file.js';
import type { RuleMatch } from '../types.js';
import { classifyExpression } from '../values.js';
import { type Rule, allMatches, matchAt } from './rule.js';

const USES_LIBRARY = /\bRestforce\b/;
const NEW_CLIENT = /\bRestforce(?:::Data::Client)?\.new\s*\(/g;
const CONFIG_PASSWORD = /\bconfig\.password\s*=\s*/g;

function findNewClients(file: SourceFile): RuleMatch[] {
  const matches: RuleMatch[] = [];
  for (const call of allMatches(NEW_CLIENT, file.text)) {
    const list = splitArguments(file.text, call.index + call[0].length - 1, '#').arguments;
    const password = argumentNamed(list, 'password');
    if (password === undefined || argumentNamed(list, 'jwt_key') !== undefined) {
      continue;
    }
    const value = classifyExpression(password.value, password.valueOffset);
    const token = argumentNamed(list, 'security_token');
    const tokenSecrets = token === undefined ? [] : classifyExpression(token.value, token.valueOffset).secrets;
    matches.push(matchAt(password.offset, { kind: value.kind, secrets: [...value.secrets, ...tokenSecrets] }));
  }
  return matches;
}

function findConfigPasswords(file: SourceFile): RuleMatch[] {
  if (/\bconfig\.jwt_key\s*=/.test(file.text)) {
    return [];
  }
  return allMatches(CONFIG_PASSWORD, file.text).map((match) => {
    const start = match.index + match[0].length;
    return matchAt(match.index, classifyExpression(readExpression(file.text, start), start));
  });
}

export const RESTFORCE_RULE: Rule = {
  id: 'restforce-password',
  title: 'restforce with username and password',
  mechanism: 'oauth-password',
  ecosystem: 'Ruby (restforce)',
  summary: 'restforce client with a password (OAuth username-password flow).',
  replacement:
    'Give Restforce.new `username`, `client_id`, `instance_url` and `jwt_key` (the private key of the ' +
    'certificate uploaded to the app) instead of `password`, `security_token` and `client_secret`.',
  appliesTo: (file) => file.language === 'ruby' && USES_LIBRARY.test(file.text),
  check: (file) => [...findNewClients(file), ...findConfigPasswords(file)],
};
