/**
 * One POST of a JSON message to a chat robot, and the robot's reply. The platforms answer HTTP
 * 200 even when they refuse a message and say so in the body (DingTalk and WeCom `errcode`,
 * Feishu `code`), so a sink must read the reply: this returns it parsed, and turns transport
 * failures into typed errors. Messages name the URL's origin only: the robot URL's query or path
 * is its credential.
 */
import { PermanentError, RetryableError, errorMessage } from '../../errors.js';

export interface RobotRequest {
  url: URL;
  body: unknown;
}

export interface PostOptions {
  timeoutMs: number;
  userAgent: string;
  /** Names the receiver in errors, e.g. "dingtalk https://oapi.dingtalk.com". */
  label: string;
  signal: AbortSignal;
}

/** Replies are a few hundred bytes; a larger body is not a robot's answer. */
const MAX_REPLY_BYTES = 64 * 1024;

export async function postRobot(request: RobotRequest, options: PostOptions): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', 'user-agent': options.userAgent },
      body: JSON.stringify(request.body),
      redirect: 'error',
      signal: AbortSignal.any([options.signal, AbortSignal.timeout(options.timeoutMs)]),
    });
  } catch (error) {
    if (options.signal.aborted) throw new PermanentError('delivery stopped');
    throw new RetryableError(`no answer from ${options.label}: ${describeFetchError(error)}`);
  }
  if (!response.ok) {
    await response.body?.cancel();
    const retryable = response.status >= 500 || response.status === 408 || response.status === 429;
    const message = `${options.label} answered HTTP ${response.status}, expected 2xx`;
    throw retryable ? new RetryableError(message) : new PermanentError(message);
  }
  return readJsonReply(response, options.label);
}

async function readJsonReply(response: Response, label: string): Promise<unknown> {
  const bytes = await response.arrayBuffer().catch((error: unknown) => {
    throw new RetryableError(`${label}: reply cut off: ${errorMessage(error)}`);
  });
  const text = new TextDecoder().decode(bytes.slice(0, MAX_REPLY_BYTES));
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new PermanentError(
      `${label} answered HTTP ${response.status} with a body that is not JSON (${describeReply(text)}), expected the robot's JSON reply`,
    );
  }
}

/** A reply excerpt fit for a log line: one line, printable, short. */
export function describeReply(text: string): string {
  const line = text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
  return line.length > 200 ? `${line.slice(0, 200)}…` : line || 'empty';
}

/** fetch() says "fetch failed"; the cause (ECONNREFUSED, timeout) is what helps. */
function describeFetchError(error: unknown): string {
  if ((error as Error)?.name === 'TimeoutError') return 'timed out';
  const cause = (error as { cause?: unknown })?.cause;
  const code = (cause as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : errorMessage(cause ?? error);
}
