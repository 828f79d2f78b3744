import type { CaseChanges } from '@jaring/cases/case-list.schema.ts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { get } from './api.ts';

/**
 * Keeps the queue, the home counts and the case list fresh: asks the server for the unit's
 * change mark, then holds a request open until it moves (`GET /api/cases/changes?since=`) and
 * refetches what shows cases. A failed request is retried after a pause.
 */
export function useCaseChanges(enabled: boolean) {
  const client = useQueryClient();
  useEffect(() => {
    if (!enabled) return;
    let stopped = false;
    const loop = async () => {
      let since: string | undefined;
      while (!stopped) {
        try {
          const { version } = await get<CaseChanges>(
            `/api/cases/changes${since === undefined ? '' : `?since=${encodeURIComponent(since)}`}`,
          );
          if (stopped) return;
          if (since !== undefined && version !== since)
            for (const key of ['queue', 'home', 'case-list'])
              void client.invalidateQueries({ queryKey: [key] });
          since = version;
        } catch {
          await new Promise((r) => setTimeout(r, 5_000));
        }
      }
    };
    void loop();
    return () => {
      stopped = true;
    };
  }, [client, enabled]);
}
