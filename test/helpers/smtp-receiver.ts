// An in-process SMTP server on 127.0.0.1 (smtp-server) that parses each message it accepts
// (mailparser), for e-mail alert tests: `smtpUrl` is what SMTP_URL would be.

import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** Envelope recipients (RCPT TO), which may differ from the To header. */
  envelopeTo: string[];
  envelopeFrom: string;
  raw: string;
  parsed: ParsedMail;
}

export interface SmtpReceiver {
  smtpUrl: string;
  received: ReceivedMail[];
  /** Logins seen (user names), when `auth` is set. */
  logins: string[];
  close(): Promise<void>;
}

export interface SmtpReceiverOptions {
  /** Require this login (AUTH PLAIN/LOGIN over the plain loopback connection). */
  auth?: { user: string; pass: string };
  /** An SMTP reply code for a recipient to refuse it with (550, 450, …); undefined accepts it. */
  refuseRecipient?: (address: string) => number | undefined;
}

export async function startSmtpReceiver(options: SmtpReceiverOptions = {}): Promise<SmtpReceiver> {
  const received: ReceivedMail[] = [];
  const logins: string[] = [];
  const server = new SMTPServer({
    // Plain SMTP on loopback: no STARTTLS offered, so the client does not try a self-signed upgrade.
    disabledCommands: options.auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !options.auth,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (options.auth && auth.username === options.auth.user && auth.password === options.auth.pass) {
        logins.push(auth.username);
        callback(null, { user: auth.username });
      } else callback(new Error('Invalid username or password'));
    },
    onRcptTo(address, _session, callback) {
      const code = options.refuseRecipient?.(address.address);
      if (code === undefined) return callback();
      callback(Object.assign(new Error(`${code === 550 ? '5.1.1' : '4.2.0'} <${address.address}>: recipient refused`), { responseCode: code }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw).then(
          (parsed) => {
            received.push({
              envelopeTo: session.envelope.rcptTo.map((a) => a.address),
              envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              raw,
              parsed,
            });
            callback();
          },
          (err: Error) => callback(err),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  const credentials = options.auth ? `${encodeURIComponent(options.auth.user)}:${encodeURIComponent(options.auth.pass)}@` : '';
  return {
    smtpUrl: `smtp://${credentials}127.0.0.1:${port}`,
    received,
    logins,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
