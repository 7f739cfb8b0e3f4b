// The browser host over real HTTP on loopback: the token, Host and Origin checks, the CSP, and
// the contract round trip.
import { promises as fs } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GlossServices } from '../services/gloss-services.js';
import { startWebHost, type RunningWebHost } from './web-host.js';

let dir: string;
let rendererDir: string;
let host: RunningWebHost;
let services: GlossServices;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-web-'));
  rendererDir = path.join(dir, 'renderer');
  await fs.mkdir(rendererDir);
  await fs.writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Gloss</title>');
  await fs.mkdir(path.join(dir, 'folder'));
  await fs.writeFile(path.join(dir, 'folder', 'a.txt'), 'Hello.');
  await fs.writeFile(path.join(dir, 'secret.txt'), 'secret');
  services = new GlossServices({ kind: 'web', version: 'test', uiMayNamePaths: true });
  await services.open('folder', path.join(dir, 'folder'));
  host = await startWebHost({ services, rendererDir });
});
afterAll(async () => {
  await host.close();
  await services.close();
  await fs.rm(dir, { recursive: true, force: true });
});

/** A raw request, so that Host and Origin can be set as an attacker would. */
function request(options: { path: string; method?: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: host.port, path: options.path, method: options.method ?? 'GET', headers: { Host: `127.0.0.1:${host.port}`, ...options.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const api = (name: string, payload: unknown, headers: Record<string, string> = {}) =>
  request({ path: `/api/${name}`, method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Gloss-Token': host.token, ...headers }, body: JSON.stringify(payload) });

describe('browser host', () => {
  it('listens on loopback only and prints a URL with the token', () => {
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/\\?token=.{20,}`));
  });

  it('serves the page only with the token, with a strict CSP', async () => {
    expect((await request({ path: '/' })).status).toBe(401);
    expect((await request({ path: '/?token=wrong' })).status).toBe(401);
    const page = await request({ path: `/?token=${encodeURIComponent(host.token)}` });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).not.toContain('unsafe');
  });

  it('refuses API calls without the token', async () => {
    const res = await api('getWorkspace', {}, { 'X-Gloss-Token': 'nope' });
    expect(res.status).toBe(401);
  });

  it('refuses a foreign Host header (DNS rebinding) and a foreign Origin (cross-site)', async () => {
    expect((await api('getWorkspace', {}, { Host: `evil.example:${host.port}` })).status).toBe(403);
    expect((await api('getWorkspace', {}, { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await api('getWorkspace', {}, { Origin: `http://127.0.0.1:${host.port}` })).status).toBe(200);
  });

  it('implements the contract, validating payloads', async () => {
    const ws = JSON.parse((await api('getWorkspace', {})).body);
    expect(ws.value.files.map((f: { path: string }) => f.path)).toEqual(['a.txt']);
    const doc = JSON.parse((await api('readDocument', { path: 'a.txt' })).body);
    expect(doc.value.text).toBe('Hello.');
    const bad = await api('readDocument', { path: '../secret.txt' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error.message).toMatch(/relative path inside the opened folder/);
    expect((await api('noSuchEntry', {})).status).toBe(400);
  });

  it('does not serve files outside the renderer folder', async () => {
    expect((await request({ path: '/../secret.txt' })).status).toBe(404);
    expect((await request({ path: '/%2e%2e/secret.txt' })).status).toBe(404);
  });
});
