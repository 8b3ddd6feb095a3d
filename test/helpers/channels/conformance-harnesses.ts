import type { ChannelHarness } from './channel-harness.js';
import { fakeChannelHarness } from './fake-channel-harness.js';
import { slackHarness } from './slack-harness.js';
import { teamsHarness } from './teams-harness.js';
import { webchatHarness } from './webchat-harness.js';
import { whatsappHarness } from './whatsapp-harness.js';

/** Every channel the conformance suite runs through; each messaging channel adds its harness here. */
export function conformanceHarnesses(): ChannelHarness[] {
  return [webchatHarness(), fakeChannelHarness(), teamsHarness(), slackHarness(), whatsappHarness()];
}
