/**
 * Reads one candidate file: skips it when it is too large or binary (a NUL
 * byte in its first 8000 bytes, as git decides), and reports read errors
 * instead of throwing.
 */

import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

export type ReadResult =
  | { kind: 'text'; text: string; bytes: number }
  | { kind: 'binary' }
  | { kind: 'tooLarge'; bytes: number }
  | { kind: 'unreadable'; reason: string };

const BINARY_PROBE = 8000;

// Extensions that are always binary, so the file need not be opened.
const BINARY_EXTENSIONS = new Set([
  'png', 'jpg', 'jpeg', 'gif', 'bmp', 'ico', 'webp', 'tif', 'tiff', 'psd', 'pdf', 'zip', 'gz', 'tgz', 'bz2',
  'xz', '7z', 'rar', 'jar', 'war', 'ear', 'class', 'dll', 'exe', 'so', 'dylib', 'o', 'a', 'lib', 'woff',
  'woff2', 'ttf', 'otf', 'eot', 'mp3', 'mp4', 'mov', 'avi', 'wav', 'ogg', 'webm', 'wasm', 'pyc', 'node',
  'p12', 'pfx', 'der', 'jks', 'keystore', 'sqlite', 'db', 'bin',
]);

/** Tells from the name alone that a file is binary. */
export function hasBinaryExtension(path: string): boolean {
  const dot = path.lastIndexOf('.');
  return dot > path.lastIndexOf('/') && BINARY_EXTENSIONS.has(path.slice(dot + 1).toLowerCase());
}

export function readCandidate(path: string, maxBytes: number): ReadResult {
  let descriptor: number | undefined;
  try {
    descriptor = openSync(path, 'r');
    const size = fstatSync(descriptor).size;
    if (size > maxBytes) {
      return { kind: 'tooLarge', bytes: size };
    }
    const buffer = Buffer.allocUnsafe(size);
    let filled = 0;
    while (filled < size) {
      const read = readSync(descriptor, buffer, filled, size - filled, filled);
      if (read === 0) {
        break;
      }
      filled += read;
    }
    const content = buffer.subarray(0, filled);
    if (content.subarray(0, BINARY_PROBE).includes(0)) {
      return { kind: 'binary' };
    }
    return { kind: 'text', text: decode(content), bytes: filled };
  } catch (error) {
    return { kind: 'unreadable', reason: (error as NodeJS.ErrnoException).code ?? 'unknown error' };
  } finally {
    if (descriptor !== undefined) {
      closeSync(descriptor);
    }
  }
}

function decode(content: Buffer): string {
  const text = content.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
