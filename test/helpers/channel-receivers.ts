// Slack- and Teams-shaped receivers: real HTTP servers on 127.0.0.1 that check each POST against
// the rules the real service enforces (or that silently break the message there), answer like the
// service does, and record what arrived. Delivery tests point subscriptions at `receiver.url`
// (with ALERTS_ALLOW_PRIVATE_URLS=1) and assert on `received` and `problems`.

import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  /** The raw body, as sent. */
  raw: string;
  /** The parsed JSON body; undefined when it was not JSON. */
  json: unknown;
  /** What broke the service's rules; empty when the payload is valid. */
  problems: string[];
}

export interface ScriptedResponse {
  status: number;
  body?: string;
  headers?: Record<string, string>;
  /** Hold the answer this long (ms), e.g. to make the sender time out. */
  delayMs?: number;
}

export interface ChannelReceiver {
  /** `http://127.0.0.1:PORT/hook`. */
  url: string;
  received: ReceivedRequest[];
  /** Problems of every request so far, as `#n: problem`. */
  problems(): string[];
  /** Answers the next requests with these, in order; then the service's normal answer again. */
  respondWith(...responses: ScriptedResponse[]): void;
  close(): Promise<void>;
}

interface ReceiverOptions {
  check: (json: unknown, raw: string, headers: IncomingHttpHeaders) => string[];
  /** The answer to a valid payload, and to an invalid one. */
  ok: ScriptedResponse;
  invalid: (problems: string[]) => ScriptedResponse;
}

async function startReceiver(options: ReceiverOptions): Promise<ChannelReceiver> {
  const received: ReceivedRequest[] = [];
  const script: ScriptedResponse[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let json: unknown;
      const problems: string[] = [];
      if (req.method !== 'POST') problems.push(`method ${req.method}, not POST`);
      if (!/^application\/json\b/.test(req.headers['content-type'] ?? '')) problems.push(`content-type ${req.headers['content-type'] ?? '(none)'}, not application/json`);
      try {
        json = JSON.parse(raw);
      } catch {
        problems.push('body is not JSON');
      }
      if (json !== undefined) problems.push(...options.check(json, raw, req.headers));
      received.push({ path: req.url ?? '/', headers: req.headers, raw, json, problems });
      const answer = script.shift() ?? (problems.length > 0 ? options.invalid(problems) : options.ok);
      const send = () => {
        if (res.destroyed) return;
        res.writeHead(answer.status, { 'content-type': 'text/plain', ...answer.headers });
        res.end(answer.body ?? '');
      };
      if (answer.delayMs) setTimeout(send, answer.delayMs).unref();
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    problems: () => received.flatMap((r, i) => r.problems.map((p) => `#${i + 1}: ${p}`)),
    respondWith: (...responses) => void script.push(...responses),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Slack's escaping rule for mrkdwn and `text`: no raw `<` or `>`, and `&` only as `&amp;`, `&lt;` or `&gt;`. */
export function slackEscapingProblems(text: string, where: string): string[] {
  const problems: string[] = [];
  if (/[<>]/.test(text)) problems.push(`${where} has a raw < or > (Slack would read it as a link or mention)`);
  if (/&(?!amp;|lt;|gt;)/.test(text)) problems.push(`${where} has an unescaped &`);
  return problems;
}

/** Block Kit rules of an incoming-webhook message (api.slack.com/reference/block-kit). */
export function slackPayloadProblems(json: unknown): string[] {
  const problems: string[] = [];
  if (!isObject(json)) return ['body is not an object'];
  if (typeof json.text !== 'string' || json.text.trim() === '') problems.push('no plain-text `text` fallback');
  else problems.push(...slackEscapingProblems(json.text, 'text'));
  const blocks = json.blocks;
  if (!Array.isArray(blocks)) return [...problems, 'no blocks'];
  if (blocks.length > 50) problems.push(`${blocks.length} blocks (at most 50)`);
  const actionIds = new Set<string>();
  const button = (e: unknown, where: string) => {
    if (!isObject(e) || e.type !== 'button') return void problems.push(`${where} is not a button`);
    const t = e.text;
    if (!isObject(t) || t.type !== 'plain_text' || typeof t.text !== 'string' || t.text.length === 0 || t.text.length > 75) problems.push(`${where} button text must be plain_text of 1-75 characters`);
    if (typeof e.url !== 'string' || e.url.length > 3000 || !/^https?:\/\//.test(e.url)) problems.push(`${where} url must be an http(s) URL of at most 3000 characters`);
    if (typeof e.action_id === 'string') {
      if (actionIds.has(e.action_id)) problems.push(`${where} repeats action_id ${e.action_id}`);
      actionIds.add(e.action_id);
    }
  };
  blocks.forEach((block: unknown, i) => {
    const at = `blocks[${i}]`;
    if (!isObject(block)) return void problems.push(`${at} is not an object`);
    const mrkdwn = (t: unknown, where: string, max: number) => {
      if (!isObject(t) || typeof t.text !== 'string') return void problems.push(`${where} has no text object`);
      if (t.text.trim().length === 0) problems.push(`${where} is empty (Slack requires at least one character)`);
      if (t.text.length > max) problems.push(`${where} is ${t.text.length} characters (at most ${max})`);
      if (t.type === 'mrkdwn') problems.push(...slackEscapingProblems(t.text, where));
      else if (t.type !== 'plain_text') problems.push(`${where} type ${String(t.type)}`);
    };
    switch (block.type) {
      case 'header': {
        const t = block.text;
        if (!isObject(t) || t.type !== 'plain_text') problems.push(`${at} header text is not plain_text`);
        else if (typeof t.text !== 'string' || t.text.length === 0) problems.push(`${at} header is empty`);
        else if (t.text.length > 150) problems.push(`${at} header is ${t.text.length} characters (at most 150)`);
        break;
      }
      case 'section': {
        if (block.text === undefined && block.fields === undefined) problems.push(`${at} section has neither text nor fields`);
        if (block.text !== undefined) mrkdwn(block.text, `${at}.text`, 3000);
        if (block.fields !== undefined) {
          if (!Array.isArray(block.fields) || block.fields.length > 10) problems.push(`${at}.fields must be at most 10`);
          else block.fields.forEach((f: unknown, j) => mrkdwn(f, `${at}.fields[${j}]`, 2000));
        }
        if (block.accessory !== undefined) button(block.accessory, `${at}.accessory`);
        break;
      }
      case 'context': {
        if (!Array.isArray(block.elements) || block.elements.length === 0 || block.elements.length > 10) problems.push(`${at} context needs 1-10 elements`);
        else block.elements.forEach((e: unknown, j) => mrkdwn(e, `${at}.elements[${j}]`, 3000));
        break;
      }
      case 'actions': {
        if (!Array.isArray(block.elements) || block.elements.length === 0 || block.elements.length > 25) {
          problems.push(`${at} actions needs 1-25 elements`);
          break;
        }
        block.elements.forEach((e: unknown, j) => button(e, `${at}.elements[${j}]`));
        break;
      }
      default:
        problems.push(`${at} has unexpected type ${String(block.type)}`);
    }
  });
  return problems;
}

/** A Slack incoming webhook: `ok` for a valid message, `400 invalid_payload` otherwise (as Slack answers). */
export function startSlackReceiver(): Promise<ChannelReceiver> {
  return startReceiver({ check: (json) => slackPayloadProblems(json), ok: { status: 200, body: 'ok' }, invalid: () => ({ status: 400, body: 'invalid_payload' }) });
}

export const TEAMS_MAX_BYTES = 28 * 1024;
const CARD_ELEMENTS = new Set(['TextBlock', 'FactSet', 'Container', 'ColumnSet', 'Column', 'RichTextBlock', 'TextRun']);

/** Rules of a Workflows webhook post: the message envelope, one Adaptive Card of version ≤ 1.4, at most 28 KB. */
export function teamsPayloadProblems(json: unknown, raw: string): string[] {
  const problems: string[] = [];
  const bytes = Buffer.byteLength(raw, 'utf8');
  if (bytes > TEAMS_MAX_BYTES) problems.push(`body is ${bytes} bytes (at most ${TEAMS_MAX_BYTES})`);
  if (!isObject(json)) return [...problems, 'body is not an object'];
  if (json.type !== 'message') problems.push(`type ${String(json.type)}, not message`);
  const attachments = json.attachments;
  if (!Array.isArray(attachments) || attachments.length !== 1) return [...problems, 'attachments must hold exactly one card'];
  const attachment: unknown = attachments[0];
  if (!isObject(attachment) || attachment.contentType !== 'application/vnd.microsoft.card.adaptive') return [...problems, 'the attachment is not an Adaptive Card'];
  const card = attachment.content;
  if (!isObject(card)) return [...problems, 'the attachment has no card content'];
  if (card.type !== 'AdaptiveCard') problems.push(`card type ${String(card.type)}`);
  if (card.version !== '1.4') problems.push(`card version ${String(card.version)} (Teams rejects above 1.4; this sender uses 1.4)`);
  if (card.$schema !== 'http://adaptivecards.io/schemas/adaptive-card.json') problems.push('card has no adaptive-card $schema');
  if (!Array.isArray(card.body) || card.body.length === 0) problems.push('card body is empty');
  const walk = (element: unknown, where: string) => {
    if (!isObject(element)) return void problems.push(`${where} is not an object`);
    if (!CARD_ELEMENTS.has(String(element.type))) problems.push(`${where} has unknown element type ${String(element.type)}`);
    if (element.type === 'TextBlock' && (typeof element.text !== 'string' || element.text === '')) problems.push(`${where} TextBlock has no text`);
    if (element.type === 'RichTextBlock' && (!Array.isArray(element.inlines) || element.inlines.length === 0)) problems.push(`${where} RichTextBlock has no inlines`);
    if (element.type === 'TextRun' && (typeof element.text !== 'string' || element.text === '')) problems.push(`${where} TextRun has no text`);
    if (where.includes('.inlines[') && element.type !== 'TextRun') problems.push(`${where} is a ${String(element.type)} (inlines hold TextRuns)`);
    if (element.type === 'FactSet') {
      if (!Array.isArray(element.facts) || element.facts.length === 0) problems.push(`${where} FactSet has no facts`);
      else element.facts.forEach((f: unknown, j) => (!isObject(f) || typeof f.title !== 'string' || typeof f.value !== 'string' ? problems.push(`${where}.facts[${j}] needs title and value strings`) : undefined));
    }
    if (element.selectAction !== undefined) {
      const action = element.selectAction;
      if (!isObject(action) || action.type !== 'Action.OpenUrl' || typeof action.url !== 'string' || !/^https?:\/\//.test(action.url)) problems.push(`${where}.selectAction must be an Action.OpenUrl with an http(s) url`);
    }
    if (element.type === 'Container' && (!Array.isArray(element.items) || element.items.length === 0)) problems.push(`${where} Container has no items`);
    for (const key of ['items', 'columns', 'inlines'] as const) if (Array.isArray(element[key])) (element[key] as unknown[]).forEach((c, j) => walk(c, `${where}.${key}[${j}]`));
  };
  if (Array.isArray(card.body)) card.body.forEach((e: unknown, i) => walk(e, `body[${i}]`));
  if (card.actions !== undefined) {
    if (!Array.isArray(card.actions)) problems.push('card actions is not a list');
    else
      card.actions.forEach((a: unknown, i) => {
        if (!isObject(a) || a.type !== 'Action.OpenUrl' || typeof a.url !== 'string' || !/^https?:\/\//.test(a.url) || typeof a.title !== 'string') problems.push(`actions[${i}] must be an Action.OpenUrl with a title and an http(s) url`);
      });
  }
  return problems;
}

/** A Teams Workflows webhook: `202 Accepted` for a valid card (Teams posts it later), `400` with a reason otherwise. */
export function startTeamsReceiver(): Promise<ChannelReceiver> {
  return startReceiver({ check: (json, raw) => teamsPayloadProblems(json, raw), ok: { status: 202, body: '' }, invalid: (problems) => ({ status: 400, body: JSON.stringify({ error: { code: 'InvalidRequestContent', message: problems.join('; ') } }) }) });
}
