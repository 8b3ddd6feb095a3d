import { createMesa } from '../../../channels/app/app.js';
import { loadConfig } from '../../../channels/app/config.js';
import { createLogger } from '../../../bot/logger.js';
import { sinkChannel } from './sink-channel.js';

// An entry point like `npm start`'s, with the sink channel plugged in, for crash tests of push delivery.
const config = loadConfig();
const logger = createLogger(config.logLevel);
const mesa = await createMesa(config, logger, { extraChannels: [sinkChannel(process.env.SINK_URL ?? '')] });
const port = await mesa.listen();
logger.info({ event: 'ready', port }, 'ready');
process.on('SIGTERM', () => {
  void mesa.stop().then(() => process.exit(0));
});
