import '../../styles/all.ts';

export { SubmissionPage } from './detail.tsx';
export { SubmissionsPage } from './list.tsx';
export { SubmitReliefPage } from './submit.tsx';
