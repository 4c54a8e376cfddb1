/** The prompts of `sfjwt setup` on a terminal, one for each setting that no option set. */
import { SfjwtError } from '../errors/sfjwt-error.js';
import type { GuideSteps } from './guide/context.js';
import { DEFAULT_SOURCE_DIR } from './layout.js';
import { DEFAULT_LABEL, type OrgType } from './model.js';
import { askQuestion, type Asker } from './prompt-io.js';
import { assertEmail, assertPlainText } from './validate.js';

/** The settings the questions cover; an undefined one is asked for. */
export interface SetupAnswers {
  certPath?: string;
  label?: string;
  contactEmail?: string;
  orgType?: OrgType;
  profiles?: string[];
  permissionSets?: string[];
  outputDir?: string;
  username?: string;
  steps?: GuideSteps;
}

export const DEFAULT_CERT_PATH = 'certs/server.crt';

/** Asks for every setting missing from `given`, each with its default; returns `given` completed. */
export async function askSetupQuestions(asker: Asker, given: SetupAnswers): Promise<SetupAnswers> {
  const answers: SetupAnswers = { ...given };
  answers.certPath ??= await askQuestion(asker, 'Certificate file to upload (the .crt, never the key)', {
    defaultValue: DEFAULT_CERT_PATH,
  });
  answers.label ??= await askQuestion(asker, 'App label', { defaultValue: DEFAULT_LABEL, validate: plainText('label') });
  answers.contactEmail ??= await askQuestion(asker, 'Contact email of the team that owns the integration', {
    validate: acceptsEmail,
  });
  answers.orgType ??= toOrgType(await askQuestion(asker, 'Org type (production or sandbox)', {
    defaultValue: 'production',
    validate: (answer) => (toOrgType(answer) === undefined ? 'Answer production or sandbox.' : undefined),
  }));
  if (answers.profiles === undefined && answers.permissionSets === undefined) {
    await askAssignments(asker, answers);
  }
  answers.username ??= optional(await askQuestion(asker, 'Username of the integration user (for the env file; empty to skip)', {
    optional: true,
  }));
  answers.outputDir ??= await askQuestion(asker, 'Folder for the metadata files', { defaultValue: DEFAULT_SOURCE_DIR });
  answers.steps ??= toSteps(await askQuestion(asker, 'Apply it by deploy (Salesforce CLI) or manual (Setup pages)', {
    defaultValue: 'deploy',
    validate: (answer) => (toSteps(answer) === undefined ? 'Answer deploy or manual.' : undefined),
  }));
  return answers;
}

async function askAssignments(asker: Asker, answers: SetupAnswers): Promise<void> {
  const profiles = splitList(await askQuestion(asker, "Profile of the integration user, assigned to the app (empty to use a permission set)", {
    optional: true,
  }));
  answers.profiles = profiles;
  if (profiles.length > 0) {
    answers.permissionSets = [];
    return;
  }
  answers.permissionSets = splitList(await askQuestion(asker, 'Permission set API name assigned to the integration user'));
}

function plainText(setting: string): (answer: string) => string | undefined {
  return (answer) => messageOf(() => assertPlainText(answer, setting));
}

function acceptsEmail(answer: string): string | undefined {
  return messageOf(() => assertEmail(answer));
}

function messageOf(check: () => unknown): string | undefined {
  try {
    check();
    return undefined;
  } catch (error) {
    if (error instanceof SfjwtError) {
      return error.message;
    }
    throw error;
  }
}

function toOrgType(answer: string): OrgType | undefined {
  const lower = answer.toLowerCase();
  if (lower === 'production' || lower === 'p' || lower === 'prod') {
    return 'production';
  }
  return lower === 'sandbox' || lower === 's' ? 'sandbox' : undefined;
}

function toSteps(answer: string): GuideSteps | undefined {
  const lower = answer.toLowerCase();
  return lower === 'deploy' || lower === 'manual' ? lower : undefined;
}

function splitList(answer: string): string[] {
  return answer.split(',').map((part) => part.trim()).filter((part) => part !== '');
}

function optional(answer: string): string | undefined {
  return answer === '' ? undefined : answer;
}
