// TRUST_PROXY → Express's "trust proxy" setting. A number is how many proxies sit in front (the
// client is that many hops back in X-Forwarded-For); otherwise a comma-separated list of proxy
// addresses or CIDR ranges (or Express's names: loopback, linklocal, uniquelocal). Unset: trust
// none, so X-Forwarded-For is ignored and nobody can pick their own rate-limit bucket.
export function trustProxySetting(value: string | undefined): boolean | number | string[] {
  if (!value) return false;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  if (trimmed === "true") {
    throw new Error("TRUST_PROXY=true would trust any X-Forwarded-For; give the number of proxies or their addresses.");
  }
  return trimmed
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
}
