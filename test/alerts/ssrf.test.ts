import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createTlsServer, type Server as TlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressRefusal, alertDispatcher, checkUrl, isUrlRefusal, UrlRefusedError, type ResolvedAddress } from '../../src/alerts/ssrf.ts';

describe('checkUrl (when a subscription URL is saved)', () => {
  it.each([
    ['https://hooks.slack.com/services/T000/B000/XXXX'],
    ['https://prod-12.westus.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?api-version=2016-06-01'],
    ['http://93.184.216.34:8080/hook'],
    ['https://[2606:4700:4700::1111]/hook'],
    ['https://[64:ff9b::5db8:d822]/nat64-of-a-public-address'],
  ])('accepts the public URL %s', (url) => {
    expect(checkUrl(url).href).toBe(new URL(url).href);
  });

  it.each([
    ['ftp://example.com/x', /only http and https/],
    ['file:///etc/passwd', /only http and https/],
    ['gopher://example.com/', /only http and https/],
    ['https://user:pass@example.com/hook', /user name or password/],
    ['https://token@example.com/hook', /user name or password/],
    ['not a url', /not a valid absolute URL/],
    [`https://example.com/${'a'.repeat(2100)}`, /longer than/],
  ])('refuses %s', (url, reason) => {
    expect(() => checkUrl(url)).toThrow(reason);
  });

  it.each([
    ['http://127.0.0.1/', 'loopback'],
    ['http://127.1/', 'loopback'],
    ['http://2130706433/', 'loopback'],
    ['http://0x7f000001/', 'loopback'],
    ['http://0x7f.0.0.1/', 'loopback'],
    ['http://0177.0.0.1/', 'loopback'],
    ['http://017700000001/', 'loopback'],
    ['http://0/', 'unspecified'],
    ['http://0.0.0.0:8080/', 'unspecified'],
    ['http://10.1.2.3/', 'private'],
    ['http://172.16.0.1/', 'private'],
    ['http://172.31.255.255/', 'private'],
    ['http://192.168.1.1/', 'private'],
    ['http://3232235777/', 'private'],
    ['http://100.64.0.1/', 'carrier-grade NAT'],
    ['http://100.127.255.254/', 'carrier-grade NAT'],
    ['http://169.254.1.1/', 'link-local'],
    ['http://169.254.169.254/latest/meta-data/', 'metadata'],
    ['http://0xa9fea9fe/latest/meta-data/', 'metadata'],
    ['http://[fd00:ec2::254]/latest/meta-data/', 'metadata'],
    ['http://[::1]/', 'loopback'],
    ['http://[::]/', 'unspecified'],
    ['http://[fe80::1]/', 'link-local'],
    ['http://[fc00::1]/', 'unique-local'],
    ['http://[fd12:3456:789a::1]/', 'unique-local'],
    ['http://[::ffff:127.0.0.1]/', 'IPv4-mapped'],
    ['http://[::ffff:7f00:1]/', 'IPv4-mapped'],
    ['http://[::ffff:169.254.169.254]/', 'IPv4-mapped'],
    ['http://[64:ff9b::7f00:1]/', 'loopback'],
    ['http://[2002:7f00:1::]/', 'loopback'],
    ['http://224.0.0.1/', 'multicast'],
    ['http://255.255.255.255/', 'broadcast'],
    ['http://localhost:8080/', 'names this machine'],
    ['http://LOCALHOST./', 'names this machine'],
    ['http://api.localhost/', 'names this machine'],
  ])('refuses %s (%s)', (url, reason) => {
    let error: unknown;
    try {
      checkUrl(url);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(UrlRefusedError);
    expect((error as UrlRefusedError).code).toBe('alerts.url_refused');
    expect((error as UrlRefusedError).statusCode).toBe(400);
    expect((error as Error).message).toContain(reason);
  });

  it('allows loopback, private and local names with allowPrivate, for tests and the demo', () => {
    for (const url of ['http://127.0.0.1:3000/', 'http://localhost:3000/', 'http://10.0.0.5/', 'http://[::1]:3000/', 'http://[fd12::1]/', 'http://100.64.0.1/']) {
      expect(() => checkUrl(url, { allowPrivate: true })).not.toThrow();
    }
  });

  it('still refuses metadata endpoints, mapped IPv6 and non-http schemes with allowPrivate', () => {
    for (const url of ['http://169.254.169.254/', 'http://[fd00:ec2::254]/', 'http://[::ffff:127.0.0.1]/', 'file:///etc/passwd', 'http://u:p@127.0.0.1/']) {
      expect(() => checkUrl(url, { allowPrivate: true }), url).toThrow(UrlRefusedError);
    }
  });
});

describe('addressRefusal', () => {
  it('passes public IPv4 and IPv6 addresses', () => {
    for (const ip of ['8.8.8.8', '1.1.1.1', '100.63.255.255', '100.128.0.0', '172.15.255.255', '172.32.0.0', '2606:4700:4700::1111', '2a00:1450:4001:80b::200e']) {
      expect(addressRefusal(ip), ip).toBeNull();
    }
  });

  it('judges the IPv4 inside NAT64 and 6to4 addresses', () => {
    expect(addressRefusal('64:ff9b::a00:1')).toMatch(/embeds 10\.0\.0\.1: a private address/);
    expect(addressRefusal('64:ff9b::808:808')).toBeNull();
    expect(addressRefusal('2002:a9fe:a9fe::1')).toMatch(/metadata/);
  });

  it('recognises the metadata address however IPv6 spells it', () => {
    expect(addressRefusal('fd00:ec2:0:0:0:0:0:254')).toMatch(/metadata/);
    expect(addressRefusal('FD00:EC2::254')).toMatch(/metadata/);
  });
});

describe('alertDispatcher (at connect time)', () => {
  let server: Server;
  let port: number;
  let hits = 0;

  beforeAll(async () => {
    server = createServer((_req, res) => {
      hits++;
      res.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  async function refusal(url: string, dispatcher: ReturnType<typeof alertDispatcher>): Promise<UrlRefusedError | null> {
    try {
      const res = await request(url, { method: 'POST', body: '{}', dispatcher });
      await res.body.dump();
      return null;
    } catch (err) {
      const refused = isUrlRefusal(err);
      if (!refused) throw err;
      return refused;
    } finally {
      await dispatcher.close();
    }
  }

  it('refuses a hostname that resolves to 127.0.0.1 (localhost) and never reaches the server', async () => {
    const before = hits;
    const refused = await refusal(`http://localhost:${port}/hook`, alertDispatcher({ resolve: async () => [{ address: '127.0.0.1', family: 4 }] }));
    expect(refused?.message).toMatch(/localhost resolves to 127\.0\.0\.1, which is a loopback address/);
    expect(hits).toBe(before);
  });

  it('refuses localhost through the system resolver too', async () => {
    const refused = await refusal(`http://localhost:${port}/hook`, alertDispatcher());
    expect(refused?.message).toMatch(/localhost resolves to (127\.0\.0\.1|::1), which is a loopback address/);
  });

  it('refuses a name when any one of its addresses is private, even if another is public', async () => {
    const resolve = async (): Promise<ResolvedAddress[]> => [
      { address: '93.184.216.34', family: 4 },
      { address: '10.0.0.7', family: 4 },
    ];
    expect((await refusal('http://mixed.example.test/hook', alertDispatcher({ resolve })))?.message).toMatch(/10\.0\.0\.7, which is a private address/);
  });

  it('refuses an IP-literal URL, which no resolver is asked about', async () => {
    const before = hits;
    let asked = 0;
    const refused = await refusal(`http://127.0.0.1:${port}/hook`, alertDispatcher({ resolve: async () => (asked++, []) }));
    expect(refused?.message).toMatch(/127\.0\.0\.1 is a loopback address/);
    expect(asked).toBe(0);
    expect(hits).toBe(before);
  });

  it('refuses the metadata address even with allowPrivate', async () => {
    const refused = await refusal('http://169.254.169.254/latest/meta-data/', alertDispatcher({ allowPrivate: true }));
    expect(refused?.message).toMatch(/metadata/);
  });

  it('delivers to localhost with allowPrivate', async () => {
    const dispatcher = alertDispatcher({ allowPrivate: true, resolve: async () => [{ address: '127.0.0.1', family: 4 }] });
    try {
      const res = await request(`http://localhost:${port}/hook`, { method: 'POST', body: '{}', dispatcher });
      expect(res.statusCode).toBe(200);
      expect(await res.body.text()).toBe('ok');
    } finally {
      await dispatcher.close();
    }
  });

  it('resolves a name once per connection and connects to the address it checked, not to a later answer (DNS rebinding)', async () => {
    // A rebinding name answers the check with one address and a second query with another; here
    // the second answer is a blackhole address, so any second resolution would fail the request.
    const answers = ['127.0.0.1', '192.0.2.1'];
    let asked = 0;
    const dispatcher = alertDispatcher({
      allowPrivate: true,
      resolve: async () => [{ address: answers[Math.min(asked++, 1)]!, family: 4 }],
    });
    try {
      const res = await request(`http://rebind.example.test:${port}/hook`, { method: 'POST', body: '{}', dispatcher });
      expect(res.statusCode).toBe(200);
      await res.body.dump();
      expect(asked).toBe(1);
    } finally {
      await dispatcher.close();
    }
  });

  it('fails a name that does not resolve with the resolver error, not a refusal', async () => {
    const dispatcher = alertDispatcher({ resolve: async () => Promise.reject(Object.assign(new Error('getaddrinfo ENOTFOUND nowhere.invalid'), { code: 'ENOTFOUND' })) });
    await expect(refusal('http://nowhere.invalid/hook', dispatcher)).rejects.toThrow(/ENOTFOUND/);
  });
});

describe('alertDispatcher over TLS', () => {
  const fixture = (name: string) => readFileSync(new URL(`../fixtures/tls/${name}`, import.meta.url));
  const cert = fixture('pinned.example.test.crt');
  let server: TlsServer;
  let port: number;
  const servernames: string[] = [];

  beforeAll(async () => {
    server = createTlsServer({ key: fixture('pinned.example.test.key'), cert }, (req, res) => {
      servernames.push((req.socket as { servername?: string }).servername ?? '');
      res.end('tls ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const toLoopback = async (): Promise<ResolvedAddress[]> => [{ address: '127.0.0.1', family: 4 }];

  it('connects to the checked address and still verifies the certificate against the URL\'s name (SNI too)', async () => {
    const dispatcher = alertDispatcher({ allowPrivate: true, resolve: toLoopback, ca: cert });
    try {
      const res = await request(`https://pinned.example.test:${port}/hook`, { method: 'POST', body: '{}', dispatcher });
      expect(await res.body.text()).toBe('tls ok');
      expect(servernames.at(-1)).toBe('pinned.example.test');
    } finally {
      await dispatcher.close();
    }
  });

  it('refuses a certificate that is not for the URL\'s name, though the address was allowed', async () => {
    const dispatcher = alertDispatcher({ allowPrivate: true, resolve: toLoopback, ca: cert });
    try {
      await expect(request(`https://other.example.test:${port}/hook`, { method: 'POST', body: '{}', dispatcher })).rejects.toMatchObject({ code: 'ERR_TLS_CERT_ALTNAME_INVALID' });
    } finally {
      await dispatcher.close();
    }
  });

  it('refuses a certificate no trusted authority signed', async () => {
    const dispatcher = alertDispatcher({ allowPrivate: true, resolve: toLoopback });
    try {
      await expect(request(`https://pinned.example.test:${port}/hook`, { method: 'POST', body: '{}', dispatcher })).rejects.toMatchObject({ code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
    } finally {
      await dispatcher.close();
    }
  });
});
