import type { ConfigIssue } from './errors.js';
import type { YamlFile } from './yaml-file.js';

/**
 * What is wrong with a model's `base-url`, said at it, or null. A user name or password in it
 * is never sent as the key (the SDK builds its own auth header), so every request would fail
 * as a server error; it is not shown back, as it may be the key.
 */
export function baseUrlIssue(url: string, at: ReadonlyArray<string | number>, yaml: YamlFile): ConfigIssue | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return yaml.issue(at, `"${url}" is not a URL: write it as https://HOST/v1 (or http://localhost:PORT/v1)`);
  }
  if (parsed.username === '' && parsed.password === '') return null;
  const shown = url.replace(/^(https?:\/\/)[^/?#]*@/i, '$1***@');
  return yaml.issue(
    at,
    `"${shown}" has a user name or password in it, which is never sent as the key: ` +
      'put the key in an environment variable and name it in api-key-env',
  );
}

/**
 * The warning for a `base-url` that would carry the key unencrypted: plain http to a host that
 * is not local (this machine, a private network, a bare name such as a compose service); null
 * otherwise. Whether a key is set is the run's to know.
 */
export function plainHttpIssue(
  url: string,
  apiKeyEnv: string,
  at: ReadonlyArray<string | number>,
  yaml: YamlFile,
): ConfigIssue | null {
  const parsed = new URL(url);
  if (parsed.protocol !== 'http:' || isLocalHost(parsed.hostname)) return null;
  return yaml.issue(
    at,
    `plain http:// to ${parsed.hostname}, which is not a local host: ` +
      `the key in ${apiKeyEnv} would cross the network unencrypted; use https://`,
  );
}

/** Loopback, private and link-local addresses, and names that only a local network resolves. */
function isLocalHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || /\.(local|lan|internal|home\.arpa)$/.test(host))
    return true;
  const v4 = /^(\d+)\.(\d+)\.\d+\.\d+$/.exec(host);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return (
      a === 127 ||
      a === 10 ||
      a === 0 ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 169 && b === 254)
    );
  }
  if (host.includes(':')) return host === '::1' || /^f[cd]/.test(host) || /^fe[89ab]/.test(host);
  // A name without a dot (a compose service, a machine on the LAN) resolves only nearby.
  return !host.includes('.');
}
