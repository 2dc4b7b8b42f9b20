// Signs in to a pbimcp server with the official TypeScript SDK client's OAuth support, as a real
// client would: discovery, the façade, sign-in at (a stand-in for) Entra, code, token; then it
// calls a tool, waits for the access token to expire, and calls again (the SDK refreshes on 401).
// The "browser" follows redirects and clicks Allow on a consent page. Prints one RESULT line.
//
//   node oauth-client.mjs <mcp-url> dcr
//   node oauth-client.mjs <mcp-url> cimd <metadata-document-url>
//   node oauth-client.mjs <mcp-url> preregistered <client-id> <client-secret> <redirect-uri>
//   env WAIT_SECONDS: how long to wait for the access token to expire (default 0: no second call)
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { UnauthorizedError } from '@modelcontextprotocol/sdk/client/auth.js';

const [url, mode, ...rest] = process.argv.slice(2);
const loopbackRedirect = 'http://127.0.0.1:53682/callback';
const redirectUrl = mode === 'preregistered' ? rest[2] : loopbackRedirect;
const seen = { consentPages: 0, tokenRequests: [], registrations: 0, authorizeUrls: [] };

class Provider {
  constructor() {
    this.stored = {};
    if (mode === 'preregistered') this.stored.client = { client_id: rest[0], client_secret: rest[1] };
    if (mode === 'cimd') this.clientMetadataUrl = rest[0];
  }
  get redirectUrl() { return redirectUrl; }
  get clientMetadata() {
    return {
      client_name: `pbimcp e2e (${mode})`,
      redirect_uris: [redirectUrl],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
    };
  }
  clientInformation() { return this.stored.client; }
  saveClientInformation(info) { this.stored.client = info; }
  tokens() { return this.stored.tokens; }
  saveTokens(tokens) { this.stored.tokens = tokens; }
  saveCodeVerifier(v) { this.stored.verifier = v; }
  codeVerifier() { return this.stored.verifier; }
  redirectToAuthorization(authorizationUrl) { this.pendingAuthorization = authorizationUrl; }
}

// Records the token and registration requests the SDK makes, to report what happened.
const recordingFetch = async (input, init) => {
  const target = typeof input === 'string' ? input : input.url ?? String(input);
  if (target.endsWith('/oauth/token')) seen.tokenRequests.push(new URLSearchParams(String(init?.body)).get('grant_type'));
  if (target.endsWith('/oauth/register')) seen.registrations++;
  return fetch(input, init);
};

/** Follows the sign-in in place of a browser, until it reaches the client's redirect URI. */
async function browse(start) {
  const cookies = new Map();
  let next = start.href, method = 'GET', body;
  for (let hop = 0; hop < 12; hop++) {
    seen.authorizeUrls.push(next.split('?')[0]);
    const headers = { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
    if (body) headers['content-type'] = 'application/x-www-form-urlencoded';
    const res = await fetch(next, { method, body, headers, redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) {
      const pair = c.split(';')[0];
      cookies.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
    }
    if (res.status >= 300 && res.status < 400) {
      const location = new URL(res.headers.get('location'), next);
      if (location.href.startsWith(redirectUrl)) return location;
      next = location.href; method = 'GET'; body = undefined;
      continue;
    }
    const html = await res.text();
    const sealed = html.match(/name="request" value="([^"]+)"/);
    if (res.status === 200 && sealed) {
      seen.consentPages++;
      next = new URL('consent', next).href; method = 'POST';
      body = new URLSearchParams({ request: sealed[1].replaceAll('&amp;', '&'), decision: 'allow' }).toString();
      continue;
    }
    throw new Error(`sign-in stopped at HTTP ${res.status} ${next}: ${html.slice(0, 300)}`);
  }
  throw new Error('too many redirects');
}

const provider = new Provider();
const client = new Client({ name: 'pbimcp-oauth-e2e', version: '1.0.0' });
const transport = () => new StreamableHTTPClientTransport(new URL(url), { authProvider: provider, fetch: recordingFetch });
try {
  await client.connect(transport());
  throw new Error('the server let an unauthenticated client in');
} catch (e) {
  if (!(e instanceof UnauthorizedError) || !provider.pendingAuthorization) throw e;
}
const landed = await browse(provider.pendingAuthorization);
if (landed.searchParams.get('error')) throw new Error(`sign-in refused: ${landed.search}`);
const first = transport();
await first.finishAuth(landed.searchParams.get('code'));
await client.connect(first);
const call = async () => {
  const r = await client.callTool({ name: 'list_powerbi_workspaces', arguments: {} });
  if (r.isError) throw new Error(`tool error: ${JSON.stringify(r.content)}`);
  return r.structuredContent?.workspaces?.length ?? -1;
};
const result = {
  mode,
  iss: landed.searchParams.get('iss'),
  clientId: provider.stored.client?.client_id?.slice(0, 40),
  workspaces: await call(),
  hadRefreshToken: Boolean(provider.stored.tokens?.refresh_token),
};
const wait = Number(process.env.WAIT_SECONDS ?? 0);
if (wait > 0) {
  const before = provider.stored.tokens.access_token;
  await new Promise(r => setTimeout(r, wait * 1000));
  result.workspacesAfterExpiry = await call();
  result.accessTokenChanged = provider.stored.tokens.access_token !== before;
}
result.consentPages = seen.consentPages;
result.registrations = seen.registrations;
result.tokenGrants = seen.tokenRequests;
result.hops = seen.authorizeUrls.map(u => new URL(u).pathname);
console.log('RESULT ' + JSON.stringify(result));
await client.close();
