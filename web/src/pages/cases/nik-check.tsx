import type { NikCheck } from '@jaring/cases/cases.schema.ts';
import { useQuery } from '@tanstack/react-query';
import { post } from '../../api.ts';
import { casesTexts } from '../../i18n/cases.ts';
import { useTexts } from '../../i18n/i18n.tsx';

/**
 * The server's reading of a NIK typed at intake (`parseNik` needs the region register, which
 * stays on the server): errors that will refuse the case, and warnings (an unknown district)
 * the desk should check against the identity card before opening it.
 */
export function useNikCheck(nik: string): { error?: string; warning?: string } {
  const { t, lang } = useTexts(casesTexts);
  const check = useQuery({
    queryKey: ['nik-check', nik],
    queryFn: () => post<NikCheck>('/api/cases/nik-check', { nik }),
    enabled: nik.length === 16,
    staleTime: Number.POSITIVE_INFINITY,
  });
  if (nik.length !== 16 || !check.data) return {};
  const say = (p: NikCheck['problems'][number]) =>
    p.code === 'region.district_unknown'
      ? t('nikDistrictUnknown', { code: String(p.params.code ?? '') })
      : lang === 'en'
        ? p.en
        : p.message;
  const errors = check.data.problems.filter((p) => p.severity === 'error').map(say);
  const warnings = check.data.problems.filter((p) => p.severity === 'warning').map(say);
  return {
    ...(errors.length > 0 ? { error: errors.join('; ') } : {}),
    ...(warnings.length > 0 ? { warning: warnings.join('; ') } : {}),
  };
}
