import { SfjwtError } from '../errors/sfjwt-error.js';

/**
 * Checks the consumer key and username before anything is signed. Both are
 * compared exactly by Salesforce, so whitespace copied along with them turns
 * into `invalid_client_id` or `user hasn't approved this consumer`.
 */
export function validateIdentity(clientId: unknown, username: unknown): void {
  checkSetting('consumer key', '--client-id or SF_CLIENT_ID', clientId);
  checkSetting('username', '--username or SF_USERNAME', username);
}

function checkSetting(name: string, where: string, value: unknown): void {
  if (value === undefined || value === '') {
    throw new SfjwtError('ERR_SETTING_MISSING', `The ${name} is missing.`, {
      details: { setting: name },
      actions: [`Pass ${where}.`],
    });
  }
  if (typeof value !== 'string') {
    throw new TypeError(`The ${name} must be a string, got ${typeof value}`);
  }
  if (value.trim() !== value) {
    throw new SfjwtError('ERR_SETTING_WHITESPACE', `The ${name} "${value}" has leading or trailing whitespace.`, {
      details: { setting: name },
      actions: [`Remove the whitespace: use "${value.trim()}". Check the CI secret or .env line for a trailing newline.`],
    });
  }
}
