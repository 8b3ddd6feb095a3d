import type { App } from '@slack/bolt';
import express from 'express';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { boltLogger } from '../../../../channels/slack/bolt-logger.js';
import { SlackHttpReceiver } from '../../../../channels/slack/slack-http-receiver.js';
import { createLogger } from '../../../../bot/logger.js';
import { postToSlackEndpoint } from '../../../helpers/channels/slack-signing.js';

const SECRET = 'unit-test-signing-secret';
const event = JSON.stringify({ type: 'event_callback', team_id: 'T1', event_id: 'Ev1', event: { type: 'message', channel: 'D1', user: 'U1', text: 'hi', ts: '1.1' } });

type ProcessEvent = App['processEvent'];

describe('Slack HTTP receiver', () => {
  let server: Server;
  let url: string;
  let processEvent: ProcessEvent;

  beforeAll(async () => {
    const receiver = new SlackHttpReceiver({ signingSecret: SECRET, clock: () => new Date(), logger: boltLogger(createLogger('silent')), ackDeadlineMs: 100 });
    receiver.init({ processEvent: (...args: Parameters<ProcessEvent>) => processEvent(...args) } as unknown as App);
    const app = express();
    app.use('/slack/events', receiver.router);
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('answers once the listeners are done, not when Bolt acknowledges', async () => {
    const order: string[] = [];
    processEvent = async ({ ack }) => {
      await ack();
      order.push('acked');
      await new Promise((resolve) => setImmediate(resolve));
      order.push('stored');
    };
    const response = await postToSlackEndpoint(url, SECRET, event);
    order.push(`answered ${response.status}`);
    expect(order).toEqual(['acked', 'stored', 'answered 200']);
  });

  it('answers within its deadline when storing takes longer than Slack waits', async () => {
    let finish: () => void = () => undefined;
    processEvent = async ({ ack }) => {
      await ack();
      await new Promise<void>((resolve) => (finish = resolve));
    };
    const response = await postToSlackEndpoint(url, SECRET, event);
    expect(response.status).toBe(200);
    finish();
  });

  it('answers 500 when a listener fails, so Slack delivers the event again', async () => {
    processEvent = async ({ ack }) => {
      await ack();
      throw new Error('storage is down');
    };
    expect((await postToSlackEndpoint(url, SECRET, event)).status).toBe(500);
  });
});
