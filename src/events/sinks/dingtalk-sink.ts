/**
 * DingTalk group robot (钉钉自定义机器人). One `markdown` message per event, POSTed to the robot's
 * webhook URL (https://oapi.dingtalk.com/robot/send?access_token=…).
 *
 * Signing (安全设置 → 加签), as DingTalk documents it
 * (https://open.dingtalk.com/document/robots/customize-robot-security-settings): string to sign =
 * timestamp (milliseconds) + "\n" + secret; sign = urlEncode(base64(HmacSHA256(key = secret,
 * message = string to sign))), UTF-8; `timestamp` and `sign` are appended to the URL's query. The
 * timestamp must be within an hour of DingTalk's clock.
 *
 * Replies (https://open.dingtalk.com/document/robots/custom-robot-access): HTTP 200 with
 * `{"errcode":0,"errmsg":"ok"}`; any other errcode is a refusal. A robot may send 20 messages a
 * minute (faster senders are muted for 10 minutes): hence the 3 s default spacing.
 */
import { createHmac } from 'node:crypto';
import type { ChangeEvent } from '../event.js';
import type { EventDetails } from './event-details.js';
import type { RobotRequest } from './robot-http.js';
import { RobotSink, readCodeReply, type RobotEnvironment, type RobotRefusal, type RobotSinkOptions } from './robot-sink.js';
import { defaultTemplates, messageView, renderTemplate } from './templates.js';

export interface DingtalkMessage {
  msgtype: 'markdown';
  markdown: { title: string; text: string };
}

/** errcode 130101: sending too fast; -1: system busy. Both pass; nothing else does by itself. */
const RETRYABLE_CODES = new Set([130101, -1]);

/** base64(HMAC-SHA256(secret, timestamp + "\n" + secret)), before URL encoding. */
export function dingtalkSignature(secret: string, timestampMs: number): string {
  return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`, 'utf8').digest('base64');
}

export class DingtalkSink extends RobotSink<DingtalkMessage> {
  private readonly secret: string | undefined;

  constructor(id: string, label: string, options: RobotSinkOptions & { secret?: string | undefined }, environment: RobotEnvironment) {
    super(id, label, options, environment);
    this.secret = options.secret;
  }

  protected compose(event: ChangeEvent, details: EventDetails): DingtalkMessage {
    const view = messageView(event, details, 'markdown');
    return {
      msgtype: 'markdown',
      markdown: {
        title: renderTemplate(this.options.template.title ?? defaultTemplates(event).robot.title, view, 'markdown'),
        text: renderTemplate(this.options.template.text ?? defaultTemplates(event).robot.text, view, 'markdown'),
      },
    };
  }

  protected request(message: DingtalkMessage, nowMs: number): RobotRequest {
    const url = new URL(this.options.url);
    if (this.secret) {
      // URLSearchParams percent-encodes "+", "/" and "=": the urlEncode step of the scheme.
      url.searchParams.set('timestamp', String(nowMs));
      url.searchParams.set('sign', dingtalkSignature(this.secret, nowMs));
    }
    return { url, body: message };
  }

  protected readReply(reply: unknown): RobotRefusal | null {
    return readCodeReply(reply, 'errcode', 'errmsg', RETRYABLE_CODES);
  }
}
