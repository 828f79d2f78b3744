import '../../styles/all.ts';

// The statistics page is a chunk of its own: its charts (Recharts) load with it, not with the
// citizen's complaint form and tracking page in the complaints chunk.
export { ComplaintStatsPage } from './stats.tsx';
