/**
 * Severity of a finding. A hard-coded password is critical. One read from the
 * environment, a CI secret or a property placeholder is high, and one that
 * comes from elsewhere in the code is medium. Placeholders, test fixtures and
 * documentation are low.
 */

import type { FileRole } from './languages.js';
import { SEVERITIES, type Severity, type ValueKind } from './types.js';

const BY_VALUE: Record<ValueKind, { severity: Severity; reason: string }> = {
  literal: { severity: 'critical', reason: 'hard-coded secret value' },
  reference: { severity: 'high', reason: 'read from an environment variable, CI secret or property' },
  code: { severity: 'medium', reason: 'credentials come from elsewhere in the code' },
  placeholder: { severity: 'low', reason: 'placeholder value' },
};

/** Severity and its reason for a value of `kind` in a file with `role`. */
export function severityOf(kind: ValueKind, role: FileRole): { severity: Severity; reason: string } {
  if (role === 'test') {
    return { severity: 'low', reason: 'test fixture' };
  }
  if (role === 'docs') {
    return { severity: 'low', reason: 'documentation' };
  }
  return BY_VALUE[kind];
}

/** Rank of a severity: low 0 up to critical 3. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/** Tells whether `severity` is at or above `threshold`. */
export function atOrAbove(severity: Severity, threshold: Severity): boolean {
  return severityRank(severity) >= severityRank(threshold);
}
