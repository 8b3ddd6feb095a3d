import { startMesa } from '../../helpers/start-mesa.js';

export interface MesaServer {
  url: string;
  stop(): Promise<unknown>;
}

/**
 * A Mesa server for the browser suite: a fresh one built from dist/, or, when MESA_E2E_URL is set,
 * an already running instance (to check a deployment, or to debug against a server you control).
 */
export async function startServerForBrowser(): Promise<MesaServer> {
  const external = process.env.MESA_E2E_URL;
  if (external) return { url: external.replace(/\/+$/, ''), stop: async () => undefined };
  const mesa = await startMesa();
  return { url: mesa.url, stop: () => mesa.stop() };
}
