import { PGlite } from '@electric-sql/pglite';
const rss = (l) => console.log(l, Math.round(process.memoryUsage().rss/1048576), 'heap', Math.round(process.memoryUsage().heapUsed/1048576), 'ext', Math.round(process.memoryUsage().external/1048576), 'ab', Math.round(process.memoryUsage().arrayBuffers/1048576));
rss('start');
const db = await PGlite.create('/tmp/seeded', { startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'] });
rss('created');
await db.query('select count(*) from areas');
rss('query');
global.gc?.(); rss('gc');
