/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are whatever the route answers; tests read them freely and assert on them. */
/**
 * A small HTTP client for tests that talks to the real app the way a browser
 * does: a cookie jar, JSON bodies with our own `Origin`, and next-auth's real
 * credentials flow (CSRF token, form post, session cookie).
 *
 *   const alice = new ApiClient(app.url);
 *   await alice.signUp({ email, password, name });
 *   await alice.signIn(email, password);
 *   const { status, json } = await alice.post('/api/networks', { name: 'Netz' });
 */
export interface ApiResponse<T = any> {
  status: number;
  /** The parsed JSON body, or null when the body is not JSON. */
  json: T;
  /** The raw body text. */
  text: string;
  headers: Headers;
}

export interface ApiClientOptions {
  /** Sent as X-Forwarded-For on every request (the app runs with TRUST_PROXY=1 in tests). */
  forwardedFor?: string;
  /** Sent as Accept-Language on every request, e.g. 'de' or 'en'. */
  locale?: string;
}

export interface SignUpInput {
  email: string;
  password: string;
  name: string;
  locale?: 'en' | 'de';
}

export interface SignInResult {
  ok: boolean;
  status: number;
  /** next-auth's error code from the redirect (e.g. 'CredentialsSignin'), when the sign-in failed. */
  error?: string;
}

export interface PlaywrightCookie {
  name: string;
  value: string;
  url: string;
}

export class ApiClient {
  readonly baseUrl: string;
  forwardedFor?: string;
  locale?: string;
  private jar = new Map<string, string>();

  constructor(baseUrl: string, opts: ApiClientOptions = {}) {
    this.baseUrl = baseUrl.replace(/\/$/, '');
    this.forwardedFor = opts.forwardedFor;
    this.locale = opts.locale;
  }

  /** The cookies held, as `name=value; …`. */
  cookieHeader(): string {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  cookie(name: string): string | undefined {
    return this.jar.get(name);
  }

  /** The jar in the shape Playwright's `context.addCookies` takes. */
  playwrightCookies(): PlaywrightCookie[] {
    return [...this.jar].map(([name, value]) => ({ name, value, url: this.baseUrl }));
  }

  /** The next-auth session cookie's value, if signed in (for websocket upgrades, say). */
  sessionToken(): string | undefined {
    for (const [k, v] of this.jar) if (/next-auth\.session-token$/.test(k)) return v;
    return undefined;
  }

  clearCookies(): void {
    this.jar.clear();
  }

  private store(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => {
        const [k, v] = a.trim().split('=');
        if (k.toLowerCase() === 'max-age') return Number(v) <= 0;
        if (k.toLowerCase() === 'expires') return Date.parse(a.trim().slice(8)) <= Date.now();
        return false;
      });
      if (expired || value === '') this.jar.delete(name);
      else this.jar.set(name, value);
    }
  }

  /** A raw request with cookies, Origin and the simulated client address; stores Set-Cookie. */
  async raw(
    path: string,
    init: Omit<RequestInit, 'headers'> & { headers?: Record<string, string> } = {},
  ): Promise<Response> {
    const given = Object.entries(init.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]);
    const headers: Record<string, string> = { origin: this.baseUrl, ...Object.fromEntries(given) };
    const cookies = this.cookieHeader();
    if (cookies && !('cookie' in headers)) headers.cookie = cookies; // an explicit Cookie header wins
    if (this.forwardedFor && !('x-forwarded-for' in headers)) headers['x-forwarded-for'] = this.forwardedFor;
    if (this.locale && !headers['accept-language']) headers['accept-language'] = this.locale;
    const res = await fetch(this.baseUrl + path, { redirect: 'manual', ...init, headers });
    this.store(res);
    return res;
  }

  /** Sends `body` as JSON (when given) and returns the status and parsed JSON. */
  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const init: Omit<RequestInit, 'headers'> & { headers: Record<string, string> } = {
      method,
      headers: { accept: 'application/json', ...headers },
    };
    if (body !== undefined) {
      init.headers['content-type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const res = await this.raw(path, init);
    const text = await res.text();
    let json: any = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    return { status: res.status, json, text, headers: res.headers };
  }

  get<T = any>(path: string, headers?: Record<string, string>) {
    return this.request<T>('GET', path, undefined, headers);
  }
  post<T = any>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', path, body, headers);
  }
  put<T = any>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('PUT', path, body, headers);
  }
  patch<T = any>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('PATCH', path, body, headers);
  }
  delete<T = any>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('DELETE', path, body, headers);
  }

  /** POST /api/account/signup. Does not sign in (call signIn afterwards, or use signUpAndSignIn). */
  signUp(input: SignUpInput): Promise<ApiResponse> {
    return this.post('/api/account/signup', input);
  }

  /** Signs up and signs in; throws with the server's answer when either fails. */
  async signUpAndSignIn(input: SignUpInput): Promise<void> {
    const res = await this.signUp(input);
    if (res.status >= 300) throw new Error(`sign-up of ${input.email} failed: ${res.status} ${res.text.slice(0, 300)}`);
    const r = await this.signIn(input.email, input.password);
    if (!r.ok) throw new Error(`sign-in of ${input.email} failed: ${r.status} ${r.error ?? ''}`);
  }

  private async csrfToken(): Promise<string> {
    const res = await this.get<{ csrfToken: string }>('/api/auth/csrf');
    if (res.status !== 200 || !res.json?.csrfToken)
      throw new Error(`GET /api/auth/csrf answered ${res.status}: ${res.text.slice(0, 200)}`);
    return res.json.csrfToken;
  }

  /**
   * Signs in through next-auth's real credentials flow. `ok` is true when a
   * session cookie was set; otherwise `error` carries next-auth's code.
   */
  async signIn(email: string, password: string): Promise<SignInResult> {
    const csrfToken = await this.csrfToken();
    const res = await this.raw('/api/auth/callback/credentials', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrfToken, email, password, callbackUrl: this.baseUrl + '/' }).toString(),
    });
    await res.arrayBuffer().catch(() => undefined);
    const location = res.headers.get('location') ?? '';
    let error: string | undefined;
    try {
      error = new URL(location, this.baseUrl).searchParams.get('error') ?? undefined;
    } catch {
      /* no location */
    }
    const ok = !!this.sessionToken() && !error;
    return { ok, status: res.status, ...(ok ? {} : { error: error ?? `HTTP ${res.status}` }) };
  }

  /** Signs out through next-auth (the session cookie is cleared). */
  async signOut(): Promise<void> {
    const csrfToken = await this.csrfToken();
    const res = await this.raw('/api/auth/signout', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrfToken, callbackUrl: this.baseUrl + '/' }).toString(),
    });
    await res.arrayBuffer().catch(() => undefined);
    for (const k of [...this.jar.keys()]) if (/next-auth\.session-token/.test(k)) this.jar.delete(k);
  }

  /** GET /api/auth/session: the session as next-auth presents it (null when signed out). */
  async session(): Promise<{ user?: { id?: string; email?: string; name?: string } } | null> {
    const res = await this.get('/api/auth/session');
    return res.json && Object.keys(res.json).length ? res.json : null;
  }
}

let counter = 0;
/** A unique, valid email address for a test user. */
export function uniqueEmail(prefix = 'user'): string {
  return `${prefix}-${Date.now().toString(36)}-${process.pid}-${(counter++).toString(36)}@example.org`;
}
