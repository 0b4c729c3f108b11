// Hash routes (#/templates …) so the page works from any static host, sub-path or file.
export type Route = 'templates' | 'rate' | 'review' | 'dashboard' | 'files';
/** The routes in the navigation. */
export const ROUTES: readonly Route[] = ['templates', 'rate', 'review', 'dashboard', 'files'];
/** Pages reached by link only, not in the navigation: `print` (scorecards, without the app header). */
export type PageRoute = Route | 'print';
const PAGES: readonly PageRoute[] = [...ROUTES, 'print'];
const DEFAULT_ROUTE: Route = 'rate';

function parse(hash: string): { route: PageRoute; params: Readonly<Record<string, string>> } {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const route = (PAGES as readonly string[]).includes(path) ? (path as PageRoute) : DEFAULT_ROUTE;
  return { route, params: Object.fromEntries(new URLSearchParams(query)) };
}

/** The page shown and its parameters, following the address's hash. One instance for the app. */
class Router {
  private state = $state(parse(globalThis.location?.hash ?? ''));

  constructor() {
    if (typeof window !== 'undefined') {
      window.addEventListener('hashchange', () => {
        this.state = parse(window.location.hash);
      });
    }
  }

  get route(): PageRoute {
    return this.state.route;
  }

  get params(): Readonly<Record<string, string>> {
    return this.state.params;
  }
}

export const router = new Router();

export function hrefFor(route: PageRoute, params?: Record<string, string>): string {
  const pairs = Object.entries(params ?? {}).map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`);
  const query = pairs.length > 0 ? `?${pairs.join('&')}` : '';
  return `#/${route}${query}`;
}

export function navigate(route: PageRoute, params?: Record<string, string>): void {
  window.location.hash = hrefFor(route, params);
}
