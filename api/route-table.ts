/**
 * The methods each known path answers, so a wrong method gets a 405 with `Allow` instead of a
 * 404 that suggests the path does not exist. Fastify's router answers only "no route" for both.
 */
export interface RouteTable {
  add(method: string | string[], url: string): void;
  /** The methods a concrete path (no query string) is served with; empty if no route matches it. */
  allowed(path: string): string[];
}

interface Pattern {
  matches: RegExp;
  methods: Set<string>;
}

const ORDER = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

function toRegExp(url: string): RegExp {
  // `:name` is one path segment, a trailing `*` is the rest of the path.
  const source = url
    .split('/')
    .map((segment) => {
      if (segment === '*') return '.*';
      if (segment.startsWith(':')) return '[^/]+';
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return new RegExp(`^${source}$`);
}

export function createRouteTable(): RouteTable {
  const patterns = new Map<string, Pattern>();
  return {
    add(method, url) {
      let pattern = patterns.get(url);
      if (!pattern) {
        pattern = { matches: toRegExp(url), methods: new Set() };
        patterns.set(url, pattern);
      }
      for (const m of Array.isArray(method) ? method : [method]) pattern.methods.add(m.toUpperCase());
    },
    allowed(path) {
      const methods = new Set<string>();
      for (const pattern of patterns.values()) {
        if (pattern.matches.test(path)) for (const m of pattern.methods) methods.add(m);
      }
      return [...methods].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
    },
  };
}

function rank(method: string): number {
  const i = ORDER.indexOf(method);
  return i === -1 ? ORDER.length : i;
}
