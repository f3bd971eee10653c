/** The dashboard's entry: fonts, styles, and the app mounted into the page. */
import '@fontsource/inter/latin-400.css';
import '@fontsource/inter/latin-600.css';
import './styles.css';
import { mount } from 'svelte';
import { themeStyle, THEMES } from '../charts/palette.ts';
import App from './App.svelte';
import { startLoading } from './data/engine.ts';

// The engine, the manifest and the data start loading before anything is drawn.
startLoading(undefined, location.search);

// Charts paint with --bm-* variables: the light or dark theme, as the reader's system prefers.
const dark = window.matchMedia('(prefers-color-scheme: dark)');
const applyTheme = () =>
  document.documentElement.setAttribute(
    'style',
    themeStyle(THEMES[dark.matches ? 'dark' : 'light']),
  );
applyTheme();
dark.addEventListener('change', applyTheme);

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

/** The mounted app (one per page). */
export const app = mount(App, { target });
