import { describe, expect, it } from 'vitest';
import { commonTexts } from './common.ts';
import { type Texts, translate } from './texts.ts';

/** Every area's dictionary, found by file name so that a new area is checked without listing it. */
const areas = import.meta.glob<Record<string, Texts>>(['./*.ts', '!./*.test.ts', '!./texts.ts'], {
  eager: true,
});
/** The interface's source, to catch a string written inline instead of in a dictionary. */
const sources = import.meta.glob<string>('../**/*.tsx', { eager: true, query: '?raw', import: 'default' });

const entries = Object.entries(areas).flatMap(([file, module]) =>
  Object.entries(module).flatMap(([name, texts]) =>
    Object.entries(texts).map(([key, text]) => ({ where: `${file} ${name}.${key}`, key, text })),
  ),
);
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('interface dictionaries', () => {
  it('are found, one per area', () => {
    expect(Object.keys(areas).length).toBeGreaterThanOrEqual(10);
    expect(entries.length).toBeGreaterThan(200);
  });

  it('give every key an Indonesian and an English text', () => {
    const missing = entries.filter(
      ({ text }) =>
        typeof text.id !== 'string' || !text.id.trim() || typeof text.en !== 'string' || !text.en.trim(),
    );
    expect(missing.map((m) => m.where)).toEqual([]);
  });

  it('put the same values into both languages', () => {
    const differ = entries.filter(
      ({ text }) => placeholders(text.id).join() !== placeholders(text.en).join(),
    );
    expect(differ.map((d) => `${d.where}: ${d.text.id} / ${d.text.en}`)).toEqual([]);
  });

  it('never shadow a common text with an area text of the same key', () => {
    const common = new Set(Object.keys(commonTexts));
    const shadowing = entries.filter((e) => !e.where.startsWith('./common.ts') && common.has(e.key));
    expect(shadowing.map((s) => s.where)).toEqual([]);
  });

  it('fill placeholders and leave an unknown one visible', () => {
    const text = { id: 'Jadikan {date} hari kerja?', en: 'Make {date} a working day?' };
    expect(translate(text, 'en', { date: '2026-08-17' })).toBe('Make 2026-08-17 a working day?');
    expect(translate(text, 'id', {})).toBe('Jadikan {date} hari kerja?');
  });

  it('hold every text of the pages: no inline { id, en } literal is left', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(20);
    const inline = Object.entries(sources).filter(([, source]) => /pick\(\s*\{\s*id:/.test(source));
    expect(inline.map(([file]) => file)).toEqual([]);
  });
});
