import type { RevealAnswer } from '@jaring/registry/registry.schema.ts';
import { post } from '../../api.ts';
import { RevealableNumber } from '../../components/reveal.tsx';
import { useTexts } from '../../i18n/i18n.tsx';
import { registryTexts } from '../../i18n/registry.ts';

/** A register NIK/KK, masked, with the register's audited reveal. */
export function RegisterNumber({
  kind,
  id,
  masked,
  canReveal,
}: {
  kind: 'nik' | 'kk';
  id: number;
  masked: string;
  canReveal: boolean;
}) {
  const { t } = useTexts(registryTexts);
  return (
    <RevealableNumber
      masked={masked}
      canReveal={canReveal}
      testId={`${kind}-${id}`}
      title={t(kind === 'nik' ? 'showFullNik' : 'showFullKk')}
      reveal={(reason) => post<RevealAnswer>('/api/registry/reveal', { kind, id, reason })}
    />
  );
}
