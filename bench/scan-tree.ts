/**
 * Builds the tree that bench/scan.ts scans: copies of the installed package
 * sources from node_modules, with the scan fixtures mixed in every
 * FIXTURE_EVERY folders. Folder names that sfjwt never walks (dist, build,
 * node_modules...) get a suffix, and .gitignore files are left out, so sfjwt
 * and rg read the same files.
 */

import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

import { EXCLUDED_FOLDERS } from '../src/scan/walker.js';

const FIXTURE_EVERY = 1000;

export interface TreeStats {
  /** Every file written, package sources and fixtures. */
  files: number;
  sourceFiles: number;
  fixtureCopies: number;
}

function safeName(name: string): string {
  return EXCLUDED_FOLDERS.has(name) ? `${name}-copy` : name;
}

interface Fixtures {
  root: string;
  files: readonly string[];
}

function copyFolder(source: string, target: string, stats: TreeStats, fixtures: Fixtures): void {
  mkdirSync(target, { recursive: true });
  for (const entry of readdirSync(source, { withFileTypes: true })) {
    const from = join(source, entry.name);
    if (entry.isDirectory()) {
      copyFolder(from, join(target, safeName(entry.name)), stats, fixtures);
    } else if (entry.isFile() && entry.name !== '.gitignore') {
      copyFileSync(from, join(target, entry.name));
      stats.files += 1;
      stats.sourceFiles += 1;
      if (stats.sourceFiles % FIXTURE_EVERY === 0) {
        copyFixtures(fixtures.files, fixtures.root, join(target, `fixtures-${stats.files}`), stats);
      }
    }
  }
}

function copyFixtures(fixtures: readonly string[], fixtureRoot: string, target: string, stats: TreeStats): void {
  for (const fixture of fixtures) {
    const destination = join(target, relative(fixtureRoot, fixture));
    mkdirSync(dirname(destination), { recursive: true });
    copyFileSync(fixture, destination);
    stats.files += 1;
  }
  stats.fixtureCopies += 1;
}

function listFixtures(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name !== 'README.md')
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * Creates `target` with `copies` copies of `nodeModules` unless a finished
 * tree is already there, and returns the counts written in its marker file.
 */
export function buildTree(target: string, nodeModules: string, fixtureRoot: string, copies: number): TreeStats {
  const marker = join(target, '.bench-tree.json');
  if (existsSync(marker)) {
    return JSON.parse(readFileSync(marker, 'utf8')) as TreeStats;
  }
  rmSync(target, { recursive: true, force: true });
  const fixtures: Fixtures = { root: fixtureRoot, files: listFixtures(fixtureRoot) };
  const stats: TreeStats = { files: 0, sourceFiles: 0, fixtureCopies: 0 };
  for (let copy = 0; copy < copies; copy += 1) {
    copyFolder(nodeModules, join(target, `copy-${copy}`), stats, fixtures);
  }
  writeFileSync(marker, JSON.stringify(stats));
  return stats;
}
