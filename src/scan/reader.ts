/**
 * Reads one candidate file into a reusable buffer: skips it when it is too
 * large or binary (a NUL byte in its first 8000 bytes, as git decides), and
 * reports read errors instead of throwing.
 */

import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

export type ReadResult =
  /** `content` is a view of the reader's buffer, valid until the next read. */
  | { kind: 'text'; content: Buffer }
  | { kind: 'binary' }
  | { kind: 'tooLarge'; bytes: number }
  | { kind: 'unreadable'; reason: string };

const BINARY_PROBE = 8000;
// O_NONBLOCK makes opening a FIFO return at once, where a blocking open waits for a writer.
// The engine hands over only regular files, so this guards against a file swapped for a FIFO
// after the walk. Node's fs.constants leaves out POSIX flags that the platform lacks (many on
// Windows), hence the fallback to 0.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
/** Limits below this many bytes get a reused read buffer of the limit's size. */
const SHARED_BUFFER_BYTES = 16 * 1024 * 1024;

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

/** Reads files one at a time into one reused buffer; one reader per thread. */
export class FileReader {
  private buffer: Buffer | undefined;

  constructor(private readonly maxBytes: number) {}

  read(path: string): ReadResult {
    let descriptor: number | undefined;
    try {
      descriptor = openSync(path, OPEN_FLAGS);
      const content = this.maxBytes < SHARED_BUFFER_BYTES ? this.readUpToLimit(descriptor) : this.readBySize(descriptor);
      if (content === undefined) {
        return { kind: 'tooLarge', bytes: fstatSync(descriptor).size };
      }
      return content.subarray(0, BINARY_PROBE).includes(0) ? { kind: 'binary' } : { kind: 'text', content };
    } catch (error) {
      return { kind: 'unreadable', reason: (error as NodeJS.ErrnoException).code ?? 'unknown error' };
    } finally {
      if (descriptor !== undefined) {
        closeSync(descriptor);
      }
    }
  }

  /**
   * Reads until end of file into a buffer one byte larger than the limit, so
   * filling it means the file is too large; this skips an fstat per file.
   */
  private readUpToLimit(descriptor: number): Buffer | undefined {
    this.buffer ??= Buffer.allocUnsafe(this.maxBytes + 1);
    const buffer = this.buffer;
    let filled = 0;
    for (;;) {
      const read = readSync(descriptor, buffer, filled, buffer.length - filled, filled);
      filled += read;
      if (filled === buffer.length) {
        return undefined;
      }
      if (read === 0) {
        return buffer.subarray(0, filled);
      }
    }
  }

  /** Reads a file whose size fstat gives, for limits too large to keep a buffer of that size. */
  private readBySize(descriptor: number): Buffer | undefined {
    const size = fstatSync(descriptor).size;
    if (size > this.maxBytes) {
      return undefined;
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
    return buffer.subarray(0, filled);
  }
}

/** Decodes file content as UTF-8, dropping a byte order mark. */
export function decodeText(content: Buffer): string {
  const text = content.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
