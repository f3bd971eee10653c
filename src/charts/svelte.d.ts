/** `.svelte` imports seen from plain TypeScript (tsc); svelte-check uses the components' own types. */
declare module '*.svelte' {
  import type { Component } from 'svelte';
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const component: Component<any>;
  export default component;
}
