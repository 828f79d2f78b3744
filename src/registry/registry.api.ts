import { z } from 'zod';
import { Id } from '../core/ids.ts';

/**
 * Request schemas of the register's API and CLI. Apart from `registry.schema.ts` so that the
 * import's reader (a worker thread) starts without loading zod.
 */
export const ImportOptions = z.object({
  onError: z.enum(['reject_all', 'load_valid']).default('reject_all'),
  onExisting: z.enum(['skip', 'update', 'report']).default('skip'),
});
export type ImportOptions = z.infer<typeof ImportOptions>;

export const SearchQuery = z.object({
  q: z.string().trim().max(100).optional(),
  village: z.string().trim().max(20).optional(),
  /** Keyset cursor from the previous page. */
  after: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

export const RevealBody = z.object({
  kind: z.enum(['nik', 'kk']),
  id: Id,
  reason: z.string().trim().min(5, 'alasan minimal 5 karakter').max(300),
});

export const ExportBody = z.object({
  format: z.enum(['csv', 'xlsx']).default('csv'),
  q: z.string().trim().max(100).optional(),
  village: z.string().trim().max(20).optional(),
  reason: z.string().trim().min(5, 'alasan minimal 5 karakter').max(300),
});
