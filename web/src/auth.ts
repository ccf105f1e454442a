/**
 * The subject's JWT. Behind the real gateway an OIDC login (authorization code + PKCE) provides
 * it; this reference app accepts one in the URL fragment, `#token=...`, keeps it in
 * sessionStorage (gone when the tab closes) and removes it from the address bar at once.
 */
const KEY = 'mensura.token';

export function takeTokenFromUrl(): void {
  const hash = window.location.hash;
  if (hash.startsWith('#')) {
    const params = new URLSearchParams(hash.substring(1));
    const token = params.get('token');
    if (token) {
      sessionStorage.setItem(KEY, token);
      history.replaceState(null, '', window.location.pathname + window.location.search);
    }
  }
}

export function token(): string | null {
  return sessionStorage.getItem(KEY);
}

export function signOut(): void {
  sessionStorage.removeItem(KEY);
}
