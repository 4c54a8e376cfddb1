/**
 * CI pipelines that hand a Salesforce password or security token to a job:
 * an environment entry (`SF_PASSWORD: ${{ secrets.SF_PASSWORD }}`) or a
 * reference in a script (`$SF_PASSWORD`, `secrets.SALESFORCE_PASSWORD`,
 * `credentialsId: 'sf-password'`).
 */

import { configEntries, type ConfigEntry } from '../config-entries.js';
import { isPasswordFlowCompanion, salesforceSecretKind } from '../keys.js';
import type { SourceFile } from '../source-file.js';
import type { RuleMatch } from '../types.js';
import { classifyConfigValue } from '../values.js';
import { type Rule, allMatches, matchAt } from './rule.js';

const CI_PATH =
  /\/\.(?:github|gitea|forgejo)\/workflows\/[^/]+\.ya?ml$|\/\.gitlab-ci\.ya?ml$|\/azure-pipelines[^/]*\.ya?ml$|\/bitbucket-pipelines\.ya?ml$|\/\.circleci\/config\.ya?ml$|\/jenkinsfile[^/]*$|\/\.travis\.ya?ml$|\/buildspec[^/]*\.ya?ml$|\/cloudbuild\.ya?ml$|\/\.drone\.ya?ml$|\/appveyor\.ya?ml$|\/\.buildkite\/[^/]+\.ya?ml$|\/codemagic\.ya?ml$/i;

// secrets.NAME, env.NAME, vars.NAME, ${NAME}, $(NAME), $NAME, %NAME%, credentialsId: 'name', variable: 'NAME'.
const REFERENCE =
  /\b(?:secrets|env|vars)\.([A-Za-z_][\w]*)|\$\{([A-Za-z_]\w*)\}|\$\(([A-Za-z_][\w.]*)\)|\$([A-Za-z_]\w*)|%([A-Za-z_]\w*)%|\b(?:credentialsId|variable)\s*:\s*['"]([\w.-]+)['"]/g;

/** Tells whether `file` is a CI pipeline definition. */
export function isCiFile(file: SourceFile): boolean {
  return CI_PATH.test(file.absolutePath);
}

function referenceMatches(file: SourceFile): RuleMatch[] {
  return allMatches(REFERENCE, file.text)
    .filter((match) => salesforceSecretKind(match.slice(1).find((group) => group !== undefined) ?? '') !== undefined)
    .map((match) => matchAt(match.index, { kind: 'reference', secrets: [] }));
}

/** Matches the entries whose last key segment passes `named`, with the severity of their values. */
function entryMatches(entries: readonly ConfigEntry[], named: (key: string) => boolean): RuleMatch[] {
  return entries
    .filter((entry) => named(entry.key.slice(entry.key.lastIndexOf('.') + 1)))
    .map((entry) => matchAt(entry.keyOffset, classifyConfigValue(entry.value, entry.valueOffset)));
}

const isSalesforceSecret = (key: string): boolean => salesforceSecretKind(key) !== undefined;

export const CI_RULE: Rule = {
  id: 'ci-password',
  title: 'Salesforce password passed to a CI job',
  mechanism: 'credentials',
  ecosystem: 'CI pipelines',
  summary: 'CI pipeline that passes a Salesforce password or security token to a job.',
  replacement:
    'Store the private key as a CI secret, write it to a file in the job and log in with ' +
    '`sf org login jwt --client-id ... --jwt-key-file ... --username ...` (or mint a token with ' +
    '`sfjwt token`); then delete the password and security token secrets.',
  appliesTo: isCiFile,
  check: (file) => [...entryMatches(configEntries(file), isSalesforceSecret), ...referenceMatches(file)],
};

function companionMatches(file: SourceFile): RuleMatch[] {
  const entries = configEntries(file);
  const passwordPassed = entryMatches(entries, isSalesforceSecret).length > 0 || referenceMatches(file).length > 0;
  return passwordPassed ? entryMatches(entries, isPasswordFlowCompanion) : [];
}

export const CI_COMPANION_RULE: Rule = {
  id: 'ci-password-flow-credentials',
  title: 'Password-flow app credentials passed to a CI job',
  mechanism: 'credentials',
  ecosystem: 'CI pipelines',
  summary:
    'CI job that also passes the security token or the consumer key and secret that the username-password flow uses.',
  replacement:
    'After moving the job to the JWT bearer flow, keep the consumer key as SF_CLIENT_ID (the `iss` claim) and ' +
    'delete the consumer secret and security token secrets: the JWT bearer flow sends neither.',
  appliesTo: isCiFile,
  check: companionMatches,
};
