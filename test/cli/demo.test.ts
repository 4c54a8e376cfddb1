import { expect } from 'chai';

import { runDemo } from '../../src/demo/run-demo.js';
import { runSfjwt } from '../helpers/cli.js';

describe('sfjwt demo', () => {
  it('prints each step and a success line', async () => {
    const run = await runSfjwt(['demo']);

    expect(run.exitCode, run.stderr).to.equal(0);
    for (const step of ['1.', '2.', '3.', '4.', '5.', '6.']) {
      expect(run.stdout).to.include(`\n${step} `);
    }
    expect(run.stdout.trimEnd().split('\n').at(-1)).to.match(/^Success: /);
  });

  it('sends no password to the emulator', async () => {
    const result = await runDemo(() => undefined);

    expect(result.passwordsReceived).to.equal(0);
    expect(result.jwtExchanges).to.equal(1);
  });

  it('keeps the access token out of its output', async () => {
    const run = await runSfjwt(['demo']);

    expect(run.stdout).to.match(/access token 00D[A-Za-z0-9]{12}!\[redacted\]/);
    expect(run.stdout).to.not.match(/00D[A-Za-z0-9]{12}![A-Za-z0-9_-]{20,}/);
    expect(run.stdout).to.not.include('PRIVATE KEY');
  });
});
