import { projectRelative } from '../layout.js';
import type { SetupPlan } from '../run-setup.js';
import { closingSteps, doctorCommand, integrationEnv, permissionSetSteps } from './closing-steps.js';
import { buildGuideContext, type GuideOptions } from './context.js';
import { DEADLINE_WARNINGS } from './deadlines.js';
import { deploySteps } from './deploy-steps.js';
import { manualConnectedAppSteps } from './manual-connected-app-steps.js';
import { manualEcaSteps } from './manual-eca-steps.js';

/** The guide printed after `sfjwt setup`; `--json` prints this object. */
export interface SetupGuide {
  title: string;
  /** Paths relative to the project folder. */
  files: string[];
  /** Numbered steps, in order; a step may span several lines. */
  steps: string[];
  env: Record<string, string>;
  doctorCommand: string;
  /** Problems found while planning (an expired certificate, scopes without API access). */
  warnings: string[];
  /** Salesforce's retirement dates for the flows this app replaces. */
  deadlines: string[];
}

/** Builds the numbered steps for the chosen route and way of applying it. */
export function buildSetupGuide(plan: SetupPlan, options: GuideOptions): SetupGuide {
  const context = buildGuideContext(plan, options);
  const routeSteps = context.steps === 'deploy'
    ? deploySteps(context)
    : context.isEca ? manualEcaSteps(context) : manualConnectedAppSteps(context);
  const how = context.steps === 'deploy' ? 'deploy with the Salesforce CLI' : 'the same settings by hand in Setup';
  return {
    title: `${capitalize(context.appKind)} "${plan.settings.label}" (${plan.settings.name}) for the JWT bearer flow: ${how}`,
    files: plan.files.map((file) => projectRelative(plan.layout, file.path)),
    steps: [...permissionSetSteps(context), ...routeSteps, ...closingSteps(context)],
    env: integrationEnv(context),
    doctorCommand: doctorCommand(context),
    warnings: [...plan.warnings],
    deadlines: [...DEADLINE_WARNINGS],
  };
}

/** Renders the guide as terminal text; the warnings are left to the caller (they go to stderr). */
export function renderSetupGuide(guide: SetupGuide, plan: SetupPlan): string {
  const lines = [`Wrote ${guide.files.length} files in ${plan.layout.projectDir}:`];
  lines.push(...guide.files.map((file) => `  ${file}`));
  for (const kept of plan.keptFiles) {
    lines.push(`  (kept the existing ${projectRelative(plan.layout, kept)})`);
  }
  lines.push(
    `Certificate: SHA-256 ${plan.certificate.fingerprint256}, valid until ${plan.certificate.notAfter}.`,
    '',
    `${guide.title}:`,
  );
  guide.steps.forEach((step, index) => lines.push(`  ${index + 1}. ${step}`));
  lines.push('', 'Dates to plan for:');
  lines.push(...guide.deadlines.map((deadline) => `  - ${deadline}`));
  return `${lines.join('\n')}\n`;
}

function capitalize(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}
