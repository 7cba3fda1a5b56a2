import { connect as tlsConnect, type ConnectionOptions } from 'node:tls';
import { SocksClient } from 'socks';
import { isIP } from 'node:net';
import type { buildConnector } from 'undici';

/**
 * An undici connector that opens each connection through a SOCKS5 proxy (names resolved by the
 * proxy), then TLS with the source's options for https:. undici's own Socks5ProxyAgent would do,
 * but prints an "experimental" warning on stderr, where only JSON log lines belong.
 */
export function socksConnector(proxy: string, tls: ConnectionOptions): buildConnector.connector {
  const url = new URL(proxy);
  const socksProxy = {
    host: url.hostname,
    port: Number(url.port || 1080),
    type: 5 as const,
    userId: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
  };
  return (options, callback) => {
    const destination = { host: options.hostname, port: Number(options.port || (options.protocol === 'https:' ? 443 : 80)) };
    SocksClient.createConnection({ proxy: socksProxy, command: 'connect', destination }).then(
      ({ socket }) => {
        if (options.protocol !== 'https:') return callback(null, socket);
        const servername = options.servername ?? options.hostname;
        // SNI takes host names only (RFC 6066); an IP address is left out.
        const secure = tlsConnect({ ...tls, socket, ...(isIP(servername) ? {} : { servername }) });
        secure.once('secureConnect', () => callback(null, secure));
        secure.once('error', (error: Error) => callback(error, null));
      },
      (error: Error) => callback(error, null),
    );
  };
}
