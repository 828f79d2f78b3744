import '../../styles/all.ts';

export { DistributionsPage } from './distributions.tsx';
export { RequestAgesPage } from './requests.tsx';
