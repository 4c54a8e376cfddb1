import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { Ajv } from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { expect } from 'chai';
import type { Log } from 'sarif';

import { runSfjwt } from '../helpers/cli.js';
import { fixturePath, repositoryRoot } from '../helpers/fixtures.js';

const reportSchema = JSON.parse(readFileSync(join(repositoryRoot, 'schemas', 'scan-report.schema.json'), 'utf8')) as object;
const sarifSchema = JSON.parse(readFileSync(fixturePath('sarif', 'sarif-2.1.0-rtm.5.json'), 'utf8')) as object;

function reportValidator(): ReturnType<Ajv['compile']> {
  const ajv = new Ajv({ allErrors: true, strict: true });
  return ajv.compile(reportSchema);
}

// Both packages are CommonJS: under NodeNext the default import is module.exports, whose
// `default` property is the class or plugin itself.
function sarifValidator(): ReturnType<Ajv['compile']> {
  // The schema's `language` pattern has a stray `]` that is only valid without the `u` flag.
  const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats.default(ajv);
  return ajv.compile(sarifSchema);
}

async function scanOutput(format: string, path: string): Promise<string> {
  const run = await runSfjwt(['scan', path, '--format', format, '--fail-on', 'none']);
  expect(run.exitCode, run.stderr).to.equal(0);
  return run.stdout;
}

describe('scan JSON format', () => {
  const validate = reportValidator();

  for (const folder of ['positive', 'negative']) {
    it(`matches the schema for ${folder}`, async () => {
      const report = JSON.parse(await scanOutput('json', fixturePath('scan', folder))) as unknown;
      expect(validate(report), JSON.stringify(validate.errors)).to.equal(true);
    });
  }

  it('schema rejects a finding without rule', async () => {
    const report = JSON.parse(await scanOutput('json', fixturePath('scan', 'positive'))) as {
      findings: Array<Record<string, unknown>>;
    };
    delete report.findings[0]?.ruleId;
    expect(validate(report)).to.equal(false);
    expect(validate.errors?.[0]?.message).to.include('ruleId');
  });

  it('reports counts and deadlines', async () => {
    const report = JSON.parse(await scanOutput('json', fixturePath('scan', 'positive'))) as {
      summary: { findings: number; byMechanism: Record<string, number>; deadlines: Array<{ date: string }> };
    };
    const counted = Object.values(report.summary.byMechanism).reduce((sum, count) => sum + count, 0);
    expect(counted).to.equal(report.summary.findings);
    expect(report.summary.deadlines.map((deadline) => deadline.date)).to.deep.equal(['2027-02-20', "Summer '27"]);
  });
});

describe('scan SARIF format', () => {
  const validate = sarifValidator();

  for (const folder of ['positive', 'negative']) {
    it(`matches SARIF 2.1.0 for ${folder}`, async () => {
      const log = JSON.parse(await scanOutput('sarif', fixturePath('scan', folder))) as unknown;
      expect(validate(log), JSON.stringify(validate.errors)).to.equal(true);
    });
  }

  it('schema rejects a result without message', async () => {
    const log = JSON.parse(await scanOutput('sarif', fixturePath('scan', 'positive'))) as Log;
    delete (log.runs[0]?.results?.[0] as Partial<NonNullable<Log['runs'][0]['results']>[0]>).message;
    expect(validate(log)).to.equal(false);
  });

  it('gives GitHub the fields it reads', async () => {
    const log = JSON.parse(await scanOutput('sarif', fixturePath('scan', 'positive'))) as Log;
    const run = log.runs[0];
    const rules = run?.tool.driver.rules ?? [];
    expect(log.version).to.equal('2.1.0');
    expect(rules.length).to.be.greaterThan(20);
    for (const rule of rules) {
      expect(rule.shortDescription?.text, rule.id).to.be.a('string');
      expect(rule.fullDescription?.text, rule.id).to.be.a('string');
      expect(rule.help?.markdown, rule.id).to.include(`docs/rules.md#${rule.id}`);
    }
    const results = run?.results ?? [];
    expect(results.length).to.be.greaterThan(30);
    for (const result of results) {
      const physical = result.locations?.[0]?.physicalLocation;
      expect(rules[result.ruleIndex ?? -1]?.id).to.equal(result.ruleId);
      expect(physical?.artifactLocation?.uri).to.match(/^test\/fixtures\/scan\/positive\//);
      expect(physical?.artifactLocation?.uriBaseId).to.equal('%SRCROOT%');
      expect(physical?.region?.startLine).to.be.at.least(1);
      expect(result.partialFingerprints?.['sfjwtFinding/v1']).to.match(/^[0-9a-f]{64}$/);
    }
  });
});

describe('scan text and markdown formats', () => {
  it('groups text output by file', async () => {
    const text = await scanOutput('text', fixturePath('scan', 'positive'));
    const header = text.indexOf('test/fixtures/scan/positive/PartnerLogin.java\n');
    expect(header).to.be.at.least(0);
    expect(text.slice(header)).to.match(/^.*PartnerLogin\.java\n {2}11:16 {2}critical {2}soap-login {2}wsc-login\n/);
    expect(text).to.include('Rule: docs/rules.md#wsc-login');
    expect(text).to.match(/By mechanism: oauth-password \d+, soap-login \d+, credentials \d+/);
    expect(text).to.include('20 February 2027');
    expect(text).to.include("Summer '27");
    expect(text).to.match(/Skipped: \d+ git-ignored/);
  });

  it('orders markdown integrations by urgency', async () => {
    const markdown = await scanOutput('markdown', fixturePath('scan', 'positive'));
    const headings = [...markdown.matchAll(/^### (\d+)\. .* \((critical|high|medium|low)\)$/gm)];
    const ranks = headings.map((heading) => ['low', 'medium', 'high', 'critical'].indexOf(heading[2] ?? ''));
    expect(headings.length).to.be.greaterThan(10);
    expect(headings.map((heading) => Number(heading[1]))).to.deep.equal(headings.map((_heading, index) => index + 1));
    expect(ranks).to.deep.equal([...ranks].sort((left, right) => right - left));
    expect(markdown.match(/^Plan:$/gm)?.length).to.equal(headings.length);
    expect(markdown).to.include('5. Reset the integration user');
    expect(markdown).to.include('## Skipped');
  });

  it('says when nothing was found', async () => {
    const text = await scanOutput('text', fixturePath('scan', 'negative'));
    expect(text).to.include('No Salesforce password logins found.');
    const markdown = await scanOutput('markdown', fixturePath('scan', 'negative'));
    expect(markdown).to.include('No Salesforce password logins found.');
  });
});
