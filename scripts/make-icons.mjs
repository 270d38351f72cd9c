#!/usr/bin/env node
// Draws the tray icons into resources/icons/ with Node built-ins only: `npm run icons`.
// Shapes are signed distance functions in a 16-unit square, so the 16 px and the @2x 32 px files
// come from one drawing and the edges are antialiased by distance rather than by supersampling.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'resources', 'icons');
// Must match TRAY_STATES in src/main/shell/tray/tray-state.ts (a test checks every file exists).
const STATES = ['signin', 'offline', 'approvals', 'busy', 'idle'];

// ---- shapes (distance < 0 inside) ----
const circle = (cx, cy, r) => (x, y) => Math.hypot(x - cx, y - cy) - r;
const box = (cx, cy, hw, hh, r) => (x, y) => {
  const qx = Math.abs(x - cx) - hw + r;
  const qy = Math.abs(y - cy) - hh + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
};
// Exact polygon distance (Inigo Quilez's sdPolygon): the even-odd test gives the sign.
const polygon = (pts) => (x, y) => {
  let d = Infinity;
  let s = 1;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const [vix, viy] = pts[i];
    const [vjx, vjy] = pts[j];
    const ex = vjx - vix, ey = vjy - viy, wx = x - vix, wy = y - viy;
    const t = Math.min(1, Math.max(0, (wx * ex + wy * ey) / (ex * ex + ey * ey)));
    d = Math.min(d, Math.hypot(wx - ex * t, wy - ey * t));
    const a = y >= viy, b = y < vjy, c = ex * wy > ey * wx;
    if ((a && b && c) || (!a && !b && !c)) s = -s;
  }
  return s * d;
};
const union = (...fs) => (x, y) => Math.min(...fs.map((f) => f(x, y)));
const minus = (f, g) => (x, y) => Math.max(f(x, y), -g(x, y));
const outline = (f, w) => (x, y) => { const d = f(x, y); return Math.max(d, -(d + w)); };

// ---- the parrot: a round head facing left, a hooked beak, a two-feather crest ----
const head = circle(9, 8.2, 5.2);
const beak = polygon([[5.4, 5.4], [2.2, 6.0], [0.7, 8.2], [1.2, 11.2], [2.7, 9.6], [5.0, 10.8]]);
const crest = union(polygon([[8.4, 3.6], [10.6, 0.4], [11.2, 3.4]]), polygon([[10.8, 3.8], [14.6, 1.6], [13.4, 5.2]]));
const eye = circle(7.4, 7.0, 1.15);
const parrot = union(head, beak, crest);

// Marks sit on the bottom-right, cut out of the head with a transparent gap so they read at 16 px.
// Centred on a pixel boundary's middle (12.5) so the 1-unit "!" bar fills whole pixels at 16 px.
const MARK = { x: 12.5, y: 12.5 };
const badge = circle(MARK.x, MARK.y, 3.4);
const badgeGap = circle(MARK.x, MARK.y, 4.6);
const dot = circle(12.8, 12.8, 2.3);
const dotGap = circle(12.8, 12.8, 3.5);
const bang = union(box(MARK.x, 11.5, 0.55, 1.5, 0.3), circle(MARK.x, 14.5, 0.65));

const INK = { template: [0, 0, 0], light: [0x1f, 0x1f, 0x1f], dark: [0xf2, 0xf2, 0xf2] };
const AMBER = [0xf5, 0x9e, 0x0b];
const RED = [0xe5, 0x48, 0x4d];

/** Layers painted in order; a template keeps one colour, so its marks differ by shape only. */
function layers(state, variant) {
  const ink = INK[variant];
  const accent = (c) => (variant === 'template' ? ink : c);
  const face = minus(parrot, eye);
  switch (state) {
    case 'idle':
      return [[face, ink]];
    case 'busy':
      return [[minus(face, dotGap), ink], [dot, ink]];
    case 'approvals':
      return [[minus(face, badgeGap), ink], [badge, accent(AMBER)]];
    case 'offline':
      // Hollow: the same silhouette, outlined, with no eye: present but not looking.
      return [[outline(parrot, 1.5), ink]];
    case 'signin':
      return [[minus(face, badgeGap), ink], [minus(badge, bang), accent(RED)]];
    default:
      throw new Error(`unknown state ${state}`);
  }
}

function render(state, variant, size) {
  const px = new Uint8Array(size * size * 4);
  const unitsPerPx = 16 / size;
  const drawn = layers(state, variant);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const ux = (x + 0.5) * unitsPerPx, uy = (y + 0.5) * unitsPerPx;
      let r = 0, g = 0, b = 0, a = 0;
      for (const [shape, colour] of drawn) {
        const cover = Math.min(1, Math.max(0, 0.5 - shape(ux, uy) / unitsPerPx));
        if (cover === 0) continue;
        // Straight-alpha "over".
        const outA = cover + a * (1 - cover);
        r = (colour[0] * cover + r * a * (1 - cover)) / outA;
        g = (colour[1] * cover + g * a * (1 - cover)) / outA;
        b = (colour[2] * cover + b * a * (1 - cover)) / outA;
        a = outA;
      }
      px.set([Math.round(r), Math.round(g), Math.round(b), Math.round(a * 255)], (y * size + x) * 4);
    }
  }
  return px;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** An 8-bit RGBA PNG, every row with filter 0: tiny images gain nothing from smarter filters. */
export function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) raw.set(rgba.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

const NAMES = { template: (s) => `${s}Template`, light: (s) => `${s}-light`, dark: (s) => `${s}-dark` };

mkdirSync(OUT, { recursive: true });
let count = 0;
for (const state of STATES) {
  for (const variant of Object.keys(NAMES)) {
    for (const [suffix, size] of [['', 16], ['@2x', 32]]) {
      writeFileSync(join(OUT, `${NAMES[variant](state)}${suffix}.png`), encodePng(size, render(state, variant, size)));
      count++;
    }
  }
}
console.log(`wrote ${count} icons to ${OUT}`);
