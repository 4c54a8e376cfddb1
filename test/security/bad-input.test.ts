import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { expect } from 'chai';

import { startEmulator } from '../../src/emulator/server.js';
import { SfjwtError } from '../../src/errors/sfjwt-error.js';
import { exchangeAssertion } from '../../src/oauth/exchange.js';
import { runSfjwt } from '../helpers/cli.js';
import { spawnSfjwt } from '../helpers/spawn-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

describe('bad input', () => {
  it('rejects an empty host instead of binding every interface', async () => {
    const error = await startEmulator({ config: {}, host: '' }).catch((caught: unknown) => caught);

    expect(error).to.be.instanceOf(SfjwtError);
    expect((error as SfjwtError).code).to.equal('ERR_SETTING_INVALID');
  });

  it('keeps secrets out of JSON syntax errors', async () => {
    const temp = await makeTempDir();
    await writeFile(`${temp.dir}/config.json`, '{"users":[{"username":"u","password":S3cretPassw0rdValue}]}');
    const run = await spawnSfjwt(['emulator', '--config', `${temp.dir}/config.json`]);
    await temp.remove();

    expect(run.exitCode).to.equal(2);
    expect(run.stderr).to.include('is not valid JSON');
    expect(run.stderr).to.not.include('S3cret');
  });

  it('rejects a presigned assertion whose claims are null', async () => {
    const temp = await makeTempDir();
    await writeFile(`${temp.dir}/null.jwt`, 'eyJhbGciOiJSUzI1NiJ9.bnVsbA.c2ln');
    const run = await runSfjwt(['token', '--login-url', 'http://127.0.0.1:9', '--assertion-file', `${temp.dir}/null.jwt`]);
    await temp.remove();

    expect(run.exitCode).to.equal(2);
    expect(run.stderr).to.include('ERR_ASSERTION_MALFORMED');
  });

  it('survives an error_description that is not a string', async () => {
    const server = createServer((_request, response) => {
      response.writeHead(400, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: 'invalid_grant', error_description: { nested: true } }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const error = await exchangeAssertion({
      tokenEndpoint: `http://127.0.0.1:${port}/services/oauth2/token`,
      assertion: 'eyJhbGciOiJSUzI1NiJ9.e30.c2ln',
      advice: { tokenEndpoint: '', audience: '' },
    }).catch((caught: unknown) => caught);
    await new Promise((resolve) => server.close(resolve));

    expect(error).to.be.instanceOf(SfjwtError);
    expect((error as SfjwtError).code).to.equal('ERR_HTTP_UNEXPECTED_RESPONSE');
  });
});
