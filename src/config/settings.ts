import { readFileSync } from 'node:fs';

import { SfjwtError } from '../errors/sfjwt-error.js';
import { ENV, type EnvKey } from './env.js';
import { parseEnvFile } from './env-file.js';

/** Source of a setting's value, shown by `sfjwt doctor`. */
export type SettingSource = 'flag' | 'environment' | 'env-file' | 'default';

export interface Setting {
  value: string;
  source: SettingSource;
  /** The flag or variable name that held it. */
  origin: string;
  /** Whether the value is a secret that output must never echo. */
  secret: boolean;
}

export interface SettingsInput {
  /** Values from command-line flags, keyed like ENV. */
  flags: Partial<Record<EnvKey, string | undefined>>;
  env: NodeJS.ProcessEnv;
  /** Path of a dotenv-style file with SF_* lines, read after the environment. */
  envFile?: string;
  defaults?: Partial<Record<EnvKey, string>>;
}

export type ResolvedSettings = Partial<Record<EnvKey, Setting>>;

/** Warnings produced while resolving, such as a deprecated variable name. */
export interface SettingsResolution {
  settings: ResolvedSettings;
  warnings: string[];
}

/**
 * Resolves every registered setting: a flag wins over the environment, the
 * environment over the env file, and the env file over the default.
 */
export function resolveSettings(input: SettingsInput): SettingsResolution {
  const fileValues = input.envFile === undefined ? {} : readEnvFile(input.envFile);
  const settings: ResolvedSettings = {};
  const warnings: string[] = [];
  for (const key of Object.keys(ENV) as EnvKey[]) {
    const entry = ENV[key];
    const secret = 'secret' in entry && entry.secret === true;
    const names: string[] = [entry.name, ...('deprecated' in entry ? entry.deprecated : [])];
    const flag = input.flags[key];
    if (flag !== undefined && flag !== '') {
      settings[key] = { value: flag, source: 'flag', origin: flagName(key), secret };
      continue;
    }
    const fromEnv = names.find((name) => (input.env[name] ?? '') !== '');
    const fromFile = names.find((name) => (fileValues[name] ?? '') !== '');
    if (fromEnv !== undefined) {
      settings[key] = { value: input.env[fromEnv] as string, source: 'environment', origin: fromEnv, secret };
    } else if (fromFile !== undefined) {
      settings[key] = { value: fileValues[fromFile] as string, source: 'env-file', origin: `${fromFile} in ${input.envFile ?? ''}`, secret };
    } else if (input.defaults?.[key] !== undefined) {
      settings[key] = { value: input.defaults[key], source: 'default', origin: 'default', secret };
    }
    const origin = settings[key]?.origin.split(' ')[0];
    if (origin !== undefined && origin !== entry.name && names.includes(origin)) {
      warnings.push(`${origin} is deprecated; rename it to ${entry.name}.`);
    }
  }
  return { settings, warnings };
}

/** Returns the flag that sets a registered setting. */
export function flagName(key: EnvKey): string {
  return `--${key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}

function readEnvFile(path: string): Record<string, string> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new SfjwtError('ERR_FILE_READ', `Could not read the env file ${path} (${reason}).`, {
      details: { path, reason },
    });
  }
  return parseEnvFile(text);
}
