import '../../styles/all.ts';

export { StandardPage } from './standard.tsx';
export { UnitPage } from './unit.tsx';
