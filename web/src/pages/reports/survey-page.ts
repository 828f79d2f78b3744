import '../../styles/all.ts';

// The SKM report is a chunk of its own: its charts (Recharts) load with it, not with the
// other reports.
export { SurveyReportPage } from './survey.tsx';
