import type { Standard } from '../../src/standards/standard.schema.ts';
import type { RevisionInfo } from '../../src/standards/standards.service.ts';

export type { RevisionInfo, Standard };

export interface Official {
  name: string;
  rank?: string;
  nip?: string;
  position: string;
}

export interface UnitSummary {
  code: string;
  name: string;
  level: 'province' | 'regency' | 'city';
  regionCode: string;
  regionName: string;
  address: string;
  phone: string;
  email: string;
  website: string;
  serviceCount: number;
}

export interface PublicUnit extends Omit<UnitSummary, 'serviceCount'> {
  maklumat: string;
  head: Official | null;
}

export interface ServiceSummary {
  id: string;
  name: string;
  division: { code: string; name: string };
  timeLimit: { kind: string; text: string };
  documentNumber: string;
  revision: string;
  effectiveDate: string | null;
}

export interface StandardPage {
  unit: PublicUnit;
  standard: Standard;
  revision: { revision: string; effectiveDate: string | null; publishedAt: string; sha256: string };
  revisions: Array<{ revision: string; effectiveDate: string | null; publishedAt: string; inForce: boolean }>;
}

export interface SessionUser {
  id: number;
  username: string;
  name: string;
  nip: string | null;
  position: string | null;
  roles: string[];
  permissions: string[];
  unit: { code: string; name: string; timeZone: string };
  homeUnit: { code: string; name: string };
  /** `required` and not `enabled`: the session may only enrol an authenticator. */
  totp: { enabled: boolean; required: boolean };
}

export interface SessionInfo {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  ip: string | null;
  userAgent: string | null;
  current: boolean;
}

export interface Home {
  unit: { code: string; name: string };
  roles: string[];
  nav: Array<{ key: string; label: { id: string; en: string }; path: string; available: boolean }>;
  stats: Array<{ key: string; label: { id: string; en: string }; value: number }>;
}

export interface StaffStandard {
  id: string;
  name: string;
  division: { code: string; name: string };
  inForce: RevisionInfo | null;
  revisions: RevisionInfo[];
}
