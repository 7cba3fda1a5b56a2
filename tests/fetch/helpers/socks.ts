import { createServer, connect, type AddressInfo, type Socket } from 'node:net';

/**
 * A minimal SOCKS5 proxy (RFC 1928, user/password auth per RFC 1929, CONNECT only) for loopback
 * tests. `routes` maps an asked-for host:port to where it really connects, like the HTTP proxy.
 */
export interface TestSocks {
  port: number;
  /** `host:port` of each CONNECT. */
  log: string[];
  close(): Promise<void>;
}

export async function startSocks5(options: { user: string; password: string; routes?: Map<string, string> }): Promise<TestSocks> {
  const log: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    void serve(client).catch(() => client.destroy());
  });

  async function serve(client: Socket): Promise<void> {
    const read = reader(client);
    const [, methodCount] = await read(2);
    const methods = await read(methodCount!);
    if (!methods.includes(0x02)) return void client.end(Buffer.from([5, 0xff]));
    client.write(Buffer.from([5, 2]));
    const [, userLength] = await read(2);
    const user = (await read(userLength!)).toString();
    const [passwordLength] = await read(1);
    const password = (await read(passwordLength!)).toString();
    const ok = user === options.user && password === options.password;
    client.write(Buffer.from([1, ok ? 0 : 1]));
    if (!ok) return void client.end();
    const [, command, , addressType] = await read(4);
    const host = addressType === 1 ? [...(await read(4))].join('.') : (await read((await read(1))[0]!)).toString();
    const port = (await read(2)).readUInt16BE(0);
    if (command !== 1) return void client.end(Buffer.from([5, 7, 0, 1, 0, 0, 0, 0, 0, 0]));
    log.push(`${host}:${port}`);
    const [targetHost, targetPort] = (options.routes?.get(`${host}:${port}`) ?? `${host}:${port}`).split(':');
    const upstream = connect(Number(targetPort), targetHost, () => {
      client.write(Buffer.from([5, 0, 0, 1, 127, 0, 0, 1, 0, 0]));
      const rest = read.rest();
      if (rest.length) upstream.write(rest);
      upstream.pipe(client).pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.end(Buffer.from([5, 5, 0, 1, 0, 0, 0, 0, 0, 0])));
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    log,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Reads exact byte counts from a socket's stream; `rest()` hands over what came early and stops reading. */
function reader(socket: Socket) {
  let buffered = Buffer.alloc(0);
  let wanted: { count: number; resolve: (bytes: Buffer) => void } | undefined;
  const onData = (chunk: Buffer): void => {
    buffered = Buffer.concat([buffered, chunk]);
    deliver();
  };
  const deliver = (): void => {
    if (!wanted || buffered.length < wanted.count) return;
    const bytes = buffered.subarray(0, wanted.count);
    buffered = buffered.subarray(wanted.count);
    const { resolve } = wanted;
    wanted = undefined;
    resolve(bytes);
  };
  socket.on('data', onData);
  const read = (count: number): Promise<Buffer> =>
    new Promise((resolve) => {
      wanted = { count, resolve };
      deliver();
    });
  read.rest = (): Buffer => {
    socket.off('data', onData);
    return buffered;
  };
  return read;
}
