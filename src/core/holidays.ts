/**
 * National holidays (libur nasional) and cuti bersama, seeded into every unit's calendar and
 * editable there. 2026 follows the SKB 3 Menteri for 2026 as known when written; entries marked
 * `estimated` (all cuti bersama, and every lunar-calendar date for 2027) must be confirmed by the
 * office against the SKB in force.
 */
export interface Holiday {
  date: string;
  name: string;
  kind: 'libur_nasional' | 'cuti_bersama';
  estimated?: boolean;
}

const data: Record<number, Holiday[]> = {
  2026: [
    { date: '2026-01-01', name: 'Tahun Baru 2026 Masehi', kind: 'libur_nasional' },
    { date: '2026-01-16', name: 'Isra Mikraj Nabi Muhammad SAW', kind: 'libur_nasional' },
    { date: '2026-02-16', name: 'Cuti Bersama Tahun Baru Imlek', kind: 'cuti_bersama', estimated: true },
    { date: '2026-02-17', name: 'Tahun Baru Imlek 2577 Kongzili', kind: 'libur_nasional' },
    { date: '2026-03-18', name: 'Cuti Bersama Hari Suci Nyepi', kind: 'cuti_bersama', estimated: true },
    { date: '2026-03-19', name: 'Hari Suci Nyepi Tahun Baru Saka 1948', kind: 'libur_nasional' },
    { date: '2026-03-20', name: 'Hari Raya Idul Fitri 1447 Hijriah', kind: 'libur_nasional' },
    { date: '2026-03-21', name: 'Hari Raya Idul Fitri 1447 Hijriah', kind: 'libur_nasional' },
    {
      date: '2026-03-23',
      name: 'Cuti Bersama Idul Fitri 1447 Hijriah',
      kind: 'cuti_bersama',
      estimated: true,
    },
    {
      date: '2026-03-24',
      name: 'Cuti Bersama Idul Fitri 1447 Hijriah',
      kind: 'cuti_bersama',
      estimated: true,
    },
    { date: '2026-04-03', name: 'Wafat Yesus Kristus', kind: 'libur_nasional' },
    { date: '2026-04-05', name: 'Kebangkitan Yesus Kristus (Paskah)', kind: 'libur_nasional' },
    { date: '2026-05-01', name: 'Hari Buruh Internasional', kind: 'libur_nasional' },
    { date: '2026-05-14', name: 'Kenaikan Yesus Kristus', kind: 'libur_nasional' },
    {
      date: '2026-05-15',
      name: 'Cuti Bersama Kenaikan Yesus Kristus',
      kind: 'cuti_bersama',
      estimated: true,
    },
    { date: '2026-05-27', name: 'Hari Raya Idul Adha 1447 Hijriah', kind: 'libur_nasional' },
    {
      date: '2026-05-28',
      name: 'Cuti Bersama Idul Adha 1447 Hijriah',
      kind: 'cuti_bersama',
      estimated: true,
    },
    { date: '2026-05-31', name: 'Hari Raya Waisak 2570 BE', kind: 'libur_nasional' },
    { date: '2026-06-01', name: 'Hari Lahir Pancasila', kind: 'libur_nasional' },
    { date: '2026-06-16', name: 'Tahun Baru Islam 1448 Hijriah', kind: 'libur_nasional' },
    { date: '2026-08-17', name: 'Hari Proklamasi Kemerdekaan Republik Indonesia', kind: 'libur_nasional' },
    { date: '2026-08-25', name: 'Maulid Nabi Muhammad SAW', kind: 'libur_nasional' },
    { date: '2026-12-24', name: 'Cuti Bersama Hari Raya Natal', kind: 'cuti_bersama', estimated: true },
    { date: '2026-12-25', name: 'Hari Raya Natal', kind: 'libur_nasional' },
  ],
  2027: [
    { date: '2027-01-01', name: 'Tahun Baru 2027 Masehi', kind: 'libur_nasional' },
    { date: '2027-01-05', name: 'Isra Mikraj Nabi Muhammad SAW', kind: 'libur_nasional', estimated: true },
    { date: '2027-02-06', name: 'Tahun Baru Imlek 2578 Kongzili', kind: 'libur_nasional', estimated: true },
    {
      date: '2027-03-08',
      name: 'Hari Suci Nyepi Tahun Baru Saka 1949',
      kind: 'libur_nasional',
      estimated: true,
    },
    {
      date: '2027-03-10',
      name: 'Hari Raya Idul Fitri 1448 Hijriah',
      kind: 'libur_nasional',
      estimated: true,
    },
    {
      date: '2027-03-11',
      name: 'Hari Raya Idul Fitri 1448 Hijriah',
      kind: 'libur_nasional',
      estimated: true,
    },
    {
      date: '2027-03-12',
      name: 'Cuti Bersama Idul Fitri 1448 Hijriah',
      kind: 'cuti_bersama',
      estimated: true,
    },
    { date: '2027-03-26', name: 'Wafat Yesus Kristus', kind: 'libur_nasional' },
    { date: '2027-03-28', name: 'Kebangkitan Yesus Kristus (Paskah)', kind: 'libur_nasional' },
    { date: '2027-05-01', name: 'Hari Buruh Internasional', kind: 'libur_nasional' },
    { date: '2027-05-06', name: 'Kenaikan Yesus Kristus', kind: 'libur_nasional' },
    { date: '2027-05-17', name: 'Hari Raya Idul Adha 1448 Hijriah', kind: 'libur_nasional', estimated: true },
    { date: '2027-05-20', name: 'Hari Raya Waisak 2571 BE', kind: 'libur_nasional', estimated: true },
    { date: '2027-06-01', name: 'Hari Lahir Pancasila', kind: 'libur_nasional' },
    { date: '2027-06-06', name: 'Tahun Baru Islam 1449 Hijriah', kind: 'libur_nasional', estimated: true },
    { date: '2027-08-15', name: 'Maulid Nabi Muhammad SAW', kind: 'libur_nasional', estimated: true },
    { date: '2027-08-17', name: 'Hari Proklamasi Kemerdekaan Republik Indonesia', kind: 'libur_nasional' },
    { date: '2027-12-24', name: 'Cuti Bersama Hari Raya Natal', kind: 'cuti_bersama', estimated: true },
    { date: '2027-12-25', name: 'Hari Raya Natal', kind: 'libur_nasional' },
  ],
};

/** The seeded closed days of a year (empty for years not seeded: the office adds them). */
export function holidaysFor(year: number): Holiday[] {
  return data[year] ?? [];
}
