import { isAbsolute, relative, resolve, sep } from 'node:path';

/** Output locations of `sfjwt setup`, as absolute paths. */
export interface SetupLayout {
  /** The Salesforce DX project folder; `sf project deploy start` runs here. */
  projectDir: string;
  /** The source-format folder that receives the metadata folders. */
  sourceDir: string;
  manifestPath: string;
}

export const DEFAULT_SOURCE_DIR = 'force-app/main/default';
export const DEFAULT_MANIFEST = 'manifest/package.xml';

export interface LayoutInput {
  projectDir?: string;
  /** Relative paths are taken from the project folder. */
  outputDir?: string;
  /** Relative paths are taken from the project folder. */
  manifest?: string;
}

/** Resolves the folders and the manifest path against the project folder (the working directory by default). */
export function resolveLayout(input: LayoutInput = {}): SetupLayout {
  const projectDir = resolve(input.projectDir ?? '.');
  return {
    projectDir,
    sourceDir: resolve(projectDir, input.outputDir ?? DEFAULT_SOURCE_DIR),
    manifestPath: resolve(projectDir, input.manifest ?? DEFAULT_MANIFEST),
  };
}

/**
 * Returns the package directory for sfdx-project.json: the first folder of
 * the source folder below the project folder (`force-app`). Returns undefined
 * when the source folder is the project folder itself or lies outside it.
 */
export function packageDirectoryOf(layout: SetupLayout): string | undefined {
  const inside = relative(layout.projectDir, layout.sourceDir);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
    return undefined;
  }
  return inside.split(sep)[0];
}

/** `path` relative to the project folder with `/` separators, as commands run from there take it. */
export function projectRelative(layout: SetupLayout, path: string): string {
  const inside = relative(layout.projectDir, path);
  return inside === '' ? '.' : inside.split(sep).join('/');
}
