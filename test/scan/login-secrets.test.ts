import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { expect } from 'chai';

import { isLoginSecretName } from '../../src/scan/keys.js';
import { loginSecretsOnLine } from '../../src/scan/login-secrets.js';
import { SourceFile } from '../../src/scan/source-file.js';
import { runSfjwt } from '../helpers/cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const FORMATS = ['text', 'json', 'sarif', 'markdown'] as const;
const TOKEN_URL = 'https://login.salesforce.com/services/oauth2/token';

// Password grants whose reported line also carries the app's client secret, a security token
// or basic-auth credentials, hard-coded.
const FILES: Record<string, string> = {
  'token.py':
    'import requests\n' +
    `r = requests.post("${TOKEN_URL}", data={"grant_type": "password", "client_id": "3MVG9", ` +
    '"client_secret": "CSLEAK02", "username": "u", "password": pw, "security_token": "TKLEAK03"})\n',
  'token.go':
    `package main\n// ${TOKEN_URL}\n` +
    'func f() { form.Set("grant_type", "password"); form.Set("client_secret","CSLEAK51"); form.Set("password", pw) }\n',
  'token.php': `<?php // ${TOKEN_URL}\n$d = ['grant_type' => 'password', 'client_secret' => 'CSLEAK71', 'password' => $pw];\n`,
  'client.rb':
    "require 'restforce'\n" +
    "client = Restforce.new(username: 'u', password: ENV['PW'], client_id: '3MVG9', client_secret: 'CSLEAK21', security_token: 'TKLEAK22')\n",
  'token.sh':
    `curl -u 3MVG9:CSLEAK42 -d grant_type=password -d password="$PW" ${TOKEN_URL}\n` +
    `curl -d grant_type=password -d client_secret=CSLEAK43 -d password="$PW" ${TOKEN_URL}\n` +
    `curl -H "Authorization: Basic M01WRzk6Q1NMRUFLNDQ=" -d grant_type=password -d password="$PW" ${TOKEN_URL}\n` +
    'curl -d grant_type=password -d password="$PW" https://3MVG9:CSLEAK45@login.salesforce.com/services/oauth2/token\n' +
    `curl --user "3MVG9:CSLEAK46" -d 'grant_type=password&password=x&client_secret=CSLEAK47' ${TOKEN_URL}\n`,
  'Token.cs':
    `// ${TOKEN_URL}\n` +
    'var form = new Dictionary<string, string> { { "grant_type", "password" }, { "client_secret", "CSLEAK61" }, { "password", pw } };\n' +
    'var body = $"grant_type=password&client_id={id}&client_secret=CSLEAK62&password={pw}";\n',
  'Token.java':
    `// ${TOKEN_URL}\n` +
    'form.add("grant_type", "password"); form.add("client_secret", "CSLEAK91"); form.add("password", password);\n',
  'TokenClient.kt': `// ${TOKEN_URL}\nval form = mapOf("grant_type" to "password", "client_secret" to "CSLEAK33", "password" to pw)\n`,
  'token.js':
    `fetch("${TOKEN_URL}", { method: "POST", body: new URLSearchParams({ grant_type: 'password', ` +
    "client_id: id, clientSecret: 'CSLEAK31', username: u, password: p }) });\n",
  'login.postman_collection.json':
    '{"info": {"schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},\n' +
    `"item": [{"request": {"url": "${TOKEN_URL}", "body": {"mode": "urlencoded", "urlencoded": [` +
    '{"key": "grant_type", "value": "password"}, {"key": "client_secret", "value": "CSLEAK81"}, {"key": "password", "value": "{{pw}}"}]}}}]}\n',
};

const SECRETS = [
  'CSLEAK02', 'TKLEAK03', 'CSLEAK51', 'CSLEAK71', 'CSLEAK21', 'TKLEAK22', 'CSLEAK42', 'CSLEAK43',
  'M01WRzk6Q1NMRUFLNDQ=', 'CSLEAK45', 'CSLEAK46', 'CSLEAK47', 'CSLEAK61', 'CSLEAK62', 'CSLEAK91',
  'CSLEAK33', 'CSLEAK31', 'CSLEAK81',
];

/** Returns the text of every span found on each line of `text`, read as the file `name`. */
function maskedValues(name: string, text: string): string[] {
  const file = new SourceFile(`/repo/${name}`, name, name, text);
  const values: string[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    const spans = loginSecretsOnLine(file, start, start + line.length);
    values.push(...spans.map((span) => text.slice(span.start, span.end)));
    start += line.length + 1;
  }
  return values;
}

describe('scan login secrets', () => {
  let temp: { dir: string; remove: () => Promise<void> };

  before(async () => {
    temp = await makeTempDir();
    for (const [name, content] of Object.entries(FILES)) {
      await mkdir(join(temp.dir, name, '..'), { recursive: true });
      await writeFile(join(temp.dir, name), content);
    }
  });

  after(async () => {
    await temp.remove();
  });

  const names: Array<[string, boolean]> = [
    ['client_secret', true],
    ['clientSecret', true],
    ['SF_CONSUMER_SECRET', true],
    ['security_token', true],
    ['securityToken', true],
    ['SF_TOKEN', true],
    ['client_id', false],
    ['SALESFORCE_CLIENT_ID', false],
    ['access_token', false],
    ['secret', false],
  ];
  for (const [name, expected] of names) {
    it(`reads ${name} as ${expected ? 'a' : 'no'} login secret`, () => {
      expect(isLoginSecretName(name)).to.equal(expected);
    });
  }

  it('finds each hard-coded value', () => {
    const found = Object.entries(FILES).flatMap(([name, text]) => maskedValues(name, text));
    for (const secret of SECRETS) {
      expect(found, secret).to.include(secret);
    }
  });

  it('leaves references and ids alone', () => {
    const text =
      `curl -u "$SF_CLIENT_ID:$SF_CLIENT_SECRET" -d client_secret=\${SECRET} -d grant_type=password ${TOKEN_URL}\n` +
      'data = {"client_id": "3MVG9xyz", "client_secret": os.environ["SF_CLIENT_SECRET"], "security_token": token}\n';
    expect(maskedValues('token.sh', text.split('\n')[0] ?? '')).to.deep.equal([]);
    expect(maskedValues('token.py', text.split('\n')[1] ?? '')).to.deep.equal([]);
  });

  it('reads Postman and XML values alone', () => {
    const postman = '[{"key": "client_secret", "value": "CSLEAK81", "type": "text"}]';
    expect(maskedValues('a.postman_collection.json', postman)).to.deep.equal(['CSLEAK81']);
    const mule = '<salesforce:oauth-user-pass-connection consumerSecret="CSLEAK83" username="u" password="p"/>';
    expect(maskedValues('mule.xml', mule)).to.deep.equal(['CSLEAK83']);
  });

  for (const format of FORMATS) {
    it(`hides them in ${format}`, async () => {
      const run = await runSfjwt(['scan', temp.dir, '--format', format]);
      expect(run.exitCode, run.stderr).to.equal(1);
      for (const secret of SECRETS) {
        expect(run.stdout, secret).to.not.include(secret);
      }
    });
  }

  for (const flag of ['--no-mask', '--show-secrets']) {
    it(`shows them with ${flag}`, async () => {
      const run = await runSfjwt(['scan', temp.dir, '--format', 'json', flag]);
      const report = JSON.parse(run.stdout) as { findings: Array<{ snippet: string }> };
      const snippets = report.findings.map((finding) => finding.snippet).join('\n');
      for (const secret of SECRETS) {
        expect(snippets, secret).to.include(secret);
      }
    });
  }
});
