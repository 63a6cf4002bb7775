import { trustProxySetting } from "~/utils/trust-proxy.server";

test("TRUST_PROXY: unset trusts nobody; a number is hops; a list is proxy addresses", () => {
  expect(trustProxySetting(undefined)).toBe(false);
  expect(trustProxySetting("")).toBe(false);
  expect(trustProxySetting("1")).toBe(1);
  expect(trustProxySetting(" 2 ")).toBe(2);
  expect(trustProxySetting("10.0.0.5, 10.0.1.0/24,loopback")).toEqual(["10.0.0.5", "10.0.1.0/24", "loopback"]);
});

test("TRUST_PROXY=true is refused: it would let any client choose its own address", () => {
  expect(() => trustProxySetting("true")).toThrow(/number of proxies/);
});
