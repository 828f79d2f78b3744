import '../../styles/all.ts';

export { AuditPage } from './audit.tsx';
export { CalendarPage } from './calendar.tsx';
export { Open311Page } from './open311.tsx';
export { UsersPage } from './users.tsx';
