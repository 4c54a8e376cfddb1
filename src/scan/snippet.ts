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

/** The secret spans of one file, sorted and merged, for finding those on a line quickly. */
export class SecretSpans {
  private readonly spans: Span[];

  constructor(spans: readonly Span[]) {
    this.spans = mergeSpans(spans);
  }

  /** Returns the spans that overlap [start, end), in order. */
  touching(start: number, end: number): Span[] {
    let low = 0;
    let high = this.spans.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((this.spans[middle]?.end ?? 0) <= start) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    const found: Span[] = [];
    for (let index = low; index < this.spans.length; index += 1) {
      const span = this.spans[index] as Span;
      if (span.start >= end) {
        break;
      }
      found.push(span);
    }
    return found;
  }
}

/** Builds the snippet of 1-based `line`, masking every span of `secrets` that touches it. */
export function buildSnippet(file: SourceFile, line: number, column: number, secrets: readonly Span[], mask: boolean): string {
  const bounds = file.lineBounds(line);
  let text = file.text.slice(bounds.start, bounds.end);
  let focus = column - 1;
  if (mask) {
    const relative = mergeSpans(secrets)
      .filter((span) => span.end > bounds.start && span.start < bounds.end)
      .map((span) => ({ start: Math.max(span.start, bounds.start) - bounds.start, end: Math.min(span.end, bounds.end) - bounds.start }));
    focus = maskedFocus(relative, focus);
    text = redactText(maskSpans(text, relative));
  }
  return shorten(text, focus);
}

/** Replaces each span (sorted, not overlapping) with MASK, joining the pieces once so a long line costs linear time. */
function maskSpans(text: string, spans: readonly Span[]): string {
  const pieces: string[] = [];
  let position = 0;
  for (const span of spans) {
    pieces.push(text.slice(position, span.start), MASK);
    position = span.end;
  }
  pieces.push(text.slice(position));
  return pieces.join('');
}

/** Moves `focus` to where its character lands once the spans before it are masked. */
function maskedFocus(spans: readonly Span[], focus: number): number {
  let moved = focus;
  for (let index = spans.length - 1; index >= 0; index -= 1) {
    const span = spans[index] as Span;
    if (span.start < moved) {
      moved = Math.max(span.start, moved - (span.end - span.start) + MASK.length);
    }
  }
  return moved;
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
