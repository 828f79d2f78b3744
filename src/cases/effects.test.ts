import { describe, expect, it } from 'vitest';
import { type Effect, findEffect, joinEffects } from './effects.ts';

const effect = (name: string): Effect => ({ name, run: async () => ({ name }) });

describe('joinEffects', () => {
  it('joins the modules’ lists, and the engine finds an effect by its name', () => {
    const all = joinEffects([effect('relief.payout')], [effect('stock.dispatch')]);
    expect(all.map((e) => e.name)).toEqual(['relief.payout', 'stock.dispatch']);
    expect(findEffect(all, 'stock.dispatch')?.name).toBe('stock.dispatch');
    expect(findEffect(all, 'stock.return')).toBeUndefined();
  });

  it('refuses a name two modules declare', () => {
    expect(() => joinEffects([effect('relief.payout')], [effect('relief.payout')])).toThrow(
      'effect relief.payout is declared twice',
    );
  });
});
