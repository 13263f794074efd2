/**
 * Page helpers for driving VS Code's workbench (code-server 1.139) through Playwright, written
 * against the DOM a person sees: the activity bar, view panes, tree rows, the quick input, dialogs,
 * notifications and the Output panel. Selectors: ../shared/real-vscode.md.
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

  get quickInput(): Locator {
    return this.page.locator('.quick-input-widget');
  }

  get quickInputBox(): Locator {
    return this.quickInput.locator('.quick-input-box input');
  }

  get quickInputRows(): Locator {
    return this.quickInput.locator('.monaco-list-row');
  }

  async waitQuickInput(timeout = 15_000): Promise<void> {
    await this.quickInput.waitFor({ state: 'visible', timeout });
  }

  async quickInputTitle(): Promise<string> {
    return ((await this.quickInput.locator('.quick-input-title').textContent()) ?? '').trim();
  }

  /** Labels of the quick pick's rows. */
  async quickPickLabels(): Promise<string[]> {
    return this.quickInputRows.evaluateAll((rows) =>
      rows.map((r) => {
        const row = r as unknown as { textContent: string | null; querySelector(s: string): { textContent: string | null } | null };
        return (row.querySelector('.label-name')?.textContent ?? row.textContent ?? '').trim();
      }),
    );
  }

  /** Opens the command palette and returns once the rows for `text` are shown. */
  async openPalette(text: string): Promise<void> {
    await this.dismissQuickInput();
    await this.page.keyboard.press('F1');
    await this.waitQuickInput();
    await this.quickInputBox.fill(`>${text}`);
    await this.page.waitForTimeout(300);
  }

  /** Runs a command by its palette title ("PostHog: Sign In"): F1, type, pick the exact row, Enter. */
  async runCommand(title: string, timeout = 15_000): Promise<void> {
    await this.openPalette(title);
    const row = this.quickInputRows.filter({ has: this.page.locator('.label-name', { hasText: title }) }).first();
    await row.waitFor({ timeout });
    await row.click();
  }

  /** Clicks the quick pick row whose label contains `text`. */
  async pick(text: string | RegExp, timeout = 15_000): Promise<void> {
    const row = this.quickInputRows.filter({ hasText: text }).first();
    await row.waitFor({ timeout });
    await row.click();
  }

  async typeAndEnter(value: string): Promise<void> {
    await this.quickInputBox.fill(value);
    await this.quickInputBox.press('Enter');
  }

  async dismissQuickInput(): Promise<void> {
    if (await this.quickInput.isVisible()) {
      await this.page.keyboard.press('Escape');
      await this.quickInput.waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
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
      await this.page.waitForTimeout(500);
    }
    if (!(await showing())) throw new Error(`the ${title} view container does not show in the side bar`);
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

  treeRows(pane: Locator): Locator {
    return pane.locator('[role="tree"] [role="treeitem"]');
  }

  /** The rows a person sees in a view: label, description, icon, level. */
  async rows(pane: Locator): Promise<Row[]> {
    return this.treeRows(pane).evaluateAll((els) =>
      els.map((el) => {
        const e = el as unknown as {
          getAttribute(n: string): string | null;
          querySelector(s: string): { textContent: string | null; className?: string } | null;
          querySelectorAll(s: string): ArrayLike<{ className: string | { baseVal: string } }>;
        };
        const icons: string[] = [];
        const iconEls = e.querySelectorAll('.custom-view-tree-node-item-icon, .codicon');
        for (let i = 0; i < iconEls.length; i++) {
          const cn = iconEls[i].className;
          const s = typeof cn === 'string' ? cn : cn.baseVal;
          for (const c of s.split(/\s+/)) if (c.startsWith('codicon-') && !c.startsWith('codicon-tree-item-')) icons.push(c);
        }
        const expandedAttr = e.getAttribute('aria-expanded');
        return {
          label: (e.querySelector('.label-name')?.textContent ?? '').trim(),
          description: (e.querySelector('.label-description')?.textContent ?? '').trim(),
          ariaLabel: e.getAttribute('aria-label') ?? '',
          icons,
          level: Number(e.getAttribute('aria-level') ?? 1),
          expanded: expandedAttr === null ? undefined : expandedAttr === 'true',
        };
      }),
    );
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
      .evaluateAll((els) => els.map((el) => (el as unknown as { getAttribute(n: string): string | null }).getAttribute('aria-label') ?? ''));
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

  /** The text of the Output panel's channel `name` (opens the panel, selects the channel). */
  async outputText(name: string): Promise<string> {
    await this.runCommand('Output: Show Output Channels...').catch(async () => this.runCommand('View: Toggle Output'));
    if (await this.quickInput.isVisible()) await this.pick(name);
    const editor = this.page.locator('.panel .output-view .view-lines').first();
    await editor.waitFor({ timeout: 15_000 });
    return editor.evaluate((el) => ((el as unknown as { innerText: string }).innerText ?? '').replace(/\u00a0/g, ' '));
  }
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export async function waitUntil<T>(what: string, probe: () => Promise<T> | T, timeoutMs = 20_000, intervalMs = 300): Promise<NonNullable<T>> {
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
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
