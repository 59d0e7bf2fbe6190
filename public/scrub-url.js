// The page's first script, run before anything else can read the address (an external file, so
// that the Content-Security-Policy stays script-src 'self'). Credentials must never sit in a URL:
// it is kept in history and bookmarks and shows up in logs and screenshots. So a client_id or
// secret parameter, in any letter case, is taken out of the address bar at once; the rest stays.
(() => {
  const url = new URL(window.location.href);
  const credentials = [...url.searchParams.keys()].filter((name) =>
    ['client_id', 'secret'].includes(name.toLowerCase()),
  );
  if (credentials.length === 0) return;
  for (const name of credentials) url.searchParams.delete(name);
  window.history.replaceState(window.history.state, '', url.href);
})();
