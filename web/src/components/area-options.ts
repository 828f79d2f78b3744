import type { Area, AreaList, RegencyList } from '@jaring/regions/regions.schema.ts';
import type { ComboboxItem, ComboboxItemGroup } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { get } from '../api.ts';
import { useTexts } from '../i18n/i18n.tsx';
import { regionTexts } from '../i18n/regions.ts';
import { useSession } from '../session.ts';

/**
 * The options of an area picker: the office's own areas grouped by regency or city (each as a
 * whole, then its districts), and with `elsewhere` every other regency of the country after
 * them (a traveller's home, say). `nameOf` names a chosen code for reading.
 */
export function useAreaOptions({ elsewhere = false, enabled = true } = {}) {
  const { t } = useTexts(regionTexts);
  // The areas are the acting unit's: a unit switch must not keep the last unit's.
  const unit = useSession().data?.unit.code;
  const own = useQuery({
    queryKey: ['areas', unit],
    queryFn: () => get<AreaList>('/api/regions/areas'),
    enabled: enabled && unit !== undefined,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const country = useQuery({
    queryKey: ['regencies'],
    queryFn: () => get<RegencyList>('/api/regions/regencies'),
    enabled: enabled && elsewhere,
    staleTime: Number.POSITIVE_INFINITY,
  });
  return useMemo(() => {
    const areas = own.data?.areas ?? [];
    const label = (a: Area) =>
      a.level === 'district'
        ? t('district', { name: a.name, regency: a.regency ?? '' })
        : t(a.level === 'province' ? 'province' : 'regency', { name: a.name });
    const groups: ComboboxItemGroup<ComboboxItem>[] = [];
    for (const a of areas) {
      const item = { value: a.code, label: label(a) };
      if (a.level === 'district' && groups.length > 0) groups.at(-1)?.items.push(item);
      else
        groups.push({
          group: a.level === 'province' ? t('provinceGroup', { name: a.name }) : a.name,
          items: [item],
        });
    }
    const names = new Map(areas.map((a) => [a.code, label(a)]));
    const within = (code: string) => areas.some((a) => a.code === code);
    const others = (country.data?.regencies ?? []).filter((r) => !within(r.code));
    if (elsewhere && others.length > 0)
      groups.push({
        group: t('elsewhere'),
        items: others.map((r) => ({ value: r.code, label: t('elsewhereItem', r) })),
      });
    for (const r of others) names.set(r.code, r.name);
    return {
      data: groups,
      loading: own.isPending || (elsewhere && country.isPending),
      /** The picker's name of a code; a region the lists do not hold keeps its code. */
      nameOf: (code: string) => names.get(code) ?? code,
    };
  }, [own.data, own.isPending, country.data, country.isPending, elsewhere, t]);
}
