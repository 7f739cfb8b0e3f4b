// The browser host: a small HTTP server on loopback that serves the renderer and implements the
// contract over HTTP, so Gloss runs (and is tested end to end) in a real browser where the
// Electron binary cannot be had. It listens on 127.0.0.1 only, requires a per-launch token on
// the page and on every API call, and refuses foreign Host and Origin headers (DNS rebinding,
// cross-site requests).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { GlossServices } from '../services/gloss-services.js';


export interface WebHostOptions {
  services: GlossServices;
  /** Folder of the built renderer (index.html and assets). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Fixed token for tests; a fresh random one otherwise. */
  token?: string;
}

export interface RunningWebHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/** Largest request body accepted: a sidecar of a long document with many annotations. */
const MAX_BODY_BYTES = 64 * 1024 * 1024;

const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export async function startWebHost(options: WebHostOptions): Promise<RunningWebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const tokenBytes = Buffer.from(token);
  let port = 0;
  const sseClients = new Set<http.ServerResponse>();

  const tokenMatches = (candidate: string | null | undefined): boolean => {
    if (!candidate) return false;
    const given = Buffer.from(candidate);
    return given.length === tokenBytes.length && timingSafeEqual(given, tokenBytes);
  };

  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', `Internal error: ${(err as Error).message}`);
      else res.end();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!allowedHosts().has(req.headers.host ?? '')) return send(res, 403, 'text/plain; charset=utf-8', 'Refused: unexpected Host header.');
    const origin = req.headers.origin;
    if (origin !== undefined && !(origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`)) {
      return send(res, 403, 'text/plain; charset=utf-8', 'Refused: request from another origin.');
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);

    if (url.pathname === '/api/events' && req.method === 'GET') {
      if (!tokenMatches(url.searchParams.get('token'))) return send(res, 401, 'text/plain; charset=utf-8', 'Refused: missing or wrong token.');
      res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream', Connection: 'keep-alive' });
      res.write(': connected\n\n');
      sseClients.add(res);
      req.on('close', () => sseClients.delete(res));
      return;
    }

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, 'text/plain; charset=utf-8', 'Use POST.');
      if (!tokenMatches(req.headers['x-gloss-token'] as string | undefined)) {
        return sendJson(res, 401, { ok: false, error: { code: 'invalid-request', message: 'Refused: missing or wrong token.' } });
      }
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return sendJson(res, 415, { ok: false, error: { code: 'invalid-request', message: 'Refused: send application/json.' } });
      }
      const body = await readBody(req);
      if (body === null) return sendJson(res, 413, { ok: false, error: { code: 'invalid-request', message: 'Refused: request too large.' } });
      let payload: unknown;
      try {
        payload = body.length ? JSON.parse(body) : {};
      } catch {
        return sendJson(res, 400, { ok: false, error: { code: 'invalid-request', message: 'Refused: the request is not valid JSON.' } });
      }
      const result = await options.services.dispatch(url.pathname.slice('/api/'.length), payload);
      const status = result.ok ? 200 : result.error.code === 'invalid-request' ? 400 : result.error.code === 'outside-workspace' ? 403 : result.error.code === 'internal' ? 500 : 422;
      return sendJson(res, status, result);
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed.');
    if (url.pathname === '/' || url.pathname === '/index.html') {
      if (!tokenMatches(url.searchParams.get('token'))) {
        return send(res, 401, 'text/plain; charset=utf-8', 'Open Gloss with the address printed in the terminal: it carries this launch\'s access token.');
      }
      return sendFile(res, path.join(options.rendererDir, 'index.html'));
    }
    const file = path.join(options.rendererDir, path.normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, ''));
    if (!file.startsWith(options.rendererDir + path.sep)) return send(res, 404, 'text/plain; charset=utf-8', 'Not found.');
    return sendFile(res, file);
  }

  const unsubscribe = options.services.onEvent((event) => {
    const data = `data: ${JSON.stringify(event)}\n\n`;
    for (const client of sseClients) client.write(data);
  });
  const heartbeat = setInterval(() => {
    for (const client of sseClients) client.write(': keep-alive\n\n');
  }, 25_000);
  heartbeat.unref();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/?token=${encodeURIComponent(token)}`,
    port,
    token,
    close: async () => {
      clearInterval(heartbeat);
      unsubscribe();
      for (const client of sseClients) client.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer): void {
  // Encoded once: given a string, Node measures its UTF-8 length for Content-Length and then
  // encodes it again to write it (a long document's reply: 6.5 MB, twice).
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': bytes.length });
  res.end(bytes);
}

// Replies are not compressed: on loopback, gzip of a long document's reply (~6 MB) cost the
// server ~90 ms and saved the browser less (measured with `npm run bench render`); brotli at its
// fastest (~25 ms, 3.4× smaller) did not shorten Chromium's receiving of it either (~150 ms here,
// the same for 1.9 MB compressed as for 6.5 MB plain).
function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

async function sendFile(res: http.ServerResponse, file: string): Promise<void> {
  let body: Buffer;
  try {
    body = await fs.readFile(file);
  } catch {
    return send(res, 404, 'text/plain; charset=utf-8', 'Not found.');
  }
  send(res, 200, MIME[path.extname(file)] ?? 'application/octet-stream', body);
}

function readBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
