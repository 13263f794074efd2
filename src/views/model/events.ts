/** A tiny event emitter with the same shape as vscode.Event, so models stay free of `vscode`. */

export interface Disposable {
  dispose(): void;
}

export type Listener<T> = (value: T) => void;
export type Event<T> = (listener: Listener<T>) => Disposable;

export class Emitter<T> {
  private readonly listeners = new Set<Listener<T>>();

  readonly event: Event<T> = (listener) => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };

  fire(value: T): void {
    for (const l of [...this.listeners]) {
      try {
        l(value);
      } catch {
        /* a listener's failure is not the emitter's */
      }
    }
  }

  dispose(): void {
    this.listeners.clear();
  }
}
