import '../../styles/all.ts';

export { TrackPage } from './track.tsx';
export { TrackFormPage } from './track-form.tsx';
export { VerifyPage } from './verify.tsx';
export { VerifyFormPage } from './verify-form.tsx';
