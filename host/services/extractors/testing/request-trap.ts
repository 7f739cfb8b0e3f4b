// Test seam: an HTTP server on 127.0.0.1 that hostile fixtures point every URL at. It answers
// everything (so a fetch that did happen would succeed and could go on to fetch more) and records
// every TCP connection and request, so a test can assert that an extractor contacted nothing.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RequestTrap {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** Request URLs seen so far (method and path). */
  requests: string[];
  /** TCP connections accepted so far (counts attempts that never sent a full request too). */
  connections(): number;
  reset(): void;
  close(): Promise<void>;
}

export async function startRequestTrap(): Promise<RequestTrap> {
  const requests: string[] = [];
  let connections = 0;
  const server = http.createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    const url = req.url ?? '';
    const type = url.endsWith('.png') ? 'image/png' : url.endsWith('.css') ? 'text/css' : url.endsWith('.js') ? 'text/javascript' : 'text/html';
    res.writeHead(200, { 'content-type': type, 'access-control-allow-origin': '*' });
    res.end(type === 'text/javascript' ? 'globalThis.__glossRemoteScriptRan = true;' : '');
  });
  server.on('connection', () => {
    connections++;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    connections: () => connections,
    reset() {
      requests.length = 0;
      connections = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Give anything that might have been scheduled (timers, refreshes, lazy loads) a chance to reach the trap. */
export function settle(ms = 300): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
