// A database URL fit to print: no password, whether in the user info or in the query string.
const SECRET_PARAMS = /^(password|sslpassword|passfile|sslkey)$/i;

export function printableDatabaseUrl(url: string): string {
  let parsed: URL | undefined;
  try {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  // Not a URL: hide anything between "user:" and "@" all the same.
  if (parsed === undefined) return url.replace(/:[^@/]*@/, ':***@');
  if (parsed.password !== '') parsed.password = '***';
  for (const name of [...parsed.searchParams.keys()]) if (SECRET_PARAMS.test(name)) parsed.searchParams.set(name, '***');
  return parsed.toString();
}

/** `text` with every occurrence of the URL replaced by its printable form. */
export function withoutDatabaseSecrets(text: string, url: string | undefined): string {
  if (url === undefined || url === '') return text;
  return text.split(url).join(printableDatabaseUrl(url));
}
