import { connect } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { seedStockholm } from '../src/features/seed/seed.service.js';
import { rmSync } from 'node:fs';
rmSync('/tmp/imp/pgl', { recursive: true, force: true });
const h = await connect({ dataDir: '/tmp/imp/pgl' }); await migrateToLatest(h.db); await seedStockholm(h.db, { demoIncidents: 0, police: false }); await h.close();
