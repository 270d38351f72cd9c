import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The theme's colours, read from app.css as the browser gets them, held to WCAG 2 AA: 4.5:1 for
 * every text colour on every background it is drawn on, in the light and the dark theme. The axe
 * scan (test/e2e/axe.spec.ts) sees only what a view shows at that moment; this sees every pair,
 * hover colours and states the demo data may not reach included.
 */
const CSS = readFileSync(resolve(import.meta.dirname, '../../src/renderer/src/styles/app.css'), 'utf8');
const DARK_AT = '@media (prefers-color-scheme: dark)';
const AA_TEXT = 4.5;

type Theme = Record<string, string>;

function variables(block: string): Theme {
  const out: Theme = {};
  for (const [, name, value] of block.matchAll(/--([\w-]+):\s*([^;]+);/g)) out[name!] = value!.trim();
  return out;
}

function themes(css: string): { light: Theme; dark: Theme; darkOwn: Theme } {
  const darkStart = css.indexOf(DARK_AT);
  if (darkStart < 0) throw new Error('app.css has no dark theme block');
  const rootStart = css.indexOf(':root');
  const light = variables(css.slice(rootStart, css.indexOf('}', rootStart)));
  const darkOwn = variables(css.slice(darkStart, css.indexOf('}', darkStart)));
  return { light, dark: { ...light, ...darkOwn }, darkOwn };
}

function luminance(hex: string): number {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  const channel = (i: number) => {
    const v = parseInt(m[1]!.slice(i, i + 2), 16) / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Every [text, background] pair the stylesheets draw, by variable name. */
function textPairs(theme: Theme): Array<[string, string]> {
  const names = Object.keys(theme);
  const tints = names.filter((n) => /^[a-z]+-bg$/.test(n) && n !== 'button-bg');
  const toneFgs = names.filter((n) => /^[a-z]+-fg$/.test(n) && n !== 'button-fg');
  // --focus is also the colour of in-text links (SessionLink).
  const plainText = ['fg', 'fg-muted', 'focus', ...toneFgs];
  return [
    // Any text on the page, a raised panel or a hovered row.
    ...plainText.flatMap((t): Array<[string, string]> => [[t, 'bg'], [t, 'bg-raised']]),
    // A tone's words on its own tint: chips, notices, diff lines, the checkpoint box.
    ...toneFgs.filter((f) => theme[f.replace(/-fg$/, '-bg')]).map((f): [string, string] => [f, f.replace(/-fg$/, '-bg')]),
    // Body and secondary text inside a tinted box (a checkpoint prompt, the person's chat bubble).
    ...tints.flatMap((b): Array<[string, string]> => [['fg', b], ['fg-muted', b]]),
    // Filled buttons, at rest and hovered; a danger button is the page colour on the problem tone.
    ['button-fg', 'button-bg'],
    ['button-fg', 'button-bg-hover'],
    ['bg', 'problem-fg'],
  ];
}

describe('theme contrast (WCAG 2 AA, from app.css)', () => {
  const parsed = themes(CSS);

  it('measures contrast as WCAG defines it', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#777777')).toBe(1);
    // The Approve button's dark colours before this fix, as axe-core reported them.
    expect(contrast('#ffffff', '#4a82f0')).toBeCloseTo(3.65, 1);
  });

  it('gives the dark theme its own value for every colour, so nothing light leaks into it', () => {
    const colours = (t: Theme) => Object.keys(t).filter((k) => /^#/.test(t[k]!)).sort();
    expect(colours(parsed.darkOwn)).toEqual(colours(parsed.light));
  });

  for (const name of ['light', 'dark'] as const) {
    it(`keeps every text pair at ${AA_TEXT}:1 or more in the ${name} theme`, () => {
      const theme = parsed[name];
      const pairs = textPairs(theme);
      expect(pairs.length).toBeGreaterThan(30);
      const failing = pairs
        .map(([fg, bg]) => ({ fg, bg, ratio: contrast(theme[fg]!, theme[bg]!) }))
        .filter((p) => p.ratio < AA_TEXT)
        .map((p) => `--${p.fg} ${theme[p.fg]} on --${p.bg} ${theme[p.bg]}: ${p.ratio.toFixed(2)}:1`);
      expect(failing).toEqual([]);
    });
  }
});
