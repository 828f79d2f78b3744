import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseWritePermissions, type Permission, rolesWith } from '../../src/auth/permissions.ts';
import type { StaffRole } from '../../src/auth/roles.ts';
import { childrenOf } from '../../src/core/regions.ts';
import { rows as dbRows } from '../../src/db/client.ts';
import { demoUsers } from '../../src/demo/seed.ts';
import { parseStandardYaml } from '../../src/standards/standard.loader.ts';
import { Agent, createTestApp, signedIn, type TestApp } from '../app.ts';

/**
 * The authorization matrix: every route × every demo role × own and foreign unit. The routes
 * come from the app itself, so a route without a row here fails, and so does a row whose route
 * is gone. A row states what its route needs (a permission, a session, nothing, or a case
 * write); who holds it is derived from `permissions.ts` and the case's workflow, never listed.
 *
 * For each route: without a session 401 (unless public); each Sragen role holding the need
 * gets the row's status, each other role 403; each Sragen role asking for Tarakan's resource,
 * and each Tarakan and Banten user (the province's and its regencies') asking for Sragen's, gets
 * 403 or 404 (or, for a list, an answer without the other unit's data), and the database does
 * not change.
 *
 * Writes are sent with an input that is valid up to the point where authorization is decided
 * and refused after it (a 422 or 415, stating what is wrong with the input): that status
 * proves authorization passed, and nothing is written. Guards run before schema validation,
 * so a body the schema refuses proves a guard passed; case writes decide in the service, so
 * theirs pass the schema and fail a later check (an unknown action, requirement or file type).
 */

type Need =
  /** Anyone, signed in or not. */
  | 'public'
  /** Any signed-in user. */
  | 'session'
  | Permission
  /** A write permission and a role named at a step of the case's workflow (open case). */
  | 'case.workflow'
  /** A write permission and the role of the case's current step. */
  | 'case.step'
  /** On a closed case: a write permission and the role of the step that issued the letter. */
  | 'case.signer'
  /** Reading cases, and either `registry.reveal` or a role that writes to the case. */
  | 'case.reveal';

interface Req {
  url: string;
  body?: unknown;
  /** Sent as multipart instead of `body`. */
  upload?: { bytes: Buffer; fileName?: string; fields?: Record<string, string> };
}

type Foreign =
  /** The other unit's resource, named in the request: 403 or 404, and nothing changes. */
  | { target: (other: Fixture) => Req }
  /** The same request, scoped by the session: the answer holds none of these of the other unit. */
  | { absent: (other: Fixture) => string[] }
  /** Why no resource of another unit can be named in this request. */
  | { none: string };

interface Row {
  need: Need;
  own: (f: Fixture) => Req;
  /** Status for a caller who holds the need (the success status where it is cheap). */
  ok: number | readonly number[];
  foreign: Foreign;
}

interface Fixture {
  code: 'sragen' | 'tarakan';
  unitName: string;
  standardId: string;
  /** The unit's standard at a new revision, for a publication attempt. */
  yaml: string;
  openCase: { id: number; version: number; trackingCode: string; applicant: string };
  letter: { caseId: number; id: number; verificationCode: string };
  /** A requirement document uploaded to a case of the unit. */
  document: { caseId: number; id: number };
  payout: { id: number; name: string };
  /** An emergency (status tanggap darurat) the unit recorded. */
  emergency: { id: number; disaster: string };
  /** A question the unit adds to its satisfaction survey. */
  question: { id: number; text: string };
  family: number;
  person: { id: number; name: string };
  villageCode: string;
  importRow: { id: number; fileName: string };
  exportToken: string;
  /** A user of the unit (its front-office officer), for the administrator's users routes. */
  staff: { id: number; name: string };
  /** A complaint held by the unit; its text names the unit, for the lists. */
  complaint: { id: number; trackingCode: string; text: string };
  /** A warehouse and a catalogue item of the unit (logistics). */
  stock: { warehouseId: number; warehouseName: string; itemId: number; itemName: string };
  /** The unit's Open311 client with its key, and one whose key is revoked. */
  open311: { key: string; clientId: number; clientName: string; revokedId: number };
}

const pdf = Buffer.from('%PDF-1.4\n% matrix\n');
const year = new Date().getUTCFullYear();
const sessionUnit = 'scoped by the session’s unit; no unit can be named';
/** A valid extension decree, for another unit's emergency (refused as not found). */
const matrixDecree = {
  number: 'MATRIKS/2',
  decreedOn: `${year}-01-01`,
  declaredBy: 'bupati',
  endsOn: `${year + 5}-01-01`,
};

const matrix: Record<string, Row> = {
  'GET /api/health': {
    need: 'public',
    own: () => ({ url: '/api/health' }),
    ok: 200,
    foreign: { none: 'no unit data' },
  },
  'GET /api/openapi.json': {
    need: 'public',
    own: () => ({ url: '/api/openapi.json' }),
    ok: 200,
    foreign: { none: 'no unit data' },
  },
  'GET /api/auth/csrf': {
    need: 'public',
    own: () => ({ url: '/api/auth/csrf' }),
    ok: 200,
    foreign: { none: 'no unit data' },
  },
  'GET /robots.txt': {
    need: 'public',
    own: () => ({ url: '/robots.txt' }),
    ok: 200,
    foreign: { none: 'the same file for everyone' },
  },
  'GET /sitemap.xml': {
    need: 'public',
    own: () => ({ url: '/sitemap.xml' }),
    ok: 200,
    foreign: { none: 'the public pages of every office' },
  },
  'GET /api/auth/session': {
    need: 'public',
    own: () => ({ url: '/api/auth/session' }),
    ok: 200,
    foreign: { none: 'the caller’s own session, or none' },
  },
  'GET /api/auth/me': {
    need: 'session',
    own: () => ({ url: '/api/auth/me' }),
    ok: 200,
    foreign: { none: 'the caller’s own session' },
  },
  'POST /api/auth/login': {
    need: 'public',
    own: () => ({ url: '/api/auth/login', body: {} }),
    ok: 422,
    foreign: { none: 'no unit data' },
  },
  'POST /api/auth/password': {
    need: 'home.view',
    own: () => ({ url: '/api/auth/password', body: { currentPassword: 'x', newPassword: 'pendek' } }),
    ok: 422,
    foreign: { none: 'the caller’s own account' },
  },
  'POST /api/auth/totp/setup': {
    need: 'session',
    own: () => ({ url: '/api/auth/totp/setup', body: {} }),
    ok: 200,
    foreign: { none: 'the caller’s own account' },
  },
  'POST /api/auth/totp/confirm': {
    need: 'session',
    // A wrong code after the setup row: 401 auth.totp_invalid, as a wrong password is.
    own: () => ({ url: '/api/auth/totp/confirm', body: { code: 'bukan-kode' } }),
    ok: 401,
    foreign: { none: 'the caller’s own account' },
  },
  'DELETE /api/auth/totp': {
    need: 'home.view',
    own: () => ({ url: '/api/auth/totp', body: {} }),
    ok: 422,
    foreign: { none: 'the caller’s own account' },
  },
  'GET /api/auth/sessions': {
    need: 'home.view',
    own: () => ({ url: '/api/auth/sessions' }),
    ok: 200,
    foreign: { none: 'the caller’s own sessions' },
  },
  'DELETE /api/auth/sessions/:id': {
    need: 'home.view',
    // Another user's session id is as unknown to the caller as a made-up one: 404.
    own: () => ({ url: '/api/auth/sessions/tidak-ada' }),
    ok: 404,
    foreign: { none: 'the caller’s own sessions' },
  },
  'DELETE /api/auth/sessions': {
    need: 'home.view',
    // Signs out the caller's other sessions; the matrix keeps one session per user.
    own: () => ({ url: '/api/auth/sessions' }),
    ok: 200,
    foreign: { none: 'the caller’s own sessions' },
  },
  'GET /api/units/current/security': {
    need: 'units.manage',
    own: () => ({ url: '/api/units/current/security' }),
    ok: 200,
    foreign: { none: 'the session’s unit' },
  },
  'PUT /api/units/current/security': {
    need: 'units.manage',
    own: () => ({ url: '/api/units/current/security', body: {} }),
    ok: 422,
    foreign: { none: 'the session’s unit' },
  },
  'GET /api/units/current/users': {
    need: 'users.manage',
    own: () => ({ url: '/api/units/current/users' }),
    ok: 200,
    foreign: { absent: (o) => [o.staff.name] },
  },
  'PATCH /api/units/current/users/:id': {
    need: 'users.manage',
    own: (f) => ({ url: `/api/units/current/users/${f.staff.id}`, body: { nip: '123' } }),
    ok: 422,
    foreign: {
      target: (o) => ({ url: `/api/units/current/users/${o.staff.id}`, body: { rank: 'Uji Matriks/III-a' } }),
    },
  },
  'GET /api/units/current/divisions': {
    need: 'units.manage',
    own: () => ({ url: '/api/units/current/divisions' }),
    ok: 200,
    foreign: { none: 'the session’s unit' },
  },
  'PUT /api/units/current/divisions': {
    need: 'units.manage',
    own: () => ({ url: '/api/units/current/divisions', body: {} }),
    ok: 422,
    foreign: { none: 'the session’s unit' },
  },
  'GET /api/units': {
    need: 'units.switch',
    own: () => ({ url: '/api/units' }),
    ok: 200,
    foreign: { none: 'lists every unit: units.switch is the right to enter another' },
  },
  'POST /api/auth/unit': {
    need: 'units.switch',
    own: () => ({ url: '/api/auth/unit', body: { unitCode: '' } }),
    ok: 422,
    foreign: { none: 'units.switch is the right to enter another unit' },
  },
  // Run last: it ends the caller's session.
  'POST /api/auth/logout': {
    need: 'public',
    own: () => ({ url: '/api/auth/logout', body: {} }),
    ok: 204,
    foreign: { none: 'the caller’s own session' },
  },
  'GET /api/home': {
    need: 'home.view',
    own: () => ({ url: '/api/home' }),
    ok: 200,
    foreign: { absent: (o) => [o.unitName] },
  },

  'GET /api/public/units': {
    need: 'public',
    own: () => ({ url: '/api/public/units' }),
    ok: 200,
    foreign: { none: 'public' },
  },
  'GET /api/public/units/:unit': {
    need: 'public',
    own: (f) => ({ url: `/api/public/units/${f.code}` }),
    ok: 200,
    foreign: { none: 'public' },
  },
  'GET /api/public/units/:unit/standards/:id': {
    need: 'public',
    own: (f) => ({ url: `/api/public/units/${f.code}/standards/${f.standardId}` }),
    ok: 200,
    foreign: { none: 'public' },
  },
  'GET /api/public/units/:unit/standards/:id/pdf': {
    need: 'public',
    // Rendering the PDF takes half a second a request; an unknown standard answers 404 at once.
    own: (f) => ({ url: `/api/public/units/${f.code}/standards/tidak-ada/pdf` }),
    ok: 404,
    foreign: { none: 'public' },
  },
  'GET /api/public/units/:unit/emergencies': {
    need: 'public',
    own: (f) => ({ url: `/api/public/units/${f.code}/emergencies` }),
    ok: 200,
    foreign: { none: 'public' },
  },
  'GET /api/public/units/:unit/emergencies/:id': {
    need: 'public',
    own: (f) => ({ url: `/api/public/units/${f.code}/emergencies/${f.emergency.id}` }),
    ok: 200,
    foreign: { none: 'public' },
  },
  'GET /api/public/sippn': {
    need: 'public',
    own: () => ({ url: '/api/public/sippn' }),
    ok: 200,
    foreign: { none: 'public' },
  },
  'GET /api/staff/standards': {
    need: 'standards.read',
    own: () => ({ url: '/api/staff/standards' }),
    ok: 200,
    foreign: { absent: (o) => [`"${o.standardId}"`] },
  },
  'POST /api/staff/standards': {
    need: 'standards.publish',
    own: () => ({ url: '/api/staff/standards', body: {} }),
    ok: 422,
    foreign: {
      target: (o) => ({ url: '/api/staff/standards', body: { yaml: o.yaml, fileName: 'matriks.yaml' } }),
    },
  },

  'GET /api/audit': {
    need: 'audit.read',
    own: () => ({ url: '/api/audit?limit=500' }),
    ok: 200,
    foreign: { absent: (o) => [`"${o.code}.`] },
  },
  'GET /api/audit/export.xlsx': {
    need: 'audit.read',
    own: () => ({ url: '/api/audit/export.xlsx?action=case.open' }),
    ok: 200,
    foreign: {
      none: 'scoped by the session’s unit (a zipped workbook: audit-trail.test.ts reads it back and finds no other unit’s rows)',
    },
  },
  'GET /api/audit/actors': {
    need: 'audit.read',
    own: () => ({ url: '/api/audit/actors' }),
    ok: 200,
    foreign: { absent: (o) => [o.staff.name] },
  },
  'GET /api/audit/verify': {
    need: 'audit.verify',
    own: () => ({ url: '/api/audit/verify' }),
    ok: 200,
    foreign: { none: 'one chain for all units; the answer names positions, not data' },
  },

  'GET /api/audit/checkpoints': {
    need: 'audit.verify',
    own: () => ({ url: '/api/audit/checkpoints' }),
    ok: 200,
    foreign: { none: 'one chain for all units; a checkpoint names a position, not data' },
  },
  'POST /api/audit/checkpoints': {
    need: 'audit.verify',
    // Written (201) when the chain grew since the last checkpoint, else 200.
    own: () => ({ url: '/api/audit/checkpoints', body: {} }),
    ok: [200, 201],
    foreign: { none: 'one chain for all units; a checkpoint names a position, not data' },
  },

  'GET /api/calendar': {
    need: 'home.view',
    own: () => ({ url: `/api/calendar?year=${year}` }),
    ok: 200,
    foreign: { none: sessionUnit },
  },
  'PUT /api/calendar/days/:date': {
    need: 'calendar.manage',
    own: () => ({ url: `/api/calendar/days/${year}-11-26`, body: {} }),
    ok: 422,
    foreign: { none: sessionUnit },
  },
  'DELETE /api/calendar/days/:date': {
    need: 'calendar.manage',
    own: () => ({ url: '/api/calendar/days/bukan-tanggal' }),
    ok: 422,
    foreign: { none: sessionUnit },
  },
  'PUT /api/calendar/hours': {
    need: 'calendar.manage',
    own: () => ({ url: '/api/calendar/hours', body: { '1': [{ start: '16:00', end: '08:00' }] } }),
    ok: 422,
    foreign: { none: sessionUnit },
  },
  'GET /api/calendar/due': {
    need: 'home.view',
    own: () => ({ url: '/api/calendar/due?workingDays=1' }),
    ok: 200,
    foreign: { none: sessionUnit },
  },
  'POST /api/admin/clock': {
    need: 'clock.advance',
    // The test app runs on the real clock: a holder is refused after the guard, 409 calendar.clock_fixed.
    own: () => ({ url: '/api/admin/clock', body: { by: '1h' } }),
    ok: 409,
    foreign: { none: 'one clock for the server; it holds no unit’s data' },
  },
  'GET /api/regions/regencies': {
    need: 'home.view',
    own: () => ({ url: '/api/regions/regencies' }),
    ok: 200,
    foreign: { none: 'no unit data' },
  },
  'GET /api/regions/areas': {
    need: 'home.view',
    own: () => ({ url: '/api/regions/areas' }),
    ok: 200,
    foreign: { none: sessionUnit },
  },

  'POST /api/cases': {
    need: 'cases.intake',
    own: () => ({ url: '/api/cases', body: {} }),
    ok: 422,
    foreign: {
      target: (o) => ({
        url: '/api/cases',
        body: { standardId: o.standardId, applicant: { name: 'Uji Matriks' } },
      }),
    },
  },
  'POST /api/cases/nik-check': {
    need: 'cases.intake',
    own: () => ({ url: '/api/cases/nik-check', body: { nik: '12' } }),
    ok: 422,
    foreign: { none: 'checks the number typed; no unit data' },
  },
  'PUT /api/cases/:id/intake': {
    need: 'cases.intake',
    // The fixture's service asks no intake question: an answer to one is refused.
    own: (f) => ({
      url: `/api/cases/${f.openCase.id}/intake`,
      body: { previous: {}, intake: { tidakAda: true }, reason: 'uji matriks hak akses' },
    }),
    ok: 422,
    foreign: {
      target: (o) => ({
        url: `/api/cases/${o.openCase.id}/intake`,
        body: { previous: {}, intake: {}, reason: 'uji matriks hak akses' },
      }),
    },
  },
  'GET /api/reports/sla': {
    need: 'reports.read',
    own: () => ({ url: `/api/reports/sla?from=${year}-01-01&to=${year}-12-31` }),
    ok: 200,
    foreign: { absent: (o) => [`"${o.standardId}"`] },
  },
  'GET /api/cases': {
    need: 'cases.read',
    own: () => ({ url: '/api/cases' }),
    ok: 200,
    foreign: { absent: (o) => [o.openCase.trackingCode, o.openCase.applicant] },
  },
  'GET /api/cases/list': {
    need: 'cases.read',
    own: () => ({ url: '/api/cases/list?limit=100' }),
    ok: 200,
    foreign: { absent: (o) => [o.openCase.trackingCode, o.openCase.applicant] },
  },
  'GET /api/cases/list/options': {
    need: 'cases.read',
    own: () => ({ url: '/api/cases/list/options' }),
    ok: 200,
    foreign: { none: sessionUnit },
  },
  // Without `since` the mark is answered at once; it names no case of any unit.
  'GET /api/cases/changes': {
    need: 'cases.read',
    own: () => ({ url: '/api/cases/changes' }),
    ok: 200,
    foreign: { none: sessionUnit },
  },
  'GET /api/cases/:id': {
    need: 'cases.read',
    own: (f) => ({ url: `/api/cases/${f.openCase.id}` }),
    ok: 200,
    foreign: { target: (o) => ({ url: `/api/cases/${o.openCase.id}` }) },
  },
  'POST /api/cases/:id/reveal': {
    need: 'case.reveal',
    // The fixture's applicant came without a NIK: 404 once the caller may reveal it.
    own: (f) => ({ url: `/api/cases/${f.openCase.id}/reveal`, body: { reason: 'uji matriks hak akses' } }),
    ok: 404,
    foreign: {
      target: (o) => ({
        url: `/api/cases/${o.openCase.id}/reveal`,
        body: { reason: 'uji matriks hak akses' },
      }),
    },
  },
  'POST /api/cases/:id/actions': {
    need: 'case.step',
    own: (f) => ({
      url: `/api/cases/${f.openCase.id}/actions`,
      body: { action: 'tidak-ada', version: f.openCase.version },
    }),
    ok: 422,
    foreign: {
      target: (o) => ({
        url: `/api/cases/${o.openCase.id}/actions`,
        body: { action: 'claim', version: o.openCase.version },
      }),
    },
  },
  'POST /api/cases/:id/documents/:requirementId': {
    need: 'case.workflow',
    own: (f) => ({ url: `/api/cases/${f.openCase.id}/documents/tidak-ada`, upload: { bytes: pdf } }),
    ok: 422,
    foreign: {
      target: (o) => ({ url: `/api/cases/${o.openCase.id}/documents/kk-ktp`, upload: { bytes: pdf } }),
    },
  },
  // The fixture's document sits on a closed case: 409 once the caller may write to the case.
  'POST /api/cases/:id/documents/:documentId/replacement': {
    need: 'case.workflow',
    own: (f) => ({
      url: `/api/cases/${f.document.caseId}/documents/${f.document.id}/replacement`,
      upload: { bytes: pdf },
    }),
    ok: 409,
    foreign: {
      target: (o) => ({
        url: `/api/cases/${o.document.caseId}/documents/${o.document.id}/replacement`,
        upload: { bytes: pdf },
      }),
    },
  },
  'DELETE /api/cases/:id/documents/:documentId': {
    need: 'case.workflow',
    own: (f) => ({ url: `/api/cases/${f.document.caseId}/documents/${f.document.id}` }),
    ok: 409,
    foreign: { target: (o) => ({ url: `/api/cases/${o.document.caseId}/documents/${o.document.id}` }) },
  },
  'GET /api/cases/:id/receipt': {
    need: 'cases.read',
    own: (f) => ({ url: `/api/cases/${f.openCase.id}/receipt` }),
    ok: 200,
    foreign: { target: (o) => ({ url: `/api/cases/${o.openCase.id}/receipt` }) },
  },
  'GET /api/cases/:id/letters/:letterId/pdf': {
    need: 'cases.read',
    own: (f) => ({ url: `/api/cases/${f.letter.caseId}/letters/${f.letter.id}/pdf` }),
    ok: 200,
    foreign: { target: (o) => ({ url: `/api/cases/${o.letter.caseId}/letters/${o.letter.id}/pdf` }) },
  },
  'GET /api/cases/:id/documents/:documentId/file': {
    need: 'cases.read',
    own: (f) => ({ url: `/api/cases/${f.document.caseId}/documents/${f.document.id}/file` }),
    ok: 200,
    foreign: { target: (o) => ({ url: `/api/cases/${o.document.caseId}/documents/${o.document.id}/file` }) },
  },
  'POST /api/cases/:id/preview': {
    need: 'case.step',
    // An action the step does not have: 422 once the caller may act at the step.
    own: (f) => ({ url: `/api/cases/${f.openCase.id}/preview`, body: { action: 'tidak-ada' } }),
    ok: 422,
    foreign: {
      target: (o) => ({ url: `/api/cases/${o.openCase.id}/preview`, body: { action: 'teruskan' } }),
    },
  },
  'GET /api/cases/:id/letter-preview': {
    need: 'case.step',
    // The open case's step issues no letter: 422 once the caller may act at the step.
    own: (f) => ({ url: `/api/cases/${f.openCase.id}/letter-preview?action=teruskan` }),
    ok: 422,
    foreign: { target: (o) => ({ url: `/api/cases/${o.openCase.id}/letter-preview?action=teruskan` }) },
  },
  'POST /api/cases/:id/letters/:letterId/signed': {
    need: 'case.signer',
    // Not a PDF, JPEG or PNG: 415 once the caller may replace the scan.
    own: (f) => ({
      url: `/api/cases/${f.letter.caseId}/letters/${f.letter.id}/signed`,
      upload: { bytes: Buffer.from('bukan pindaian'), fields: { reason: 'uji matriks' } },
    }),
    ok: 415,
    foreign: {
      target: (o) => ({
        url: `/api/cases/${o.letter.caseId}/letters/${o.letter.id}/signed`,
        upload: { bytes: pdf, fields: { reason: 'uji matriks' } },
      }),
    },
  },
  'GET /api/public/verify/:code': {
    need: 'public',
    own: (f) => ({ url: `/api/public/verify/${f.letter.verificationCode}` }),
    ok: 200,
    foreign: { none: 'public; no personal data' },
  },
  'POST /api/public/verify/:code': {
    need: 'public',
    own: (f) => ({ url: `/api/public/verify/${f.letter.verificationCode}`, upload: { bytes: pdf } }),
    ok: 200,
    foreign: { none: 'public; no personal data' },
  },
  'GET /api/public/track/:code': {
    need: 'public',
    own: (f) => ({ url: `/api/public/track/${f.openCase.trackingCode}` }),
    ok: 200,
    foreign: { none: 'public; the first name only' },
  },

  'GET /api/public/survey/:token': {
    need: 'public',
    // A token without its signature: refused alike for everyone; the answer names no case.
    own: (f) => ({ url: `/api/public/survey/${f.openCase.trackingCode}-AAAAAA` }),
    ok: 404,
    foreign: { none: 'public; a token names no unit' },
  },
  'POST /api/public/survey/:token': {
    need: 'public',
    own: (f) => ({ url: `/api/public/survey/${f.openCase.trackingCode}-AAAAAA`, body: { answers: {} } }),
    ok: 422,
    foreign: { none: 'public; a token names no unit' },
  },
  'GET /api/public/track/:code/survey': {
    need: 'public',
    // The matrix's case is open: the survey opens once it is closed.
    own: (f) => ({ url: `/api/public/track/${f.openCase.trackingCode}/survey` }),
    ok: 409,
    foreign: { none: 'public; the tracking code is what the citizen holds' },
  },
  'GET /api/public/units/:unit/survey': {
    need: 'public',
    own: (f) => ({ url: `/api/public/units/${f.code}/survey` }),
    ok: 200,
    foreign: { none: 'public; the services of a unit' },
  },
  'POST /api/public/units/:unit/survey': {
    need: 'public',
    own: (f) => ({ url: `/api/public/units/${f.code}/survey`, body: { standardId: 0, answers: {} } }),
    ok: 422,
    foreign: { none: 'public; an anonymous response' },
  },
  'GET /api/public/units/:unit/survey/index': {
    need: 'public',
    own: (f) => ({ url: `/api/public/units/${f.code}/survey/index` }),
    ok: 200,
    foreign: { none: 'public; published figures (UU 25/2009 Pasal 23)' },
  },
  'GET /api/survey/index': {
    need: 'reports.read',
    own: () => ({ url: `/api/survey/index?year=${year}` }),
    ok: 200,
    foreign: { none: sessionUnit },
  },
  'GET /api/public/complaints/challenge': {
    need: 'public',
    own: () => ({ url: '/api/public/complaints/challenge' }),
    ok: 200,
    foreign: { none: 'no unit data' },
  },
  'POST /api/public/units/:unit/complaints': {
    need: 'public',
    // Without the challenge's answer: refused before anything is written.
    own: (f) => ({
      url: `/api/public/units/${f.code}/complaints`,
      body: { class: 'pengaduan', text: 'Uji matriks otorisasi.' },
    }),
    ok: 422,
    foreign: { none: 'public; files into the unit it names' },
  },
  'POST /api/public/complaints/:code/files': {
    need: 'public',
    own: (f) => ({
      url: `/api/public/complaints/${f.complaint.trackingCode}/files`,
      upload: { bytes: Buffer.from('MZ bukan berkas'), fileName: 'x.exe' },
    }),
    ok: 415,
    foreign: { none: 'public; the tracking code is the complainant’s secret' },
  },
  'GET /api/public/complaints/:code': {
    need: 'public',
    own: (f) => ({ url: `/api/public/complaints/${f.complaint.trackingCode}` }),
    ok: 200,
    foreign: { none: 'public; no identity of the complainant' },
  },
  'GET /api/public/complaints/:code/receipt': {
    need: 'public',
    own: (f) => ({ url: `/api/public/complaints/${f.complaint.trackingCode}/receipt` }),
    ok: 200,
    foreign: { none: 'public; the receipt names no confidential complainant' },
  },
  'GET /api/public/complaints/:code/decision': {
    need: 'public',
    // Not decided: no letter yet.
    own: (f) => ({ url: `/api/public/complaints/${f.complaint.trackingCode}/decision` }),
    ok: 404,
    foreign: { none: 'public; only once delivered to the complainant' },
  },
  'GET /api/complaints': {
    need: 'complaints.handle',
    own: () => ({ url: '/api/complaints' }),
    ok: 200,
    foreign: { absent: (o) => [o.complaint.text] },
  },
  'POST /api/complaints': {
    need: 'complaints.handle',
    own: () => ({ url: '/api/complaints', body: { channel: 'phone' } }),
    ok: 422,
    foreign: { none: sessionUnit },
  },
  'GET /api/complaints/breaches': {
    need: 'complaints.handle',
    own: () => ({ url: '/api/complaints/breaches' }),
    ok: 200,
    foreign: { none: sessionUnit },
  },
  'GET /api/complaints/:id': {
    need: 'complaints.handle',
    own: (f) => ({ url: `/api/complaints/${f.complaint.id}` }),
    ok: 200,
    foreign: { target: (o) => ({ url: `/api/complaints/${o.complaint.id}` }) },
  },
  'POST /api/complaints/:id/actions': {
    need: 'complaints.handle',
    own: (f) => ({ url: `/api/complaints/${f.complaint.id}/actions`, body: { action: 'tidak-ada' } }),
    ok: 422,
    foreign: {
      target: (o) => ({ url: `/api/complaints/${o.complaint.id}/actions`, body: { action: 'complete' } }),
    },
  },
  'GET /api/complaints/:id/decision': {
    need: 'complaints.handle',
    // Not decided: no letter yet.
    own: (f) => ({ url: `/api/complaints/${f.complaint.id}/decision` }),
    ok: 404,
    foreign: { target: (o) => ({ url: `/api/complaints/${o.complaint.id}/decision` }) },
  },
  'GET /api/complaints/:id/lapor': {
    need: 'complaints.handle',
    // Not from LAPOR!: no report, no follow-up.
    own: (f) => ({ url: `/api/complaints/${f.complaint.id}/lapor` }),
    ok: 200,
    foreign: { target: (o) => ({ url: `/api/complaints/${o.complaint.id}/lapor` }) },
  },
  'POST /api/complaints/:id/lapor/follow-ups': {
    need: 'complaints.handle',
    // Too short a follow-up: refused by the schema once the guard passed.
    own: (f) => ({ url: `/api/complaints/${f.complaint.id}/lapor/follow-ups`, body: { text: 'x' } }),
    ok: 422,
    foreign: {
      target: (o) => ({
        url: `/api/complaints/${o.complaint.id}/lapor/follow-ups`,
        body: { text: 'Tindak lanjut uji matriks otorisasi.' },
      }),
    },
  },
  'GET /api/complaints/lapor/mapping': {
    need: 'complaints.handle',
    own: () => ({ url: '/api/complaints/lapor/mapping' }),
    ok: 200,
    foreign: { none: sessionUnit },
  },
  'PUT /api/complaints/lapor/mapping': {
    need: 'complaints.handle',
    own: () => ({ url: '/api/complaints/lapor/mapping', body: { mapping: { columns: { x: 'tidak-ada' } } } }),
    ok: 422,
    foreign: { none: sessionUnit },
  },
  'POST /api/complaints/lapor/imports/preview': {
    need: 'complaints.handle',
    // A preview writes nothing; this file has none of the columns it needs.
    own: () => ({
      url: '/api/complaints/lapor/imports/preview',
      upload: { bytes: Buffer.from('a;b\n1;2\n'), fileName: 'lapor.csv' },
    }),
    ok: 200,
    foreign: { none: 'imports into the session’s unit' },
  },
  'POST /api/complaints/lapor/imports': {
    need: 'complaints.handle',
    own: () => ({
      url: '/api/complaints/lapor/imports',
      upload: { bytes: Buffer.from('a;b\n1;2\n'), fileName: 'lapor.csv' },
    }),
    ok: 422,
    foreign: { none: 'imports into the session’s unit' },
  },
  'GET /api/complaints/lapor/follow-ups': {
    need: 'complaints.handle',
    own: () => ({ url: '/api/complaints/lapor/follow-ups' }),
    ok: 200,
    foreign: { none: sessionUnit },
  },
  'GET /api/complaints/lapor/follow-ups.:format': {
    need: 'complaints.handle',
    own: () => ({ url: '/api/complaints/lapor/follow-ups.csv' }),
    ok: 200,
    foreign: { none: sessionUnit },
  },
  'GET /api/complaints/stats': {
    need: 'complaints.handle',
    own: () => ({ url: '/api/complaints/stats' }),
    ok: 200,
    foreign: { none: sessionUnit },
  },
  'GET /api/complaints/stats.xlsx': {
    need: 'complaints.handle',
    own: () => ({ url: '/api/complaints/stats.xlsx' }),
    ok: 200,
    foreign: { none: sessionUnit },
  },
  'GET /api/complaints/stats.pdf': {
    need: 'complaints.handle',
    own: () => ({ url: '/api/complaints/stats.pdf' }),
    ok: 200,
    foreign: { none: sessionUnit },
  },

  // Open311 GeoReport v2: public reads (no session); a write takes the unit's API key, which
  // files into its own jurisdiction only. An administrator issues and revokes the keys.
  'GET /open311/discovery.:format': {
    need: 'public',
    own: () => ({ url: '/open311/discovery.json' }),
    ok: 200,
    foreign: { none: 'no unit data' },
  },
  'GET /open311/v2/services.:format': {
    need: 'public',
    own: (f) => ({ url: `/open311/v2/services.json?jurisdiction_id=${f.code}` }),
    ok: 200,
    foreign: { none: 'public; a unit’s published standards' },
  },
  'GET /open311/v2/services/:service_code.:format': {
    need: 'public',
    own: (f) => ({ url: `/open311/v2/services/${f.standardId}.xml?jurisdiction_id=${f.code}` }),
    ok: 200,
    foreign: {
      target: (o) => ({ url: `/open311/v2/services/${o.standardId}.json?jurisdiction_id=${otherCode(o)}` }),
    },
  },
  'POST /open311/v2/requests.:format': {
    need: 'public',
    // The unit's key with no description: past the key, refused before anything is written.
    own: (f) => ({
      url: '/open311/v2/requests.json',
      body: { api_key: f.open311.key, jurisdiction_id: f.code, service_code: f.standardId },
    }),
    ok: 400,
    foreign: {
      // A valid complaint with the unit's key, into the other unit's jurisdiction.
      target: (o) => ({
        url: '/open311/v2/requests.json',
        body: {
          api_key: o.open311.key,
          jurisdiction_id: otherCode(o),
          service_code: o.code === 'sragen' ? 'sembako' : 'kehabisan-bekal',
          description: 'Uji matriks otorisasi Open311.',
        },
      }),
    },
  },
  'GET /open311/v2/requests.:format': {
    need: 'public',
    own: (f) => ({ url: `/open311/v2/requests.json?jurisdiction_id=${f.code}` }),
    ok: 200,
    // Any unit's list is public, but never the text of a complaint from another channel.
    foreign: { absent: (o) => [o.complaint.text] },
  },
  'GET /open311/v2/requests/:id.:format': {
    need: 'public',
    own: (f) => ({ url: `/open311/v2/requests/${f.complaint.id}.xml?jurisdiction_id=${f.code}` }),
    ok: 200,
    foreign: {
      target: (o) => ({ url: `/open311/v2/requests/${o.complaint.id}.json?jurisdiction_id=${otherCode(o)}` }),
    },
  },
  'GET /open311/v2/tokens/:token.:format': {
    need: 'public',
    own: (f) => ({ url: `/open311/v2/tokens/${f.complaint.trackingCode}.json?jurisdiction_id=${f.code}` }),
    ok: 200,
    foreign: {
      target: (o) => ({
        url: `/open311/v2/tokens/${o.complaint.trackingCode}.json?jurisdiction_id=${otherCode(o)}`,
      }),
    },
  },
  'GET /api/open311/clients': {
    need: 'units.manage',
    own: () => ({ url: '/api/open311/clients' }),
    ok: 200,
    foreign: { absent: (o) => [o.open311.clientName] },
  },
  'POST /api/open311/clients': {
    need: 'units.manage',
    own: () => ({ url: '/api/open311/clients', body: { name: '' } }),
    ok: 422,
    foreign: { none: sessionUnit },
  },
  'POST /api/open311/clients/:id/revoke': {
    need: 'units.manage',
    // The unit's key that is already revoked: 409, and nothing changes.
    own: (f) => ({ url: `/api/open311/clients/${f.open311.revokedId}/revoke`, body: {} }),
    ok: 409,
    foreign: { target: (o) => ({ url: `/api/open311/clients/${o.open311.clientId}/revoke`, body: {} }) },
  },

  'GET /api/survey/report': {
    need: 'reports.read',
    own: () => ({ url: `/api/survey/report?year=${year}` }),
    ok: 200,
    foreign: { none: sessionUnit },
  },
  'GET /api/survey/report.:format': {
    need: 'reports.read',
    own: () => ({ url: `/api/survey/report.xlsx?year=${year}` }),
    ok: 200,
    foreign: { none: sessionUnit },
  },
  'POST /api/survey/periods/close': {
    need: 'survey.manage',
    // A year before any survey: refused by the schema once the head may close.
    own: () => ({ url: '/api/survey/periods/close', body: { year: 1999, semester: null } }),
    ok: 422,
    foreign: { none: sessionUnit },
  },
  'POST /api/survey/follow-ups': {
    need: 'survey.manage',
    own: () => ({ url: '/api/survey/follow-ups', body: { year, semester: null, unsur: 'U10' } }),
    ok: 422,
    foreign: { none: sessionUnit },
  },
  'PUT /api/survey/follow-ups/:id': {
    need: 'survey.manage',
    own: () => ({ url: '/api/survey/follow-ups/1', body: { status: 'lupa' } }),
    ok: 422,
    foreign: { none: "a follow-up is found only among the session unit's periods" },
  },
  'POST /api/survey/imports': {
    need: 'survey.manage',
    own: () => ({
      url: `/api/survey/imports?standardId=0&year=${year}`,
      upload: { bytes: Buffer.from('U1,U2\n4,4\n'), fileName: 'skm.csv' },
    }),
    ok: 422,
    foreign: { none: sessionUnit },
  },
  'GET /api/survey/questions': {
    need: 'reports.read',
    own: () => ({ url: '/api/survey/questions' }),
    ok: 200,
    foreign: { absent: (o) => [o.question.text] },
  },
  'POST /api/survey/questions': {
    need: 'survey.manage',
    own: () => ({ url: '/api/survey/questions', body: { text: { id: 'x' }, kind: 'scale' } }),
    ok: 422,
    foreign: { none: sessionUnit },
  },
  'PUT /api/survey/questions/order': {
    need: 'survey.manage',
    own: () => ({ url: '/api/survey/questions/order', body: { ids: [0] } }),
    ok: 422,
    foreign: { none: sessionUnit },
  },
  'PUT /api/survey/questions/:id': {
    need: 'survey.manage',
    own: (f) => ({ url: `/api/survey/questions/${f.question.id}`, body: { kind: 'bintang' } }),
    ok: 422,
    foreign: {
      target: (o) => ({
        url: `/api/survey/questions/${o.question.id}`,
        body: { text: { id: 'Pertanyaan matriks yang diubah' }, kind: 'scale' },
      }),
    },
  },
  'POST /api/survey/questions/:id/retire': {
    need: 'survey.manage',
    // A word where the id goes names no question: past the guard, it is not found.
    own: () => ({ url: '/api/survey/questions/bukan-angka/retire' }),
    ok: 404,
    foreign: { target: (o) => ({ url: `/api/survey/questions/${o.question.id}/retire` }) },
  },
  'GET /api/relief/tariffs': {
    need: 'cases.read',
    own: () => ({ url: '/api/relief/tariffs' }),
    ok: 200,
    foreign: { none: sessionUnit },
  },
  'PUT /api/relief/tariffs/:distanceClass': {
    need: 'calendar.manage',
    own: () => ({ url: '/api/relief/tariffs/antar_pulau', body: { amount: -1 } }),
    ok: 422,
    foreign: { none: sessionUnit },
  },
  'GET /api/relief/claims/:nik': {
    need: 'cases.act',
    own: () => ({ url: '/api/relief/claims/3314011708900009' }),
    ok: 200,
    foreign: { none: 'searches every office by design (repeat claims, DOMAIN.md §7)' },
  },
  'GET /api/relief/payouts': {
    need: 'cases.read',
    own: () => ({ url: '/api/relief/payouts' }),
    ok: 200,
    foreign: { absent: (o) => [o.payout.name] },
  },
  'GET /api/relief/payouts/:id/kwitansi': {
    need: 'cases.read',
    own: (f) => ({ url: `/api/relief/payouts/${f.payout.id}/kwitansi` }),
    ok: 200,
    foreign: { target: (o) => ({ url: `/api/relief/payouts/${o.payout.id}/kwitansi` }) },
  },

  'GET /api/stock/items': {
    need: 'stock.read',
    own: () => ({ url: '/api/stock/items' }),
    ok: 200,
    foreign: { absent: (o) => [o.stock.itemName] },
  },
  'POST /api/stock/items': {
    need: 'stock.manage',
    own: () => ({ url: '/api/stock/items', body: { name: '' } }),
    ok: 422,
    foreign: { none: sessionUnit },
  },
  'GET /api/stock/warehouses': {
    need: 'stock.read',
    own: () => ({ url: '/api/stock/warehouses' }),
    ok: 200,
    foreign: { absent: (o) => [o.stock.warehouseName] },
  },
  'GET /api/stock/position': {
    need: 'stock.read',
    own: (f) => ({ url: `/api/stock/position?warehouseId=${f.stock.warehouseId}` }),
    ok: 200,
    foreign: { target: (o) => ({ url: `/api/stock/position?warehouseId=${o.stock.warehouseId}` }) },
  },
  'GET /api/stock/position.xlsx': {
    need: 'stock.read',
    own: (f) => ({ url: `/api/stock/position.xlsx?warehouseId=${f.stock.warehouseId}` }),
    ok: 200,
    foreign: { target: (o) => ({ url: `/api/stock/position.xlsx?warehouseId=${o.stock.warehouseId}` }) },
  },
  'GET /api/stock/card': {
    need: 'stock.read',
    own: (f) => ({ url: `/api/stock/card?warehouseId=${f.stock.warehouseId}&itemId=${f.stock.itemId}` }),
    ok: 200,
    foreign: {
      target: (o) => ({ url: `/api/stock/card?warehouseId=${o.stock.warehouseId}&itemId=${o.stock.itemId}` }),
    },
  },
  'GET /api/stock/card.xlsx': {
    need: 'stock.read',
    own: (f) => ({ url: `/api/stock/card.xlsx?warehouseId=${f.stock.warehouseId}&itemId=${f.stock.itemId}` }),
    ok: 200,
    foreign: {
      target: (o) => ({
        url: `/api/stock/card.xlsx?warehouseId=${o.stock.warehouseId}&itemId=${o.stock.itemId}`,
      }),
    },
  },
  'GET /api/stock/expiring': {
    need: 'stock.read',
    own: () => ({ url: '/api/stock/expiring' }),
    ok: 200,
    foreign: { absent: (o) => [o.stock.itemName] },
  },
  'GET /api/stock/batches': {
    need: 'stock.read',
    own: (f) => ({ url: `/api/stock/batches?warehouseId=${f.stock.warehouseId}` }),
    ok: 200,
    foreign: { target: (o) => ({ url: `/api/stock/batches?warehouseId=${o.stock.warehouseId}` }) },
  },
  'POST /api/stock/receipts': {
    need: 'stock.manage',
    own: (f) => ({ url: '/api/stock/receipts', body: { warehouseId: f.stock.warehouseId, lines: [] } }),
    ok: 422,
    foreign: {
      target: (o) => ({
        url: '/api/stock/receipts',
        body: {
          warehouseId: o.stock.warehouseId,
          source: 'donation',
          supplier: 'Donatur Matriks',
          documentRef: 'MATRIKS/1',
          receivedOn: '2026-01-02',
          lines: [{ itemId: o.stock.itemId, quantity: 1 }],
        },
      }),
    },
  },
  'POST /api/stock/counts': {
    need: 'stock.manage',
    own: (f) => ({ url: '/api/stock/counts', body: { warehouseId: f.stock.warehouseId, lines: [] } }),
    ok: 422,
    foreign: { none: 'a count names batches of the session’s unit only; another unit’s are not found' },
  },
  'POST /api/stock/expired/write-off': {
    need: 'stock.manage',
    own: () => ({ url: '/api/stock/expired/write-off', body: { reason: '' } }),
    ok: 422,
    foreign: { none: sessionUnit },
  },
  'GET /api/emergencies': {
    need: 'cases.read',
    own: () => ({ url: '/api/emergencies' }),
    ok: 200,
    foreign: { absent: (o) => [o.emergency.disaster] },
  },
  'GET /api/cases/:id/dispositions': {
    need: 'cases.read',
    own: (f) => ({ url: `/api/cases/${f.openCase.id}/dispositions` }),
    ok: 200,
    foreign: { target: (o) => ({ url: `/api/cases/${o.openCase.id}/dispositions` }) },
  },
  'GET /api/cases/:id/dispositions/:dispositionId/pdf': {
    need: 'cases.read',
    // The fixture's case has no disposition: 404 once the caller may read the case.
    own: (f) => ({ url: `/api/cases/${f.openCase.id}/dispositions/999999/pdf` }),
    ok: 404,
    foreign: { target: (o) => ({ url: `/api/cases/${o.openCase.id}/dispositions/999999/pdf` }) },
  },
  'GET /api/emergencies/:id': {
    need: 'cases.read',
    own: (f) => ({ url: `/api/emergencies/${f.emergency.id}` }),
    ok: 200,
    foreign: { target: (o) => ({ url: `/api/emergencies/${o.emergency.id}` }) },
  },
  'POST /api/emergencies': {
    need: 'emergencies.manage',
    own: () => ({ url: '/api/emergencies', body: {} }),
    ok: 422,
    foreign: { none: 'declared in the session’s unit' },
  },
  'POST /api/emergencies/:id/extensions': {
    need: 'emergencies.manage',
    own: (f) => ({ url: `/api/emergencies/${f.emergency.id}/extensions`, body: {} }),
    ok: 422,
    foreign: {
      target: (o) => ({ url: `/api/emergencies/${o.emergency.id}/extensions`, body: matrixDecree }),
    },
  },
  'POST /api/emergencies/:id/end': {
    need: 'emergencies.manage',
    own: (f) => ({ url: `/api/emergencies/${f.emergency.id}/end`, body: {} }),
    ok: 422,
    foreign: {
      target: (o) => ({
        url: `/api/emergencies/${o.emergency.id}/end`,
        body: { number: 'MATRIKS/1', decreedOn: `${year}-01-01`, declaredBy: 'bupati' },
      }),
    },
  },
  // A regency's relief requests to the province: Sragen has no office above it on Jaring (422),
  // and none of its cases (nor Tarakan's) was submitted by the caller's office (404).
  'GET /api/logistics/requests/form': {
    need: 'requests.submit',
    own: () => ({ url: '/api/logistics/requests/form' }),
    ok: 422,
    foreign: { none: 'the office above the session’s unit; no unit can be named' },
  },
  'POST /api/logistics/requests': {
    need: 'requests.submit',
    own: () => ({ url: '/api/logistics/requests', body: {} }),
    ok: 422,
    foreign: { none: 'submitted to the office above the session’s unit; no unit can be named' },
  },
  'GET /api/submissions': {
    need: 'requests.submit',
    own: () => ({ url: '/api/submissions' }),
    ok: 200,
    foreign: { absent: (o) => [o.openCase.applicant, o.openCase.trackingCode] },
  },
  'GET /api/submissions/:id': {
    need: 'requests.submit',
    own: (f) => ({ url: `/api/submissions/${f.openCase.id}` }),
    ok: 404,
    foreign: { target: (o) => ({ url: `/api/submissions/${o.openCase.id}` }) },
  },
  'POST /api/submissions/:id/documents/:requirementId': {
    need: 'requests.submit',
    own: (f) => ({ url: `/api/submissions/${f.openCase.id}/documents/permohonan`, upload: { bytes: pdf } }),
    ok: 404,
    foreign: {
      target: (o) => ({ url: `/api/submissions/${o.openCase.id}/documents/kk-ktp`, upload: { bytes: pdf } }),
    },
  },
  'GET /api/submissions/:id/letters/:letterId/pdf': {
    need: 'requests.submit',
    own: (f) => ({ url: `/api/submissions/${f.letter.caseId}/letters/${f.letter.id}/pdf` }),
    ok: 404,
    foreign: { target: (o) => ({ url: `/api/submissions/${o.letter.caseId}/letters/${o.letter.id}/pdf` }) },
  },
  'GET /api/submissions/:id/letters/:letterId/signed': {
    need: 'requests.submit',
    own: (f) => ({ url: `/api/submissions/${f.letter.caseId}/letters/${f.letter.id}/signed` }),
    ok: 404,
    foreign: {
      target: (o) => ({ url: `/api/submissions/${o.letter.caseId}/letters/${o.letter.id}/signed` }),
    },
  },

  'GET /api/logistics/distributions': {
    need: 'stock.read',
    own: (f) => ({ url: `/api/logistics/distributions?emergencyId=${f.emergency.id}` }),
    ok: 200,
    foreign: { target: (o) => ({ url: `/api/logistics/distributions?emergencyId=${o.emergency.id}` }) },
  },
  'GET /api/logistics/distributions.xlsx': {
    need: 'stock.read',
    own: (f) => ({ url: `/api/logistics/distributions.xlsx?emergencyId=${f.emergency.id}` }),
    ok: 200,
    foreign: { target: (o) => ({ url: `/api/logistics/distributions.xlsx?emergencyId=${o.emergency.id}` }) },
  },
  'GET /api/logistics/requests': {
    need: 'stock.read',
    own: (f) => ({ url: `/api/logistics/requests?status=all&emergencyId=${f.emergency.id}` }),
    ok: 200,
    foreign: { target: (o) => ({ url: `/api/logistics/requests?status=all&emergencyId=${o.emergency.id}` }) },
  },
  'GET /api/logistics/requests.xlsx': {
    need: 'stock.read',
    own: (f) => ({ url: `/api/logistics/requests.xlsx?emergencyId=${f.emergency.id}` }),
    ok: 200,
    foreign: { target: (o) => ({ url: `/api/logistics/requests.xlsx?emergencyId=${o.emergency.id}` }) },
  },

  'GET /api/registry/summary': {
    need: 'registry.read',
    own: () => ({ url: '/api/registry/summary' }),
    ok: 200,
    foreign: { absent: (o) => [o.unitName] },
  },
  'GET /api/registry/people': {
    need: 'registry.read',
    own: () => ({ url: '/api/registry/people' }),
    ok: 200,
    foreign: { absent: (o) => [o.person.name] },
  },
  'GET /api/registry/families/:id': {
    need: 'registry.read',
    own: (f) => ({ url: `/api/registry/families/${f.family}` }),
    ok: 200,
    foreign: { target: (o) => ({ url: `/api/registry/families/${o.family}` }) },
  },
  'POST /api/registry/reveal': {
    need: 'registry.reveal',
    own: (f) => ({ url: '/api/registry/reveal', body: { kind: 'nik', id: f.person.id, reason: 'x' } }),
    ok: 422,
    foreign: {
      target: (o) => ({
        url: '/api/registry/reveal',
        body: { kind: 'nik', id: o.person.id, reason: 'uji matriks otorisasi' },
      }),
    },
  },
  'POST /api/registry/exports': {
    need: 'registry.export',
    own: () => ({ url: '/api/registry/exports', body: { reason: 'x' } }),
    ok: 422,
    foreign: {
      target: (o) => ({
        url: '/api/registry/exports',
        body: { village: o.villageCode, reason: 'uji matriks otorisasi' },
      }),
    },
  },
  'GET /api/registry/exports/:token': {
    need: 'registry.export',
    // A token nobody was given: 404 once the guard let the caller through.
    own: () => ({ url: `/api/registry/exports/${'x'.repeat(32)}` }),
    ok: 404,
    foreign: { target: (o) => ({ url: `/api/registry/exports/${o.exportToken}` }) },
  },
  'GET /api/registry/template.:format': {
    need: 'registry.read',
    own: () => ({ url: '/api/registry/template.csv' }),
    ok: 200,
    foreign: { none: 'no unit data' },
  },
  'POST /api/registry/imports': {
    need: 'registry.import',
    own: () => ({ url: '/api/registry/imports?onError=semua', body: {} }),
    ok: 422,
    foreign: { none: 'imports into the session’s unit' },
  },
  'GET /api/registry/imports': {
    need: 'registry.read',
    own: () => ({ url: '/api/registry/imports' }),
    ok: 200,
    foreign: { absent: (o) => [o.importRow.fileName] },
  },
  'GET /api/registry/imports/:id': {
    need: 'registry.import',
    own: (f) => ({ url: `/api/registry/imports/${f.importRow.id}` }),
    ok: 200,
    foreign: { target: (o) => ({ url: `/api/registry/imports/${o.importRow.id}` }) },
  },
  'GET /api/registry/imports/:id/live': {
    need: 'public',
    // The key the uploader was given stands in for the session; a wrong one sees nothing.
    own: (f) => ({ url: `/api/registry/imports/${f.importRow.id}/live?key=${'0'.repeat(32)}` }),
    ok: 204,
    foreign: { none: 'the upload’s key stands in for the session; counts only' },
  },
  'GET /api/registry/imports/:id/errors': {
    need: 'registry.import',
    // The import has no problem file: 404 once the caller may see the import.
    own: (f) => ({ url: `/api/registry/imports/${f.importRow.id}/errors` }),
    ok: 404,
    foreign: { target: (o) => ({ url: `/api/registry/imports/${o.importRow.id}/errors` }) },
  },
};

/** The jurisdiction of the other fixture's unit. */
const otherCode = (f: Fixture) => (f.code === 'sragen' ? 'tarakan' : 'sragen');

const sragenUsers = demoUsers.filter((u) => u.unit === 'sragen');
const otherUnitUsers = demoUsers.filter((u) => u.unit !== 'sragen');

/** Who holds a need, from the permissions and the Sragen fixture's workflow (Kehabisan Bekal). */
function holder(workflow: { steps: Array<{ role: StaffRole; actions: Array<{ letter?: unknown }> }> }) {
  const writes = (r: StaffRole) => caseWritePermissions.some((p) => rolesWith(p).includes(r));
  const caseRoles: Record<'case.workflow' | 'case.step' | 'case.signer', StaffRole[]> = {
    'case.workflow': workflow.steps.map((s) => s.role),
    // The open case stands at the first step.
    'case.step': workflow.steps.slice(0, 1).map((s) => s.role),
    'case.signer': workflow.steps.filter((s) => s.actions.some((a) => a.letter)).map((s) => s.role),
  };
  return (need: Need, roles: readonly StaffRole[]) => {
    if (need === 'public' || need === 'session') return true;
    if (need === 'case.reveal')
      return (
        roles.some((r) => rolesWith('cases.read').includes(r)) &&
        roles.some(
          (r) =>
            rolesWith('registry.reveal').includes(r) || (writes(r) && caseRoles['case.workflow'].includes(r)),
        )
      );
    if (need === 'case.workflow' || need === 'case.step' || need === 'case.signer')
      return roles.some((r) => writes(r) && caseRoles[need].includes(r));
    return roles.some((r) => rolesWith(need).includes(r));
  };
}

describe('authorization matrix: every route × every demo role × own and foreign unit', () => {
  let t: TestApp;
  let routes: string[] = [];
  const agents = new Map<string, Agent>();
  let anonymous: Agent;
  let own: Fixture;
  let foreign: Fixture;
  let holds: ReturnType<typeof holder>;
  let sent = 0;

  const send = async (agent: Agent, method: string, req: Req) => {
    sent++;
    if (req.upload) return agent.upload(req.url, req.upload.bytes, req.upload.fileName, req.upload.fields);
    return agent.request(method as 'GET', req.url, method === 'GET' ? undefined : req.body);
  };
  const rows = async <T>(query: ReturnType<typeof sql>) => dbRows<T>(t.database.db, query);
  /** What a write would change: the audit head and the rows of what routes write. */
  const fingerprint = async () =>
    JSON.stringify(
      await rows(sql`SELECT
        (SELECT coalesce(max(seq), 0) FROM audit_log) AS audit,
        (SELECT count(*) FROM cases) AS cases,
        (SELECT coalesce(sum(version), 0) FROM cases) AS versions,
        (SELECT count(*) FROM case_documents) AS documents,
        (SELECT count(*) FROM case_documents WHERE replaced_by IS NOT NULL OR removed_at IS NOT NULL) AS changed,
        (SELECT count(*) FROM letters) AS letters,
        (SELECT string_agg(coalesce(signed_sha256, '-'), ',' ORDER BY id) FROM letters) AS signed,
        (SELECT count(*) FROM letter_signed_scans) AS scans,
        (SELECT count(*) FROM standard_revisions) AS revisions,
        (SELECT count(*) FROM relief_payouts) AS payouts,
        (SELECT count(*) FROM emergency_decrees) AS decrees,
        (SELECT string_agg(ends_on::text || coalesce(ended_at::text, '-'), ',' ORDER BY id) FROM emergencies) AS emergencies,
        (SELECT count(*) FROM registry_imports) AS imports,
        (SELECT count(*) FROM closed_days) AS closed_days,
        (SELECT count(*) FROM complaints) AS complaints,
        (SELECT md5(string_agg(concat_ws('|', id, unit_id, status, assigned_user_id), ',' ORDER BY id)) FROM complaints) AS complaint_states,
        (SELECT count(*) FROM complaint_events) AS complaint_events,
        (SELECT count(*) FROM complaint_transfers) AS complaint_transfers,
        (SELECT count(*) FROM complaint_files) AS complaint_files,
        (SELECT md5(string_agg(concat_ws('|', id, revoked_at, last_used_at), ',' ORDER BY id)) FROM open311_clients) AS open311_clients,
        (SELECT count(*) FROM open311_requests) AS open311_requests,
        (SELECT count(*) FROM lapor_follow_ups) AS lapor_follow_ups,
        (SELECT md5(coalesce(string_agg(concat_ws('|', id, text_id, kind, position, retired_at), ',' ORDER BY id), '')) FROM survey_questions) AS survey_questions,
        (SELECT md5(string_agg(concat_ws('|', id, name, nip, rank, position, acting, division_id), ',' ORDER BY id)) FROM users) AS users`),
    );

  beforeAll(async () => {
    t = await createTestApp();
    routes = t.app.routeList.map((r) => `${r.method} ${r.url}`);
    let ip = 1;
    // One sign-in per user, each from its own address (the sign-in limits count per address).
    for (const u of demoUsers) agents.set(u.username, await signedIn(t.app, u.username, `10.77.0.${ip++}`));
    anonymous = new Agent(t.app, '10.77.1.1');
    const agent = (name: string) => agents.get(name) as Agent;
    const userId = async (username: string) =>
      (await rows<{ id: number }>(sql`SELECT id FROM users WHERE username = ${username}`))[0]?.id;
    const unit = async (code: string) =>
      (await rows<{ id: number; name: string }>(sql`SELECT id, name FROM units WHERE code = ${code}`))[0] as {
        id: number;
        name: string;
      };
    const sragen = await unit('sragen');
    const tarakan = await unit('tarakan');

    const sragenYaml = await readFile('standards/sragen/kehabisan-bekal.yaml', 'utf8');
    const workflow = parseStandardYaml(sragenYaml, 'kehabisan-bekal.yaml').workflow;
    if (!workflow) throw new Error('Kehabisan Bekal has no workflow');
    holds = holder(workflow);

    // Sragen, through the API: an open Kehabisan Bekal case, and a paid (closed) one with its
    // letter and payout.
    const fo = agent('sragen.fo');
    const opened = await fo.post('/api/cases', {
      standardId: 'kehabisan-bekal',
      applicant: { name: 'Matriks Sragen Terbuka' },
    });
    const paidCase = (
      await fo.post('/api/cases', {
        standardId: 'kehabisan-bekal',
        applicant: { name: 'Matriks Sragen Dibayar' },
      })
    ).json().id as number;
    await fo.upload(`/api/cases/${paidCase}/documents/surat-keterangan-kepolisian`, pdf);
    await fo.post(`/api/cases/${paidCase}/actions`, { action: 'teruskan', version: 1 });
    const paid = await agent('sragen.fungsional').post(`/api/cases/${paidCase}/actions`, {
      action: 'bayar',
      version: 2,
      data: { originCode: '33.14', destinationCode: '51.71' },
    });
    expect(paid.statusCode, paid.body).toBe(200);
    const sragenLetter = paid.json().letters[0] as { id: number; verificationCode: string };
    const sragenDocument = (
      await rows<{ id: number }>(sql`SELECT id FROM case_documents WHERE case_id = ${paidCase}`)
    )[0];
    const sragenPayout = (
      await rows<{ id: number }>(sql`SELECT id FROM relief_payouts WHERE case_id = ${paidCase}`)
    )[0];

    // Tarakan: an open Sembako case through the API; its letter and a payout as rows (only
    // ever asked for by other units, who must not reach them).
    const tarakanCase = await agent('tarakan.fo').post('/api/cases', {
      standardId: 'sembako',
      product: 'meninggal',
      applicant: { name: 'Matriks Tarakan Terbuka' },
    });
    const tarakanCaseId = tarakanCase.json().id as number;
    const [tarakanLetter] = await rows<{ id: number }>(sql`
      INSERT INTO letters (unit_id, case_id, product, title, year, seq, number, issued_at, signer, verification_code, pdf_sha256)
      VALUES (${tarakan.id}, ${tarakanCaseId}, 'meninggal', 'Surat Keterangan Meninggal', ${year}, 9001,
        'MATRIKS/9001', now(), '{"name":"Arbain","position":"Kepala Dinas"}', 'matriksTarakan01', ${'0'.repeat(64)})
      RETURNING id`);
    const [tarakanDocument] = await rows<{ id: number }>(sql`
      INSERT INTO case_documents (case_id, requirement_id, file_name, mime_type, size, sha256)
      VALUES (${tarakanCaseId}, 'kk-ktp', 'matriks.pdf', 'application/pdf', 1, ${'0'.repeat(64)})
      RETURNING id`);
    const [tarakanPayout] = await rows<{ id: number }>(sql`
      INSERT INTO relief_payouts (unit_id, case_id, name, origin_code, destination_code, leg_to_code, distance_class, amount, paid_at, receipt_sha256)
      VALUES (${tarakan.id}, ${tarakanCaseId}, 'Penerima Matriks Tarakan', '65.71', '33.14', '33.14', 'antar_pulau', 1, now(), ${'0'.repeat(64)})
      RETURNING id`);

    // The register: a family and a person in each unit (Sragen's in the village operator's
    // village), an import record each, and an export link each.
    const register = async (villageCode: string, kk: string, nik: string, name: string) => {
      const [family] = await rows<{ id: number }>(
        sql`INSERT INTO registry_families (kk, village_code) VALUES (${kk}, ${villageCode}) RETURNING id`,
      );
      const [person] = await rows<{ id: number }>(sql`
        INSERT INTO registry_people (nik, family_id, village_code, name, birth_date, sex, relationship)
        VALUES (${nik}, ${family?.id}, ${villageCode}, ${name}, '1990-01-01', 'L', 'kepala_keluarga') RETURNING id`);
      return { family: family?.id ?? 0, person: { id: person?.id ?? 0, name } };
    };
    const desaVillage = demoUsers.find((u) => u.username === 'sragen.desa')?.villageCode ?? '';
    const tarakanDistrict = childrenOf('65.71')[0]?.code ?? '';
    const tarakanVillage = childrenOf(tarakanDistrict)[0]?.code ?? '';
    const importRow = async (unitId: number, username: string, fileName: string) =>
      (
        await rows<{ id: number }>(sql`
        INSERT INTO registry_imports (unit_id, user_id, file_name, format, on_error, on_existing, status, phase, finished_at)
        VALUES (${unitId}, ${await userId(username)}, ${fileName}, 'csv', 'reject_all', 'skip', 'done', 'selesai', now())
        RETURNING id`)
      )[0]?.id ?? 0;
    const emergency = async (unitId: number, disaster: string) => {
      const [e] = await rows<{ id: number }>(sql`
        INSERT INTO emergencies (unit_id, disaster, starts_on, ends_on, created_at)
        VALUES (${unitId}, ${disaster}, ${`${year}-01-01`}, ${`${year}-12-31`}, now()) RETURNING id`);
      return { id: e?.id ?? 0, disaster };
    };
    const exportToken = async (username: string) => {
      const res = await agent(username).post('/api/registry/exports', { reason: 'uji matriks otorisasi' });
      return String(res.json().url).split('/').pop() ?? '';
    };

    const complaint = async (unitId: number, code: string, text: string) => {
      const [row] = await rows<{ id: number }>(sql`
        INSERT INTO complaints (unit_id, agenda_number, tracking_code, class, channel, text, received_at)
        VALUES (${unitId}, ${`065/${code}`}, ${code}, 'pengaduan', 'phone', ${text}, now()) RETURNING id`);
      return { id: row?.id ?? 0, trackingCode: code, text };
    };
    const question = async (unitId: number, text: string) => {
      const [row] = await rows<{ id: number }>(sql`
        INSERT INTO survey_questions (unit_id, position, kind, text_id) VALUES (${unitId}, 1, 'scale', ${text}) RETURNING id`);
      return { id: row?.id ?? 0, text };
    };
    const stockOf = async (unitId: number, warehouseName: string, itemName: string) => {
      const [w] = await rows<{ id: number }>(sql`
        INSERT INTO stock_warehouses (unit_id, code, name) VALUES (${unitId}, 'matriks', ${warehouseName}) RETURNING id`);
      const [i] = await rows<{ id: number }>(sql`
        INSERT INTO stock_items (unit_id, name, uom, category) VALUES (${unitId}, ${itemName}, 'paket', 'food') RETURNING id`);
      return { warehouseId: w?.id ?? 0, warehouseName, itemId: i?.id ?? 0, itemName };
    };

    const open311 = async (unitId: number, code: string, clientName: string) => {
      const key = `j311_matriks_${code}_${'k'.repeat(20)}`;
      const client = async (name: string, revoked: boolean) =>
        (
          await rows<{ id: number }>(sql`
          INSERT INTO open311_clients (unit_id, name, key_hash, key_prefix, created_at, revoked_at)
          VALUES (${unitId}, ${name}, ${revoked ? `revoked-${code}` : createHash('sha256').update(key).digest('hex')},
            'j311_matr', now(), ${revoked ? new Date().toISOString() : null})
          RETURNING id`)
        )[0]?.id ?? 0;
      return {
        key,
        clientName,
        clientId: await client(clientName, false),
        revokedId: await client(`${clientName} (dicabut)`, true),
      };
    };

    own = {
      code: 'sragen',
      unitName: sragen.name,
      standardId: 'kehabisan-bekal',
      yaml: sragenYaml.replace(/revision: ['"]?00['"]?/, "revision: '01'"),
      openCase: {
        id: opened.json().id,
        version: 1,
        trackingCode: opened.json().trackingCode,
        applicant: 'Matriks Sragen Terbuka',
      },
      letter: { caseId: paidCase, ...sragenLetter },
      document: { caseId: paidCase, id: sragenDocument?.id ?? 0 },
      payout: { id: sragenPayout?.id ?? 0, name: 'Matriks Sragen Dibayar' },
      emergency: await emergency(sragen.id, 'Banjir Matriks Sragen'),
      question: await question(sragen.id, 'Pertanyaan matriks Sragen?'),
      ...(await register(desaVillage, '3314010101260001', '3314010101900001', 'Warga Matriks Sragen')),
      villageCode: desaVillage,
      importRow: {
        id: await importRow(sragen.id, 'sragen.desa', 'matriks-sragen.csv'),
        fileName: 'matriks-sragen.csv',
      },
      exportToken: await exportToken('sragen.kabid'),
      staff: { id: (await userId('sragen.fo')) ?? 0, name: 'Rina Marlina' },
      complaint: await complaint(sragen.id, 'MTRKS-SRAGN', 'Matriks pengaduan Sragen'),
      stock: await stockOf(sragen.id, 'Gudang Matriks Sragen', 'Barang Matriks Sragen'),
      open311: await open311(sragen.id, 'sragen', 'Klien Open311 Matriks Sragen'),
    };
    foreign = {
      code: 'tarakan',
      unitName: tarakan.name,
      standardId: 'sembako',
      yaml: (await readFile('standards/tarakan/sembako.yaml', 'utf8')).replace(
        /revision: ['"]?[^'"\n]+['"]?/,
        "revision: '9'",
      ),
      openCase: {
        id: tarakanCaseId,
        version: 1,
        trackingCode: tarakanCase.json().trackingCode,
        applicant: 'Matriks Tarakan Terbuka',
      },
      letter: { caseId: tarakanCaseId, id: tarakanLetter?.id ?? 0, verificationCode: 'matriksTarakan01' },
      document: { caseId: tarakanCaseId, id: tarakanDocument?.id ?? 0 },
      payout: { id: tarakanPayout?.id ?? 0, name: 'Penerima Matriks Tarakan' },
      emergency: await emergency(tarakan.id, 'Banjir Matriks Tarakan'),
      question: await question(tarakan.id, 'Pertanyaan matriks Tarakan?'),
      ...(await register(tarakanVillage, '6571010101260001', '6571010101900001', 'Warga Matriks Tarakan')),
      villageCode: tarakanVillage,
      importRow: {
        id: await importRow(tarakan.id, 'tarakan.fo', 'matriks-tarakan.csv'),
        fileName: 'matriks-tarakan.csv',
      },
      exportToken: await exportToken('tarakan.kabid'),
      staff: { id: (await userId('tarakan.fo')) ?? 0, name: 'Siti Aminah' },
      complaint: await complaint(tarakan.id, 'MTRKS-TRKAN', 'Matriks pengaduan Tarakan'),
      stock: await stockOf(tarakan.id, 'Gudang Matriks Tarakan', 'Barang Matriks Tarakan'),
      open311: await open311(tarakan.id, 'tarakan', 'Klien Open311 Matriks Tarakan'),
    };
    sent = 0;
  });
  afterAll(async () => {
    console.info(
      `authorization matrix: ${Object.keys(matrix).length} routes × ${sragenUsers.length} roles × own/foreign unit ` +
        `(+ ${otherUnitUsers.length} Tarakan/Banten/Lebak/Pandeglang users), ${sent} requests`,
    );
    await t.close();
  });

  it('has a row for every route, and a route for every row', () => {
    expect(routes.length).toBeGreaterThan(40);
    expect(
      routes.filter((r) => !(r in matrix)),
      'routes without a row in the matrix',
    ).toEqual([]);
    expect(
      Object.keys(matrix).filter((r) => !routes.includes(r)),
      'rows whose route is gone',
    ).toEqual([]);
  });

  // The sign-out goes last: it ends each caller's session.
  const order = Object.keys(matrix).sort(
    (a, b) => Number(a === 'POST /api/auth/logout') - Number(b === 'POST /api/auth/logout'),
  );
  for (const key of order) {
    const row = matrix[key] as Row;
    const [method = 'GET'] = key.split(' ');
    it(`${key} (${row.need})`, async () => {
      const caseNeed = row.need.startsWith('case.');
      const anon = await send(anonymous, method, row.own(own));
      const ok = typeof row.ok === 'number' ? [row.ok] : [...row.ok];
      if (row.need === 'public') expect(anon.statusCode, `anonymous: ${anon.body}`).toBeOneOf(ok);
      else {
        expect(anon.statusCode, 'anonymous').toBe(401);
        expect(anon.json().error.code).toBe('auth.unauthenticated');
      }
      for (const u of sragenUsers) {
        const res = await send(agents.get(u.username) as Agent, method, row.own(own));
        if (holds(row.need, u.roles))
          expect(res.statusCode, `${u.username}: ${res.body.slice(0, 300)}`).toBeOneOf(ok);
        else {
          expect(res.statusCode, `${u.username} lacks ${row.need}: ${res.body.slice(0, 300)}`).toBe(403);
          expect(res.json().error.code).toBeOneOf(
            caseNeed ? ['auth.forbidden', 'case.wrong_role', 'case.reveal_forbidden'] : ['auth.forbidden'],
          );
        }
      }
      const f = row.foreign;
      if ('none' in f) return;
      // Sragen's roles at Tarakan's data, then Tarakan's and Banten's users at Sragen's.
      const callers = [
        ...sragenUsers.map((u) => ({ u, other: foreign })),
        ...otherUnitUsers.map((u) => ({ u, other: own })),
      ];
      const before = await fingerprint();
      for (const { u, other } of callers) {
        const agent = agents.get(u.username) as Agent;
        const who = `${u.username} → ${other.code}`;
        if ('target' in f) {
          const res = await send(agent, method, f.target(other));
          expect(res.statusCode, `${who}: ${res.body.slice(0, 300)}`).toBeOneOf([403, 404]);
        } else {
          const res = await send(agent, method, row.own(other));
          if (res.statusCode === 403) continue;
          expect(res.statusCode, `${who}: ${res.body.slice(0, 300)}`).toBe(row.ok);
          for (const marker of f.absent(other))
            expect(res.body, `${who} sees ${marker}`).not.toContain(marker);
        }
      }
      expect(await fingerprint(), 'a foreign request changed the database').toBe(before);
    });
  }
});
