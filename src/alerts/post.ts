// One POST of a ChannelRequest, answering the ChannelResponse the classifiers read. Redirects are
// never followed (undici's request() does not), the answer's body is read only as far as the
// delivery log needs, and the whole exchange is bounded by one timeout.

import { request, type Dispatcher } from 'undici';
import type { ChannelResponse } from './outcome.ts';
import { VERSION } from '../version.ts';
import type { ChannelRequest } from './types.ts';

/** Headers of a JSON channel POST: receivers' logs can tell cyber8k's requests apart. */
export const JSON_HEADERS: Readonly<Record<string, string>> = { 'content-type': 'application/json; charset=utf-8', 'user-agent': `cyber8k/${VERSION}` };

export interface PostOptions {
  /** The alertDispatcher (SSRF checks at connect time). */
  dispatcher: Dispatcher;
  /** Connect to the end of the body; Standard Webhooks and Svix use 15 s. */
  timeoutMs?: number;
  /** Body bytes kept; the rest is discarded unread. */
  maxBodyBytes?: number;
}

export async function postChannelRequest(channelRequest: ChannelRequest, options: PostOptions): Promise<ChannelResponse> {
  const maxBody = options.maxBodyBytes ?? 4096;
  const response = await request(channelRequest.url, {
    method: 'POST',
    headers: channelRequest.headers,
    body: channelRequest.body,
    dispatcher: options.dispatcher,
    signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
  });
  const chunks: Buffer[] = [];
  let kept = 0;
  for await (const chunk of response.body as AsyncIterable<Buffer>) {
    if (kept < maxBody) {
      chunks.push(chunk.subarray(0, maxBody - kept));
      kept += Math.min(chunk.length, maxBody - kept);
    }
    if (kept >= maxBody) {
      response.body.destroy();
      break;
    }
  }
  return { status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') };
}
