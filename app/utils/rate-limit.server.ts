// Fixed-window limits kept in memory: enough for one embedded-SQLite process, and nothing about
// the person (not even an IP address) is ever written down.
type Window = { count: number; resetAt: number };
const windows = new Map<string, Window>();

export type RateLimitResult = { ok: true } | { ok: false; retryAfterSeconds: number };

export function hitRateLimit(key: string, { limit, windowMs }: { limit: number; windowMs: number }): RateLimitResult {
  const now = Date.now();
  let window = windows.get(key);
  if (!window || window.resetAt <= now) {
    window = { count: 0, resetAt: now + windowMs };
    windows.set(key, window);
  }
  window.count += 1;
  if (windows.size > 50_000) pruneExpired(now);
  if (window.count > limit) return { ok: false, retryAfterSeconds: Math.ceil((window.resetAt - now) / 1000) };
  return { ok: true };
}

export function resetRateLimit(key: string) {
  windows.delete(key);
}

function pruneExpired(now: number) {
  for (const [key, window] of windows) if (window.resetAt <= now) windows.delete(key);
}
