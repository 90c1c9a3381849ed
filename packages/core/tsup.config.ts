import { preset } from '../../tsup.preset';
export default preset({ entry: { index: 'src/index.ts', 'exam-time': 'src/examTime/index.ts', results: 'src/results/index.ts', eops: 'src/eops/index.ts' }, splitting: true });
