// DVC_EXTRA_ORIGINS: the browser origins a portal team adds to `npm start`, so the widgets on their
// own page (a dev server on http://localhost:5173, a staging portal) may call the local identity
// service as either example portal. Read by scripts/start.mjs, checked here so a typo is named
// before anything starts.

/** The environment variable scripts/start.mjs reads. */
export const EXTRA_ORIGINS_VARIABLE = 'DVC_EXTRA_ORIGINS';

/**
 * A comma-separated list of origins (`scheme://host[:port]`, no path) as an array.
 *
 * @param {string | undefined} value
 * @returns {string[]} empty when the variable is unset or blank
 * @throws {Error} naming the variable and the entry that is not an http(s) origin
 */
export function parseExtraOrigins(value) {
  if (!value?.trim()) return [];
  return value.split(',').map((entry) => entry.trim()).filter(Boolean).map((entry) => {
    let url;
    try {
      url = new URL(entry);
    } catch {
      url = undefined;
    }
    if (!url || !['http:', 'https:'].includes(url.protocol) || url.origin !== entry.replace(/\/$/, '')) {
      throw new Error(`${EXTRA_ORIGINS_VARIABLE}: "${entry}" is not an origin such as https://portal.example or http://localhost:5173 (scheme, host and port only, comma-separated)`);
    }
    return url.origin;
  });
}
