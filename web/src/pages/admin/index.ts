import '../../styles/all.ts';

export { AuditPage } from './audit.tsx';
export { CalendarPage } from './calendar.tsx';
export { UsersPage } from './users.tsx';
