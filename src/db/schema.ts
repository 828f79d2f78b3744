/** Every module's tables, for Drizzle and drizzle-kit. */
export * from '../audit/audit.tables.ts';
export * from '../auth/auth.tables.ts';
export * from '../calendar/calendar.tables.ts';
export * from '../cases/cases.tables.ts';
export * from '../documents/letters.tables.ts';
export * from '../registry/registry.tables.ts';
export * from '../relief/relief.tables.ts';
export * from '../standards/standards.tables.ts';
