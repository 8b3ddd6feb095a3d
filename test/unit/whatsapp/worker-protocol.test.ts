import { createLogger } from '../../../bot/logger.js';
import { toIncoming } from '../../../channels/whatsapp/worker-bridge.js';
import type { TransportEvent } from '../../../channels/whatsapp/whatsapp-transport.js';
import { WorkerLink } from '../../../channels/whatsapp/worker-link.js';
import type { WorkerCommand } from '../../../channels/whatsapp/worker-protocol.js';

describe('the WhatsApp worker protocol', () => {
  it('reads the phone number from a private chat id, and from the contact for a @lid id (fake Message objects)', async () => {
    const base = { id: { _serialized: 'false_x_1' }, body: 'hola', type: 'chat', fromMe: false, hasMedia: false };
    expect(await toIncoming({ ...base, from: '34600000001@c.us', _data: { notifyName: 'Lucía' } })).toEqual({
      id: 'false_x_1', chatId: '34600000001@c.us', fromMe: false, body: 'hola', kind: 'chat', hasMedia: false, isStatus: false, edited: false, phone: '34600000001', pushname: 'Lucía',
    });
    const lid = await toIncoming({ ...base, from: '123456789012345@lid', getContact: async () => ({ number: '5511999990000', pushname: 'João' }) });
    expect(lid).toMatchObject({ chatId: '123456789012345@lid', phone: '5511999990000', pushname: 'João' });
    expect(await toIncoming({ ...base, from: 'status@broadcast' })).toMatchObject({ isStatus: true, phone: null });
  });

  it('passes valid worker events on, ignores invalid ones, and settles each send with its own reply', async () => {
    const posted: WorkerCommand[] = [];
    const heard: TransportEvent[] = [];
    const link = new WorkerLink((command) => posted.push(command), (event) => heard.push(event), createLogger('silent'));
    link.receive({ type: 'ready' });
    link.receive({ type: 'message', message: { id: 'x' } });
    link.receive('not an event');
    expect(heard).toEqual([{ type: 'ready' }]);

    const first = link.send('34600000001@c.us', 'uno');
    const second = link.send('34600000001@c.us', 'dos');
    const [one, two] = posted as Array<Extract<WorkerCommand, { type: 'send' }>>;
    link.receive({ type: 'send_failed', requestId: two!.requestId, error: 'rate-overlimit' });
    link.receive({ type: 'sent', requestId: one!.requestId });
    await expect(first).resolves.toBeUndefined();
    await expect(second).rejects.toThrow('rate-overlimit');
  });

  it('fails the sends still waiting when the worker goes away', async () => {
    const link = new WorkerLink(() => undefined, () => undefined, createLogger('silent'));
    const waiting = link.send('34600000001@c.us', 'uno');
    link.fail('the WhatsApp worker exited');
    await expect(waiting).rejects.toMatchObject({ code: 'whatsapp_send_failed' });
  });
});
