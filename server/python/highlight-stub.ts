// @lezer/python attaches syntax-highlighting tags to its node types through @lezer/highlight. We only analyse
// Python, never highlight it, so the bundles (scripts/build.mjs) swap that package for this inert stand-in:
// every tag is a no-op value and styleTags adds no node property. It keeps the .vsix within its size budget.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const inert: any = new Proxy(function inert() {}, { get: () => inert, apply: () => inert });

export const tags = inert;

export function styleTags(): () => undefined {
  return () => undefined;
}
