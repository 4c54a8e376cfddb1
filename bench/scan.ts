/**
 * Wall time of `sfjwt scan` against `rg` listing the files that contain the
 * same trigger words, on the same tree of at least 20,000 files, in one run.
 * Also reports files/s, MB/s and the peak memory of both (GNU time).
 *
 * Run: npx tsc -p tsconfig.test.json && node build/bench/scan.js [--runs N] [--rebuild]
 */

import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

import { TRIGGER } from '../src/scan/prefilter.js';
import { machineLine, median } from './measure.js';
import { buildTree } from './scan-tree.js';

const ROOT = join(import.meta.dirname, '..', '..');
const TREE = join(tmpdir(), 'sfjwt-bench-scan-tree');
const CLI = join(ROOT, 'build', 'src', 'cli', 'main.js');
const REPORT = join(tmpdir(), 'sfjwt-bench-scan-report.json');
const MAX_FILE_SIZE = '1M';

interface Sample {
  ms: number;
  /** User plus system CPU time, in ms: the work done, apart from waiting for other jobs. */
  cpuMs: number;
  maxRssKiB: number;
}

/** Runs a command under GNU time, stdout to `output`, and returns its wall time and peak RSS. */
function measure(command: string, args: readonly string[], output: string, okCodes: readonly number[]): Sample {
  const descriptor = openSync(output, 'w');
  try {
    const start = process.hrtime.bigint();
    const result = spawnSync('/usr/bin/time', ['-v', command, ...args], { stdio: ['ignore', descriptor, 'pipe'] });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (!okCodes.includes(result.status ?? -1)) {
      throw new Error(`${command} exited with ${String(result.status)}: ${result.stderr.toString().slice(0, 400)}`);
    }
    const report = result.stderr.toString();
    const field = (name: string): number => Number(new RegExp(`${name}: ([\\d.]+)`).exec(report)?.[1] ?? 0);
    const cpuMs = (field('User time \\(seconds\\)') + field('System time \\(seconds\\)')) * 1000;
    return { ms, cpuMs, maxRssKiB: field('Maximum resident set size \\(kbytes\\)') };
  } finally {
    closeSync(descriptor);
  }
}

function sfjwtScan(): Sample {
  return measure(process.execPath, [CLI, 'scan', TREE, '--format', 'json', '--fail-on', 'none', '--max-file-size', '1MiB'], REPORT, [0]);
}

function ripgrep(extra: readonly string[] = []): Sample {
  // sfjwt leaves out source maps and minified bundles, so rg gets globs that leave them out too.
  const args = ['-l', '-i', '--hidden', '-g', '!*.map', '-g', '!*.min.{js,mjs,cjs,css}', ...extra, '-e', TRIGGER.source, TREE];
  return measure('/usr/bin/rg', args, '/dev/null', [0, 1]);
}

function summarizeSamples(samples: readonly Sample[]): { ms: number; cpuMs: number; maxRssMiB: number } {
  return {
    ms: median(samples.map((sample) => sample.ms)),
    cpuMs: median(samples.map((sample) => sample.cpuMs)),
    maxRssMiB: Math.max(...samples.map((sample) => sample.maxRssKiB)) / 1024,
  };
}

function main(): void {
  const runs = Number(process.argv[process.argv.indexOf('--runs') + 1] || 5);
  if (process.argv.includes('--rebuild')) {
    rmSync(TREE, { recursive: true, force: true });
  }
  const tree = buildTree(TREE, join(ROOT, 'node_modules'), join(ROOT, 'test', 'fixtures', 'scan'), 2);
  sfjwtScan();
  ripgrep(['--max-filesize', MAX_FILE_SIZE]);
  const scans: Sample[] = [];
  const greps: Sample[] = [];
  const unlimited: Sample[] = [];
  for (let run = 0; run < runs; run += 1) {
    scans.push(sfjwtScan());
    greps.push(ripgrep(['--max-filesize', MAX_FILE_SIZE]));
    unlimited.push(ripgrep());
  }
  const report = JSON.parse(readFileSync(REPORT, 'utf8')) as {
    summary: { filesScanned: number; bytesScanned: number; findings: number; skipped: Record<string, number> };
  };
  const scan = summarizeSamples(scans);
  const grep = summarizeSamples(greps);
  const grepAll = summarizeSamples(unlimited);
  const seconds = scan.ms / 1000;
  const lines = [
    `machine: ${machineLine()}; load average ${loadavg().map((load) => load.toFixed(2)).join(' ')}; ${runs} runs each, medians`,
    `tree: ${tree.files} files (${tree.fixtureCopies} fixture copies) in ${TREE}`,
    `sfjwt scan: ${scan.ms.toFixed(0)} ms (CPU ${scan.cpuMs.toFixed(0)} ms), ${(report.summary.filesScanned / seconds).toFixed(0)} files/s, ` +
      `${(report.summary.bytesScanned / 1e6 / seconds).toFixed(1)} MB/s, peak RSS ${scan.maxRssMiB.toFixed(0)} MiB; ` +
      `${report.summary.filesScanned} files scanned (${(report.summary.bytesScanned / 1e6).toFixed(1)} MB), ` +
      `${report.summary.findings} findings, skipped ${JSON.stringify(report.summary.skipped)}`,
    `rg -l -i --hidden -g '!*.map' -g '!*.min.*' --max-filesize ${MAX_FILE_SIZE}: ${grep.ms.toFixed(0)} ms ` +
      `(CPU ${grep.cpuMs.toFixed(0)} ms), peak RSS ${grep.maxRssMiB.toFixed(0)} MiB`,
    `rg without a size limit: ${grepAll.ms.toFixed(0)} ms (CPU ${grepAll.cpuMs.toFixed(0)} ms), peak RSS ${grepAll.maxRssMiB.toFixed(0)} MiB`,
    `wall-time ratio sfjwt / rg (same size limit): ${(scan.ms / grep.ms).toFixed(2)} (target at most 2.00); ` +
      `CPU-time ratio ${(scan.cpuMs / grep.cpuMs).toFixed(2)}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main();
