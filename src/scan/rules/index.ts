import { CI_COMPANION_RULE, CI_RULE } from './ci.js';
import { ANT_RULE, CAMEL_RULE, CONFIG_FILE_RULE, DATALOADER_RULE, ENV_FILE_RULE } from './config-files.js';
import { JSFORCE_RULE } from './jsforce.js';
import { MULE_BASIC_RULE, MULE_OAUTH_USER_PASS_RULE } from './mulesoft.js';
import { PASSWORD_GRANT_RULES } from './password-grant.js';
import { RESTFORCE_RULE } from './restforce.js';
import type { Rule } from './rule.js';
import { SIMPLE_SALESFORCE_RULE } from './simple-salesforce.js';
import { DOTNET_SOAP_RULE, PHP_TOOLKIT_RULE, WSC_RULE } from './soap-clients.js';
import { SOAP_ENVELOPE_RULE } from './soap-envelope.js';
import { TERRAFORM_RULE } from './terraform.js';

export type { Rule } from './rule.js';

/**
 * Every scan rule, most specific first: when two rules report the same line
 * of a file, the finding of the earlier rule is kept.
 */
export const RULES: readonly Rule[] = [
  SIMPLE_SALESFORCE_RULE,
  JSFORCE_RULE,
  RESTFORCE_RULE,
  WSC_RULE,
  DOTNET_SOAP_RULE,
  PHP_TOOLKIT_RULE,
  SOAP_ENVELOPE_RULE,
  MULE_BASIC_RULE,
  MULE_OAUTH_USER_PASS_RULE,
  CAMEL_RULE,
  DATALOADER_RULE,
  ANT_RULE,
  CI_RULE,
  CI_COMPANION_RULE,
  TERRAFORM_RULE,
  ENV_FILE_RULE,
  ...PASSWORD_GRANT_RULES,
  CONFIG_FILE_RULE,
];

/** Finds a rule by id. */
export function ruleById(id: string): Rule | undefined {
  return RULES.find((rule) => rule.id === id);
}
