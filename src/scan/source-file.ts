/**
 * One scanned file as the rules see it: its text, paths, language, role, and
 * offset-to-line arithmetic.
 */

import { type FileRole, type Language, detectLanguage, detectRole } from './languages.js';

// Signs that a file talks to Salesforce: hosts, the token path, library names and packages,
// and consumer keys (which start with 3MVG).
const SALESFORCE_CONTEXT =
  /salesforce|sfdc|sforce|force\.com|\/services\/oauth2\/token|\/services\/Soap\/[uc]\/|jsforce|\b3MVG[\w.]{20,}/i;

export class SourceFile {
  readonly language: Language;
  readonly role: FileRole;
  private starts: number[] | undefined;
  private context: boolean | undefined;

  /**
   * @param absolutePath POSIX form of the file's absolute path, used to recognise CI folders.
   * @param displayPath the path shown in findings.
   * @param rootRelativePath the path under the scanned folder, which decides the role.
   */
  constructor(
    readonly absolutePath: string,
    readonly displayPath: string,
    readonly rootRelativePath: string,
    readonly text: string,
  ) {
    this.language = detectLanguage(absolutePath, text.slice(0, 400));
    this.role = detectRole(rootRelativePath, this.language);
  }

  /** Lower-cased file name. */
  get name(): string {
    return this.absolutePath.slice(this.absolutePath.lastIndexOf('/') + 1).toLowerCase();
  }

  /** Whether the file names a Salesforce host, token path, library or consumer key. */
  get hasSalesforceContext(): boolean {
    this.context ??= SALESFORCE_CONTEXT.test(this.text);
    return this.context;
  }

  /** 1-based line and column of `offset`. */
  position(offset: number): { line: number; column: number } {
    const starts = this.lineStarts();
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] ?? 0) <= offset) {
        low = middle;
      } else {
        high = middle - 1;
      }
    }
    return { line: low + 1, column: offset - (starts[low] ?? 0) + 1 };
  }

  /** Offsets of the first character of 1-based `line` and of its end (before the newline). */
  lineBounds(line: number): { start: number; end: number } {
    const starts = this.lineStarts();
    const start = starts[line - 1] ?? this.text.length;
    const next = starts[line];
    let end = next === undefined ? this.text.length : next - 1;
    if (end > start && this.text[end - 1] === '\r') {
      end -= 1;
    }
    return { start, end };
  }

  private lineStarts(): number[] {
    if (this.starts === undefined) {
      const starts = [0];
      let index = this.text.indexOf('\n');
      while (index >= 0) {
        starts.push(index + 1);
        index = this.text.indexOf('\n', index + 1);
      }
      this.starts = starts;
    }
    return this.starts;
  }
}
