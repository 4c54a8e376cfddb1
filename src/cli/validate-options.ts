import { SfjwtError } from '../errors/sfjwt-error.js';

/** Checks a TCP port option: a whole number from 0 (any free port) to 65535. */
export function checkPort(port: unknown, flag = '--port'): number {
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw invalidOption(flag, String(port), 'a whole number from 0 (any free port) to 65535');
  }
  return port;
}

/** Checks a number option that must lie within [min, max], optionally a whole number. */
export function checkNumber(value: unknown, flag: string, min: number, max: number, integer = false): number {
  const valid = typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;
  if (!valid || (integer && !Number.isInteger(value))) {
    const kind = integer ? 'a whole number' : 'a number';
    throw invalidOption(flag, String(value), `${kind} from ${min} to ${max}`);
  }
  return value;
}

function invalidOption(flag: string, value: string, expected: string): SfjwtError {
  const shown = value === 'NaN' ? 'not a number' : value;
  return new SfjwtError('ERR_SETTING_INVALID', `${flag} is ${shown}; it must be ${expected}.`, {
    details: { setting: flag },
    actions: [`Pass ${flag} with ${expected}.`],
  });
}
