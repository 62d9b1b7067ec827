/** `target.push(...items)` without the spread: spreading a very large array overflows the call stack. */
export function append<T>(target: T[], items: readonly T[]): T[] {
  for (const item of items) target.push(item);
  return target;
}
