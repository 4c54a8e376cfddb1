import { readFileSync } from 'node:fs';

import { expect } from 'chai';

import { inspectKeyData } from '../../src/cert/inspect.js';
import { CATALOGUE } from '../../src/errors/catalogue.js';
import { SfjwtError } from '../../src/errors/sfjwt-error.js';
import { clearKeyCache } from '../../src/keys/key-cache.js';
import { loadPrivateKey } from '../../src/keys/load-key.js';
import { KEY_BODY_LINES, expectSignsVerifiably, keyFixture } from './support.js';

/** Deterministic 32-bit generator (mulberry32), so every run feeds the same inputs. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
type Mutation = (input: Buffer, random: Random) => Buffer;

const pick = (random: Random, length: number): number => Math.floor(random() * length);

const LABELS = ['CERTIFICATE', 'PUBLIC KEY', 'EC PRIVATE KEY', 'ENCRYPTED PRIVATE KEY', 'RSA PUBLIC KEY', 'OPENSSH PRIVATE KEY', 'private key', 'X'];

function mapLines(input: Buffer, change: (lines: string[]) => string[]): Buffer {
  return Buffer.from(change(input.toString('latin1').split('\n')).join('\n'), 'latin1');
}

const MUTATIONS: Record<string, Mutation> = {
  byteFlip: (input, random) => {
    const copy = Buffer.from(input);
    const index = pick(random, copy.length);
    copy[index] = (copy[index] ?? 0) ^ (1 + pick(random, 255));
    return copy;
  },
  bitFlip: (input, random) => {
    const copy = Buffer.from(input);
    const index = pick(random, copy.length);
    copy[index] = (copy[index] ?? 0) ^ (1 << pick(random, 8));
    return copy;
  },
  truncate: (input, random) => input.subarray(0, pick(random, input.length)),
  dropLine: (input, random) => mapLines(input, (lines) => lines.filter((_line, index) => index !== pick(random, lines.length))),
  swapLines: (input, random) =>
    mapLines(input, (lines) => {
      const [a, b] = [pick(random, lines.length), pick(random, lines.length)];
      [lines[a], lines[b]] = [lines[b] ?? '', lines[a] ?? ''];
      return lines;
    }),
  duplicateLine: (input, random) =>
    mapLines(input, (lines) => {
      const index = pick(random, lines.length);
      lines.splice(index, 0, lines[index] ?? '');
      return lines;
    }),
  wrongHeader: (input, random) => {
    const label = LABELS[pick(random, LABELS.length)] ?? 'X';
    const which = random() < 0.5 ? 'BEGIN' : 'END';
    const text = input.toString('latin1').replace(new RegExp(`${which} [A-Z ]+-----`), `${which} ${label}-----`);
    return Buffer.from(text, 'latin1');
  },
  base64Swap: (input, random) => {
    const copy = Buffer.from(input);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    copy[pick(random, copy.length)] = alphabet.charCodeAt(pick(random, alphabet.length));
    return copy;
  },
  deleteRange: (input, random) => {
    const start = pick(random, input.length);
    return Buffer.concat([input.subarray(0, start), input.subarray(start + 1 + pick(random, 64))]);
  },
  insertBytes: (input, random) => {
    const start = pick(random, input.length);
    const noise = Buffer.from(Array.from({ length: 1 + pick(random, 16) }, () => pick(random, 256)));
    return Buffer.concat([input.subarray(0, start), noise, input.subarray(start)]);
  },
};

const MUTATION_NAMES = Object.keys(MUTATIONS);

function mutate(input: Buffer, random: Random): Buffer {
  const rounds = random() < 0.2 ? 2 : 1;
  let output = input;
  for (let round = 0; round < rounds; round += 1) {
    output = (MUTATIONS[MUTATION_NAMES[pick(random, MUTATION_NAMES.length)] ?? 'byteFlip'] as Mutation)(output, random);
  }
  return output;
}

interface Seed {
  file: string;
  passphrase?: string;
  count: number;
}

// node-forge opens a keystore in JavaScript (tens of milliseconds), so keystores get fewer mutations.
const SEEDS: Seed[] = [
  { file: 'pkcs8.pem', count: 700 },
  { file: 'pkcs1.pem', count: 600 },
  { file: 'pkcs8-encrypted.pem', passphrase: 'correct-horse', count: 600 },
  { file: 'pkcs1-encrypted-legacy.pem', passphrase: 'correct-horse', count: 600 },
  { file: 'env-literal-backslash-n.txt', count: 500 },
  { file: 'crlf.pem', count: 400 },
  { file: 'bom.pem', count: 400 },
  { file: 'oneline-spaces.txt', count: 500 },
  { file: 'der.key', count: 700 },
  { file: 'keystore.p12', passphrase: 'keystore-pass', count: 80 },
];

const KNOWN_CODES = new Set(Object.keys(CATALOGUE));
/** Codes the loader and inspection document for bad input. */
const LOADER_CODES = new Set([...KNOWN_CODES].filter((code) => code.startsWith('ERR_KEY_') || code === 'ERR_CERT_INVALID'));

interface Outcome {
  loaded: number;
  codes: Map<string, number>;
  problems: string[];
}

function checkError(error: unknown, where: string, outcome: Outcome): void {
  if (!(error instanceof SfjwtError) || !KNOWN_CODES.has(error.code)) {
    outcome.problems.push(`${where}: uncoded ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
    return;
  }
  outcome.codes.set(error.code, (outcome.codes.get(error.code) ?? 0) + 1);
  const printed = `${error.message}\n${error.actions.join('\n')}\n${JSON.stringify(error.details)}`;
  const leaked = KEY_BODY_LINES.find((line) => printed.includes(line));
  if (leaked !== undefined) {
    outcome.problems.push(`${where}: ${error.code} message contains a key line`);
  }
}

async function fuzzLoader(seed: Seed, random: Random, outcome: Outcome): Promise<void> {
  const original = readFileSync(keyFixture(seed.file));
  for (let round = 0; round < seed.count; round += 1) {
    const input = mutate(original, random);
    const where = `${seed.file} #${round}`;
    try {
      const loaded = await loadPrivateKey({ data: input, label: 'fuzz input', ...(seed.passphrase === undefined ? {} : { passphrase: seed.passphrase }) });
      expectSignsVerifiably(loaded.privateKey);
      outcome.loaded += 1;
    } catch (error) {
      checkError(error, where, outcome);
    }
    if (round % 5 === 0) {
      await inspectKeyData(input, 'fuzz input', seed.passphrase === undefined ? {} : { passphrase: seed.passphrase }).catch(
        (error: unknown) => checkError(error, `inspect ${where}`, outcome),
      );
    }
  }
}

describe('key loader fuzzing', function fuzz() {
  this.timeout(120_000);

  it('loads a verifiable key or raises a documented code for 5,000+ mutations', async () => {
    const random = generator(0x5f1e7);
    const outcome: Outcome = { loaded: 0, codes: new Map(), problems: [] };
    clearKeyCache();

    for (const seed of SEEDS) {
      await fuzzLoader(seed, random, outcome);
    }

    const total = SEEDS.reduce((sum, seed) => sum + seed.count, 0);
    expect(total).to.be.at.least(5000);
    expect(outcome.problems.slice(0, 10)).to.deep.equal([]);
    // The mutations must reach both outcomes and the damage codes, or they test nothing.
    const codes = [...outcome.codes.keys()];
    expect(outcome.loaded).to.be.greaterThan(100);
    expect(codes, JSON.stringify([...outcome.codes, ['loaded', outcome.loaded]])).to.include.members(['ERR_KEY_MALFORMED', 'ERR_KEY_PASSPHRASE_WRONG', 'ERR_KEY_EMPTY']);
    expect(codes.filter((code) => !LOADER_CODES.has(code))).to.deep.equal([]);
  });
});
