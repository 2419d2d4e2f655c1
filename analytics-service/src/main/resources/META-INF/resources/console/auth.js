'use strict';
// Login for the console's pages (the workbenches and the dashboard): the OIDC authorization-code flow with PKCE (S256) against the wenzheng realm, tokens
// kept in this tab's sessionStorage and refreshed before they expire. Every API call goes through Auth.fetch.
const Auth = (() => {
  const KEY = 'wenzheng.auth';
  let config = null;
  let session = JSON.parse(sessionStorage.getItem(KEY) || 'null');

  const b64url = bytes => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  const random = n => b64url(crypto.getRandomValues(new Uint8Array(n)));
  const sha256 = async text => new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  const endpoint = name => `${config.issuer}/protocol/openid-connect/${name}`;
  const here = () => location.origin + location.pathname;
  const claims = token => JSON.parse(decodeURIComponent(escape(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')))));

  function keep(response) {
    session = {
      access: response.access_token, refresh: response.refresh_token, idToken: response.id_token,
      expiresAt: Date.now() + (response.expires_in - 20) * 1000
    };
    sessionStorage.setItem(KEY, JSON.stringify(session));
  }

  async function login() {
    const verifier = random(48);
    const state = random(16);
    sessionStorage.setItem(KEY + '.pkce', JSON.stringify({ verifier, state, back: location.search + location.hash }));
    const p = new URLSearchParams({
      client_id: config.clientId, response_type: 'code', scope: 'openid', redirect_uri: here(), state,
      code_challenge: b64url(await sha256(verifier)), code_challenge_method: 'S256',
      ui_locales: document.documentElement.lang || 'zh-CN'
    });
    location.assign(endpoint('auth') + '?' + p);
    return new Promise(() => {}); // the page is leaving
  }

  // Token requests go through the page's own origin (/api/v1/console/token), so Keycloak needs no CORS rule.
  async function token(form) {
    const response = await fetch('/api/v1/console/token', {
      method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form)
    });
    if (!response.ok) throw new Error('token endpoint: ' + response.status);
    keep(await response.json());
  }

  async function fresh() {
    if (!config.issuer) return null;
    if (session && Date.now() < session.expiresAt) return session.access;
    if (session && session.refresh) {
      try {
        await token({ grant_type: 'refresh_token', client_id: config.clientId, refresh_token: session.refresh });
        return session.access;
      } catch (e) { /* the SSO session ended: log in again */ }
    }
    return login();
  }

  return {
    /** Resolves once the page may call the APIs: after the redirect back from the login page, or at once. */
    async ready() {
      config = await (await fetch('/api/v1/console/config')).json();
      if (!config.issuer) return;
      const q = new URLSearchParams(location.search);
      const pkce = JSON.parse(sessionStorage.getItem(KEY + '.pkce') || 'null');
      if (q.get('code') && pkce && q.get('state') === pkce.state) {
        sessionStorage.removeItem(KEY + '.pkce');
        await token({ grant_type: 'authorization_code', client_id: config.clientId, code: q.get('code'),
          redirect_uri: here(), code_verifier: pkce.verifier });
        history.replaceState(null, '', location.pathname + pkce.back);
      }
      await fresh();
    },
    async fetch(path, options = {}) {
      const access = await fresh();
      const headers = new Headers(options.headers || {});
      if (access) headers.set('Authorization', 'Bearer ' + access);
      const response = await fetch(path, { ...options, headers });
      if (response.status === 401 && access) {
        session = null;
        sessionStorage.removeItem(KEY);
        return login();
      }
      return response;
    },
    user() { return session ? claims(session.access) : null; },
    /** The console's configuration as /api/v1/console/config gave it, once ready() resolved. */
    config() { return config; },
    logout() {
      const idToken = session && session.idToken;
      sessionStorage.removeItem(KEY);
      session = null;
      if (config && config.issuer) {
        location.assign(endpoint('logout') + '?' + new URLSearchParams({
          client_id: config.clientId, post_logout_redirect_uri: here(), ...(idToken ? { id_token_hint: idToken } : {})
        }));
      }
    }
  };
})();
