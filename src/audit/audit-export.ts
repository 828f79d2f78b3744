import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { offsetMinutes } from '../core/calendar.ts';
import type { Language } from '../core/i18n.ts';
import type { Db } from '../db/client.ts';
import type { AuditFilter } from './audit.schema.ts';
import { auditTrailBatches, type TrailPeople } from './audit.service.ts';

/** Zone names as Indonesian offices write them. */
const zoneNames: Record<string, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

/**
 * The filtered trail as an XLSX workbook for the Inspektorat, streamed batch by batch so a long
 * trail never sits in memory. Times are real date cells showing the unit's local time (Excel
 * keeps no zone, so the zone is named in the header); entry numbers and object ids are text.
 */
export function auditWorkbook(
  db: Db,
  unit: { id: number; name: string; timeZone: string },
  filter: AuditFilter,
  upTo: number,
  people: TrailPeople,
  lang: Language,
): Readable {
  const out = new PassThrough();
  const shift = offsetMinutes(unit.timeZone) * 60_000;
  const zone = zoneNames[unit.timeZone] ?? unit.timeZone;
  const write = async () => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: out,
      useStyles: true,
      useSharedStrings: false,
    });
    workbook.creator = 'Jaring';
    const sheet = workbook.addWorksheet('Log audit', { views: [{ state: 'frozen', ySplit: 1 }] });
    const text = { numFmt: '@' };
    sheet.columns = [
      { header: 'No. entri', key: 'seq', width: 10, style: text },
      { header: `Waktu (${zone})`, key: 'at', width: 20, style: { numFmt: 'dd/mm/yyyy hh:mm:ss' } },
      { header: 'Nama pengguna', key: 'name', width: 26 },
      { header: 'Akun', key: 'username', width: 20, style: text },
      { header: 'Peran', key: 'role', width: 24 },
      { header: 'Tindakan', key: 'action', width: 30 },
      { header: 'Kode tindakan', key: 'code', width: 24, style: text },
      { header: 'Objek', key: 'entity', width: 18 },
      { header: 'ID objek', key: 'entityId', width: 14, style: text },
      { header: 'Permohonan', key: 'caseId', width: 12, style: text },
    ];
    sheet.getRow(1).font = { bold: true };
    for await (const batch of auditTrailBatches(db, unit, filter, upTo, people, lang)) {
      for (const e of batch)
        sheet
          .addRow({
            seq: String(e.seq),
            at: new Date(Date.parse(e.at) + shift),
            name: e.actorName ?? e.actorUsername ?? (lang === 'id' ? 'Sistem' : 'System'),
            username: e.actorUsername ?? '',
            role: e.actorRoleLabel ?? '',
            action: e.actionLabel,
            code: e.action,
            entity: e.entityName ? `${e.entityLabel}: ${e.entityName}` : e.entityLabel,
            entityId: e.entityId ?? '',
            caseId: e.link?.kind === 'case' && e.link.id !== null ? String(e.link.id) : '',
          })
          .commit();
    }
    sheet.commit();
    const about = workbook.addWorksheet('Keterangan');
    about.columns = [
      { header: 'Keterangan', key: 'k', width: 22 },
      { header: 'Isi', key: 'v', width: 60 },
    ];
    about.addRow({ k: 'Unit', v: unit.name }).commit();
    about.addRow({ k: 'Sampai entri', v: String(upTo) }).commit();
    for (const [key, value] of Object.entries(filter))
      if (value !== undefined) about.addRow({ k: `Saringan: ${key}`, v: String(value) }).commit();
    about.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
}
