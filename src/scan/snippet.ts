/**
 * The line quoted in a finding. Secret values found by the rules are replaced
 * with a fixed mask, and the shared redaction pass runs on top, unless the
 * user turned masking off.
 */

import { redactText } from '../util/redact.js';
import type { SourceFile } from './source-file.js';
import type { Span } from './types.js';

export const MASK = '********';
const MAX_LENGTH = 200;

/** Builds the snippet of 1-based `line`, masking every span of `secrets` that touches it. */
export function buildSnippet(file: SourceFile, line: number, column: number, secrets: readonly Span[], mask: boolean): string {
  const bounds = file.lineBounds(line);
  let text = file.text.slice(bounds.start, bounds.end);
  let focus = column - 1;
  if (mask) {
    const touching = mergeSpans(secrets.filter((span) => span.end > bounds.start && span.start < bounds.end));
    for (const span of touching.reverse()) {
      const start = Math.max(span.start, bounds.start) - bounds.start;
      const end = Math.min(span.end, bounds.end) - bounds.start;
      text = text.slice(0, start) + MASK + text.slice(end);
      if (start < focus) {
        focus = Math.max(start, focus - (end - start) + MASK.length);
      }
    }
    text = redactText(text);
  }
  return shorten(text, focus);
}

/** Sorts spans and joins those that overlap, so each secret is masked once. */
function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = spans.filter((span) => span.end > span.start).sort((left, right) => left.start - right.start);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && span.start <= last.end) {
      last.end = Math.max(last.end, span.end);
    } else {
      merged.push({ ...span });
    }
  }
  return merged;
}

/** Trims the line and keeps at most MAX_LENGTH characters around `focus`. */
function shorten(text: string, focus: number): string {
  const leading = text.length - text.trimStart().length;
  const trimmed = text.trim();
  if (trimmed.length <= MAX_LENGTH) {
    return trimmed;
  }
  const start = Math.max(0, Math.min(focus - leading - MAX_LENGTH / 4, trimmed.length - MAX_LENGTH));
  const prefix = start > 0 ? '…' : '';
  const suffix = start + MAX_LENGTH < trimmed.length ? '…' : '';
  return `${prefix}${trimmed.slice(start, start + MAX_LENGTH)}${suffix}`;
}
