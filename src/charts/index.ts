/** The figure drawer, every chart component and the pure helpers the dashboard and the CLI use. */
export { default as FigureChart } from './FigureChart.svelte';
export { default as CommitsByYearChart } from './CommitsByYearChart.svelte';
export { default as OrganisationsOverTimeChart } from './OrganisationsOverTimeChart.svelte';
export { default as TopOrganisationsChart } from './TopOrganisationsChart.svelte';
export { default as Last12MonthsChart } from './Last12MonthsChart.svelte';
export { default as ReviewsAgainstCommitsChart } from './ReviewsAgainstCommitsChart.svelte';
export { default as NewcomersChart } from './NewcomersChart.svelte';
export { default as YearSeriesChart } from './YearSeriesChart.svelte';
export { default as MatrixChart } from './MatrixChart.svelte';
export { default as YearLinesChart } from './YearLinesChart.svelte';
export * from './palette.ts';
export * from './format.ts';
export * from './text.ts';
export * from './layout.ts';
export * from './stack.ts';
export * from './ticks.ts';
export * from './svg-markup.ts';
export * from './font-faces.ts';
