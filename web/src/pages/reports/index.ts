import '../../styles/all.ts';

export { CashBookPage } from './cash-book.tsx';
export { EmergenciesPage } from './emergencies.tsx';
export { SlaReportPage } from './sla.tsx';
