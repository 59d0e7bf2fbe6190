import { crc32, deflateSync } from 'node:zlib';

// Plaid sends an institution's logo as a base64 152x152 PNG. The fixtures' logos are plain squares
// of the bank's colour: real PNGs, made here rather than stored as opaque base64.
const SIZE = 152;

export function squareLogo(hexColor: string): string {
  const rgb = [1, 3, 5].map((start) => parseInt(hexColor.slice(start, start + 2), 16));
  // Each row: filter type 0 (none), then the pixels.
  const row = Buffer.from([0, ...Array.from({ length: SIZE }, () => rgb).flat()]);
  const pixels = Buffer.concat(Array.from({ length: SIZE }, () => row));
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits per channel, RGB, default compression, filter, no interlace
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return png.toString('base64');
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}
