import { assertWritable, writeFileAtomic } from '../util/write-file.js';

/** One file that `sfjwt setup` writes. */
export interface PlannedFile {
  /** Absolute path. */
  path: string;
  content: string;
  role: 'metadata' | 'manifest' | 'project';
  /** Metadata type and component name, for metadata files. */
  type?: string;
  member?: string;
}

/**
 * Writes every file atomically after checking that none exists (unless
 * `force`), so a refused run leaves the folder exactly as it was.
 */
export async function writePlannedFiles(files: readonly PlannedFile[], force: boolean): Promise<void> {
  await assertWritable(files.map((file) => file.path), force);
  for (const file of files) {
    await writeFileAtomic(file.path, file.content, { force });
  }
}
