import { ENV, type EnvKey } from './env.js';
import { looksLikeKeyText } from '../keys/key-text.js';
import type { ResolvedSettings } from './settings.js';

/** Describes each registered setting with its source; secrets appear as set or unset only. */
export function describeSettings(settings: ResolvedSettings): string[] {
  return (Object.keys(ENV) as EnvKey[]).map((key) => {
    const setting = settings[key];
    if (setting === undefined) {
      return `${ENV[key].name} unset`;
    }
    // A key pasted into the key-file setting is as secret as the key setting itself.
    const printed = setting.secret || looksLikeKeyText(setting.value) ? '(set, hidden)' : setting.value;
    const source = setting.source === 'default' ? '(default)' : `from ${setting.source} ${setting.origin}`;
    return `${ENV[key].name}=${printed} ${source}`;
  });
}
