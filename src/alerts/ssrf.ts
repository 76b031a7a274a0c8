// Which URLs alerts may be sent to. Subscription URLs come from users, so a webhook must not be a
// way to reach the monitor's own network: loopback, private ranges, link-local, CGNAT, unique-local
// IPv6 and the cloud metadata endpoints are refused twice — when the URL is saved (`checkUrl`), and
// when a connection is opened (`alertDispatcher`), because a name can resolve elsewhere by then
// (DNS rebinding). The dispatcher resolves a name once, checks every address it got, and connects
// to those checked addresses only; `allowPrivate` (ALERTS_ALLOW_PRIVATE_URLS=1) lets tests and the
// demo deliver to receivers on 127.0.0.1.

import { lookup as dnsLookup } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { Agent, buildConnector } from 'undici';
import { AppError } from '../errors.ts';

export interface UrlPolicy {
  /** Private, loopback, link-local, CGNAT and unique-local addresses allowed (tests, the demo). Metadata endpoints stay refused. */
  allowPrivate?: boolean;
}

export class UrlRefusedError extends AppError {
  constructor(message: string) {
    super('alerts.url_refused', message, { statusCode: 400 });
    this.name = 'UrlRefusedError';
  }
}

const MAX_URL_LENGTH = 2048;

type Range = { v: 4 | 6; base: bigint; bits: number; reason: string; private: boolean };

function range(cidr: string, reason: string, isPrivate = true): Range {
  const [ip, bits] = cidr.split('/') as [string, string];
  const v = isIP(ip) === 4 ? 4 : 6;
  return { v, base: v === 4 ? ipv4ToBigInt(ip) : ipv6ToBigInt(ip), bits: Number(bits), reason, private: isPrivate };
}

// Metadata first: allowPrivate must never open the instance's credentials to a subscriber.
const METADATA = new Set(['169.254.169.254', '169.254.170.2', '100.100.100.200', '192.0.0.192', 'fd00:ec2::254']);

// `private: false` ranges are refused even with allowPrivate: nothing legitimate listens there.
const RANGES: Range[] = [
  range('0.0.0.0/8', 'an unspecified ("this network") address', false),
  range('10.0.0.0/8', 'a private address'),
  range('100.64.0.0/10', 'a carrier-grade NAT (shared) address'),
  range('127.0.0.0/8', 'a loopback address'),
  range('169.254.0.0/16', 'a link-local address'),
  range('172.16.0.0/12', 'a private address'),
  range('192.0.0.0/24', 'an IETF protocol-assignment address', false),
  range('192.0.2.0/24', 'a documentation address', false),
  range('192.88.99.0/24', 'a 6to4 relay address', false),
  range('192.168.0.0/16', 'a private address'),
  range('198.18.0.0/15', 'a benchmarking address', false),
  range('198.51.100.0/24', 'a documentation address', false),
  range('203.0.113.0/24', 'a documentation address', false),
  range('224.0.0.0/4', 'a multicast address', false),
  range('240.0.0.0/4', 'a reserved or broadcast address', false),
  range('::/128', 'the unspecified address', false),
  range('::1/128', 'a loopback address'),
  range('::ffff:0:0/96', 'an IPv4-mapped IPv6 address', false),
  range('::/96', 'an IPv4-compatible IPv6 address', false),
  range('64:ff9b:1::/48', 'a local-use NAT64 address'),
  range('100::/64', 'a discard-only address', false),
  range('2001::/32', 'a Teredo tunnel address', false),
  range('2001:db8::/32', 'a documentation address', false),
  range('fc00::/7', 'a unique-local address'),
  range('fe80::/10', 'a link-local address'),
  range('fec0::/10', 'a site-local address'),
  range('ff00::/8', 'a multicast address', false),
];

// Prefixes that carry an IPv4 address inside: judged by that address.
const NAT64 = range('64:ff9b::/96', 'a NAT64 address');
const SIX_TO_FOUR = range('2002::/16', 'a 6to4 address');

function ipv4ToBigInt(ip: string): bigint {
  return ip.split('.').reduce((n, part) => (n << 8n) | BigInt(Number(part)), 0n);
}

function ipv6ToBigInt(ip: string): bigint {
  let text = ip.replace(/%.*$/, '');
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const v4 = ipv4ToBigInt(dotted[1]!);
    text = `${text.slice(0, dotted.index)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? (text.split('::') as [string, string]) : [text, null];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === null ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return groups.reduce((n, g) => (n << 16n) | BigInt(Number.parseInt(g, 16)), 0n);
}

function inRange(value: bigint, v: 4 | 6, r: Range): boolean {
  const width = v === 4 ? 32 : 128;
  return r.v === v && value >> BigInt(width - r.bits) === r.base >> BigInt(width - r.bits);
}

function v4FromBits(n: bigint): string {
  return [24n, 16n, 8n, 0n].map((s) => String((n >> s) & 0xffn)).join('.');
}

/**
 * Why an address may not be connected to, or null when it may. Takes an IP literal (no brackets);
 * IPv4 embedded in NAT64 (64:ff9b::/96) and 6to4 (2002::/16) addresses is judged as that IPv4.
 */
export function addressRefusal(ip: string, policy: UrlPolicy = {}): string | null {
  const family = isIP(ip.replace(/%.*$/, ''));
  if (family === 0) return `"${ip}" is not an IP address`;
  const v: 4 | 6 = family === 4 ? 4 : 6;
  const lower = ip.toLowerCase();
  const value = v === 4 ? ipv4ToBigInt(lower) : ipv6ToBigInt(lower);
  const canonical = v === 4 ? lower : canonicalIpv6(value);
  if (METADATA.has(canonical)) return `${ip} is a cloud metadata address`;
  if (v === 6) {
    if (inRange(value, 6, NAT64)) return embedded(v4FromBits(value & 0xffffffffn), ip, policy);
    if (inRange(value, 6, SIX_TO_FOUR)) return embedded(v4FromBits((value >> 80n) & 0xffffffffn), ip, policy);
  }
  for (const r of RANGES) {
    if (!inRange(value, v, r)) continue;
    if (r.private && policy.allowPrivate) return null;
    return `${ip} is ${r.reason}`;
  }
  return null;
}

function embedded(v4: string, ip: string, policy: UrlPolicy): string | null {
  const reason = addressRefusal(v4, policy);
  return reason ? `${ip} embeds ${v4}: ${reason.replace(`${v4} is `, '')}` : null;
}

function canonicalIpv6(value: bigint): string {
  const groups = Array.from({ length: 8 }, (_, i) => ((value >> BigInt(112 - 16 * i)) & 0xffffn).toString(16));
  // The longest run of zero groups becomes `::`, as in RFC 5952 (enough for the METADATA lookup).
  let best = { at: -1, len: 0 };
  for (let i = 0; i < 8; ) {
    if (groups[i] !== '0') {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === '0') j++;
    if (j - i > best.len && j - i > 1) best = { at: i, len: j - i };
    i = j;
  }
  if (best.at < 0) return groups.join(':');
  return `${groups.slice(0, best.at).join(':')}::${groups.slice(best.at + best.len).join(':')}`;
}

const LOCAL_NAMES = /(^|\.)(localhost|localdomain)$/i;

/**
 * A user-supplied alert URL, checked when it is saved: http(s) only, no credentials, and no host
 * that is a refused IP literal or a local name. Decimal, hex and octal IPv4 forms are caught
 * because the WHATWG URL parser rewrites them to dotted quads. Throws UrlRefusedError (400).
 */
export function checkUrl(raw: string, policy: UrlPolicy = {}): URL {
  if (raw.length > MAX_URL_LENGTH) throw new UrlRefusedError(`the URL is longer than ${MAX_URL_LENGTH} characters`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UrlRefusedError('the URL is not a valid absolute URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UrlRefusedError(`only http and https URLs are allowed, not ${url.protocol.replace(/:$/, '')}`);
  if (url.username || url.password) throw new UrlRefusedError('the URL may not contain a user name or password');
  const host = url.hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (host === '') throw new UrlRefusedError('the URL has no host');
  if (isIP(host)) {
    const reason = addressRefusal(host, policy);
    if (reason) throw new UrlRefusedError(`the URL's host ${reason}`);
  } else if (!policy.allowPrivate && LOCAL_NAMES.test(host)) {
    throw new UrlRefusedError(`the URL's host ${host} names this machine`);
  }
  return url;
}

export interface ResolvedAddress {
  address: string;
  family: number;
}

export interface AlertDispatcherOptions extends UrlPolicy {
  /** Name → addresses; every one is checked. Defaults to the system resolver (dns.lookup, all addresses). */
  resolve?: (hostname: string) => Promise<ResolvedAddress[]>;
  /** TCP + TLS connect timeout (the delivery's overall 15 s timeout is the caller's). */
  connectTimeoutMs?: number;
  /** Extra trust for TLS (a test CA); the system's roots otherwise. Certificates are always checked against the URL's name. */
  ca?: string | Buffer;
  /** Passed to the undici Agent, e.g. `headersTimeout`, `bodyTimeout`. */
  agent?: Omit<Agent.Options, 'connect'>;
}

const systemResolve = (hostname: string): Promise<ResolvedAddress[]> =>
  new Promise((resolve, reject) => dnsLookup(hostname, { all: true, order: 'verbatim' }, (err, addresses) => (err ? reject(err) : resolve(addresses))));

/**
 * An undici dispatcher for alert deliveries. Every connection's host is checked at connect time:
 * an IP literal directly (net.connect never asks a resolver for one), a name by resolving it
 * once and refusing the connection if any of its addresses is refused; the socket then connects
 * to those same addresses, so a second, different DNS answer is never used. TLS still verifies the
 * certificate against the name. A refusal fails the request with UrlRefusedError (as its cause, or
 * itself, depending on where undici surfaces it; see `isUrlRefusal`).
 */
export function alertDispatcher(options: AlertDispatcherOptions = {}): Agent {
  const policy: UrlPolicy = { allowPrivate: options.allowPrivate ?? false };
  const resolve = options.resolve ?? systemResolve;

  const lookup: LookupFunction = (hostname, lookupOptions, callback) => {
    resolve(hostname).then(
      (addresses) => {
        if (addresses.length === 0) throw Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' });
        for (const { address } of addresses) {
          const reason = addressRefusal(address, policy);
          if (reason) throw new UrlRefusedError(`${hostname} resolves to ${address}, which ${reason.replace(`${address} is `, 'is ')}`);
        }
        const family = lookupOptions.family === 4 || lookupOptions.family === 6 ? lookupOptions.family : 0;
        const usable = family ? addresses.filter((a) => a.family === family) : addresses;
        if (usable.length === 0) throw Object.assign(new Error(`${hostname} has no IPv${family} address`), { code: 'ENOTFOUND' });
        if (lookupOptions.all) callback(null, usable);
        else callback(null, usable[0]!.address, usable[0]!.family);
      },
    ).catch((err: NodeJS.ErrnoException) => callback(err, '', 0));
  };

  const base = buildConnector({ timeout: options.connectTimeoutMs ?? 10_000, lookup, ...(options.ca ? { ca: options.ca } : {}) } as buildConnector.BuildOptions);
  const connect: buildConnector.connector = (connectOptions, callback) => {
    if (isIP(connectOptions.hostname)) {
      const reason = addressRefusal(connectOptions.hostname, policy);
      if (reason) {
        queueMicrotask(() => callback(new UrlRefusedError(`refused to connect: ${reason}`), null));
        return;
      }
    }
    base(connectOptions, callback);
  };
  return new Agent({ ...options.agent, connect });
}

/** The UrlRefusedError behind a failed request (undici may wrap the connector's error), if any. */
export function isUrlRefusal(err: unknown): UrlRefusedError | null {
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof UrlRefusedError) return e;
  }
  return null;
}
