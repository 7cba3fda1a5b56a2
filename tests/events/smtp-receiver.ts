import { writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { generate } from 'selfsigned';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { onTestFinished } from 'vitest';
import { tempDir } from '../helpers/temp.js';

export interface ReceivedMail {
  envelope: { from: string; to: string[] };
  /** True when the session was encrypted (TLS from the start or after STARTTLS). */
  secure: boolean;
  user: string | undefined;
  parsed: ParsedMail;
}

export interface SmtpReceiver {
  port: number;
  mails: ReceivedMail[];
  /** PEM of the server's self-signed certificate (trust it with the sink's `caFile`). */
  caFile: string;
  /** MAIL FROM commands received (a mail started), accepted or not. */
  mailFromCount: () => number;
}

export interface SmtpReceiverOptions {
  /** TLS from the first byte instead of plain SMTP with STARTTLS. */
  implicitTls?: boolean;
  /** No STARTTLS: neither offered nor accepted. */
  noStartTls?: boolean;
  /** Required login; absent: no AUTH. */
  login?: { user: string; pass: string };
  /** The SMTP reply to the n-th message's DATA: null accepts it. */
  answer?: (index: number) => { code: number; message: string } | null;
}

let certificate: Promise<{ private: string; cert: string }> | undefined;

/** One self-signed certificate for 127.0.0.1 per test file (EC keys: generated in milliseconds). */
function loopbackCertificate(): Promise<{ private: string; cert: string }> {
  certificate ??= generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
  });
  return certificate;
}

/** An SMTP server on loopback (smtp-server) that parses and keeps every accepted mail. */
export async function startSmtpReceiver(options: SmtpReceiverOptions = {}): Promise<SmtpReceiver> {
  const pems = await loopbackCertificate();
  const caFile = join(tempDir(), 'smtp-ca.pem');
  writeFileSync(caFile, pems.cert);
  const mails: ReceivedMail[] = [];
  let dataIndex = 0;
  let mailFromCount = 0;
  const config: SMTPServerOptions = {
    key: pems.private,
    cert: pems.cert,
    secure: options.implicitTls ?? false,
    logger: false,
    authOptional: !options.login,
    disabledCommands: [...(options.login ? [] : ['AUTH']), ...(options.noStartTls ? ['STARTTLS'] : [])],
    onMailFrom: (_address, _session, callback) => {
      mailFromCount++;
      callback();
    },
    onAuth: (auth, _session, callback) => {
      const ok = auth.username === options.login?.user && auth.password === options.login?.pass;
      callback(ok ? null : Object.assign(new Error('Authentication failed'), { responseCode: 535 }), ok ? { user: auth.username } : undefined);
    },
    onData: (stream, session, callback) => {
      const answer = options.answer?.(dataIndex++) ?? null;
      simpleParser(stream).then((parsed) => {
        if (answer) return callback(Object.assign(new Error(answer.message), { responseCode: answer.code }));
        mails.push({
          envelope: { from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((to) => to.address) },
          secure: session.secure,
          user: session.user as string | undefined,
          parsed,
        });
        callback();
      }, callback);
    },
  };
  const server = new SMTPServer(config);
  server.on('error', () => undefined); // a client dropping a TLS handshake is expected in some tests
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { port, mails, caFile, mailFromCount: () => mailFromCount };
}
