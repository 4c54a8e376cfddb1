/**
 * The .gitignore files that apply to a walk: those of the folders above the
 * scanned folder up to the repository root (with .git/info/exclude), and the
 * nested ones met on the way down. As in git, the deepest file that has an
 * opinion on a path decides, so a nested `!pattern` re-includes a file.
 */

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

import ignore, { type Ignore } from 'ignore';

export interface IgnoreLayer {
  matcher: Ignore;
  /** Path of the scanned folder relative to the layer's folder, with a trailing slash ('' when the same). */
  prefix: string;
  /** Path of the layer's folder relative to the scanned folder ('' for the folder itself and above). */
  base: string;
}

/** Reads a gitignore-style file into a matcher; a missing or unreadable file gives none. */
function readIgnoreFile(path: string): Ignore | undefined {
  try {
    return ignore().add(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/** Finds the repository folder of `root`: `root` itself or the nearest parent with a `.git` entry. */
function findGitRoot(root: string): string | undefined {
  let folder = root;
  while (!existsSync(join(folder, '.git'))) {
    const parent = dirname(folder);
    if (parent === folder) {
      return undefined;
    }
    folder = parent;
  }
  return folder;
}

function prefixFrom(folder: string, root: string): string {
  const path = toPosix(relative(folder, root));
  return path === '' ? '' : `${path}/`;
}

/**
 * Reads the layers from the repository root down to `root`'s parent, shallowest
 * first. Outside a repository there are none, and only the walked folders' own files apply.
 */
export function ancestorLayers(root: string): IgnoreLayer[] {
  const gitRoot = findGitRoot(root);
  if (gitRoot === undefined) {
    return [];
  }
  const layers: IgnoreLayer[] = [];
  const exclude = readIgnoreFile(join(gitRoot, '.git', 'info', 'exclude'));
  if (exclude !== undefined) {
    layers.push({ matcher: exclude, prefix: prefixFrom(gitRoot, root), base: '' });
  }
  const between: string[] = [];
  for (let folder = root; folder !== gitRoot; folder = dirname(folder)) {
    between.unshift(dirname(folder));
  }
  for (const folder of between) {
    const matcher = readIgnoreFile(join(folder, '.gitignore'));
    if (matcher !== undefined) {
      layers.push({ matcher, prefix: prefixFrom(folder, root), base: '' });
    }
  }
  return layers;
}

/** Reads the layer for the .gitignore of `folder` (relative path `base` under the scanned root), if any. */
export function folderLayer(folder: string, base: string): IgnoreLayer | undefined {
  const matcher = readIgnoreFile(join(folder, '.gitignore'));
  return matcher === undefined ? undefined : { matcher, prefix: '', base };
}

/** Tells whether `path` (relative to the scanned root) is ignored, asking the deepest layer first. */
export function isIgnored(layers: readonly IgnoreLayer[], path: string, directory: boolean): boolean {
  for (let index = layers.length - 1; index >= 0; index -= 1) {
    const layer = layers[index];
    if (layer === undefined) {
      continue;
    }
    const local = layer.base === '' ? path : path.slice(layer.base.length + 1);
    const result = layer.matcher.test(`${layer.prefix}${local}${directory ? '/' : ''}`);
    if (result.ignored) {
      return true;
    }
    if (result.unignored) {
      return false;
    }
  }
  return false;
}
