import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signedIn, type TestApp } from '../app.ts';

describe('calendar due time over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('counts office minutes on the unit calendar and skips the lunch break', async () => {
    const fo = await signedIn(t.app, 'sragen.fo');
    // Monday 7 December 2026, 11:45 WIB: 15 minutes before the break, 15 after it (13:00).
    const res = await fo.get('/api/calendar/due?from=2026-12-07T11:45:00%2B07:00&minutes=30');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ from: '2026-12-07T04:45:00.000Z', due: '2026-12-07T06:15:00.000Z' });
  });
});
