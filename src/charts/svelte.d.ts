/** `.svelte` imports seen from plain TypeScript (tsc); svelte-check uses the components' own types. */
declare module '*.svelte' {
  import type { Component } from 'svelte';
  const component: Component<Record<string, unknown>>;
  export default component;
}
