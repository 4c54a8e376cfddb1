/** The result of one doctor check. */
export type CheckStatus = 'pass' | 'warn' | 'fail' | 'skip';

export interface CheckResult {
  /** Stable id, for example `key.loads`. */
  id: string;
  title: string;
  status: CheckStatus;
  /** Finding in one line, never holding a secret. */
  detail: string;
  /** Fixes for warn and fail, most likely first. */
  fixes: string[];
  /** The sfjwt error code behind a failure, when there is one. */
  code?: string;
}

const RANK: Record<CheckStatus, number> = { skip: 0, pass: 0, warn: 1, fail: 2 };

/** Returns the worst status of a checklist: fail over warn over pass. */
export function worstStatus(results: readonly CheckResult[]): CheckStatus {
  return results.reduce<CheckStatus>((worst, result) => (RANK[result.status] > RANK[worst] ? result.status : worst), 'pass');
}

/** Exit code of `sfjwt doctor`: 0 when all pass, 1 when the worst is a warning, 2 when a check failed. */
export function doctorExitCode(results: readonly CheckResult[]): number {
  return RANK[worstStatus(results)];
}
