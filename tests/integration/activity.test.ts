import { describe, expect, it } from 'vitest';
import { ApiClient, uniqueEmail } from '../helpers/api-client';
import { client } from '../helpers/app';

/**
 * The change feed on the real app: woken after each commit, it ends when the
 * session that opened it ends (sign out everywhere on another device), and its
 * items carry the catalog's words and link.
 */

async function stream(c: ApiClient, path: string) {
  const ctrl = new AbortController();
  const res = await c.raw(path, { signal: ctrl.signal });
  expect(res.status).toBe(200);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let ended = false;
  return {
    abort: () => ctrl.abort(),
    get ended() {
      return ended;
    },
    /** Reads until `pattern` appears (or the stream ends: then returns false). */
    async until(pattern: RegExp): Promise<boolean> {
      while (!pattern.test(buffer)) {
        const { value, done } = await reader.read();
        if (done) {
          ended = true;
          return pattern.test(buffer);
        }
        buffer += decoder.decode(value, { stream: true });
      }
      return true;
    },
    /** Reads until the server ends the stream. */
    async toEnd(): Promise<void> {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
      }
      ended = true;
    },
    get text() {
      return buffer;
    },
  };
}

describe('the change feed and the end of a session', () => {
  it('a stream opened before "sign out everywhere" ends, and coming back with that cookie is refused', async () => {
    const email = uniqueEmail('feed');
    const password = 'pw-Feed-Netzwerk-2026!';
    const laptop = client();
    await laptop.signUpAndSignIn({ email, password, name: 'Fee Feed' });
    const net = await laptop.post('/api/networks', { name: `Feed ${Date.now()}`, purpose: 'Feed test' });
    expect(net.status, net.text).toBe(201);
    const networkId: string = net.json.network.id;

    const feed = await stream(laptop, `/api/networks/${networkId}/events`);
    expect(await feed.until(/event: ready/)).toBe(true);
    // Live first: a change made elsewhere arrives, in words with its link.
    const phone = client();
    await phone.signIn(email, password);
    const org = await phone.post(`/api/networks/${networkId}/organisations`, { name: 'Feed Verein', kind: 'ngo' });
    expect(org.status, org.text).toBe(201);
    expect(await feed.until(/"kind":"organisation.created"/)).toBe(true);
    expect(feed.text).toContain(
      `"words":{"key":"activity.organisation.created","values":{"name":"Feed Verein"},"href":"/networks/${networkId}/organisations/${org.json.organisation.id}"}`,
    );

    expect((await phone.post('/api/account/sign-out-everywhere')).status).toBe(200);
    // The server ends the stream itself; an EventSource reconnecting with the ended session's cookie gets 401.
    await feed.toEnd();
    expect(feed.ended).toBe(true);
    expect(feed.text).not.toContain('event: revoked');
    expect((await laptop.raw(`/api/networks/${networkId}/events`)).status).toBe(401);
  });
});
