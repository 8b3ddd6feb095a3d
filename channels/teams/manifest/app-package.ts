import { teamsIcons } from './png-icon.js';
import { ACCENT_COLOR, teamsManifest, type ManifestSettings } from './teams-manifest.js';
import { zipArchive } from './zip-archive.js';

/** The Teams app package to sideload or publish: manifest.json, color.png (192×192) and outline.png (32×32). */
export function teamsAppPackage(settings: ManifestSettings): Buffer {
  const icons = teamsIcons(ACCENT_COLOR);
  return zipArchive([
    { name: 'manifest.json', data: Buffer.from(`${JSON.stringify(teamsManifest(settings), null, 2)}\n`) },
    { name: 'color.png', data: icons.color },
    { name: 'outline.png', data: icons.outline },
  ]);
}
