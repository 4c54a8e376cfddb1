import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { expect } from 'chai';

import { CATALOGUE, type ErrorCode } from '../../src/errors/catalogue.js';
import { renderErrorsDoc } from '../../src/errors/render-docs.js';
import { repositoryRoot } from '../helpers/fixtures.js';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('error catalogue', () => {
  const sources = sourceFiles(join(repositoryRoot, 'src'))
    .filter((path) => !path.endsWith(join('errors', 'catalogue.ts')))
    .map((path) => readFileSync(path, 'utf8'))
    .join('\n');

  it('matches docs/errors.md', () => {
    const committed = readFileSync(join(repositoryRoot, 'docs', 'errors.md'), 'utf8');

    expect(committed, 'run `npm run docs:errors`').to.equal(renderErrorsDoc());
  });

  it('lists every code the source names', () => {
    const named = new Set(sources.match(/'ERR_[A-Z0-9_]+'/g)?.map((literal) => literal.slice(1, -1)));
    // Node's own codes appear where sfjwt interprets Node's errors: OpenSSL ones and a failed import.
    const nodeCodes = (code: string): boolean => code.startsWith('ERR_OSSL_') || code === 'ERR_MODULE_NOT_FOUND';
    const missing = [...named].filter((code) => !nodeCodes(code) && !(code in CATALOGUE));

    expect(missing).to.deep.equal([]);
  });

  it('has no code that the source never raises', () => {
    const unused = (Object.keys(CATALOGUE) as ErrorCode[]).filter((code) => !sources.includes(`'${code}'`));

    expect(unused).to.deep.equal([]);
  });

  it('gives every code causes and actions', () => {
    for (const [code, entry] of Object.entries(CATALOGUE)) {
      expect(entry.causes.length, code).to.be.greaterThan(0);
      expect(entry.actions.length, code).to.be.greaterThan(0);
    }
  });
});
