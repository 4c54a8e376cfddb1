import { DEFAULT_ASSERTION_LIFETIME_SECONDS } from '../jwt/claims.js';

/** Skew from which doctor warns: a third of the assertion's lifetime. */
export const SKEW_WARN_SECONDS = 60;

export interface ClockComparison {
  /** Local clock minus server clock, in seconds; positive when the local clock runs ahead. */
  skewSeconds: number;
  status: 'pass' | 'warn' | 'fail';
}

/**
 * Compares the local clock with a server's `Date` header. An assertion lives
 * 180 s, so a local clock that lags the server by more than that produces
 * assertions that arrive already expired. The header has whole-second
 * resolution, so skews of a second or two are noise.
 */
export function compareClock(serverDate: string | undefined, localNow: number): ClockComparison | undefined {
  const server = serverDate === undefined ? Number.NaN : Date.parse(serverDate);
  if (Number.isNaN(server)) {
    return undefined;
  }
  const skewSeconds = Math.round((localNow - server) / 1000);
  const lag = -skewSeconds;
  if (lag >= DEFAULT_ASSERTION_LIFETIME_SECONDS - 10) {
    return { skewSeconds, status: 'fail' };
  }
  return { skewSeconds, status: Math.abs(skewSeconds) >= SKEW_WARN_SECONDS ? 'warn' : 'pass' };
}
