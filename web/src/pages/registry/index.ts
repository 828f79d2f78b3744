import '../../styles/all.ts';

export { FamilyPage } from './family.tsx';
export { RegistryImportPage } from './import.tsx';
export { RegistryPage } from './search.tsx';
