import { describe, expect, it } from 'vitest';
import { safeReturnPath, signInHref } from './return-to.ts';

const origin = 'https://jaring.example';

describe('safeReturnPath: back to the page after sign-in, never to another site', () => {
  it('keeps a path of the app with its query', () => {
    expect(safeReturnPath('/staf/permohonan/12', origin)).toBe('/staf/permohonan/12');
    expect(safeReturnPath('/staf/permohonan?status=open#x', origin)).toBe('/staf/permohonan?status=open#x');
  });

  it.each([
    ['//evil.example/staf'],
    ['/\\evil.example'],
    ['https://evil.example/staf'],
    ['javascript:alert(1)'],
    ['staf/permohonan'],
    ['/\t/evil.example'],
    ['/masuk'],
    [''],
    [42],
    [undefined],
  ])('refuses %j', (next) => {
    expect(safeReturnPath(next, origin)).toBeNull();
  });

  it('adds no return for the staff home, which sign-in reaches anyway', () => {
    expect(signInHref('/staf', origin)).toEqual({ to: '/masuk', search: {} });
    expect(signInHref('/staf/kas', origin)).toEqual({ to: '/masuk', search: { next: '/staf/kas' } });
  });
});
