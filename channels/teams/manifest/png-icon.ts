import { crc32, deflateSync } from 'node:zlib';

/** An RGBA colour, each channel 0–255. */
export type Rgba = [number, number, number, number];

/** Encodes a square RGBA image (8 bits per channel) as PNG; `pixel` gives each pixel's colour. */
export function pngImage(size: number, pixel: (x: number, y: number) => Rgba): Buffer {
  const rows = Buffer.alloc(size * (1 + size * 4));
  for (let y = 0; y < size; y++) {
    const row = y * (1 + size * 4);
    rows[row] = 0; // filter: none
    for (let x = 0; x < size; x++) Buffer.from(pixel(x, y)).copy(rows, row + 1 + x * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, deflate, no filter set, no interlace
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, checksum]);
}

/**
 * Mesa's Teams icons, drawn rather than shipped as binaries: the colour icon (192×192) a table top on the
 * accent colour, the outline icon (32×32) the same shape in white on transparent, as Teams requires.
 */
export function teamsIcons(accent: string): { color: Buffer; outline: Buffer } {
  const [r, g, b] = [1, 3, 5].map((at) => Number.parseInt(accent.slice(at, at + 2), 16)) as [number, number, number];
  const table = (x: number, y: number, size: number): boolean => {
    const u = x / size;
    const v = y / size;
    const top = v >= 0.3 && v < 0.42 && u >= 0.18 && u < 0.82;
    const legs = v >= 0.42 && v < 0.74 && ((u >= 0.26 && u < 0.36) || (u >= 0.64 && u < 0.74));
    return top || legs;
  };
  return {
    color: pngImage(192, (x, y) => (table(x, y, 192) ? [255, 255, 255, 255] : [r, g, b, 255])),
    outline: pngImage(32, (x, y) => (table(x, y, 32) ? [255, 255, 255, 255] : [0, 0, 0, 0])),
  };
}
