import '../../styles/all.ts';

export { StaffHomePage } from './home.tsx';
export { StaffStandardsPage } from './standards.tsx';
