import sql from './query.sql?raw';
import { defineMetric } from '../metric.ts';

/** One year's elephant factor. */
export interface ElephantFactorRow {
  year: number;
  /**
   * The fewest organisations (not Unknown) whose commits reach half of all the year's commits
   * (Unknown's included); 0 for a year without commits; null when Unknown holds over half.
   */
  elephantFactor: number | null;
  /** All the year's commits in [since, asOf), Unknown's included. */
  commits: number;
}

/** The CHAOSS elephant factor per calendar year in [since, asOf). */
export const elephantFactorByYear = defineMetric<ElephantFactorRow>({
  name: 'elephant-factor-by-year',
  title: 'Elephant factor',
  description:
    "The fewest organisations (Unknown excluded) whose commits reach half of all the year's commits (Unknown's included), per calendar year; null when Unknown holds more than half.",
  sql,
});
