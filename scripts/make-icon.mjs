// Renders images/icon.svg to images/icon.png (128×128, the size VS Code's marketplace shows) with Debian's
// Chromium, then re-encodes it as an indexed PNG (channels rounded, coarser until 64 colours or fewer remain: 1.5 KB
// instead of ~4.6 KB RGBA). Run by hand after editing the SVG: node scripts/make-icon.mjs [chromium-binary]
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const SIZE = 128;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'awl-icon-'));
fs.copyFileSync(path.join(ROOT, 'images/icon.svg'), path.join(tmp, 'icon.svg'));
fs.writeFileSync(path.join(tmp, 'icon.html'), `<html><body style="margin:0;background:transparent"><img src="icon.svg" width="${SIZE}" height="${SIZE}" style="display:block"></body></html>`);
const shot = path.join(tmp, 'shot.png');
execFileSync(process.argv[2] ?? 'chromium', ['--headless=new', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--default-background-color=00000000', `--window-size=${SIZE},${SIZE}`, `--screenshot=${shot}`, `file://${tmp}/icon.html`], { stdio: 'ignore' });

/** RGBA rows of an 8-bit, non-interlaced RGBA PNG (what Chromium writes). */
function decode(buf) {
  let i = 8;
  let width = 0;
  let height = 0;
  const idat = [];
  while (i < buf.length) {
    const n = buf.readUInt32BE(i);
    const type = buf.toString('latin1', i + 4, i + 8);
    const body = buf.subarray(i + 8, i + 8 + n);
    if (type === 'IHDR') {
      [width, height] = [body.readUInt32BE(0), body.readUInt32BE(4)];
      if (body[8] !== 8 || body[9] !== 6 || body[12] !== 0) throw new Error('expected 8-bit RGBA, not interlaced');
    } else if (type === 'IDAT') idat.push(body);
    i += 12 + n;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const rows = [];
  let prev = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = Buffer.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let x = 0; x < stride; x++) {
      const a = x >= 4 ? line[x - 4] : 0;
      const b = prev[x];
      const c = x >= 4 ? prev[x - 4] : 0;
      const paeth = () => {
        const pa = Math.abs(b - c);
        const pb = Math.abs(a - c);
        const pc = Math.abs(a + b - 2 * c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      };
      const predictor = [0, a, b, (a + b) >> 1, filter === 4 ? paeth() : 0][filter];
      line[x] = (line[x] + predictor) & 255;
    }
    rows.push(line);
    prev = line;
  }
  return { width, height, rows };
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 255] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, body) => {
  const head = Buffer.alloc(4);
  head.writeUInt32BE(body.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), body]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([head, typed, crc]);
};

const { width, height, rows } = decode(fs.readFileSync(shot));
const key = (r, x) => r.readUInt32BE(x * 4);
/**
 * Channels rounded to multiples of `step`, coarser until the colours fit a palette of 64 (antialiased edges vary;
 * a flat icon loses nothing visible, and each colour costs 4 bytes of palette and transparency in the .vsix).
 */
const MAX_COLOURS = 64;
let quantized;
let colours = [];
for (const step of [2, 4, 6, 8, 12, 16, 24, 32]) {
  quantized = rows.map((r) => Buffer.from(r.map((v) => Math.min(255, Math.round(v / step) * step))));
  colours = [...new Set(quantized.flatMap((r) => Array.from({ length: width }, (_, x) => key(r, x))))];
  if (colours.length <= MAX_COLOURS) break;
}
if (colours.length > 256) throw new Error(`${colours.length} colours: too many for a palette`);
// Translucent colours first: tRNS then stops at the last of them (the opaque ones need no entry).
colours.sort((p, q) => ((p & 255) === 255 ? 1 : 0) - ((q & 255) === 255 ? 1 : 0) || p - q);
const translucent = colours.filter((c) => (c & 255) !== 255).length;
const index = new Map(colours.map((c, i) => [c, i]));
const pixels = Buffer.concat(quantized.map((r) => Buffer.from([0, ...Array.from({ length: width }, (_, x) => index.get(key(r, x)))])));
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(width, 0);
ihdr.writeUInt32BE(height, 4);
ihdr.set([8, 3, 0, 0, 0], 8);
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('PLTE', Buffer.from(colours.flatMap((c) => [c >>> 24, (c >>> 16) & 255, (c >>> 8) & 255]))),
  chunk('tRNS', Buffer.from(colours.slice(0, translucent).map((c) => c & 255))),
  chunk('IDAT', zlib.deflateSync(pixels, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
fs.writeFileSync(path.join(ROOT, 'images/icon.png'), png);
fs.rmSync(tmp, { recursive: true, force: true });
console.log(`images/icon.png: ${width}×${height}, ${colours.length} colours, ${png.length} bytes`);
