import '../../styles/all.ts';

export { CasePage } from './case.tsx';
export { CaseListPage } from './case-list.tsx';
export { IntakePage } from './intake.tsx';
export { QueuePage } from './queue.tsx';
