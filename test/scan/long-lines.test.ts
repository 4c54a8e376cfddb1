import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { expect } from 'chai';

import { scan } from '../../src/scan/engine.js';
import { ruleById } from '../../src/scan/rules/index.js';
import { SourceFile } from '../../src/scan/source-file.js';
import { makeTempDir } from '../helpers/temp-dir.js';

// One unit per rule family, repeated into a single line of about 800 KB. A rule that re-reads
// the line for each match takes minutes on such a line, so finishing within the timeout shows
// that the work grows about linearly with the line's length.
const UNITS: Record<string, string> = {
  'request.sh': 'curl -d grant_type=password -d password=x salesforce.com ',
  'quoted.sh': "curl -d 'grant_type=password&password=x&client_secret=y' -u id:s salesforce.com ",
  'unclosed.sh': "curl -d 'grant_type=password -d password=x salesforce.com ",
  'token.py': 'requests.post("https://login.salesforce.com", data={"grant_type": "password", "password": "x" + tok}); ',
  'login.py': 'from simple_salesforce import Salesforce; sf = Salesforce(username="u", password="p", security_token="t"); ',
  'client.js': 'const jsforce = require("jsforce"); conn.login("u", "p" + "t"); fetch("salesforce.com", {body: "grant_type=password&password=" + pw}); ',
  'client.rb': 'client = Restforce.new(username: "u", password: "p", security_token: "t"); config.password = "x"; ',
  'Login.java': 'import com.sforce.soap.partner.*; ConnectorConfig c; c.setPassword("p"); conn.login("u", "p"); ',
  'Login.cs': 'SforceService s; s.login("u", "p"); var f = new Dictionary { {"grant_type", "password"}, {"password", pw} }; // salesforce ',
  'login.php': '$c = new SforcePartnerClient(); $c->login("u", "p"); $d = ["grant_type" => "password", "password" => "x"]; // salesforce ',
  'token.go': 'form := url.Values{"grant_type": {"password"}, "password": {pw}, "client_secret": {"s"}}; // salesforce.com ',
  'Token.cls': "req.setBody('grant_type=password&password=' + pw); // salesforce ",
  'mule.xml': '<salesforce:basic-connection username="u" password="p" securityToken="t"/><entry key="sfdc.password" value="x"/> ',
  'soap.xml': '<e xmlns="urn:partner.soap.sforce.com"><login><username>u</username><password>p</password></login></e>',
  'app.properties': 'sfdc.password=x sf.password=y camel.component.salesforce.password=z ',
  'app.yml': 'salesforce: { password: x, grant_type: password } ',
  'app.json': '{"salesforce": {"password": "x", "grant_type": "password", "url": "salesforce.com"}}, ',
  'main.tf': 'variable "sf_password" { default = "x" } salesforce_password = "y" ',
  '.env': 'SF_PASSWORD=x SALESFORCE_SECURITY_TOKEN=y ',
  'api.postman_collection.json':
    '{"key": "grant_type", "value": "password"}, {"key": "client_secret", "value": "x"}, {"url": "salesforce.com"}, ',
};

const LINE_BYTES = 800 * 1024;

// Shapes whose regexes backtracked over a long run of spaces, or that re-read the rest of the
// file for each unclosed tag, each with one line that the rule reports.
const SPACES = ' '.repeat(LINE_BYTES);
const SHAPES: Record<string, string> = {
  'spaces.tf': `salesforce_password = "x${SPACES}y"\n`,
  'spaces.yml': `sf_password${SPACES}x\nsalesforce_password: Secret1\n`,
  'section.ini': `[${SPACES}\nsf_password = Secret1\n`,
  'open-tags.xml': `${'<salesforce:basic-connection password="p" '.repeat(LINE_BYTES / 43)}\n`,
};

describe('scan long lines', () => {
  let temp: { dir: string; remove: () => Promise<void> };

  before(async () => {
    temp = await makeTempDir();
  });

  after(async () => {
    await temp.remove();
  });

  for (const [name, unit] of Object.entries(UNITS)) {
    it(`scans a single-line ${name}`, async function () {
      this.timeout(20000);
      const path = join(temp.dir, name);
      await writeFile(path, `${unit.repeat(Math.ceil(LINE_BYTES / unit.length))}\n`);
      const report = await scan({ paths: [path] });
      expect(report.summary.filesScanned).to.equal(1);
      expect(report.findings.length, 'one finding per line').to.equal(1);
      expect(report.findings[0]?.snippet.length ?? 0).to.be.at.most(202);
    });
  }

  for (const [name, content] of Object.entries(SHAPES)) {
    it(`scans ${name} with long runs`, async function () {
      this.timeout(20000);
      const path = join(temp.dir, name);
      await writeFile(path, content);
      const report = await scan({ paths: [path] });
      expect(report.summary.filesScanned).to.equal(1);
      expect(report.findings.length).to.equal(1);
    });
  }

  // Grants 40 lines or 9,000 characters apart, so each window starts past the last one,
  // alternating between a hard-coded password and one from the environment.
  const gaps: Record<string, string> = { lines: `\n${'echo step\n'.repeat(40)}`, 'one line': ` ${'x'.repeat(9000)} ` };
  for (const [layout, gap] of Object.entries(gaps)) {
    it(`rates each grant by its own field (${layout})`, () => {
      const grants = Array.from({ length: 100 }, (_, index) =>
        index % 2 === 0
          ? `curl -d grant_type=password -d password=Lit${index} https://login.salesforce.com${gap}`
          : `curl -d grant_type=password -d password="$SF_PASSWORD" https://login.salesforce.com${gap}`,
      );
      const file = new SourceFile('/repo/grants.sh', 'grants.sh', 'grants.sh', `${grants.join('')}\n`);
      const kinds = ruleById('oauth-password-shell')?.check(file).map((match) => match.valueKind);
      expect(kinds).to.deep.equal(grants.map((_, index) => (index % 2 === 0 ? 'literal' : 'reference')));
    });
  }

  it('scans many unclosed variable blocks', async function () {
    this.timeout(20000);
    // Searching each block for its default up to the end of the file takes about 8 seconds
    // for 800 KB and grows with the square of the size, so this file is four times as large.
    const path = join(temp.dir, 'variables.tf');
    const block = 'variable "sf_password" {\n';
    await writeFile(path, block.repeat(Math.ceil((4 * LINE_BYTES) / block.length)));
    const report = await scan({ paths: [path], maxFileSize: 8 * LINE_BYTES });
    expect(report.summary.filesScanned).to.equal(1);
    expect(report.findings.length).to.equal(Math.ceil((4 * LINE_BYTES) / block.length));
  });
});
