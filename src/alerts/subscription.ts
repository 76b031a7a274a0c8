// What a subscription is, checked and normalized before it is stored: where alerts go (channel),
// which events (filter) and when (mode). Pure, apart from the signing secret's random bytes.

import { randomBytes } from 'node:crypto';
import type { IncidentFlags, MaterialImpact } from '../analysis/types.ts';
import { AppError } from '../errors.ts';
import { checkUrl, type UrlPolicy } from './ssrf.ts';

export const CHANNEL_TYPES = ['webhook', 'slack', 'teams', 'email'] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];

export type Channel = { type: 'webhook' | 'slack' | 'teams'; url: string } | { type: 'email'; to: string[] };

/** The event types a filter names: incident events without the `incident.` prefix, and the weekly report's `report.published`. */
export const FILTER_EVENTS = ['created', 'updated', 'escalated', 'retracted', 'report.published'] as const;
export type FilterEvent = (typeof FILTER_EVENTS)[number];
export const DEFAULT_EVENTS: FilterEvent[] = ['created', 'updated', 'escalated'];

export const FLAG_NAMES = ['ransomware', 'dataAccessed', 'operationalDisruption', 'nationState', 'thirdParty', 'lawEnforcementNotified', 'disclosureDelayed'] as const satisfies ReadonlyArray<keyof IncidentFlags>;
export const MATERIAL_IMPACTS = ['material', 'not-material', 'not-determined'] as const satisfies readonly MaterialImpact[];

/**
 * A stored filter. Every list present narrows (AND across lists, any value within one); an absent
 * or empty list does not. The lists other than `events` describe incidents, so they narrow
 * incident events only: `report.published` reaches every subscription that names it (see match.ts). `tickers` are kept as given, resolved to CIKs in `tickerCiks` when saved:
 * a company's alerts keep coming when a ticker is later reassigned.
 */
export interface SubscriptionFilter {
  ciks?: string[];
  tickers?: string[];
  tickerCiks?: Record<string, string>;
  sectors?: string[];
  sics?: string[];
  items?: string[];
  materialImpact?: MaterialImpact[];
  flags?: Array<keyof IncidentFlags>;
  events: FilterEvent[];
}

export type SubscriptionMode = 'instant' | { digest: { at: string; timezone: string } };

/** The filter as a client sends it. */
export interface FilterInput {
  ciks?: string[];
  tickers?: string[];
  sectors?: string[];
  sics?: string[];
  items?: string[];
  materialImpact?: string | string[];
  flags?: string[];
  events?: string[];
}

/** What saving a subscription needs to know of the rest of the system. */
export interface SubscriptionPolicy extends UrlPolicy {
  /** False without SMTP_URL and ALERTS_FROM: e-mail subscriptions are refused. */
  emailEnabled: boolean;
  /** CIKs of the tickers known to the companies table (upper case in, unknown ones absent). */
  resolveTickers(tickers: string[]): Promise<Map<string, string>>;
  /** Sector names a filter may use; null when no sector list is known (then `sectors` is refused). */
  sectorNames: readonly string[] | null;
}

/** A 400 about one field of the subscription, named as the client wrote it (`channel.url`, `filter.tickers`). */
export class SubscriptionError extends AppError {
  readonly parameter: string;
  constructor(parameter: string, message: string) {
    super('alerts.invalid_subscription', message, { statusCode: 400 });
    this.parameter = parameter;
  }
}

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;
const MAX_RECIPIENTS = 20;

export function normalizeChannel(input: { type: ChannelType; url?: string; to?: string[] }, policy: SubscriptionPolicy): Channel {
  if (input.type === 'email') {
    if (input.url !== undefined) throw new SubscriptionError('channel.url', 'an email channel takes "to", a list of addresses, not "url"');
    if (!policy.emailEnabled) throw new SubscriptionError('channel.type', 'e-mail alerts are not set up on this server (SMTP_URL and ALERTS_FROM): use a webhook, Slack or Teams channel');
    const to = [...new Set((input.to ?? []).map((a) => a.trim()))];
    if (to.length === 0) throw new SubscriptionError('channel.to', 'an email channel needs "to": one address or more');
    if (to.length > MAX_RECIPIENTS) throw new SubscriptionError('channel.to', `an email channel takes at most ${MAX_RECIPIENTS} addresses`);
    const bad = to.find((a) => !EMAIL.test(a) || a.length > 254);
    if (bad !== undefined) throw new SubscriptionError('channel.to', `"${bad.slice(0, 100)}" is not an e-mail address`);
    return { type: 'email', to };
  }
  if (input.to !== undefined) throw new SubscriptionError('channel.to', `a ${input.type} channel takes "url", not "to"`);
  if (input.url === undefined) throw new SubscriptionError('channel.url', `a ${input.type} channel needs "url"`);
  try {
    checkUrl(input.url, policy);
  } catch (err) {
    throw new SubscriptionError('channel.url', err instanceof Error ? err.message : String(err));
  }
  return { type: input.type, url: input.url };
}

const padCik = (cik: string) => cik.padStart(10, '0');
const unique = <T>(values: T[]) => [...new Set(values)];

function oneOf<T extends string>(field: string, values: string[], allowed: readonly T[]): T[] {
  const bad = values.find((v) => !allowed.includes(v as T));
  if (bad !== undefined) throw new SubscriptionError(`filter.${field}`, `"${bad.slice(0, 60)}" is not one of ${allowed.join(', ')}`);
  return unique(values) as T[];
}

function shaped(field: string, values: string[], pattern: RegExp, shape: string): string[] {
  const bad = values.find((v) => !pattern.test(v));
  if (bad !== undefined) throw new SubscriptionError(`filter.${field}`, `"${bad.slice(0, 60)}" is not ${shape}`);
  return unique(values);
}

export async function normalizeFilter(input: FilterInput, policy: SubscriptionPolicy): Promise<SubscriptionFilter> {
  const filter: SubscriptionFilter = { events: input.events ? oneOf('events', input.events, FILTER_EVENTS) : [...DEFAULT_EVENTS] };
  if (filter.events.length === 0) throw new SubscriptionError('filter.events', `a filter needs one event type at least (${FILTER_EVENTS.join(', ')})`);
  if (input.ciks?.length) filter.ciks = shaped('ciks', input.ciks, /^\d{1,10}$/, 'a CIK (1 to 10 digits)').map(padCik);
  if (input.tickers?.length) {
    const tickers = shaped('tickers', input.tickers.map((t) => t.trim().toUpperCase()), /^[A-Z0-9][A-Z0-9.-]{0,9}$/, 'a ticker symbol');
    const resolved = await policy.resolveTickers(tickers);
    const unknown = tickers.filter((t) => !resolved.has(t));
    if (unknown.length > 0) {
      throw new SubscriptionError('filter.tickers', `no company with the ticker${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} is known; give its CIK in "ciks" instead`);
    }
    filter.tickers = tickers;
    filter.tickerCiks = Object.fromEntries(tickers.map((t) => [t, resolved.get(t)!]));
  }
  if (input.sectors?.length) {
    if (!policy.sectorNames) throw new SubscriptionError('filter.sectors', 'sectors are not known to this server yet; filter by "sics" or "ciks"');
    filter.sectors = oneOf('sectors', input.sectors, policy.sectorNames);
  }
  if (input.sics?.length) filter.sics = shaped('sics', input.sics, /^\d{4}$/, 'a four-digit SIC code');
  if (input.items?.length) filter.items = shaped('items', input.items, /^\d\.\d\d$/, 'an 8-K item such as 1.05');
  const impacts = input.materialImpact === undefined ? [] : Array.isArray(input.materialImpact) ? input.materialImpact : [input.materialImpact];
  if (impacts.length) filter.materialImpact = oneOf('materialImpact', impacts, MATERIAL_IMPACTS);
  if (input.flags?.length) filter.flags = oneOf('flags', input.flags, FLAG_NAMES);
  return filter;
}

const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

export function normalizeMode(input: unknown): SubscriptionMode {
  if (input === undefined || input === 'instant') return 'instant';
  const digest = (input as { digest?: { at?: unknown; timezone?: unknown } } | null)?.digest;
  if (typeof input !== 'object' || !digest || typeof digest !== 'object') {
    throw new SubscriptionError('mode', 'mode is "instant" or { "digest": { "at": "07:00", "timezone": "America/New_York" } }');
  }
  const at = digest.at ?? '07:00';
  const timezone = digest.timezone ?? 'UTC';
  if (typeof at !== 'string' || !TIME_OF_DAY.test(at)) throw new SubscriptionError('mode.digest.at', 'the digest time is HH:MM on a 24-hour clock, e.g. "07:00"');
  if (typeof timezone !== 'string' || !isTimeZone(timezone)) throw new SubscriptionError('mode.digest.timezone', `"${String(timezone).slice(0, 60)}" is not an IANA time zone such as America/New_York`);
  return { digest: { at, timezone } };
}

function isTimeZone(name: string): boolean {
  if (name.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** A Standard Webhooks signing secret: `whsec_` and 32 random bytes in base64. */
export function generateSigningSecret(random: (size: number) => Buffer = randomBytes): string {
  return `whsec_${random(32).toString('base64')}`;
}

/**
 * A channel as GET shows it. Slack and Teams webhook URLs are credentials (whoever has one can
 * post), so only their origin is shown; a webhook URL keeps its path but not its query string.
 */
export function displayChannel(channel: Channel): { type: ChannelType; url?: string; to?: string[] } {
  if (channel.type === 'email') return { type: 'email', to: channel.to };
  const url = new URL(channel.url);
  if (channel.type === 'webhook') return { type: 'webhook', url: `${url.origin}${url.pathname}${url.search ? '?…' : ''}` };
  return { type: channel.type, url: `${url.origin}/…` };
}
