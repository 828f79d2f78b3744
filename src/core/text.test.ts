import { describe, expect, it } from 'vitest';
import { storableText, textFault } from './text.ts';

describe('text the database cannot store', () => {
  it('finds NUL and lone surrogates, not paired ones', () => {
    expect(textFault('Siti Rahma 😀')).toBeNull();
    expect(textFault('a\u0000b')).toEqual({ kind: 'nul' });
    expect(textFault('\ud800')).toEqual({ kind: 'surrogate', codePoint: 'U+D800' });
    expect(textFault('x\udc00')).toEqual({ kind: 'surrogate', codePoint: 'U+DC00' });
    expect(textFault('😀\ud83d')).toEqual({ kind: 'surrogate', codePoint: 'U+D83D' });
    expect(textFault('\ud800\u0000')).toEqual({ kind: 'surrogate', codePoint: 'U+D800' });
  });

  it('turns them into U+FFFD, as the driver’s UTF-8 encoding does, and keeps the rest', () => {
    expect(storableText('a\u0000b\ud800c\udc00😀')).toBe('a\ufffdb\ufffdc\ufffd😀');
    expect(storableText('\ud800')).toBe(Buffer.from('\ud800', 'utf8').toString('utf8'));
    const plain = 'Budi Santoso';
    expect(storableText(plain)).toBe(plain);
  });
});
