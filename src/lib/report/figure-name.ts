/**
 * The figures of the weather report: each is drawn by the figures helper (SVG/PNG) from the report,
 * has a CSV of the same name, and is embedded in weather.md after the sentence it supports.
 */
export type FigureName =
  | 'commits-by-year'
  | 'organisations-over-time'
  | 'top-organisations'
  | 'last-12-months'
  | 'reviews-against-commits'
  | 'newcomers';

/** Every figure, in the order the report shows them. */
export const FIGURE_NAMES: readonly FigureName[] = [
  'commits-by-year',
  'organisations-over-time',
  'top-organisations',
  'last-12-months',
  'reviews-against-commits',
  'newcomers',
];

/** Each figure's title: the alt text of its image in weather.md. */
export const FIGURE_TITLES: Record<FigureName, string> = {
  'commits-by-year': 'Commits by year',
  'organisations-over-time': 'Organisations over time',
  'top-organisations': 'Top organisations',
  'last-12-months': 'The last 12 months',
  'reviews-against-commits': 'Reviews against commits',
  newcomers: 'Newcomers',
};
