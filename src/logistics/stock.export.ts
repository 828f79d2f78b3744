import ExcelJS from 'exceljs';
import type { CardAnswer, PositionRow } from './stock.schema.ts';

const kindNames: Record<string, string> = {
  receipt: 'Penerimaan',
  reservation: 'Pemesanan',
  release: 'Pelepasan pesanan',
  dispatch: 'Pengiriman',
  return: 'Pengembalian',
  adjustment: 'Penyesuaian (stock opname)',
  write_off: 'Penghapusan',
};

async function bytes(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The stock position as a workbook for the office: one row per item. */
export async function positionWorkbook(title: string, rows: PositionRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Jaring';
  const sheet = workbook.addWorksheet('Posisi stok', { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.addRow([title]).font = { bold: true };
  sheet.addRow([
    'Barang',
    'Satuan',
    'Ada di gudang',
    'Dipesan',
    'Tersedia',
    'Kedaluwarsa',
    'Kedaluwarsa terdekat',
    'Stok minimum',
  ]).font = { bold: true };
  for (const r of rows)
    sheet.addRow([
      r.name,
      r.uom,
      r.onHand,
      r.reserved,
      r.available,
      r.expired,
      r.nearestExpiry ?? '',
      r.minimum ?? '',
    ]);
  sheet.columns.forEach((c, i) => {
    c.width = i === 0 ? 28 : 16;
  });
  return bytes(workbook);
}

/** The stock card (kartu stok) of an item as a workbook: movements with running balance. */
export async function cardWorkbook(card: CardAnswer): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Jaring';
  const sheet = workbook.addWorksheet('Kartu stok', { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.addRow([`Kartu stok: ${card.item.name} (${card.item.uom}), ${card.warehouse.name}`]).font = {
    bold: true,
  };
  sheet.addRow([
    'Waktu (UTC)',
    'Jenis',
    'Masuk',
    'Keluar',
    'Sisa',
    'Dipesan',
    'Kedaluwarsa batch',
    'Dokumen',
    'Keterangan',
    'Petugas',
  ]).font = { bold: true };
  for (const l of card.lines)
    sheet.addRow([
      new Date(l.at),
      kindNames[l.kind] ?? l.kind,
      l.onHandChange > 0 ? l.onHandChange : '',
      l.onHandChange < 0 ? -l.onHandChange : '',
      l.onHandAfter,
      l.reservedAfter,
      l.expiresOn ?? '',
      l.documentRef || l.sourceRef,
      l.reason,
      l.userName ?? '',
    ]);
  sheet.getColumn(1).numFmt = 'dd/mm/yyyy hh:mm';
  sheet.columns.forEach((c, i) => {
    c.width = i === 8 ? 40 : 16;
  });
  return bytes(workbook);
}
