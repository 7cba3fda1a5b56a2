/**
 * Feishu / Lark group robot (飞书自定义机器人). One interactive card per event: the title as the
 * card header, the body as a `lark_md` (Markdown) block. POSTed to the robot's webhook URL
 * (https://open.feishu.cn/open-apis/bot/v2/hook/…).
 *
 * Signing (安全设置 → 签名校验), as Feishu documents it
 * (https://open.feishu.cn/document/client-docs/bot-v3/add-custom-bot): string to sign =
 * timestamp (seconds) + "\n" + secret, used as the HmacSHA256 KEY over an empty message;
 * sign = base64 of the digest. `timestamp` (a string) and `sign` go in the JSON body beside
 * `msg_type`. The timestamp must be within an hour of Feishu's clock (else code 19021).
 *
 * Replies: `{"code":0,"msg":"success"}`, any other code a refusal (9499 bad request, 19021 bad
 * signature, 19024 keyword missing, 11232 rate limited). 100 messages a minute and 5 a second per
 * robot (hence the 200 ms default spacing); a request body at most 20 KB.
 */
import { createHmac } from 'node:crypto';
import type { ChangeEvent } from '../event.js';
import type { EventType } from '../event-types.js';
import type { EventDetails } from './event-details.js';
import type { RobotRequest } from './robot-http.js';
import { RobotSink, readCodeReply, truncateUtf8, type RobotEnvironment, type RobotRefusal, type RobotSinkOptions } from './robot-sink.js';
import { defaultTemplates, messageView, renderTemplate } from './templates.js';

export interface FeishuMessage {
  msg_type: 'interactive';
  card: {
    config: { wide_screen_mode: boolean };
    header: { title: { tag: 'plain_text'; content: string }; template: string };
    elements: { tag: 'div'; text: { tag: 'lark_md'; content: string } }[];
  };
}

/** Leaves room in the 20 KB body for the header, the JSON framing and the signature. */
const MAX_TEXT_BYTES = 16 * 1024;

/** code 11232: rate limited. */
const RETRYABLE_CODES = new Set([11232]);

/** base64(HMAC-SHA256(key = timestamp + "\n" + secret, message = empty)). */
export function feishuSignature(secret: string, timestampSecs: number): string {
  return createHmac('sha256', `${timestampSecs}\n${secret}`).update('').digest('base64');
}

/** Card header colour per event type: failures stand out, removals are muted. */
const HEADER_COLOURS: Record<EventType, string> = {
  'document.created': 'blue',
  'document.updated': 'blue',
  'document.removed': 'grey',
  'source.failed': 'red',
  'source.recovered': 'green',
  'source.silent': 'orange',
};

export class FeishuSink extends RobotSink<FeishuMessage> {
  private readonly secret: string | undefined;

  constructor(id: string, label: string, options: RobotSinkOptions & { secret?: string | undefined }, environment: RobotEnvironment) {
    super(id, label, options, environment);
    this.secret = options.secret;
  }

  protected compose(event: ChangeEvent, details: EventDetails): FeishuMessage {
    const view = messageView(event, details, 'markdown');
    const title = renderTemplate(this.options.template.title ?? defaultTemplates(event).robot.title, view, 'markdown');
    const text = renderTemplate(this.options.template.text ?? defaultTemplates(event).robot.text, view, 'markdown');
    return {
      msg_type: 'interactive',
      card: {
        config: { wide_screen_mode: true },
        header: { title: { tag: 'plain_text', content: truncateUtf8(title, 1024) }, template: HEADER_COLOURS[event.type] },
        elements: [{ tag: 'div', text: { tag: 'lark_md', content: truncateUtf8(text, MAX_TEXT_BYTES) } }],
      },
    };
  }

  protected request(message: FeishuMessage, nowMs: number): RobotRequest {
    const url = new URL(this.options.url);
    if (!this.secret) return { url, body: message };
    const timestamp = Math.floor(nowMs / 1000);
    return { url, body: { timestamp: String(timestamp), sign: feishuSignature(this.secret, timestamp), ...message } };
  }

  protected readReply(reply: unknown): RobotRefusal | null {
    // Older robots answer {"StatusCode":0,"StatusMessage":"success"} beside or instead of code/msg.
    const record = (typeof reply === 'object' && reply !== null ? reply : {}) as Record<string, unknown>;
    return 'code' in record || !('StatusCode' in record)
      ? readCodeReply(reply, 'code', 'msg', RETRYABLE_CODES)
      : readCodeReply(reply, 'StatusCode', 'StatusMessage', RETRYABLE_CODES);
  }
}
