import type { SourceFile } from '../source-file.js';
import type { Mechanism, RuleMatch } from '../types.js';
import type { ValueClass } from '../values.js';

/**
 * One detector with a stable id. Each id has a section in docs/rules.md whose
 * anchor is the id; a test keeps the two in step.
 */
export interface Rule {
  readonly id: string;
  /** Short name of the shape the rule finds. */
  readonly title: string;
  /** Mechanism of most matches; a match may override it. */
  readonly mechanism: Mechanism;
  /** Ecosystem the replacement is written for; the markdown report groups integrations by it. */
  readonly ecosystem: string;
  /** Default finding message. */
  readonly summary: string;
  /** Replacement to use in this ecosystem. */
  readonly replacement: string;
  /** Cheap test on the file name, language or text before `check` runs. */
  appliesTo(file: SourceFile): boolean;
  check(file: SourceFile): RuleMatch[];
}

/** Builds a match at `offset` whose severity follows `value`. */
export function matchAt(offset: number, value: ValueClass, extra: Partial<RuleMatch> = {}): RuleMatch {
  return { offset, valueKind: value.kind, secrets: value.secrets, ...extra };
}

/** Runs `regex` (global) over `text` and returns every match. */
export function allMatches(regex: RegExp, text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  regex.lastIndex = 0;
  let match = regex.exec(text);
  while (match !== null) {
    found.push(match);
    if (match[0].length === 0) {
      regex.lastIndex += 1;
    }
    match = regex.exec(text);
  }
  return found;
}
