/**
 * Waiting for a state of the page by asking again, never by sleeping a fixed time
 * (STYLE.md, habit 10): the probe runs every `intervalMs` until it returns a value other
 * than undefined / false, or the time is up.
 */
export async function until<T>(
  probe: () => Promise<T | undefined | false>,
  what: string,
  { timeoutMs = 30_000, intervalMs = 250 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() >= deadline) break;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  const detail = last instanceof Error ? `: ${last.message.split('\n')[0]}` : '';
  throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}${detail}`);
}
