import { execFile } from 'node:child_process';
import { chmod, mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { expect } from 'chai';

import { scan } from '../../src/scan/engine.js';
import type { ScanReport } from '../../src/scan/types.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { CLI_ENTRY } from '../helpers/spawn-cli.js';

const run = promisify(execFile);
const FINDING = 'sf.password = Secret123\n';

/** Writes `files` (path to content) under `root`, creating folders. */
async function writeTree(root: string, files: Record<string, string>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(root, path, '..'), { recursive: true });
    await writeFile(join(root, path), content);
  }
}

async function canRun(prefix: readonly string[], argv: readonly string[]): Promise<boolean> {
  const all = [...prefix, ...argv];
  return run(all[0] ?? '', all.slice(1)).then(
    () => true,
    () => false,
  );
}

function filesWithFindings(report: ScanReport): string[] {
  return [...new Set(report.findings.map((finding) => finding.file))].sort();
}

describe('scan walker', () => {
  let temp: { dir: string; remove: () => Promise<void> };

  beforeEach(async () => {
    temp = await makeTempDir();
  });

  afterEach(async () => {
    await temp.remove();
  });

  it('honours nested .gitignore files', async () => {
    await writeTree(temp.dir, {
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.gitignore': 'ignored.properties\nignored-dir/\n',
      'app.properties': FINDING,
      'ignored.properties': FINDING,
      'ignored-dir/x.properties': FINDING,
      'sub/.gitignore': '*.properties\n!keep.properties\n',
      'sub/local.properties': FINDING,
      'sub/keep.properties': FINDING,
    });
    const report = await scan({ paths: ['.'], cwd: temp.dir });
    expect(filesWithFindings(report)).to.deep.equal(['app.properties', 'sub/keep.properties']);
    expect(report.summary.skipped.gitignored).to.equal(3);
  });

  it('applies .gitignore above the scanned folder', async () => {
    await writeTree(temp.dir, {
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.gitignore': 'part/secret.properties\n',
      'part/secret.properties': FINDING,
      'part/open.properties': FINDING,
    });
    const report = await scan({ paths: ['part'], cwd: temp.dir });
    expect(filesWithFindings(report)).to.deep.equal(['part/open.properties']);
    expect(report.summary.skipped.gitignored).to.equal(1);
  });

  it('scans a named file even when ignored', async () => {
    await writeTree(temp.dir, { '.gitignore': 'ignored.properties\n', 'ignored.properties': FINDING });
    const report = await scan({ paths: ['ignored.properties'], cwd: temp.dir });
    expect(filesWithFindings(report)).to.deep.equal(['ignored.properties']);
  });

  it('skips dependencies, build output, binaries and links', async () => {
    const grant = 'fetch("https://login.salesforce.com/services/oauth2/token", { body: "grant_type=password" });\n';
    await writeTree(temp.dir, {
      'app.properties': FINDING,
      'node_modules/pkg/x.properties': FINDING,
      'dist/x.properties': FINDING,
      'target/x.properties': FINDING,
      '.git/x.properties': FINDING,
      'app.js': grant,
      'app.js.map': JSON.stringify({ sourcesContent: [grant] }),
      'bundle.min.js': grant,
      'image.png': FINDING,
      'blob.properties': `${FINDING}\u0000`,
    });
    await symlink(join(temp.dir, 'app.properties'), join(temp.dir, 'link.properties'));
    const report = await scan({ paths: ['.'], cwd: temp.dir });
    expect(filesWithFindings(report)).to.deep.equal(['app.js', 'app.properties']);
    expect(report.summary.skipped).to.deep.equal({
      gitignored: 0,
      excluded: 6,
      binary: 2,
      tooLarge: 0,
      symlinks: 1,
      unreadable: 0,
    });
    expect(report.summary.filesScanned).to.equal(2);
  });

  it('scans large trees on worker threads', async () => {
    const files: Record<string, string> = {};
    for (let index = 0; index < 2400; index += 1) {
      files[`noise/${index % 40}/file-${index}.txt`] = `line ${index}: nothing to see\n`;
    }
    for (let index = 0; index < 30; index += 1) {
      files[`apps/app-${String(index).padStart(2, '0')}/build.properties`] = FINDING;
      files[`apps/app-${String(index).padStart(2, '0')}/locked.bin`] = 'binary by extension';
    }
    await writeTree(temp.dir, files);
    const progress: number[] = [];
    const report = await scan({ paths: ['.'], cwd: temp.dir, onProgress: (update) => progress.push(update.filesScanned) });
    expect(report.summary.filesScanned).to.equal(2430);
    expect(report.summary.skipped.binary).to.equal(30);
    expect(report.findings.map((finding) => finding.file)).to.deep.equal(
      Array.from({ length: 30 }, (_unused, index) => `apps/app-${String(index).padStart(2, '0')}/build.properties`),
    );
    expect(progress.length).to.be.greaterThan(1);
    expect(progress.at(-1)).to.equal(2430);
    expect(await scan({ paths: ['.'], cwd: temp.dir })).to.deep.equal(report);
  });

  it('reports unreadable files and goes on', async function () {
    await writeTree(temp.dir, {
      'app.properties': FINDING,
      'locked.properties': FINDING,
      'closed/x.properties': FINDING,
    });
    await chmod(temp.dir, 0o755);
    await chmod(join(temp.dir, 'locked.properties'), 0o000);
    await chmod(join(temp.dir, 'closed'), 0o000);
    // root can read any file, so there the scan runs as the unprivileged user `nobody` (uid 65534).
    const asRoot = process.getuid?.() === 0;
    const prefix = asRoot ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] : [];
    if (asRoot && !(await canRun(prefix, ['test', '-r', CLI_ENTRY]))) {
      // A private checkout folder keeps uid 65534 from reading the CLI, so this case cannot run here.
      this.skip();
    }
    const argv = [...prefix, process.execPath, CLI_ENTRY, 'scan', temp.dir, '--format', 'json', '--fail-on', 'none'];
    const result = await run(argv[0] ?? '', argv.slice(1), { cwd: temp.dir });
    const report = JSON.parse(result.stdout) as ScanReport;
    expect(filesWithFindings(report)).to.deep.equal(['app.properties']);
    expect(report.summary.skipped.unreadable).to.equal(2);
    expect(report.summary.unreadable).to.deep.equal([
      { file: 'closed', reason: 'EACCES' },
      { file: 'locked.properties', reason: 'EACCES' },
    ]);
  });
});
