/**
 * Page helpers for driving VS Code's workbench (code-server 1.139) through Playwright, written
 * against the DOM a person sees: the activity bar, view panes, tree rows, the quick input, dialogs,
 * notifications and the Output panel. Selectors and their pitfalls: docs/testing.md.
 */
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';

export const SCREENSHOTS = path.resolve(__dirname, '../../../screenshots');

export interface Row {
  label: string;
  description: string;
  ariaLabel: string;
  /** codicon-* classes on the row's icon, if the icon is a codicon. */
  icons: string[];
  level: number;
  expanded: boolean | undefined;
}

export interface WalkthroughStep {
  id: string;
  title: string;
  done: boolean;
}

export class Workbench {
  constructor(readonly page: Page) {}

  async ready(timeout = 60_000): Promise<void> {
    await this.page.locator('.monaco-workbench').waitFor({ timeout });
    await this.page.locator('.activitybar').waitFor({ timeout });
  }

  async screenshot(name: string): Promise<string> {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const file = path.join(SCREENSHOTS, `${name.replace(/[^\w.-]+/g, '-')}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  // --- quick input ------------------------------------------------------------------------------

  /** The visible quick input (the workbench may keep more than one widget in the DOM). */
  get quickInput(): Locator {
    return this.page.locator('.quick-input-widget:visible').first();
  }

  get quickInputBox(): Locator {
    return this.quickInput.locator('.quick-input-box input');
  }

  get quickInputRows(): Locator {
    return this.quickInput.locator('.monaco-list-row');
  }

  /** The top row of the quick pick (monaco lists reuse row elements: DOM order is not screen order). */
  get topRow(): Locator {
    return this.quickInput.locator('.monaco-list-row[data-index="0"]').first();
  }

  async waitQuickInput(timeout = 15_000): Promise<void> {
    await this.quickInput.waitFor({ state: 'visible', timeout });
  }

  /** Waits until no quick input shows. */
  async waitQuickInputHidden(timeout = 15_000): Promise<void> {
    await this.page.locator('.quick-input-widget:visible').first().waitFor({ state: 'hidden', timeout });
  }

  async quickInputTitle(): Promise<string> {
    return ((await this.quickInput.locator('.quick-input-title').textContent()) ?? '').trim();
  }

  /** Labels of the quick pick's rendered rows, top to bottom. */
  async quickPickLabels(): Promise<string[]> {
    return this.quickInputRows.evaluateAll((rows) =>
      rows
        .map((r) => {
          const row = r as unknown as {
            textContent: string | null;
            getAttribute(n: string): string | null;
            querySelector(s: string): { textContent: string | null } | null;
          };
          return {
            index: Number(row.getAttribute('data-index') ?? 0),
            label: (row.querySelector('.label-name')?.textContent ?? row.textContent ?? '').trim(),
          };
        })
        .sort((a, b) => a.index - b.index)
        .map((r) => r.label),
    );
  }

  /** Opens the command palette and returns once the rows for `text` are shown. */
  async openPalette(text: string): Promise<void> {
    // Something that takes focus just then (the walkthrough moving on to its next step) can close the
    // palette as it opens, as it would under a person's fingers: open it again.
    for (let attempt = 1; ; attempt++) {
      await this.dismissQuickInput();
      await this.page.keyboard.press('F1');
      await this.waitQuickInput();
      try {
        await this.quickInputBox.fill(`>${text}`, { timeout: 5_000 });
        break;
      } catch (e) {
        if (attempt >= 3) throw e;
      }
    }
    await this.page.waitForTimeout(300);
  }

  /** Runs a command by its palette title ("PostHog: Sign In"): F1, type the title, wait for its row, Enter. */
  async runCommand(title: string, timeout = 15_000): Promise<void> {
    await this.openPalette(title);
    let seen = '';
    try {
      await waitUntil(
        `the command "${title}" in the palette`,
        async () => {
          seen =
            (await this.topRow
              .locator('.label-name')
              .first()
              .textContent({ timeout: 1000 })
              .catch((e: Error) => `<${e.message.split('\n')[0]}>`)) ?? '';
          return dots(seen) === dots(title);
        },
        timeout,
        200,
      );
    } catch (e) {
      throw new Error(`${(e as Error).message}; the palette's top row shows "${seen}"`, { cause: e });
    }
    await this.quickInputBox.press('Enter');
  }

  /** Picks a quick pick row as a person would: types `filter` to narrow the list, waits for a row matching `row`, Enter. */
  async pick(filter: string, row: string | RegExp = filter, timeout = 15_000): Promise<void> {
    await this.quickInputBox.fill(filter);
    const first = this.topRow;
    await waitUntil(
      `the quick pick row ${String(row)}`,
      async () => {
        const text = (await first.textContent({ timeout: 1000 }).catch(() => '')) ?? '';
        return typeof row === 'string' ? text.includes(row) : row.test(text);
      },
      timeout,
      200,
    );
    await this.quickInputBox.press('Enter');
  }

  /** Waits until the quick input's title matches. */
  async waitQuickInputTitle(title: RegExp, timeout = 15_000): Promise<void> {
    await this.waitQuickInput(timeout);
    await waitUntil(`a quick input titled ${title}`, async () => title.test(await this.quickInputTitle()), timeout, 200);
  }

  /** Waits until the quick input shows an input box (no list) whose prompt matches. */
  async waitInputBox(prompt: RegExp, timeout = 15_000): Promise<void> {
    await waitUntil(
      `an input box asking ${prompt}`,
      async () => {
        const message = (
          (await this.quickInput
            .locator('.quick-input-message')
            .textContent({ timeout: 1000 })
            .catch(() => '')) ?? ''
        ).trim();
        return prompt.test(message) && (await this.quickInputBox.isEnabled());
      },
      timeout,
      200,
    );
  }

  async typeAndEnter(value: string): Promise<void> {
    await this.quickInputBox.fill(value);
    await this.quickInputBox.press('Enter');
  }

  async dismissQuickInput(): Promise<void> {
    if (await this.quickInput.isVisible()) {
      await this.page.keyboard.press('Escape');
      await this.waitQuickInputHidden(5_000).catch(() => undefined);
    }
  }

  // --- views ------------------------------------------------------------------------------------

  /** Shows a view container ("PostHog") in the side bar: clicks its activity-bar icon unless it is showing. */
  async openContainer(title: string): Promise<void> {
    const icon = this.page.locator(`.activitybar .action-label[aria-label^="${title}"]`).first();
    await icon.waitFor({ timeout: 30_000 });
    const heading = this.page.locator('.part.sidebar .composite.title .title-label h2');
    const showing = async () =>
      (await this.page.locator('.part.sidebar').isVisible()) &&
      ((await heading.textContent({ timeout: 1000 }).catch(() => '')) ?? '').trim().toLowerCase().startsWith(title.toLowerCase());
    for (let attempt = 0; attempt < 3 && !(await showing()); attempt++) {
      await icon.click();
      // A click toggles the side bar: on a loaded machine (just after a reload) it can take seconds
      // to show, and clicking again meanwhile would hide it.
      await waitUntil('the side bar', showing, 5_000, 250).catch(() => undefined);
    }
    if (!(await showing())) throw new Error(`the ${title} view container does not show in the side bar`);
  }

  /** Drags the side bar's edge so it is `width` px wide (the default ~300 px truncates descriptions). */
  async setSidebarWidth(width: number): Promise<void> {
    const box = await this.page.locator('.part.sidebar').boundingBox();
    if (!box) return;
    const edge = box.x + box.width;
    // The sash on the side bar's right edge: a thin vertical strip the layout puts there.
    for (const sash of await this.page.locator('.monaco-sash.vertical:visible').all()) {
      const b = await sash.boundingBox();
      if (!b || Math.abs(b.x + b.width / 2 - edge) > 8 || b.height < box.height / 2) continue;
      const x = b.x + b.width / 2;
      const y = b.y + b.height / 2;
      await this.page.mouse.move(x, y);
      await this.page.mouse.down();
      await this.page.mouse.move(x + (box.x + width - edge) / 2, y, { steps: 5 });
      await this.page.mouse.move(box.x + width, y, { steps: 5 });
      await this.page.mouse.up();
      await this.page.waitForTimeout(300);
      return;
    }
  }

  /** The pane of a view by its title ("Dashboards"). */
  view(title: string): Locator {
    return this.page
      .locator('.pane')
      .filter({ has: this.page.locator('.pane-header h3.title', { hasText: new RegExp(`^${escapeRegExp(title)}$`, 'i') }) })
      .first();
  }

  async expandView(title: string): Promise<Locator> {
    const pane = this.view(title);
    await pane.waitFor({ timeout: 30_000 });
    const header = pane.locator('.pane-header').first();
    if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
    return pane;
  }

  /** Collapses a view of the open container (leaves it if it is already), making room for the others. */
  async collapseView(title: string): Promise<void> {
    const header = this.view(title).locator('.pane-header').first();
    if ((await header.getAttribute('aria-expanded')) === 'true') await header.click();
  }

  treeRows(pane: Locator): Locator {
    return pane.locator('[role="tree"] [role="treeitem"]');
  }

  /** The rows a person sees in a view, top to bottom: label, description, icon, level. */
  async rows(pane: Locator): Promise<Row[]> {
    return this.treeRows(pane)
      .evaluateAll((els) =>
        els.map((el) => {
          const e = el as unknown as {
            getAttribute(n: string): string | null;
            querySelector(s: string): { textContent: string | null; className?: string } | null;
            querySelectorAll(s: string): ArrayLike<{ className: string | { baseVal: string } }>;
          };
          const icons: string[] = [];
          // The item's own icon only (not the twistie, not the inline actions).
          const iconEls = e.querySelectorAll('.custom-view-tree-node-item-icon');
          for (let i = 0; i < iconEls.length; i++) {
            const cn = iconEls[i].className;
            const s = typeof cn === 'string' ? cn : cn.baseVal;
            for (const c of s.split(/\s+/)) if (c.startsWith('codicon-') && c !== 'codicon-colored') icons.push(c);
          }
          const expandedAttr = e.getAttribute('aria-expanded');
          return {
            index: Number(e.getAttribute('data-index') ?? 0),
            label: (e.querySelector('.label-name')?.textContent ?? '').trim(),
            description: (e.querySelector('.label-description')?.textContent ?? '').trim(),
            ariaLabel: e.getAttribute('aria-label') ?? '',
            icons,
            level: Number(e.getAttribute('aria-level') ?? 1),
            expanded: expandedAttr === null ? undefined : expandedAttr === 'true',
          };
        }),
      )
      .then((rows) => rows.sort((a, b) => a.index - b.index).map(({ index: _index, ...row }) => row));
  }

  /** Waits until the view shows at least `min` rows whose label is not a placeholder message. */
  async waitRows(pane: Locator, min = 1, timeout = 30_000): Promise<Row[]> {
    const deadline = Date.now() + timeout;
    let rows: Row[] = [];
    while (Date.now() < deadline) {
      rows = await this.rows(pane);
      if (rows.length >= min) return rows;
      await this.page.waitForTimeout(300);
    }
    throw new Error(`the view shows ${rows.length} rows, wanted ${min}: ${JSON.stringify(rows.map((r) => r.label))}`);
  }

  row(pane: Locator, label: string | RegExp): Locator {
    return this.treeRows(pane)
      .filter({ has: this.page.locator('.label-name', { hasText: label }) })
      .first();
  }

  /** Hovers a row and clicks its inline action by title ("Approve"). */
  async inlineAction(row: Locator, title: string): Promise<void> {
    await row.hover();
    const action = row.locator(`.actions .action-label[aria-label="${title}"], .actions .action-label[title="${title}"]`).first();
    await action.waitFor({ timeout: 10_000 });
    await action.click();
  }

  /** Titles of a row's inline actions (shown on hover). */
  async inlineActions(row: Locator): Promise<string[]> {
    await row.hover();
    return row
      .locator('.actions .action-label')
      .evaluateAll((els) =>
        els.map((el) => (el as unknown as { getAttribute(n: string): string | null }).getAttribute('aria-label') ?? ''),
      );
  }

  // --- walkthroughs (VS Code's Getting Started editor) --------------------------------------------

  /** The steps of the walkthrough shown in the editor, in order: id (after the last '#'), title, done. */
  async walkthroughSteps(): Promise<WalkthroughStep[]> {
    return this.page.locator('.gettingStartedContainer button.getting-started-step:visible').evaluateAll((els) =>
      els.map((el) => {
        const e = el as unknown as {
          getAttribute(n: string): string | null;
          querySelector(s: string): { textContent: string | null; getAttribute(n: string): string | null } | null;
        };
        return {
          id: (e.getAttribute('data-step-id') ?? '').split('#').pop() ?? '',
          title: (e.querySelector('.step-title')?.textContent ?? '').trim(),
          // VS Code updates the checkbox in place when a step completes.
          done: e.querySelector('[data-done-step-id]')?.getAttribute('aria-checked') === 'true',
        };
      }),
    );
  }

  /** Clears the notification toasts (before a screenshot that is published). */
  async clearNotifications(): Promise<void> {
    await this.runCommand('Notifications: Clear All Notifications');
    await this.page.waitForTimeout(300);
  }

  // --- dialogs, notifications, output ---------------------------------------------------------

  get dialog(): Locator {
    return this.page.locator('.monaco-dialog-box');
  }

  async dialogMessage(): Promise<string> {
    await this.dialog.waitFor({ timeout: 10_000 });
    return ((await this.dialog.locator('.dialog-message-text, .dialog-message').first().textContent()) ?? '').trim();
  }

  async clickDialogButton(text: string): Promise<void> {
    await this.dialog.locator('.monaco-button', { hasText: text }).first().click();
    await this.dialog.waitFor({ state: 'hidden', timeout: 10_000 });
  }

  async notifications(): Promise<string[]> {
    return this.page.locator('.notifications-toasts .notification-toast .notification-list-item-message').allTextContents();
  }

  /** The text of the Output panel's channel `name` (shows the panel on that channel). */
  async outputText(name: string): Promise<string> {
    await this.runCommand('Output: Show Output Channels...');
    await this.pick(name, name);
    await this.waitQuickInputHidden(10_000).catch(() => undefined);
    const editor = this.page.locator('.output-view .view-lines').first();
    await editor.waitFor({ timeout: 15_000 });
    return editor.evaluate((el) => ((el as unknown as { innerText: string }).innerText ?? '').replace(/\u00a0/g, ' '));
  }
}

/** Compares titles whatever their ellipsis ("…" or "..."). */
function dots(s: string): string {
  return s.replace(/\u2026/g, '...').trim();
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export async function waitUntil<T>(
  what: string,
  probe: () => Promise<T> | T,
  timeoutMs = 20_000,
  intervalMs = 300,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v) return v as NonNullable<T>;
      last = v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
