import { randomBytes } from 'node:crypto';
import { PassThrough, type Readable } from 'node:stream';
import { recordAudit } from '../audit/audit.service.ts';
import { type AuthContext, actorOf, type ClientInfo, hasPermission } from '../auth/auth.service.ts';
import { type Clock, systemClock } from '../core/clock.ts';
import { todayIn } from '../core/dates.ts';
import { DomainError } from '../core/errors.ts';
import { maskNik } from '../core/privacy.ts';
import type { Db } from '../db/client.ts';
import {
  type ExportFilter,
  type ExportNumbers,
  exportBatches,
  writeExport,
  writeTemplate,
} from './export.ts';
import type { ExportBody, ExportTicket } from './registry.schema.ts';
import { checkVillage, type Scope, scopeOf, searchTerm } from './registry.service.ts';

/**
 * An export is asked for with a reason (audited), then downloaded once by a plain link, so
 * the browser streams a large file to disk instead of holding it in memory. The links live in
 * this process only, for ten minutes.
 */
const TICKET_MS = 10 * 60_000;

type FileFormat = 'csv' | 'xlsx';
type ExportFileFormat = FileFormat | 'csv-excel';

interface PendingExport {
  userId: number;
  unitId: number;
  expires: number;
  format: ExportFileFormat;
  filter: ExportFilter;
  scope: Scope;
  numbers: ExportNumbers;
}

/** A file being written as it is sent. */
export interface FileDownload {
  contentType: string;
  fileName: string;
  stream: Readable;
}

interface ErrorLog {
  error(details: object, message: string): void;
}

const contentTypes: Record<ExportFileFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  'csv-excel': 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export function exportTickets(db: Db, clock: Clock = systemClock) {
  const pending = new Map<string, PendingExport>();
  return {
    /** Checks the selection now (not halfway through the download), audits it, hands a link. */
    async ask(ctx: AuthContext, client: ClientInfo, body: ExportBody): Promise<ExportTicket> {
      const scope = scopeOf(ctx);
      const { format, q, village, reason } = body;
      const term = searchTerm(q);
      if (village) checkVillage(scope, village);
      // Full numbers only for a role that may reveal one (a village operator may not).
      const numbers: ExportNumbers = hasPermission(ctx, 'registry.reveal') ? 'full' : 'masked';
      const token = randomBytes(24).toString('base64url');
      const now = clock.now();
      for (const [key, e] of pending) if (e.expires < now) pending.delete(key);
      pending.set(token, {
        userId: ctx.user.id,
        unitId: ctx.unit.id,
        expires: now + TICKET_MS,
        format,
        filter: { q, village },
        scope,
        numbers,
      });
      await recordAudit(db, actorOf(ctx, client), {
        action: 'registry.export',
        entity: 'registry',
        entityId: ctx.unit.id,
        after: {
          format,
          q: term.kind === 'id' ? maskNik(term.digits) : (q ?? null),
          village: scope.village ?? village ?? null,
          numbers,
          reason,
        },
      });
      return { url: `/api/registry/exports/${token}`, expiresAt: new Date(now + TICKET_MS).toISOString() };
    },

    /** The export behind a link, once, for the user who asked for it. */
    take(ctx: AuthContext, token: string, log: ErrorLog): FileDownload {
      const ticket = pending.get(token);
      if (
        !ticket ||
        ticket.expires < clock.now() ||
        ticket.userId !== ctx.user.id ||
        ticket.unitId !== ctx.unit.id
      )
        throw new DomainError('registry.export_not_found');
      pending.delete(token);
      const stamp = todayIn(ctx.unit.timeZone, new Date(clock.now()));
      const stream = new PassThrough();
      writeExport(
        exportBatches(db, ticket.scope, ticket.filter, ticket.numbers),
        ticket.format,
        stream,
      ).catch((error: unknown) => {
        log.error({ err: error }, 'register export failed');
        stream.destroy(error instanceof Error ? error : new Error(String(error)));
      });
      return {
        contentType: contentTypes[ticket.format],
        fileName:
          ticket.format === 'csv-excel'
            ? `register-${stamp}-excel.csv`
            : `register-${stamp}.${ticket.format}`,
        stream,
      };
    },
  };
}

export type ExportTickets = ReturnType<typeof exportTickets>;

/** The empty import template, with its vocabularies. */
export function templateFile(format: FileFormat): FileDownload {
  const stream = new PassThrough();
  void writeTemplate(format, stream);
  return { contentType: contentTypes[format], fileName: `templat-register.${format}`, stream };
}
