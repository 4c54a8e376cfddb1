import { SfjwtError } from '../errors/sfjwt-error.js';

/** RSA sizes `sfjwt cert generate` offers; 2048 is what Salesforce's own recipes use. */
export const RSA_KEY_SIZES = [2048, 3072, 4096] as const;
export type RsaKeySize = (typeof RSA_KEY_SIZES)[number];

export const DEFAULT_COMMON_NAME = 'sfjwt-integration';
export const DEFAULT_VALIDITY_DAYS = 365;
/** Upper bound on validity, 100 years; X.509 itself has none. */
export const MAX_VALIDITY_DAYS = 36500;
/** Upper bound of CN, O and OU in RFC 5280 (ub-common-name and friends). */
const MAX_NAME_LENGTH = 64;

/** Subject of the self-signed certificate. */
export interface CertificateSubject {
  commonName: string;
  organization?: string;
  organizationalUnit?: string;
  /** ISO 3166 two-letter country code. */
  country?: string;
}

/** Validated settings of one key pair generation. */
export interface GenerationSettings {
  bits: RsaKeySize;
  days: number;
  subject: CertificateSubject;
}

export interface GenerationInput {
  bits?: number;
  days?: number;
  subject?: Partial<CertificateSubject>;
}

/** Checks the user's choices; a value out of range raises ERR_SETTING_INVALID naming the option. */
export function validateGenerationInput(input: GenerationInput): GenerationSettings {
  const bits = input.bits ?? 2048;
  if (!(RSA_KEY_SIZES as readonly number[]).includes(bits)) {
    throw invalid('bits', `--bits ${String(bits)} is not offered; choose 2048 (the default), 3072 or 4096.`);
  }
  const days = input.days ?? DEFAULT_VALIDITY_DAYS;
  if (!Number.isInteger(days) || days < 1 || days > MAX_VALIDITY_DAYS) {
    throw invalid('days', `--days ${String(days)} is not a whole number of days from 1 to ${MAX_VALIDITY_DAYS}.`);
  }
  return { bits: bits as RsaKeySize, days, subject: validateSubject(input.subject ?? {}) };
}

function validateSubject(subject: Partial<CertificateSubject>): CertificateSubject {
  const result: CertificateSubject = { commonName: checkName('cn', subject.commonName ?? DEFAULT_COMMON_NAME) };
  if (subject.organization !== undefined) {
    result.organization = checkName('o', subject.organization);
  }
  if (subject.organizationalUnit !== undefined) {
    result.organizationalUnit = checkName('ou', subject.organizationalUnit);
  }
  if (subject.country !== undefined) {
    const country = subject.country.toUpperCase();
    if (!/^[A-Z]{2}$/.test(country)) {
      throw invalid('c', `--c "${subject.country}" is not a two-letter country code such as US or DE.`);
    }
    result.country = country;
  }
  return result;
}

function checkName(option: string, value: string): string {
  if (typeof value !== 'string') {
    throw new TypeError(`subject field ${option} must be a string`);
  }
  const trimmed = value.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_NAME_LENGTH || /[\u0000-\u001f\u007f]/.test(trimmed)) {
    throw invalid(option, `--${option} must be 1 to ${MAX_NAME_LENGTH} printable characters.`);
  }
  return trimmed;
}

function invalid(setting: string, message: string): SfjwtError {
  return new SfjwtError('ERR_SETTING_INVALID', message, { details: { setting } });
}
