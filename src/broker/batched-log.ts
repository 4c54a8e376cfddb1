/**
 * Collects log lines and writes them together once per turn of the event
 * loop, so a busy broker makes one write call per turn instead of one per
 * request. Each line still ends with its own newline.
 */
export function batchedLog(write: (text: string) => void): { log: (line: string) => void; flush: () => void } {
  let pending: string[] = [];
  let scheduled = false;
  const flush = (): void => {
    scheduled = false;
    if (pending.length === 0) {
      return;
    }
    const text = `${pending.join('\n')}\n`;
    pending = [];
    write(text);
  };
  const log = (line: string): void => {
    pending.push(line);
    if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  };
  return { log, flush };
}
