// Live queries: re-run when the tables they read change, in this tab or another one.
export { liveQuery as observe } from 'dexie';
