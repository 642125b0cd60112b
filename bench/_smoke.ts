import pino from 'pino';
import { writeFileSync } from 'node:fs';
import { openTestDb } from '../tests/setup/test-db.js';
import { seedStockholm } from '../src/features/seed/seed.service.js';
import { runImport } from '../src/features/imports/imports.service.js';
import { SYSTEM } from '../src/domain/auth.js';
const engine = (process.argv[2] ?? 'pglite') as 'pglite' | 'postgres';
const db = await openTestDb(engine);
const r = await seedStockholm(db.db, { demoIncidents: 0, police: false });
const ctx = { db: db.db, organisation: r.organisation, principal: SYSTEM, actor: 'test', log: pino({ level: 'silent' }) };
writeFileSync('/tmp/imp/a.csv', 'id;datum;kategori;lat;lon;beskrivning\n1;2026-11-20 18:00;Klotter;59,3293;18,0686;Ring 070-123 45 67\n2;25/11/2026;brand;59.31;18.05;=HYPERLINK("http://x","y")\n3;2026-11-21;Skadegörelse;18.05;59.31;swapped\n');
try { console.log(JSON.stringify(await runImport(ctx, { filePath: '/tmp/imp/a.csv', fileName: 'a.csv', dryRun: true }), null, 1)); } catch (e) { console.log('ERR', e); }
try { console.log(JSON.stringify((await runImport(ctx, { filePath: '/tmp/imp/a.csv', fileName: 'a.csv', dryRun: false, skipInvalid: true })).rows)); } catch (e) { console.log('ERR', e); }
try { console.log(JSON.stringify((await runImport(ctx, { filePath: '/tmp/imp/a.csv', fileName: 'a.csv', dryRun: false, skipInvalid: true })).rows)); } catch (e) { console.log('ERR', e); }
try { const rep = await runImport(ctx, { filePath: '/work/shared/data/polisen/events_latest_snapshot_raw.json', fileName: 'p.json', dryRun: false }); console.log(JSON.stringify({rows: rep.rows, skipped: rep.skipped, warn: rep.warnings, fb: rep.category_fallbacks, err: rep.errors.slice(0,3)})); } catch (e) { console.log('ERR', e); }
console.log(await db.db.selectFrom('incidents').select(['source','source_ref','description','precision','area_id','h3_r9','status','reporting_unit_id']).limit(4).execute());
await db.dispose();
