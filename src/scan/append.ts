/**
 * Appends `items` to `target` one at a time. `target.push(...items)` passes
 * every item as an argument, which throws a RangeError past about 125,000 of
 * them (Node 20 with its default stack size), and a large file or report can
 * have more matches, findings or lines than that.
 */
export function appendAll<T>(target: T[], items: Iterable<T>): void {
  for (const item of items) {
    target.push(item);
  }
}
