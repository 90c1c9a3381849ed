import * as OLD from './src/index.ts';
const ROOMS = 'Room,Rows,Columns,SeatPitchMetres,RowPitchMetres';
const r = OLD.importCsv('rooms', `${ROOMS}\r\nHall,10,8,1.25,1.25\rGym,1,1,1,1\r\nx\u0000,1,1,1,1\r\n`);
console.log(r.records.map((x) => x.name), r.fatal?.code, r.fatal?.location);
const t = performance.now(); OLD.importCsv('rooms', `${ROOMS}\r\nHall,10,8,${'1'.repeat(40000)}x,1.25\r\n`); console.log('old 40kB decimal ms', Math.round(performance.now() - t));
