import '../../styles/all.ts';

export { AccountPage } from './account.tsx';
export { SessionsPage } from './sessions.tsx';
