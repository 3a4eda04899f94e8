/**
 * The Content-Security-Policy of every page: scripts and styles only from the site itself, with
 * WebAssembly allowed for Pagefind, so nothing an editor writes can run or load from elsewhere.
 */
const policy: Record<string, string[]> = {
  "default-src": ["'self'"],
  "script-src": ["'self'", "'wasm-unsafe-eval'"],
  "style-src": ["'self'"],
  "img-src": ["'self'", "data:"],
  "font-src": ["'self'"],
  "connect-src": ["'self'"],
  "object-src": ["'none'"],
  "base-uri": ["'self'"],
  "form-action": ["'self'"],
};

const serialise = (directives: Record<string, string[]>) =>
  Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");

/** For the `<meta http-equiv>` tag: browsers ignore frame-ancestors there, so it is left out. */
export const metaContentSecurityPolicy = serialise(policy);

/** For hosts that read a `_headers` file (Netlify, Cloudflare Pages): the policy plus framing. */
export const headerContentSecurityPolicy = serialise({ ...policy, "frame-ancestors": ["'none'"] });

export const headersFile = [
  "/*",
  `  Content-Security-Policy: ${headerContentSecurityPolicy}`,
  "  X-Content-Type-Options: nosniff",
  "  Referrer-Policy: strict-origin-when-cross-origin",
  "  Permissions-Policy: camera=(), microphone=(), geolocation=()",
  "",
].join("\n");
