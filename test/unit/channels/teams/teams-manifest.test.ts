import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { crc32 } from 'node:zlib';
import { ConfigError } from '../../../../bot/core/config-error.js';
import { teamsAppPackage } from '../../../../channels/teams/manifest/app-package.js';
import { readManifestSettings } from '../../../../channels/teams/manifest/teams-manifest.js';
import { readZip } from '../../../helpers/zip-reader.js';

const APP_ID = '0b9f6d2e-3c1a-4f5e-9a7b-1c2d3e4f5a6b';
const ENV = { MicrosoftAppId: APP_ID, PUBLIC_URL: 'https://mesa.example.com/', MESA_TEAMS_APP_NAME: 'Service Desk', MESA_TEAMS_APP_DESCRIPTION: 'Help with IT problems' };

function pngSize(png: Buffer): [number, number] {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  // Every chunk's CRC must hold, or Teams refuses the icon.
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    expect(png.readUInt32BE(at + 8 + length)).toBe(crc32(png.subarray(at + 4, at + 8 + length)));
    at += 12 + length;
  }
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

describe('Teams app package', () => {
  it('holds a manifest naming the bot by its app id, with the configured name, description and domain, and both icons', () => {
    const files = readZip(teamsAppPackage(readManifestSettings(ENV, '1.2.3')));
    expect([...files.keys()].sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as Record<string, unknown>;
    expect(manifest).toMatchObject({
      $schema: 'https://developer.microsoft.com/json-schemas/teams/v1.22/MicrosoftTeams.schema.json',
      manifestVersion: '1.22',
      version: '1.2.3',
      id: APP_ID,
      name: { short: 'Service Desk' },
      description: { short: 'Help with IT problems', full: 'Help with IT problems' },
      icons: { color: 'color.png', outline: 'outline.png' },
      bots: [{ botId: APP_ID, scopes: expect.arrayContaining(['personal']) }],
      validDomains: ['mesa.example.com'],
      developer: { websiteUrl: 'https://mesa.example.com' },
    });
    expect(pngSize(files.get('color.png')!)).toEqual([192, 192]);
    expect(pngSize(files.get('outline.png')!)).toEqual([32, 32]);
  });

  it('names every missing or unusable setting at once', () => {
    const problems = (env: Record<string, string>): string => {
      try {
        readManifestSettings(env, '1.0.0');
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return (error as Error).message;
      }
      throw new Error('no ConfigError');
    };
    const message = problems({});
    expect(message).toMatch(/MicrosoftAppId/);
    expect(message).toMatch(/PUBLIC_URL/);
    expect(problems({ ...ENV, PUBLIC_URL: 'http://mesa.example.com' })).toMatch(/PUBLIC_URL: must be the https URL/);
    expect(problems({ ...ENV, MicrosoftAppId: 'mesa-bot' })).toMatch(/MicrosoftAppId/);
  });

  it('npm run teams:manifest writes the package to the path given after --, or explains what is missing', async () => {
    const run = promisify(execFile);
    const target = join(mkdtempSync(join(tmpdir(), 'mesa-teams-')), 'app.zip');
    const cli = join(process.cwd(), 'dist/channels/teams/manifest/teams-manifest-cli.js');
    await run(process.execPath, [cli, target], { env: { PATH: process.env.PATH ?? '', ...ENV } });
    expect(JSON.parse(readZip(readFileSync(target)).get('manifest.json')!.toString('utf8'))).toMatchObject({ id: APP_ID });
    await expect(run(process.execPath, [cli, target], { env: { PATH: process.env.PATH ?? '' } })).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/MicrosoftAppId/) });
  });
});
