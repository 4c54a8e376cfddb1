import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { expect } from 'chai';

import { runSfjwt } from '../helpers/cli.js';
import { fixturePath } from '../helpers/fixtures.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const FORMATS = ['text', 'json', 'sarif', 'markdown'] as const;

// Hard-coded secrets of the positive fixtures that sit on a reported line.
const SNIPPET_SECRETS = [
  'S3cret!',
  'TOKENVALUE123',
  'Winter2026!',
  'AbCdEfGh12345',
  'Passw0rdAndToken',
  '4f1e0c6b2a9d8e7f3c5b1a0d9e8f7c6b',
  'Sup3rS3cretConsumer',
  'Hunter2Hunter2',
  'XyZ987TokenAbc',
  'NotARealOne1',
];
// Hard-coded secrets on other lines of the same logins.
const OTHER_SECRETS = ['Summer2026!Pw', 'Tok3nValue99', 'Autumn2026!Secret'];

// Secret shapes beyond the fixtures, one file each: quoting, a long line, several secrets on a line.
const GENERATED: Record<string, string> = {
  '.env': 'SF_PASSWORD="quoted env value 1"\nSALESFORCE_SECURITY_TOKEN=bareEnvToken2\n',
  'config/app.yml': "salesforce:\n  password: 'yaml single quoted 3'\n",
  'Long.java':
    'import com.sforce.ws.ConnectorConfig;\nclass Long { void f(ConnectorConfig c) { ' +
    `${'c.setUsername("u"); '.repeat(20)}c.setPassword("longLineSecret4" + "tokenPart5"); } }\n`,
  'login.py':
    'from simple_salesforce import Salesforce\n' +
    "sf = Salesforce(username='u', password='kwSecret6', security_token='kwToken7', domain='test')\n",
  'web.config': '<configuration><appSettings><add key="SalesforcePassword" value="xmlSecret8"/></appSettings></configuration>\n',
  'deploy.tfvars': 'salesforce_password = "tfvarsSecret9"\n',
};
const GENERATED_SECRETS = [
  'quoted env value 1',
  'bareEnvToken2',
  'yaml single quoted 3',
  'longLineSecret4',
  'tokenPart5',
  'kwSecret6',
  'kwToken7',
  'xmlSecret8',
  'tfvarsSecret9',
];

async function writeGenerated(dir: string): Promise<void> {
  for (const [name, content] of Object.entries(GENERATED)) {
    await mkdir(join(dir, name, '..'), { recursive: true });
    await writeFile(join(dir, name), content);
  }
}

describe('scan masking', () => {
  for (const format of FORMATS) {
    it(`hides fixture secrets in ${format}`, async () => {
      const run = await runSfjwt(['scan', fixturePath('scan', 'positive'), '--format', format]);
      expect(run.exitCode, run.stderr).to.equal(1);
      for (const secret of [...SNIPPET_SECRETS, ...OTHER_SECRETS]) {
        expect(run.stdout, secret).to.not.include(secret);
        expect(run.stderr, secret).to.not.include(secret);
      }
      expect(run.stdout).to.include('********');
    });

    it(`hides generated secrets in ${format}`, async () => {
      const temp = await makeTempDir();
      try {
        await writeGenerated(temp.dir);
        const run = await runSfjwt(['scan', temp.dir, '--format', format]);
        expect(run.exitCode, run.stderr).to.equal(1);
        for (const secret of GENERATED_SECRETS) {
          expect(run.stdout, secret).to.not.include(secret);
        }
      } finally {
        await temp.remove();
      }
    });
  }

  for (const flag of ['--no-mask', '--show-secrets']) {
    it(`shows secrets with ${flag}`, async () => {
      const run = await runSfjwt(['scan', fixturePath('scan', 'positive'), '--format', 'json', flag]);
      const report = JSON.parse(run.stdout) as { masked: boolean; findings: Array<{ snippet: string }> };
      expect(report.masked).to.equal(false);
      const snippets = report.findings.map((finding) => finding.snippet).join('\n');
      for (const secret of SNIPPET_SECRETS) {
        expect(snippets, secret).to.include(secret);
      }
      expect(snippets).to.not.include('********');
    });
  }

  it('shows generated secrets unmasked', async () => {
    const temp = await makeTempDir();
    try {
      await writeGenerated(temp.dir);
      const run = await runSfjwt(['scan', temp.dir, '--no-mask']);
      for (const secret of GENERATED_SECRETS) {
        expect(run.stdout, secret).to.include(secret);
      }
      expect(run.stdout).to.include('Secret values are shown unmasked');
    } finally {
      await temp.remove();
    }
  });
});
