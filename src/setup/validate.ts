/** Checks of the text values that `sfjwt setup` writes into metadata. */
import { SfjwtError } from '../errors/sfjwt-error.js';
import { hasForbiddenXmlCharacter } from './xml-writer.js';

// One line of text: no control characters (tab aside), nothing XML 1.0 cannot carry.
const CONTROL = /[\u0000-\u0008\u000A-\u001F\u007F]/;
const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

/** Raises ERR_SETTING_INVALID unless `text` is one non-empty line that XML can carry. */
export function assertPlainText(text: string, setting: string): void {
  if (text === '') {
    throw invalid(setting, text, `The ${setting} is empty.`, [`Pass a non-empty --${setting}.`]);
  }
  if (CONTROL.test(text) || hasForbiddenXmlCharacter(text)) {
    throw invalid(setting, JSON.stringify(text), `The ${setting} contains a line break or control character.`, [
      `Pass the ${setting} as one line of text.`,
    ]);
  }
}

/** Raises ERR_SETTING_INVALID unless `email` looks like an email address; returns it. */
export function assertEmail(email: string): string {
  if (!EMAIL.test(email)) {
    throw invalid('contact-email', email, `"${email}" is not an email address.`, [
      'Pass --contact-email with an address such as integrations@example.com.',
    ]);
  }
  return email;
}

/** Raises ERR_SETTING_INVALID unless `url` is an absolute URL; returns it. */
export function assertUrl(url: string, setting: string): string {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (parsed === undefined || /\s/.test(url)) {
    throw invalid(setting, url, `"${url}" is not an absolute URL for --${setting}.`, [
      `Pass a full URL such as https://example.com/oauth/callback; the JWT bearer flow never calls it.`,
    ]);
  }
  return url;
}

/**
 * Raises ERR_SETTING_INVALID unless `name` can stand in the comma-separated
 * profile list of an External Client App policy: one line, no comma.
 */
export function assertProfileName(name: string): void {
  assertPlainText(name, 'profile');
  if (name.includes(',')) {
    throw invalid('profile', name, `Profile name "${name}" contains a comma.`, [
      'Pass each profile with its own --profile option.',
    ]);
  }
}

/** Raises ERR_SETTING_WHITESPACE or ERR_SETTING_INVALID for a consumer key Salesforce would not match; returns it. */
export function assertConsumerKey(key: string): string {
  if (key !== key.trim()) {
    throw new SfjwtError('ERR_SETTING_WHITESPACE', 'The consumer key has leading or trailing whitespace.', {
      details: { setting: 'consumer-key' },
    });
  }
  if (!/^[\x21-\x7E]{1,256}$/.test(key)) {
    throw invalid('consumer-key', key, 'The consumer key contains characters other than printable ASCII.', [
      'Copy the consumer key again, or pass --generate-consumer-key to create one.',
    ]);
  }
  return key;
}

function invalid(setting: string, value: string, message: string, actions: string[]): SfjwtError {
  return new SfjwtError('ERR_SETTING_INVALID', message, { details: { setting, value }, actions });
}
