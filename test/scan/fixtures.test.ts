import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

import { expect } from 'chai';

import { scan } from '../../src/scan/engine.js';
import type { Finding, Mechanism, Severity } from '../../src/scan/types.js';
import { fixturePath, repositoryRoot } from '../helpers/fixtures.js';

interface Positive {
  file: string;
  line: number;
  mechanism: Mechanism;
  severity: Severity;
  rule: string;
}

// Mirrors the tables of test/fixtures/scan/README.md; a test below checks that the two agree.
const POSITIVES: readonly Positive[] = [
  { file: 'refresh-token.sh', line: 4, mechanism: 'oauth-password', severity: 'high', rule: 'oauth-password-shell' },
  { file: 'sync_accounts.py', line: 9, mechanism: 'oauth-password', severity: 'high', rule: 'oauth-password-python' },
  { file: 'token.js', line: 6, mechanism: 'oauth-password', severity: 'high', rule: 'oauth-password-js' },
  { file: 'SalesforceAuth.java', line: 12, mechanism: 'oauth-password', severity: 'medium', rule: 'oauth-password-java' },
  { file: 'SalesforceClient.cs', line: 13, mechanism: 'oauth-password', severity: 'medium', rule: 'oauth-password-csharp' },
  { file: 'auth.go', line: 11, mechanism: 'oauth-password', severity: 'high', rule: 'oauth-password-go' },
  { file: 'login_literal.go', line: 10, mechanism: 'oauth-password', severity: 'medium', rule: 'oauth-password-go' },
  { file: 'TokenClient.kt', line: 7, mechanism: 'oauth-password', severity: 'high', rule: 'oauth-password-java' },
  { file: 'token.php', line: 5, mechanism: 'oauth-password', severity: 'critical', rule: 'oauth-password-php' },
  { file: 'token.rb', line: 5, mechanism: 'oauth-password', severity: 'high', rule: 'oauth-password-ruby' },
  { file: 'TokenService.cls', line: 6, mechanism: 'oauth-password', severity: 'medium', rule: 'oauth-password-apex' },
  {
    file: 'salesforce-auth.postman_collection.json',
    line: 12,
    mechanism: 'oauth-password',
    severity: 'high',
    rule: 'oauth-password-postman',
  },
  { file: 'oauth-login.ts', line: 11, mechanism: 'oauth-password', severity: 'high', rule: 'jsforce-login' },
  { file: 'salesforce.js', line: 5, mechanism: 'soap-login', severity: 'high', rule: 'jsforce-login' },
  { file: 'crm_client.py', line: 4, mechanism: 'soap-login', severity: 'high', rule: 'simple-salesforce-login' },
  { file: 'positional.py', line: 2, mechanism: 'soap-login', severity: 'critical', rule: 'simple-salesforce-login' },
  { file: 'simple_oauth.py', line: 4, mechanism: 'oauth-password', severity: 'high', rule: 'simple-salesforce-login' },
  { file: 'salesforce.rb', line: 5, mechanism: 'oauth-password', severity: 'high', rule: 'restforce-password' },
  { file: 'PartnerLogin.java', line: 11, mechanism: 'soap-login', severity: 'critical', rule: 'wsc-login' },
  { file: 'SalesforceSoap.cs', line: 8, mechanism: 'soap-login', severity: 'medium', rule: 'dotnet-soap-login' },
  { file: 'login.php', line: 6, mechanism: 'soap-login', severity: 'high', rule: 'php-toolkit-login' },
  { file: 'SoapLogin.cls', line: 10, mechanism: 'soap-login', severity: 'medium', rule: 'soap-login-envelope' },
  { file: 'mule/global.xml', line: 5, mechanism: 'soap-login', severity: 'high', rule: 'mulesoft-basic-connection' },
  {
    file: 'mule/oauth-user-pass.xml',
    line: 5,
    mechanism: 'oauth-password',
    severity: 'critical',
    rule: 'mulesoft-oauth-user-pass',
  },
  { file: 'application.properties', line: 5, mechanism: 'oauth-password', severity: 'high', rule: 'camel-password' },
  { file: 'dataloader/process-conf.xml', line: 9, mechanism: 'credentials', severity: 'critical', rule: 'dataloader-password' },
  { file: 'build.properties', line: 3, mechanism: 'credentials', severity: 'critical', rule: 'ant-password' },
  { file: '.env.example', line: 4, mechanism: 'credentials', severity: 'low', rule: 'env-file-password' },
  { file: 'config/appsettings.json', line: 6, mechanism: 'credentials', severity: 'critical', rule: 'config-file-password' },
  { file: 'config/salesforce.yml', line: 4, mechanism: 'credentials', severity: 'high', rule: 'config-file-password' },
  { file: '.github/workflows/sync.yml', line: 13, mechanism: 'credentials', severity: 'high', rule: 'ci-password' },
  { file: '.github/workflows/sync.yml', line: 15, mechanism: 'credentials', severity: 'high', rule: 'ci-password-flow-credentials' },
  { file: '.gitlab-ci.yml', line: 4, mechanism: 'credentials', severity: 'high', rule: 'ci-password' },
  { file: 'terraform/salesforce.tf', line: 1, mechanism: 'credentials', severity: 'high', rule: 'terraform-password' },
  { file: 'docs/old-login.md', line: 4, mechanism: 'oauth-password', severity: 'low', rule: 'oauth-password-other' },
];

const NEGATIVES: readonly string[] = [
  'keycloak_token.py',
  'okta.sh',
  'OktaClient.java',
  'jwt_login.js',
  'jwt_client.py',
  'camel-jwt.properties',
  'process-conf-proxy.xml',
  'session_client.py',
  'restforce_jwt.rb',
  'salesforce-jwt.tf',
  'database.env',
  'notes.md',
  'commented_out.py',
  'errors.ts',
  'ci-jwt.yml',
];

const positiveDir = fixturePath('scan', 'positive');
const negativeDir = fixturePath('scan', 'negative');

/** Rows of the Markdown table whose header starts with `firstHeader`, as arrays of cell texts. */
function readmeTable(firstHeader: string): string[][] {
  const lines = readFileSync(fixturePath('scan', 'README.md'), 'utf8').split('\n');
  const start = lines.findIndex((line) => line.startsWith(`| ${firstHeader} |`));
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) {
      break;
    }
    rows.push(line.split('|').slice(1, -1).map((cell) => cell.trim()));
  }
  return rows;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

function describeFindings(findings: readonly Finding[]): string {
  return findings.map((finding) => `${finding.line} ${finding.mechanism} ${finding.severity} ${finding.ruleId}`).join('; ');
}

describe('scan fixtures', () => {
  it('table matches the fixture README', () => {
    const positives = readmeTable('positive file').map(([file, line, mechanism, severity, rule]) => ({
      file,
      line: Number(line),
      mechanism,
      severity,
      rule,
    }));
    expect(positives).to.deep.equal(POSITIVES);
    expect(readmeTable('negative file').map(([file]) => file)).to.deep.equal(NEGATIVES);
  });

  it('README lists every fixture file', () => {
    expect(listFiles(positiveDir)).to.deep.equal([...new Set(POSITIVES.map((row) => row.file))].sort());
    expect(listFiles(negativeDir)).to.deep.equal([...NEGATIVES].sort());
  });

  for (const expected of POSITIVES) {
    it(`finds ${expected.file}:${expected.line}`, async () => {
      const report = await scan({ paths: [expected.file], cwd: positiveDir });
      const found = report.findings.find((finding) => finding.line === expected.line);
      expect(found, describeFindings(report.findings)).to.not.equal(undefined);
      expect(found?.file).to.equal(expected.file);
      expect(found?.mechanism).to.equal(expected.mechanism);
      expect(found?.severity).to.equal(expected.severity);
      expect(found?.ruleId).to.equal(expected.rule);
      expect(found?.docs).to.equal(`docs/rules.md#${expected.rule}`);
    });
  }

  for (const file of NEGATIVES) {
    it(`finds nothing in ${file}`, async () => {
      const report = await scan({ paths: [file], cwd: negativeDir });
      expect(report.summary.filesScanned).to.equal(1);
      expect(report.findings, describeFindings(report.findings)).to.deep.equal([]);
    });
  }

  it('folder scan finds every positive', async () => {
    const report = await scan({ paths: ['.'], cwd: positiveDir });
    for (const expected of POSITIVES) {
      const found = report.findings.find((finding) => finding.file === expected.file && finding.line === expected.line);
      expect(found, `${expected.file}:${expected.line}`).to.include({
        mechanism: expected.mechanism,
        severity: expected.severity,
        ruleId: expected.rule,
      });
    }
    expect(report.summary.filesWithFindings).to.equal(new Set(POSITIVES.map((row) => row.file)).size);
  });

  it('rates fixtures low from the repository root', async () => {
    const report = await scan({ paths: ['.'], cwd: repositoryRoot });
    const fixtures = report.findings.filter((finding) => finding.file.startsWith('test/fixtures/scan/positive/'));
    expect(fixtures.length).to.be.at.least(POSITIVES.length);
    for (const finding of fixtures) {
      expect(finding.severity, finding.file).to.equal('low');
      expect(finding.severityReason).to.equal('test fixture');
    }
  });
});
