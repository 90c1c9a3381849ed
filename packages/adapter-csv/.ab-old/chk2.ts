import * as OLD from './src/index.ts';
const ROOMS = 'Room,Rows,Columns,SeatPitchMetres,RowPitchMetres';
const codec = OLD.csvColumnSet('rooms').columns.find((c) => c.header === 'SeatPitchMetres')!.codec;
let t = performance.now(); codec.decode('1'.repeat(40000) + 'x'); console.log('decode', Math.round(performance.now() - t));
t = performance.now(); const r = OLD.importCsv('rooms', `${ROOMS}\r\nHall,10,8,${'1'.repeat(40000)}x,1.25\r\n`); console.log('import', Math.round(performance.now() - t), r.issues.map(i => [i.column, i.message.length]), r.fatal?.code);
