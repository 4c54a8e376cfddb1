import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

import { repositoryRoot } from './fixtures.js';

/** The CLI entry point as compiled for the tests. */
export const CLI_ENTRY = join(repositoryRoot, 'build', 'src', 'cli', 'main.js');

/** Runs the CLI in a child process and collects its output. */
export function spawnSfjwt(argv: string[], env: NodeJS.ProcessEnv = {}): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_ENTRY, ...argv], { env: { PATH: process.env.PATH, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ exitCode: code ?? -1, stdout, stderr }));
  });
}

/** Starts a long-running CLI command and resolves once its stdout contains a complete JSON document. */
export function startSfjwtServer(argv: string[]): Promise<{ child: ChildProcess; summary: Record<string, unknown>; stderr: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_ENTRY, ...argv], { env: { PATH: process.env.PATH } });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      try {
        resolve({ child, summary: JSON.parse(stdout) as Record<string, unknown>, stderr: () => stderr });
      } catch {
        // The JSON document is not complete yet.
      }
    });
    child.on('error', reject);
    child.on('close', (code) => reject(new Error(`exited with ${String(code)} before printing its summary: ${stderr}`)));
  });
}
