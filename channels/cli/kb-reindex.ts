import { openKbStorage } from './open-kb-storage.js';

/** `npm run kb:reindex`: queues every article for the search index again; Mesa rebuilds it from the database. */
const { db, articles } = openKbStorage();
const queued = await articles.requeueAll();
db.close();
process.stdout.write(`Queued ${queued} article variants for re-indexing. A running Mesa applies them within seconds; otherwise on its next start.\n`);
