import { stat } from 'node:fs/promises';
import { join } from 'node:path';

import { generateConsumerKey } from '../emulator/config.js';
import { readSetupCertificate, type SetupCertificate } from './certificate.js';
import { generateComponents } from './generate.js';
import { generatePackageXml } from './generators/package-xml.js';
import { generateSfdxProject } from './generators/sfdx-project.js';
import { packageDirectoryOf, resolveLayout, type LayoutInput, type SetupLayout } from './layout.js';
import { normalizeAppSettings, type AppSettings, type AppSettingsInput } from './model.js';
import { writePlannedFiles, type PlannedFile } from './write-files.js';

/** Everything `sfjwt setup` needs; the certificate comes as a file path. */
export interface SetupOptions extends Omit<AppSettingsInput, 'certificatePem'>, LayoutInput {
  /** The PEM certificate to upload to the app (never the private key). */
  certPath: string;
  /** Generate a consumer key and write it into the metadata; Salesforce generates one otherwise. */
  generateConsumerKey?: boolean;
  /** Replace existing files. */
  force?: boolean;
  /** Clock in epoch milliseconds, for the certificate expiry check in tests. */
  now?: number;
}

/** The files of one setup run, checked but not yet written. */
export interface SetupPlan {
  settings: AppSettings;
  layout: SetupLayout;
  certificate: Omit<SetupCertificate, 'pem'>;
  files: PlannedFile[];
  /** sfdx-project.json, when it existed and was left as it was. */
  keptFiles: string[];
  consumerKeyGenerated: boolean;
  warnings: string[];
}

/**
 * Reads the certificate, validates the settings and renders every file,
 * without writing anything.
 *
 * @example
 * ```ts
 * const plan = await planSetup({ certPath: 'certs/server.crt', label: 'Nightly Export',
 *   contactEmail: 'ops@example.com', profiles: ['Integration User'] });
 * plan.files.forEach((file) => console.log(file.path));
 * ```
 */
export async function planSetup(options: SetupOptions): Promise<SetupPlan> {
  const certificate = await readSetupCertificate(options.certPath, options.now);
  const consumerKey = options.consumerKey ?? (options.generateConsumerKey === true ? generateConsumerKey() : undefined);
  const settings = normalizeAppSettings({
    ...options,
    certificatePem: certificate.pem,
    ...(consumerKey === undefined ? {} : { consumerKey }),
  });
  const layout = resolveLayout(options);
  const components = generateComponents(settings);
  const files: PlannedFile[] = components.map((component) => ({
    path: join(layout.sourceDir, ...component.relativePath.split('/')),
    content: component.content,
    role: 'metadata',
    type: component.type.name,
    member: component.member,
  }));
  files.push({ path: layout.manifestPath, content: generatePackageXml(components, settings.apiVersion), role: 'manifest' });
  const keptFiles = await addProjectFile(files, layout, settings.apiVersion);
  const { pem: _pem, ...certificateSummary } = certificate;
  return {
    settings,
    layout,
    certificate: certificateSummary,
    files,
    keptFiles,
    consumerKeyGenerated: options.consumerKey === undefined && consumerKey !== undefined,
    warnings: collectWarnings(settings, certificate),
  };
}

/** Plans and writes the setup files; refuses to replace any existing file unless `force` is set. */
export async function runSetup(options: SetupOptions): Promise<SetupPlan> {
  const plan = await planSetup(options);
  await writePlannedFiles(plan.files, options.force === true);
  return plan;
}

async function addProjectFile(files: PlannedFile[], layout: SetupLayout, apiVersion: string): Promise<string[]> {
  const packageDirectory = packageDirectoryOf(layout);
  if (packageDirectory === undefined) {
    return [];
  }
  const path = join(layout.projectDir, 'sfdx-project.json');
  if ((await stat(path).catch(() => undefined)) !== undefined) {
    return [path];
  }
  files.push({ path, content: generateSfdxProject(packageDirectory, apiVersion), role: 'project' });
  return [];
}

function collectWarnings(settings: AppSettings, certificate: SetupCertificate): string[] {
  const warnings: string[] = [];
  if (certificate.expired) {
    warnings.push(
      `The certificate expired on ${certificate.notAfter}. Salesforce does not check the expiry for JWT logins, ` +
        'but plan a rotation: `sfjwt cert generate`.',
    );
  }
  if (!settings.scopes.includes('Api') && !settings.scopes.includes('Full')) {
    warnings.push('The scopes include neither Api nor Full, so the access token cannot call the REST or SOAP API.');
  }
  if (settings.route === 'connected-app') {
    warnings.push(
      "Since Spring '26 a new connected app can be created only after a Salesforce Support request, " +
        'so deploying this file may fail in an org without it. External Client Apps (the default route) need none.',
    );
  }
  return warnings;
}
