import { preset } from '../../tsup.preset';
export default preset({ entry: { index: 'src/index.ts', edi: 'src/edi/index.ts', mis: 'src/mis/index.ts' } });
