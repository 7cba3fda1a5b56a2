/**
 * WeCom group robot (企业微信群机器人). One `markdown` message per event, POSTed to the robot's
 * webhook URL (https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…). WeCom group robots have
 * no signature: the `key` in the URL is the credential, so the URL is never logged, only its origin.
 *
 * As WeCom documents it (群机器人配置说明, https://developer.work.weixin.qq.com/document/path/91770):
 * `{"msgtype":"markdown","markdown":{"content":…}}`, content at most 4096 bytes of UTF-8; the
 * reply is `{"errcode":0,"errmsg":"ok"}`, any other errcode a refusal; 20 messages a minute per
 * robot (hence the 3 s default spacing).
 */
import type { ChangeEvent } from '../event.js';
import type { EventDetails } from './event-details.js';
import type { RobotRequest } from './robot-http.js';
import { RobotSink, readCodeReply, truncateUtf8, type RobotRefusal } from './robot-sink.js';
import { defaultTemplates, messageView, renderTemplate } from './templates.js';

export interface WecomMessage {
  msgtype: 'markdown';
  markdown: { content: string };
}

const MAX_CONTENT_BYTES = 4096;

/** errcode 45009: API call frequency over the limit; -1: system busy. */
const RETRYABLE_CODES = new Set([45009, -1]);

export class WecomSink extends RobotSink<WecomMessage> {
  protected compose(event: ChangeEvent, details: EventDetails): WecomMessage {
    const view = messageView(event, details, 'markdown');
    // WeCom Markdown has no separate title: the default body starts with a heading.
    const content = renderTemplate(this.options.template.text ?? defaultTemplates(event).robot.text, view, 'markdown');
    return { msgtype: 'markdown', markdown: { content: truncateUtf8(content, MAX_CONTENT_BYTES) } };
  }

  protected request(message: WecomMessage): RobotRequest {
    return { url: new URL(this.options.url), body: message };
  }

  protected readReply(reply: unknown): RobotRefusal | null {
    return readCodeReply(reply, 'errcode', 'errmsg', RETRYABLE_CODES);
  }
}
