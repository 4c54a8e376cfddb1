import { execFile } from 'node:child_process';
import { cp, mkdir, readdir, symlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

import { expect } from 'chai';

import { makeTempDir } from '../helpers/temp-dir.js';

const run = promisify(execFile);

describe('jsforce connection without jsforce', () => {
  let temp: { dir: string; remove: () => Promise<void> };

  before(async () => {
    // A copy of the compiled library whose node_modules contains every package but jsforce.
    temp = await makeTempDir();
    await cp(resolve('build/src'), join(temp.dir, 'src'), { recursive: true });
    await cp(resolve('package.json'), join(temp.dir, 'package.json'));
    await mkdir(join(temp.dir, 'node_modules'));
    for (const name of await readdir(resolve('node_modules'))) {
      if (name !== 'jsforce') {
        await symlink(resolve('node_modules', name), join(temp.dir, 'node_modules', name));
      }
    }
  });

  after(async () => {
    await temp.remove();
  });

  it('raises ERR_JSFORCE_MISSING', async () => {
    const script = `
      import { createJsforceConnection } from './src/clients/jsforce-connection.js';
      const options = { clientId: '3MVG9test', username: 'u@example.com', privateKey: { path: 'none.pem' } };
      createJsforceConnection(options).then(
        () => console.log('resolved'),
        (error) => console.log(JSON.stringify({ code: error.code, message: error.message, actions: error.actions })),
      );`;

    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: temp.dir });

    const outcome = JSON.parse(stdout) as { code: string; message: string; actions: string[] };
    expect(outcome.code).to.equal('ERR_JSFORCE_MISSING');
    expect(outcome.actions.join(' ')).to.include('npm install jsforce@3');
  });
});
