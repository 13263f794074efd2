/**
 * The virtualised results table: a sticky header and only the rows in view (plus a few) in the
 * DOM, repositioned on scroll, so 10,000 rows scroll like 30. Sorting reorders an index, never the
 * rows; selection names a row by its index in the data, whatever the order on screen.
 */
import { cellText } from '../../insights/hogql/export';
import { type SortDirection, sortedOrder } from '../../insights/hogql/sortRows';
import { rowWindow } from '../../insights/hogql/virtualWindow';

export const ROW_HEIGHT = 22;

export interface Selection {
  /** Index into the data's rows. */
  row: number;
  col: number;
}

export class VirtualTable {
  /** Data indices in screen order once sorted; before that, screen order is data order (nothing O(rows) at first paint). */
  private order: number[] | undefined;
  private sort: { col: number; dir: SortDirection } | undefined;
  private selected: Selection | undefined;
  private readonly scroller: HTMLDivElement;
  private readonly body: HTMLDivElement;
  private readonly rowsEl: HTMLDivElement;
  private readonly header: HTMLDivElement;
  private readonly template: string;
  private readonly numeric: boolean[];
  private drawn = { first: -1, last: -1 };
  private frame = 0;
  private readonly resized: ResizeObserver;

  constructor(
    parent: HTMLElement,
    private readonly columns: string[],
    private readonly rows: unknown[][],
    private readonly onSelect: (s: Selection | undefined) => void,
  ) {
    this.numeric = columns.map((_c, i) => rows.slice(0, 200).every((r) => r[i] === null || r[i] === undefined || typeof r[i] === 'number'));
    this.template = `56px ${columns.map((_c, i) => `${this.width(i)}px`).join(' ')}`;

    this.scroller = el('div', 'scroller');
    this.scroller.setAttribute('role', 'grid');
    this.scroller.setAttribute('aria-rowcount', String(rows.length + 1));
    this.scroller.setAttribute('aria-colcount', String(columns.length));
    this.scroller.tabIndex = 0;
    this.header = el('div', 'header');
    this.header.setAttribute('role', 'row');
    this.header.style.gridTemplateColumns = this.template;
    this.body = el('div', 'body');
    this.body.style.height = `${rows.length * ROW_HEIGHT}px`;
    this.rowsEl = el('div', 'rows');
    this.body.append(this.rowsEl);
    this.scroller.append(this.header, this.body);
    parent.append(this.scroller);
    this.drawHeader();
    this.scroller.addEventListener('scroll', () => this.schedule(), { passive: true });
    this.resized = new ResizeObserver(() => this.schedule());
    this.resized.observe(this.scroller);
    this.scroller.addEventListener('click', (e) => this.clicked(e));
    this.scroller.addEventListener('keydown', (e) => this.key(e));
    this.draw();
  }

  /** The data index of the row shown at position `i` (after sorting). */
  rowAt(i: number): number {
    return this.order ? this.order[i] : i;
  }

  /** Stops watching the table's size (a new result replaces it; the observer would keep it alive). */
  destroy(): void {
    this.resized.disconnect();
    cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  get selection(): Selection | undefined {
    return this.selected;
  }

  sortBy(col: number): void {
    const dir: SortDirection = this.sort?.col === col && this.sort.dir === 'asc' ? 'desc' : 'asc';
    this.sort = { col, dir };
    this.order = sortedOrder(this.rows, col, dir);
    this.drawHeader();
    this.redraw();
  }

  private width(col: number): number {
    let chars = this.columns[col].length + 2;
    for (const row of this.rows.slice(0, 100)) chars = Math.max(chars, Math.min(60, cellText(row[col]).length));
    return Math.max(64, Math.min(440, chars * 8.5 + 24));
  }

  private drawHeader(): void {
    const cells = [el('div', 'th rownum')];
    cells[0].textContent = '#';
    this.columns.forEach((name, i) => {
      const th = el('div', 'th');
      th.dataset.col = String(i);
      th.tabIndex = 0;
      th.setAttribute('role', 'columnheader');
      th.title = `${name}: click to sort`;
      const label = el('span');
      label.textContent = name;
      th.append(label);
      if (this.sort?.col === i) {
        th.setAttribute('aria-sort', this.sort.dir === 'asc' ? 'ascending' : 'descending');
        const dir = el('span', 'dir');
        dir.textContent = this.sort.dir === 'asc' ? '▲' : '▼';
        th.append(dir);
      }
      cells.push(th);
    });
    this.header.replaceChildren(...cells);
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  private redraw(): void {
    this.drawn = { first: -1, last: -1 };
    this.draw();
  }

  /** Draws the rows in view; nothing when the window has not moved. */
  draw(): void {
    const viewport = Math.max(this.scroller.clientHeight - ROW_HEIGHT, ROW_HEIGHT);
    const w = rowWindow({
      rowCount: this.rows.length,
      rowHeight: ROW_HEIGHT,
      scrollTop: this.scroller.scrollTop,
      viewportHeight: viewport,
    });
    if (w.first === this.drawn.first && w.last === this.drawn.last) return;
    this.drawn = { first: w.first, last: w.last };
    const frag = document.createDocumentFragment();
    for (let i = w.first; i < w.last; i++) frag.append(this.rowElement(i));
    this.rowsEl.style.transform = `translateY(${w.offsetTop}px)`;
    this.rowsEl.replaceChildren(frag);
  }

  private rowElement(position: number): HTMLElement {
    const index = this.rowAt(position);
    const data = this.rows[index];
    const row = el('div', 'row');
    row.setAttribute('role', 'row');
    row.setAttribute('aria-rowindex', String(position + 2));
    row.style.gridTemplateColumns = this.template;
    const num = el('div', 'cell rownum');
    num.textContent = String(position + 1);
    row.append(num);
    for (let c = 0; c < this.columns.length; c++) {
      const v = data[c];
      const isNull = v === null || v === undefined;
      const cell = el('div', `cell${this.numeric[c] ? ' num' : ''}${isNull ? ' null' : ''}`);
      cell.setAttribute('role', 'gridcell');
      cell.dataset.row = String(index);
      cell.dataset.col = String(c);
      const text = cellText(v);
      cell.textContent = text;
      if (text.length > 20) cell.title = text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
      if (this.selected?.row === index && this.selected.col === c) cell.classList.add('selected');
      row.append(cell);
    }
    return row;
  }

  private clicked(e: MouseEvent): void {
    const target = (e.target as HTMLElement).closest<HTMLElement>('[data-col]');
    if (!target) return;
    const col = Number(target.dataset.col);
    if (target.classList.contains('th')) return this.sortBy(col);
    this.select({ row: Number(target.dataset.row), col });
  }

  private select(s: Selection | undefined): void {
    this.selected = s;
    this.onSelect(s);
    this.redraw();
  }

  private key(e: KeyboardEvent): void {
    const target = e.target as HTMLElement;
    if (target.classList.contains('th') && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      return this.sortBy(Number(target.dataset.col));
    }
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const move = moves[e.key];
    if (!move || this.rows.length === 0) return;
    e.preventDefault();
    const position = !this.selected ? -1 : this.order ? this.order.indexOf(this.selected.row) : this.selected.row;
    const next = Math.max(0, Math.min(this.rows.length - 1, position + move[0]));
    const col = Math.max(0, Math.min(this.columns.length - 1, (this.selected?.col ?? 0) + move[1]));
    this.select({ row: this.rowAt(next), col });
    const top = next * ROW_HEIGHT;
    const viewport = this.scroller.clientHeight - ROW_HEIGHT;
    if (top < this.scroller.scrollTop) this.scroller.scrollTop = top;
    else if (top + ROW_HEIGHT > this.scroller.scrollTop + viewport) this.scroller.scrollTop = top + ROW_HEIGHT - viewport;
  }
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  return node;
}
