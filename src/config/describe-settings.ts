import { ENV, type EnvKey } from './env.js';
import type { ResolvedSettings } from './settings.js';

/** Describes each registered setting with its source; secrets appear as set or unset only. */
export function describeSettings(settings: ResolvedSettings): string[] {
  return (Object.keys(ENV) as EnvKey[]).map((key) => {
    const setting = settings[key];
    if (setting === undefined) {
      return `${ENV[key].name} unset`;
    }
    const printed = setting.secret ? '(set, hidden)' : setting.value;
    const source = setting.source === 'default' ? '(default)' : `from ${setting.source} ${setting.origin}`;
    return `${ENV[key].name}=${printed} ${source}`;
  });
}
