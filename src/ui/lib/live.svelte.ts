// A Dexie live query as reactive state: re-runs when the tables it reads change (in any tab)
// and when the reactive values read by `deps` change.
import { observe } from '../../store/live';

export interface Live<T> {
  readonly current: T;
  readonly loading: boolean;
  readonly error: unknown;
}

export function live<D, T>(deps: () => D, query: (deps: D) => Promise<T>, initial: T): Live<T> {
  let value = $state.raw<T>(initial);
  let loading = $state(true);
  let error = $state.raw<unknown>(undefined);
  $effect(() => {
    const input = deps();
    loading = true;
    const subscription = observe(() => query(input)).subscribe({
      next: (next) => {
        value = next;
        loading = false;
        error = undefined;
      },
      error: (failure: unknown) => {
        error = failure;
        loading = false;
      },
    });
    return () => subscription.unsubscribe();
  });
  return {
    get current() {
      return value;
    },
    get loading() {
      return loading;
    },
    get error() {
      return error;
    },
  };
}
