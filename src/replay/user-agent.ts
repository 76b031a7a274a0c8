// sec.gov wants every automated client to declare itself: `User-Agent: Sample Company Name
// AdminContact@<sample company domain>.com` (SEC webmaster FAQ, quoted in EDGAR.md §6). A missing
// UA or a tool default (curl/8.5, node, undici, python-requests) gets 403 "Undeclared Automated
// Tool". We accept a UA as declared when it carries an e-mail address, the one thing SEC asks for
// that a tool default never has.

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;

export function isDeclaredUserAgent(userAgent: string | undefined): boolean {
  return typeof userAgent === 'string' && EMAIL.test(userAgent);
}
