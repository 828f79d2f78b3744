import '../../styles/all.ts';

export { ComplaintPage } from './complaint.tsx';
export { ComplaintFormPage } from './complaint-form.tsx';
export { ComplaintTrackPage } from './complaint-track.tsx';
export { LaporPage } from './lapor.tsx';
export { ComplaintQueuePage } from './queue.tsx';
