/**
 * Terraform that keeps or passes a Salesforce password or security token:
 * an attribute (`salesforce_password = "..."`, `password` inside a
 * `provider "salesforce"` block), a `variable "sf_password"` declaration,
 * or a secret resource named after one (`secret_name = "SF_PASSWORD"`).
 */

import { salesforceSecretKind } from '../keys.js';
import type { SourceFile } from '../source-file.js';
import type { RuleMatch } from '../types.js';
import { type ValueClass, classifyConfigValue } from '../values.js';
import { type Rule, allMatches, matchAt } from './rule.js';

// The value runs to the end of the line and valueOf() trims it. A lazy `(.+?)` before
// `[ \t]*,?[ \t]*$` would backtrack in cubic time over a long run of spaces.
const ATTRIBUTE = /^[ \t]*"?([A-Za-z_][\w-]*)"?[ \t]*[=:][ \t]*(.*)$/gm;
const DEFAULT = /^[ \t]*default[ \t]*=[ \t]*(.*)$/m;
/** Maximum length of a variable block searched for its default. */
const MAX_BLOCK_LENGTH = 8192;
const VARIABLE = /^[ \t]*variable[ \t]+"([^"]+)"[ \t]*\{/gm;
const SALESFORCE_BLOCK = /^[ \t]*(?:provider|resource|data|module)[ \t]+"[^"]*(?:salesforce|sfdc)[^"]*"/im;
const NAME_ATTRIBUTE = /^(?:secret_name|name|key|variable_name|secret_id|parameter_name)$/;

/** Classifies an HCL value: an unquoted value is an expression (var.x, a resource attribute, a function). */
function classifyHcl(value: string, offset: number): ValueClass {
  return value.startsWith('"') || value.startsWith("'") ? classifyConfigValue(value, offset) : { kind: 'reference', secrets: [] };
}

/** Drops the spaces and the one comma that may end an attribute's value. */
function valueOf(rest: string): string {
  const trimmed = rest.trimEnd();
  return (trimmed.endsWith(',') ? trimmed.slice(0, -1) : trimmed).trimEnd();
}

/** Classifies the `default` of the variable block starting at `offset`; no default is a reference. */
function variableValue(file: SourceFile, offset: number): ValueClass {
  const block = file.text.slice(offset, offset + MAX_BLOCK_LENGTH);
  const close = block.indexOf('\n}');
  const body = close < 0 ? block : block.slice(0, close);
  const fallback = DEFAULT.exec(body);
  const rest = fallback?.[1] ?? '';
  const value = valueOf(rest);
  if (fallback === null || value === '') {
    return { kind: 'reference', secrets: [] };
  }
  return classifyHcl(value, offset + fallback.index + fallback[0].length - rest.length);
}

function attributeMatches(file: SourceFile): RuleMatch[] {
  const salesforceBlock = SALESFORCE_BLOCK.test(file.text);
  const matches: RuleMatch[] = [];
  for (const match of allMatches(ATTRIBUTE, file.text)) {
    const [whole, key = '', rest = ''] = match;
    const value = valueOf(rest);
    if (value === '') {
      continue;
    }
    const valueOffset = match.index + whole.length - rest.length;
    const keyOffset = match.index + whole.indexOf(key);
    if (salesforceSecretKind(key, salesforceBlock) !== undefined) {
      matches.push(matchAt(keyOffset, classifyHcl(value, valueOffset)));
    } else if (NAME_ATTRIBUTE.test(key) && salesforceSecretKind(value.replace(/"/g, '')) !== undefined) {
      matches.push(matchAt(keyOffset, { kind: 'reference', secrets: [] }));
    }
  }
  return matches;
}

function variableMatches(file: SourceFile): RuleMatch[] {
  return allMatches(VARIABLE, file.text)
    .filter((match) => salesforceSecretKind(match[1] ?? '') !== undefined)
    .map((match) => matchAt(match.index + match[0].indexOf('variable'), variableValue(file, match.index)));
}

export const TERRAFORM_RULE: Rule = {
  id: 'terraform-password',
  title: 'Salesforce password in Terraform',
  mechanism: 'credentials',
  ecosystem: 'Terraform',
  summary: 'Terraform configuration that keeps or passes a Salesforce password or security token.',
  replacement:
    'Configure the Salesforce provider for JWT (`client_id`, `private_key` from a secret store, `username`, ' +
    '`login_url`), and store the private key instead of the password in any secret resource.',
  appliesTo: (file) => file.language === 'terraform',
  check: (file) => [...variableMatches(file), ...attributeMatches(file)],
};
