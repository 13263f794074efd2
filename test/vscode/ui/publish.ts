/**
 * Screenshots the UI suite keeps in the repository (media/screenshots/ for the Marketplace page,
 * media/walkthrough/ for the walkthrough's steps), so they show the extension as it is now. They go
 * into the .vsix, which must stay small: Debian's `pngquant` (when installed) cuts each to a palette
 * PNG, about a third of the size; without it they are written as Chromium made them.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';

export const MEDIA = path.resolve(__dirname, '../../../media');

/** `name` is relative to media/ without the extension ("screenshots/feature-flags"); the element, or the whole page. */
export async function publishScreenshot(target: Page | Locator, name: string): Promise<string> {
  const file = path.join(MEDIA, `${name}.png`);
  mkdirSync(path.dirname(file), { recursive: true });
  const png = await target.screenshot({ animations: 'disabled', caret: 'hide' });
  writeFileSync(file, compress(png));
  return file;
}

let warned = false;

function compress(png: Buffer): Buffer {
  const r = spawnSync('pngquant', ['--quality=65-95', '--speed=1', '--strip', '-'], { input: png, maxBuffer: 64 << 20 });
  if (r.status === 0 && r.stdout.length > 0 && r.stdout.length < png.length) return r.stdout;
  if (r.error && !warned) {
    warned = true;
    console.warn(`ui: pngquant is not installed (apt-get install pngquant): media/ screenshots are written uncompressed`);
  }
  return png;
}
