// A Dexie live query as reactive state: re-runs when the tables it reads change (in any tab)
// and when the reactive values read by `deps` change.
import { observe } from '../../store/index';

export class Live<T, D = unknown> {
  /** The latest result (`initial` until the first one arrives). */
  current: T;
  loading = $state(true);
  error = $state.raw<unknown>(undefined);

  /** Must be made while a component initialises (its effect ends with the component). */
  constructor(deps: () => D, query: (deps: D) => Promise<T>, initial: T) {
    this.current = $state.raw(initial);
    $effect(() => {
      const input = deps();
      this.loading = true;
      const subscription = observe(() => query(input)).subscribe({
        next: (next) => {
          this.current = next;
          this.loading = false;
          this.error = undefined;
        },
        error: (failure: unknown) => {
          this.error = failure;
          this.loading = false;
        },
      });
      return () => subscription.unsubscribe();
    });
  }
}

/** `new Live(...)`, with the type of `deps` inferred. */
export function live<D, T>(deps: () => D, query: (deps: D) => Promise<T>, initial: T): Live<T> {
  return new Live<T, D>(deps, query, initial);
}
