// Credentials (a connection URL's password, a secret query parameter) masked wherever text may be
// shown: configuration errors, log lines, the CLI's error messages.

export const MASK = '***';

// The name of a credential: password, sslpassword, passwd, api_key, access_token, client_secret,
// sslkey, authorization… (not a bare "key": jobs have keys that are accession numbers).
const SECRET_WORDS = String.raw`pass|secret|token|api[-_]?key|access[-_]?key|private[-_]?key|sslkey|auth|credential|signature`;
const SECRET_NAME = new RegExp(SECRET_WORDS, 'i');
// `name=value` pairs in a query string or a libpq-style keyword list, whose name looks secret.
const SECRET_PAIR = new RegExp(String.raw`(^|[?&;\s])([\w.-]*(?:${SECRET_WORDS})[\w.-]*=)([^&#\s"']*)`, 'gi');
// A URL inside free text, up to the first whitespace or quote.
const URL_IN_TEXT = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>`]+/gi;

/** Masks the credentials of a connection URL (password, secret query parameters) so it can be shown. */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // Not a URL by the standard, but it may still carry a password: mask by its shape.
    return redactUrlShape(url);
  }
  const secretParams = [...new Set(parsed.searchParams.keys())].filter((name) => SECRET_NAME.test(name));
  // Nothing to mask: the text as it was (serializing would normalize it, e.g. add a trailing "/").
  if (!parsed.password && secretParams.length === 0) return url;
  if (parsed.password) parsed.password = MASK;
  for (const name of secretParams) parsed.searchParams.set(name, MASK);
  return parsed.toString();
}

/** What can be masked in a string that does not parse as a URL: the user-info's password, secret parameters. */
function redactUrlShape(text: string): string {
  const start = text.indexOf('://');
  let out = text;
  if (start >= 0) {
    // A password may hold any character, so the user-info ends at the last "@".
    const at = text.lastIndexOf('@');
    if (at > start) {
      const userInfo = text.slice(start + 3, at);
      const colon = userInfo.indexOf(':');
      if (colon >= 0) out = `${text.slice(0, start + 3)}${userInfo.slice(0, colon)}:${MASK}${text.slice(at)}`;
    }
  }
  return out.replace(SECRET_PAIR, (_, lead: string, name: string) => `${lead}${name}${MASK}`);
}

/** Masks every credential in free text: the passwords of URLs in it and `secret=value` pairs. */
export function scrubSecrets(text: string): string {
  if (!text.includes('://') && !text.includes('=')) return text;
  return text.replace(URL_IN_TEXT, (url) => redactUrl(url)).replace(SECRET_PAIR, (_, lead: string, name: string) => `${lead}${name}${MASK}`);
}
