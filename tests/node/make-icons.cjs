'use strict';
// Draws the Teams app icons into manifest/: color.png (192x192, accent background, white check mark)
// and outline.png (32x32, transparent background, white check mark only). Run: node make-icons.cjs
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
// size x size RGBA, 8 bits per channel, filter 0 on every row.
function encodePng(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x + 0.5, y + 0.5);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}
function segmentDistance(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}
// Coverage (0..1) of a thick check mark drawn in a unit square scaled to `size`.
function checkCoverage(x, y, size, width) {
  const p = [[0.24, 0.52], [0.43, 0.70], [0.77, 0.32]].map(([u, v]) => [u * size, v * size]);
  const d = Math.min(segmentDistance(x, y, p[0], p[1]), segmentDistance(x, y, p[1], p[2]));
  return Math.max(0, Math.min(1, width / 2 - d + 0.5));
}
const accent = [0xc8, 0x10, 0x2e];
const color = encodePng(192, (x, y) => {
  const c = checkCoverage(x, y, 192, 22);
  return [...accent.map((v) => Math.round(v + (255 - v) * c)), 255];
});
const outline = encodePng(32, (x, y) => [255, 255, 255, Math.round(255 * checkCoverage(x, y, 32, 4))]);
const out = path.join(__dirname, '..', '..', 'manifest');
fs.writeFileSync(path.join(out, 'color.png'), color);
fs.writeFileSync(path.join(out, 'outline.png'), outline);
console.log('wrote', path.join(out, 'color.png'), path.join(out, 'outline.png'));
