import '../../styles/all.ts';

export { KioskSurveyPage } from './kiosk.tsx';
export { SurveyCodePage, SurveyPage } from './respond.tsx';
