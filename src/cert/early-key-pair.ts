import { generateKeyPair, type KeyPairKeyObjectResult } from 'node:crypto';
import { promisify } from 'node:util';

const generateKeyPairAsync = promisify(generateKeyPair);

let early: { bits: number; pending: Promise<KeyPairKeyObjectResult> } | undefined;

/**
 * Starts generating an RSA key pair of `bits` on the thread pool, so that it
 * overlaps with loading the CLI parser. The CLI calls it for `cert generate`
 * before yargs loads; a later call of takeRsaKeyPair with the same size gets it.
 */
export function startRsaKeyPair(bits: number): void {
  const pending = generateKeyPairAsync('rsa', { modulusLength: bits, publicExponent: 0x10001 });
  // A pair that is never taken (the command failed its checks) must not surface as an unhandled rejection.
  pending.catch(() => undefined);
  early = { bits, pending };
}

/** Returns a new RSA key pair, using the one started early when its size matches; each pair is used once. */
export function takeRsaKeyPair(bits: number): Promise<KeyPairKeyObjectResult> {
  if (early !== undefined && early.bits === bits) {
    const { pending } = early;
    early = undefined;
    return pending;
  }
  return generateKeyPairAsync('rsa', { modulusLength: bits, publicExponent: 0x10001 });
}

/**
 * Reads `--bits N` or `--bits=N` from raw arguments: 2048 when absent, and
 * undefined for a size sfjwt does not offer, which the parser then rejects.
 */
export function bitsFromArguments(argv: readonly string[]): number | undefined {
  const index = argv.findIndex((value) => value === '--bits' || value.startsWith('--bits='));
  const raw = index < 0 ? undefined : argv[index]?.includes('=') ? argv[index]?.split('=')[1] : argv[index + 1];
  const bits = Number(raw ?? 2048);
  return [2048, 3072, 4096].includes(bits) ? bits : undefined;
}
