/** Statuses that redirect (fetch's own list). */
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** As many hops as fetch follows itself. */
const MAX_REDIRECTS = 20;

/**
 * fetch, following redirects only within the first URL's origin. fetch itself would follow any
 * redirect and drop only `Authorization` on a change of origin, so Azure's `api-key` and a
 * config's `headers:` would go wherever a server points. A redirect elsewhere is not followed:
 * it comes back as an error response (never retried) that names the target.
 */
export async function fetchWithinOrigin(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  let url = new URL(input instanceof Request ? input.url : input);
  const origin = url.origin;
  let options: RequestInit = { ...init, redirect: 'manual' };
  let response = await fetch(input, options);
  for (let hop = 1; ; hop++) {
    const location = response.headers.get('location');
    if (!REDIRECTS.has(response.status) || location === null) return response;
    await response.body?.cancel();
    const next = new URL(location, url);
    if (next.origin !== origin) {
      return refusal(
        response.status,
        `redirected to another origin (${next.href}); trackrecord sends keys and headers only to base-url's ` +
          `origin (${origin}): set base-url to the address the server moved to`,
      );
    }
    if (hop > MAX_REDIRECTS) return refusal(response.status, `more than ${MAX_REDIRECTS} redirects from ${origin}`);
    // fetch's rule: a 303, or a 301/302 after a POST, is followed with a GET and no body.
    const method = (options.method ?? 'GET').toUpperCase();
    if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === 'POST')) {
      const headers = new Headers(options.headers);
      headers.delete('content-type');
      headers.delete('content-length');
      options = { ...options, method: 'GET', body: null, headers };
    }
    url = next;
    response = await fetch(url, options);
  }
}

/** An error response the SDK reports with this message and does not retry. */
function refusal(status: number, message: string): Response {
  return new Response(JSON.stringify({ error: { message } }), {
    status,
    headers: { 'content-type': 'application/json', 'x-should-retry': 'false' },
  });
}
