import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { expect } from 'chai';

import { repositoryRoot } from '../helpers/fixtures.js';
import { spawnSfjwt } from '../helpers/spawn-cli.js';

const COMMANDS = ['token', 'doctor', 'emulator', 'setup', 'demo', 'scan', 'broker', 'cert generate', 'cert inspect', 'cert check'];

/** Returns the section of docs/cli.md about `sfjwt COMMAND`, up to the next section of the same level. */
function section(doc: string, command: string): string {
  const top = command.split(' ')[0] ?? command;
  const start = doc.indexOf(`## sfjwt ${top}`);
  const end = doc.indexOf('\n## ', start + 1);
  return start < 0 ? '' : doc.slice(start, end < 0 ? undefined : end);
}

describe('docs/cli.md', () => {
  const doc = readFileSync(join(repositoryRoot, 'docs', 'cli.md'), 'utf8');

  for (const command of COMMANDS) {
    it(`documents every option of ${command}`, async () => {
      const run = await spawnSfjwt([...command.split(' '), '--help']);
      const options = [...run.stdout.matchAll(/^\s+(--[a-z][a-z0-9-]*)/gm)]
        .map((match) => match[1] ?? '')
        .filter((option) => option !== '--help' && option !== '--version');
      const text = section(doc, command);

      expect(text, `section for ${command}`).to.not.equal('');
      if (command !== 'demo') {
        expect(options.length).to.be.greaterThan(0);
      }
      // Shared connection options are documented once, in the Settings table.
      const shared = section(doc, 'token') + doc.slice(doc.indexOf('## Settings'), doc.indexOf('## sfjwt token'));
      const documented = (option: string): boolean =>
        [option, `--no-${option.slice(2)}`].some((form) => text.includes(`\`${form}`) || shared.includes(`\`${form}`));
      const missing = options.filter((option) => !documented(option));
      expect(missing).to.deep.equal([]);
    });
  }
});
