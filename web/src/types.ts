// The server's answers, as its response schemas declare them (type-only: nothing of the server is bundled).
export type { SessionInfo, SessionUser } from '@jaring/auth/auth.schema.ts';
export type { Home } from '@jaring/home.schema.ts';
export type { Standard } from '@jaring/standards/standard.schema.ts';
export type {
  OfficialView as Official,
  PublicUnit,
  RevisionInfo,
  ServiceSummary,
  StaffStandard,
  StandardPage,
  UnitSummary,
} from '@jaring/standards/standards.schema.ts';
