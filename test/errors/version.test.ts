import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { expect } from 'chai';

import { VERSION } from '../../src/version.js';
import { repositoryRoot } from '../helpers/fixtures.js';
import { spawnSfjwt } from '../helpers/spawn-cli.js';

describe('version', () => {
  it('matches package.json', () => {
    const manifest = JSON.parse(readFileSync(join(repositoryRoot, 'package.json'), 'utf8')) as { version: string };

    expect(VERSION).to.equal(manifest.version);
  });

  it('prints from the CLI', async () => {
    const run = await spawnSfjwt(['--version']);

    expect(run.stdout).to.equal(`${VERSION}\n`);
    expect(run.exitCode).to.equal(0);
  });
});
