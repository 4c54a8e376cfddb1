/**
 * Lists the files under the scanned paths: honours .gitignore files (nested
 * too) and --exclude patterns, leaves out version-control folders,
 * dependencies, build output, source maps and minified bundles, and does not
 * follow symbolic links. A path
 * named on the command line is scanned even when it is ignored.
 */

import { type Dirent, readdirSync } from 'node:fs';
import { basename, sep } from 'node:path';

import ignore, { type Ignore } from 'ignore';

import { appendAll } from './append.js';
import { type IgnoreLayer, ancestorLayers, folderLayer, isIgnored } from './gitignore.js';
import type { SkipCounts, UnreadableFile } from './types.js';

// Generated files never scanned: source maps repeat the sources they map, minified bundles are build output.
const GENERATED_FILE = /\.(?:map|min\.(?:js|mjs|cjs|css))$/;

/** Folders never walked: version control, dependencies, caches and build output. */
export const EXCLUDED_FOLDERS: ReadonlySet<string> = new Set([
  '.git', '.hg', '.svn', 'node_modules', 'bower_components', 'jspm_packages',
  'dist', 'build', 'target', 'out', 'coverage', '.next', '.nuxt', '.svelte-kit', '.output',
  '.gradle', '.terraform', '__pycache__', '.venv', 'venv', '.tox', '.mypy_cache', '.pytest_cache',
  'obj', '.sfdx', '.sf', '.sfjwt-bench',
]);

export interface WalkedFile {
  absolutePath: string;
  /** Path under the scanned root, POSIX separators; the file name when a file was named. */
  rootRelativePath: string;
}

export interface WalkState {
  skipped: SkipCounts;
  unreadable: UnreadableFile[];
  /** Turns an absolute path into the path shown to the user. */
  display: (absolutePath: string) => string;
}

interface Folder {
  path: string;
  relative: string;
  layers: readonly IgnoreLayer[];
}

/** Yields the files of a folder `root` in name order, depth first. */
export function* walkFolder(root: string, exclude: readonly string[], state: WalkState): Generator<WalkedFile> {
  const excluded: Ignore | undefined = exclude.length > 0 ? ignore().add([...exclude]) : undefined;
  const stack: Folder[] = [{ path: root, relative: '', layers: ancestorLayers(root) }];
  while (stack.length > 0) {
    const folder = stack.pop() as Folder;
    const entries = readFolder(folder.path, state);
    const own = entries.some((entry) => entry.name === '.gitignore' && entry.isFile())
      ? folderLayer(folder.path, folder.relative)
      : undefined;
    const layers = own === undefined ? folder.layers : [...folder.layers, own];
    const subfolders: Folder[] = [];
    const base = folder.path.endsWith(sep) ? folder.path : `${folder.path}${sep}`;
    for (const entry of entries) {
      const relative = folder.relative === '' ? entry.name : `${folder.relative}/${entry.name}`;
      const path = `${base}${entry.name}`;
      const verdict = classify(entry, relative, layers, excluded);
      if (verdict !== undefined) {
        state.skipped[verdict] += 1;
      } else if (entry.isDirectory()) {
        subfolders.push({ path, relative, layers });
      } else if (entry.isFile()) {
        yield { absolutePath: path, rootRelativePath: relative };
      }
    }
    appendAll(stack, subfolders.reverse());
  }
}

/** Returns why an entry is skipped, or undefined when it is walked. */
function classify(
  entry: Dirent,
  relative: string,
  layers: readonly IgnoreLayer[],
  excluded: Ignore | undefined,
): keyof SkipCounts | undefined {
  if (entry.isSymbolicLink()) {
    return 'symlinks';
  }
  const directory = entry.isDirectory();
  if (directory ? EXCLUDED_FOLDERS.has(entry.name) : GENERATED_FILE.test(entry.name)) {
    return 'excluded';
  }
  if (excluded?.ignores(directory ? `${relative}/` : relative) === true) {
    return 'excluded';
  }
  return layers.length > 0 && isIgnored(layers, relative, directory) ? 'gitignored' : undefined;
}

function readFolder(path: string, state: WalkState): Dirent[] {
  try {
    return readdirSync(path, { withFileTypes: true }).sort((left, right) => (left.name < right.name ? -1 : 1));
  } catch (error) {
    state.skipped.unreadable += 1;
    state.unreadable.push({ file: state.display(path), reason: (error as NodeJS.ErrnoException).code ?? 'unknown error' });
    return [];
  }
}

/** Builds the walked form of a file named on the command line. */
export function namedFile(path: string): WalkedFile {
  return { absolutePath: path, rootRelativePath: basename(path) };
}
