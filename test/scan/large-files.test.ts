import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { expect } from 'chai';

import { scan } from '../../src/scan/engine.js';
import { formatReport } from '../../src/scan/formatters/index.js';
import { makeTempDir } from '../helpers/temp-dir.js';

// More than the roughly 125,000 arguments that `push(...items)` takes on V8 with the default
// stack, so every list built from the matches, findings or report lines must be appended item by item.
const FINDINGS = 150_000;
const LINE = 'sf.password = ${SF_PASSWORD}\n';

describe('scan large files', () => {
  let temp: { dir: string; remove: () => Promise<void> };

  before(async () => {
    temp = await makeTempDir();
  });

  after(async () => {
    await temp.remove();
  });

  it('reports 150,000 findings in one file', async function () {
    this.timeout(30000);
    const path = join(temp.dir, 'build.properties');
    await writeFile(path, LINE.repeat(FINDINGS));
    const report = await scan({ paths: [path], maxFileSize: 2 * FINDINGS * LINE.length });
    expect(report.summary.unreadable).to.deep.equal([]);
    expect(report.findings.length).to.equal(FINDINGS);
    expect(report.findings.at(-1)?.line).to.equal(FINDINGS);
    const text = formatReport(report, 'text');
    expect(text).to.include(`  ${FINDINGS}:1  high  credentials  ant-password`);
    const markdown = formatReport(report, 'markdown');
    expect(markdown).to.include(`| ${FINDINGS} | high | credentials |`);
  });
});
