// The suite checks every answer against its schema (test/helpers/server.ts turns it on). This shows the
// check itself: a wrong answer becomes a loud 500 naming the field, over real HTTP, and production
// (checkAnswers off) sends the answer untouched.
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createLogger } from '../logger';
import type { Services } from '../services';
import { mountRoutes } from './mount';
import { defineRoute, NO_CONTENT, type RouteSpec } from './route';

const routes: RouteSpec[] = [
  defineRoute({
    method: 'get',
    path: '/api/right',
    tag: 'test',
    policy: 'public',
    summary: 'answers as declared',
    response: z.object({ id: z.string(), at: z.string() }),
    handler: () => ({ id: 'a', at: new Date('2026-10-25T01:30:00Z') }), // a Date travels as its ISO string
  }),
  defineRoute({
    method: 'get',
    path: '/api/wrong-type',
    tag: 'test',
    policy: 'public',
    summary: 'a number where the contract says string',
    response: z.object({ id: z.string() }),
    handler: () => ({ id: 42 }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/undescribed',
    tag: 'test',
    policy: 'public',
    summary: 'a field the contract does not describe',
    response: z.object({ id: z.string() }),
    handler: () => ({ id: 'a', secret: 'not in the contract' }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/nothing',
    tag: 'test',
    policy: 'public',
    summary: 'declares no content but answers JSON',
    response: NO_CONTENT,
    handler: () => ({ id: 'a' }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/empty',
    tag: 'test',
    policy: 'public',
    summary: 'declares an answer but answers nothing',
    response: z.object({ id: z.string() }),
    handler: () => undefined,
  }),
];

const servers: { close(): void }[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
  vi.restoreAllMocks();
});

async function serve(checkAnswers: boolean) {
  const app = express();
  // Public routes need no session, database or clock: only the logger is reached.
  const services = { logger: createLogger('silent') } as unknown as Services;
  mountRoutes(app, routes, services, { checkAnswers });
  const server = app.listen(0, '127.0.0.1');
  servers.push(server);
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return (path: string, method = 'GET') =>
    fetch(url + path, { method, headers: { 'X-Requested-With': 'test' } }).then(async (r) => ({
      status: r.status,
      body: r.status === 204 ? null : ((await r.json()) as { error?: string; issues?: { message: string }[] }),
    }));
}

describe('answers checked against their schema (tests only)', () => {
  it('lets a right answer through as it is', async () => {
    const call = await serve(true);
    expect(await call('/api/right')).toEqual({ status: 200, body: { id: 'a', at: '2026-10-25T01:30:00.000Z' } });
  });

  it('turns a wrong answer into a 500 naming the route and the field, and says so on stderr', async () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const call = await serve(true);
    const res = await call('/api/wrong-type');
    expect(res.status).toBe(500);
    expect(res.body?.error).toContain('GET /api/wrong-type');
    expect(res.body?.issues?.[0]?.message).toMatch(/^answer\.id: /);
    expect(String(stderr.mock.calls[0]?.[0])).toContain('answer of GET /api/wrong-type does not match');
  });

  it('refuses a field the schema does not describe, JSON where none is declared, and nothing where JSON is', async () => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const call = await serve(true);
    const undescribed = await call('/api/undescribed');
    expect(undescribed.status).toBe(500);
    expect(undescribed.body?.issues?.[0]?.message).toBe('answer.secret: not described in the answer schema');
    const nothing = await call('/api/nothing', 'POST');
    expect(nothing.status).toBe(500);
    expect(nothing.body?.issues?.[0]?.message).toContain('declares no content');
    const empty = await call('/api/empty');
    expect(empty.status).toBe(500);
    expect(empty.body?.issues?.[0]?.message).toBe('answered nothing (204)');
  });

  it('in production checks nothing: the same wrong answers leave as the handler made them', async () => {
    const call = await serve(false);
    expect(await call('/api/wrong-type')).toEqual({ status: 200, body: { id: 42 } });
    expect((await call('/api/undescribed')).status).toBe(200);
    expect((await call('/api/empty')).status).toBe(204);
  });
});
