import type { StaffRole } from './roles.ts';

/**
 * Every permission in Jaring, and which roles hold it. This is the one place where roles
 * turn into permissions; routes ask for permissions, never for roles.
 */
export const Permissions = [
  'home.view',
  'standards.read',
  'standards.publish',
  'units.switch',
  'units.manage',
  'users.manage',
  'calendar.manage',
  /** Moving the server's test clock forward (demos and acceptance runs; no unit's data). */
  'clock.advance',
  'audit.read',
  'audit.verify',
  'cases.intake',
  'cases.act',
  'cases.read',
  /**
   * Submitting a request to the office above on Jaring (a regency's relief request to the
   * province) and following, read-only, what the caller's office submitted. Offices with no
   * office above on Jaring submit nothing: the service says so.
   */
  'requests.submit',
  /** Recording emergency decrees (status tanggap darurat): declare, extend, end. */
  'emergencies.manage',
  'registry.read',
  'registry.reveal',
  'registry.import',
  'registry.export',
  'complaints.handle',
  /** A confidential complainant's name and contact (Pasal 42(5)): the complaint officer only. */
  'complaints.identity',
  'reports.read',
  /** The logistics warehouse: catalogue, stock position, stock card, expiries. */
  'stock.read',
  /** Goods receipts, stock counts, write-offs of expired stock, catalogue entries. */
  'stock.manage',
  /** Closing a survey period, recording its follow-up plan, importing paper responses (the head's). */
  'survey.manage',
] as const;
export type Permission = (typeof Permissions)[number];

/**
 * The permissions that write to a case (its documents, signed letters and actions). Each also
 * needs a role named at a step of the case's workflow: the permission says a role may write
 * to cases at all, the workflow says to which.
 */
export const caseWritePermissions = ['cases.act', 'cases.intake'] as const satisfies readonly Permission[];

const rolePermissions: Record<StaffRole, readonly Permission[]> = {
  // Everything but a confidential complainant's identity, which the law gives the complaint officer alone.
  admin: Permissions.filter((p) => p !== 'complaints.identity'),
  kepala_dinas: [
    'home.view',
    'standards.read',
    'standards.publish',
    'calendar.manage',
    'audit.read',
    'cases.read',
    // Acts only where a workflow names the head of office at a step (a signature, a decree).
    'cases.act',
    'requests.submit',
    'emergencies.manage',
    'registry.read',
    'complaints.handle',
    'reports.read',
    'stock.read',
    'survey.manage',
  ],
  kepala_bidang: [
    'home.view',
    'standards.read',
    'standards.publish',
    'cases.read',
    'cases.act',
    'requests.submit',
    'emergencies.manage',
    'registry.read',
    'registry.reveal',
    'registry.export',
    'complaints.handle',
    'reports.read',
    'stock.read',
    'stock.manage',
  ],
  // The functional officer reviews requests against the stock and ships them (the Banten seed).
  fungsional: [
    'home.view',
    'standards.read',
    'cases.read',
    'cases.act',
    'requests.submit',
    'registry.read',
    'registry.reveal',
    'registry.export',
    'stock.read',
    'stock.manage',
  ],
  verifikator: ['home.view', 'standards.read', 'cases.read', 'cases.act', 'registry.read', 'registry.reveal'],
  // At a regency office the front office also sends the community's relief requests to the province.
  front_office: [
    'home.view',
    'standards.read',
    'cases.read',
    'cases.intake',
    'requests.submit',
    'registry.read',
  ],
  // Village operators see only their own village's data (enforced by the registry module).
  operator_desa: ['home.view', 'standards.read', 'registry.read', 'registry.import', 'registry.export'],
  // Inspektorat: reads everything of its unit, changes nothing.
  auditor: [
    'home.view',
    'standards.read',
    'audit.read',
    'audit.verify',
    'cases.read',
    'reports.read',
    'stock.read',
  ],
  pengelola_pengaduan: [
    'home.view',
    'standards.read',
    'cases.read',
    'complaints.handle',
    'complaints.identity',
  ],
};

export function permissionsOf(roles: readonly StaffRole[]): Permission[] {
  const set = new Set<Permission>();
  for (const role of roles) for (const p of rolePermissions[role]) set.add(p);
  return Permissions.filter((p) => set.has(p));
}

/** Whether a role writes to cases at all (to those whose workflow names it at a step). */
export function writesCases(role: StaffRole): boolean {
  return caseWritePermissions.some((p) => rolePermissions[role].includes(p));
}

export function rolesWith(permission: Permission): StaffRole[] {
  return (Object.keys(rolePermissions) as StaffRole[]).filter((r) => rolePermissions[r].includes(permission));
}
