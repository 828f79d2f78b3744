/**
 * Staff roles and the external actors that appear in a standard's procedure.
 * Permissions are derived from roles in `permissions.ts`, nowhere else.
 */
export const StaffRoles = [
  'admin',
  'kepala_dinas',
  'kepala_bidang',
  'fungsional', // fungsional / penyuluh sosial / pekerja sosial
  'verifikator',
  'front_office',
  'operator_desa', // operator desa/kelurahan (village operator)
  'auditor', // read-only, e.g. Inspektorat
  'pengelola_pengaduan', // pejabat pengelola pengaduan: the complaint officer (UU 25/2009 Pasal 42(5))
] as const;
export type StaffRole = (typeof StaffRoles)[number];

/** Actors outside the office who perform a step of a procedure. */
export const ExternalActors = [
  'pemohon', // the applicant / citizen
  'kepolisian', // police (issues the letter for kehabisan bekal)
  'kemensos', // Ministry of Social Affairs
  'bank', // Himbara bank paying out
  'bupati', // regent / mayor who ratifies
  'penerima', // recipient signing a handover
] as const;
export type ExternalActor = (typeof ExternalActors)[number];

export const ProcedureActors = [...StaffRoles, ...ExternalActors] as const;
export type ProcedureActor = StaffRole | ExternalActor;

export function isStaffRole(value: string): value is StaffRole {
  return (StaffRoles as readonly string[]).includes(value);
}

export function isProcedureActor(value: string): value is ProcedureActor {
  return (ProcedureActors as readonly string[]).includes(value);
}

/** Names of roles and actors as the office writes them. */
export const RoleLabels: Record<ProcedureActor, { id: string; en: string }> = {
  admin: { id: 'Administrator', en: 'Administrator' },
  kepala_dinas: { id: 'Kepala Dinas', en: 'Head of Office' },
  kepala_bidang: { id: 'Kepala Bidang', en: 'Head of Division' },
  fungsional: { id: 'Fungsional/Penyuluh Sosial', en: 'Functional officer / social worker' },
  verifikator: { id: 'Verifikator', en: 'Verifier' },
  front_office: { id: 'Petugas Front Office', en: 'Front-office officer' },
  operator_desa: { id: 'Operator Desa/Kelurahan', en: 'Village operator' },
  auditor: { id: 'Auditor', en: 'Auditor' },
  pengelola_pengaduan: { id: 'Pejabat Pengelola Pengaduan', en: 'Complaint officer' },
  pemohon: { id: 'Pemohon', en: 'Applicant' },
  kepolisian: { id: 'Kepolisian', en: 'Police' },
  kemensos: { id: 'Kementerian Sosial', en: 'Ministry of Social Affairs' },
  bank: { id: 'Bank Penyalur', en: 'Paying bank' },
  bupati: { id: 'Bupati/Wali Kota', en: 'Regent/Mayor' },
  penerima: { id: 'Penerima Bantuan', en: 'Recipient' },
};
