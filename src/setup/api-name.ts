import { SfjwtError } from '../errors/sfjwt-error.js';

/** Maximum length of a component's API name (fullName) that sfjwt accepts. */
export const MAX_API_NAME_LENGTH = 80;
// Derived names stay shorter, so the settings components (`<name>_glbloauth` ...) stay within the maximum.
const DERIVED_NAME_LENGTH = 60;

// Salesforce API names: a letter first, then letters, digits and single underscores, no underscore last.
const API_NAME = /^[A-Za-z](?:[A-Za-z0-9]|_(?!_))*(?<!_)$/;

/**
 * Derives an API name from a label: every run of characters other than
 * ASCII letters and digits becomes one underscore, accents are dropped, and
 * a name that would not start with a letter gets the prefix `App_`.
 *
 * @example
 * ```ts
 * deriveApiName('Nightly Export & Sync'); // 'Nightly_Export_Sync'
 * ```
 */
export function deriveApiName(label: string): string {
  const ascii = label.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  let name = ascii.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  if (!/^[A-Za-z]/.test(name)) {
    name = name === '' ? 'App' : `App_${name}`;
  }
  return name.slice(0, DERIVED_NAME_LENGTH).replace(/_+$/, '');
}

/** Raises ERR_SETTING_INVALID unless `name` is a valid API name; `setting` names the option in the message. */
export function assertApiName(name: string, setting: string): void {
  if (name.length <= MAX_API_NAME_LENGTH && API_NAME.test(name)) {
    return;
  }
  throw new SfjwtError('ERR_SETTING_INVALID', `"${name}" is not a valid API name for ${setting}.`, {
    details: { setting, value: name },
    actions: [
      `Use up to ${MAX_API_NAME_LENGTH} letters, digits and single underscores, starting with a letter ` +
        'and not ending with an underscore (for example Nightly_Export).',
    ],
  });
}
