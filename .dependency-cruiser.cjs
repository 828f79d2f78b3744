/**
 * The module rule of DESIGN.md ("Module rule"), checked by `npm run check`: module folders depend
 * on each other bottom to top only. One rule per constraint; a violation names its rule.
 *
 *   1  core/            pure primitives; knows nothing of the project
 *   1½ http/            route plumbing (error mapping, input guard, no-store); knows core only
 *   2  db/              connection, migrations; knows core only
 *   3  audit/ < auth/   auth writes the audit log, so audit sits just below auth
 *   4  calendar/, regions/
 *   5  standards/   6  documents/   7  cases/
 *   8  relief/, registry/, logistics/, programs/* /, complaints/, survey/, notifications/
 *      (another domain module only through its *.service.ts; no cycles)
 *   9  reports/
 *  10  src/*.ts (app.ts, the composition root), cli/, demo/: everything
 */
const domain = 'relief|registry|logistics|programs/[^/]+|complaints|survey|notifications';
const top = '^src/[^/]+[.]ts|^src/(cli|demo)/';

/** Paths of the folders named, under src/. */
const folders = (names) => `^src/(${names})/`;

const rule = (name, comment, from, to) => ({ name, comment, severity: 'error', from, to });

module.exports = {
  forbidden: [
    rule(
      'core-is-pure',
      'core/ (level 1) holds pure primitives and knows nothing of the project (DESIGN.md, Module rule)',
      { path: '^src/core/' },
      { path: '^src/', pathNot: '^src/core/' },
    ),
    rule(
      'http-kit-knows-only-core',
      'http/ is route plumbing that every module may use: it imports core only, never a module',
      { path: '^src/http/' },
      { path: '^src/', pathNot: folders('core|http') },
    ),
    rule(
      'db-knows-only-core',
      'db/ (level 2) is the connection and migrations; it imports no module (drizzle-kit finds tables by glob)',
      { path: '^src/db/' },
      { path: '^src/', pathNot: folders('core|db') },
    ),
    rule(
      'audit-knows-core-db',
      'audit/ (level 3) is written by every module, auth included: it knows only core, http and db',
      { path: '^src/audit/' },
      { path: '^src/', pathNot: folders('core|http|db|audit') },
    ),
    rule(
      'auth-knows-below',
      'auth/ (level 3) knows core, http, db and audit only',
      { path: '^src/auth/' },
      { path: '^src/', pathNot: folders('core|http|db|audit|auth') },
    ),
    rule(
      'calendar-regions-know-below',
      'calendar/ and regions/ (level 4) know levels 1-3 only, and not each other',
      { path: folders('calendar|regions') },
      { path: '^src/', pathNot: [folders('core|http|db|audit|auth'), '^src/$1/'] },
    ),
    rule(
      'standards-know-below',
      'standards/ (level 5) knows levels 1-4; it is handed the list of effects, it imports no case code',
      { path: '^src/standards/' },
      { path: '^src/', pathNot: folders('core|http|db|audit|auth|calendar|regions|standards') },
    ),
    rule(
      'documents-know-below',
      'documents/ (level 6) knows levels 1-5 and nothing of cases: the case engine calls documents',
      { path: '^src/documents/' },
      { path: '^src/', pathNot: folders('core|http|db|audit|auth|calendar|regions|standards|documents') },
    ),
    rule(
      'cases-know-below',
      'cases/ (level 7) knows levels 1-6; domain modules hand it their effects as a list',
      { path: '^src/cases/' },
      {
        path: '^src/',
        pathNot: folders('core|http|db|audit|auth|calendar|regions|standards|documents|cases'),
      },
    ),
    rule(
      'domain-knows-below',
      'a domain module (level 8) knows levels 1-7 and other domain modules, never reports/ or the composition root',
      { path: folders(domain) },
      { path: [folders('reports'), top] },
    ),
    rule(
      'domain-peer-only-through-service',
      'a domain module uses another domain module only through its *.service.ts, never its tables or repository',
      { path: folders(domain) },
      { path: folders(domain), pathNot: ['^src/$1/', '[.]service[.]ts'] },
    ),
    rule(
      'reports-know-below',
      'reports/ (level 9) reads the modules below; only the composition root, cli/ and demo/ know it',
      { path: '^src/reports/' },
      { path: top },
    ),
    {
      name: 'no-folder-cycles',
      comment: 'module folders depend on each other in one direction only (DESIGN.md, Module rule)',
      severity: 'error',
      scope: 'folder',
      from: { path: '^src/' },
      to: { circular: true },
    },
  ],
  options: {
    includeOnly: '^src/',
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
  },
};
