/**
 * Where each of the report's sentences is shown: beside a figure it supports that draws what it
 * speaks of. A sentence that counts commits is never put beside a figure counting reviews, and a
 * sentence that names organisations only beside a figure that labels every one of them (none
 * hidden in "Other"). Works on the sentences and figures of any metric of the registry.
 */
import { labelledNames } from '../figures/chart-names.ts';
import type { ChartSpec } from '../figures/chart-spec.ts';
import { chartCounts } from '../figures/figure-frame.ts';
import type { ReportSentence } from '../metrics/report-metric.ts';

/** A figure a sentence may be placed beside: its name and what it draws. */
export interface SentenceTarget {
  name: string;
  chart: ChartSpec;
}

/** True when `sentence` may stand beside `target`: same thing counted, every name labelled. */
export function fitsFigure(sentence: ReportSentence, target: SentenceTarget): boolean {
  const counts = chartCounts(target.chart);
  const both = ['commits', 'reviews'];
  if (
    sentence.counts !== undefined &&
    counts !== null &&
    both.includes(counts) &&
    both.includes(sentence.counts) &&
    counts !== sentence.counts
  ) {
    return false;
  }
  if (!sentence.names || sentence.names.length === 0) return true;
  const labelled = new Set(labelledNames(target.chart));
  return sentence.names.every((name) => labelled.has(name));
}

/**
 * The figure each sentence is shown beside, by figure name (in the order given): the first that
 * fits (see {@link fitsFigure}) of the figures it names, then its own metric's figure (`own`),
 * then, for a sentence that names organisations or has no figure of its own, any figure that
 * fits. A sentence no figure fits is left out (it stays in the report's text).
 */
export function placeSentences(
  targets: readonly SentenceTarget[],
  sentences: ReadonlyArray<{ sentence: ReportSentence; own?: string | undefined }>,
): Map<string, string[]> {
  const placed = new Map<string, string[]>(targets.map((t) => [t.name, []]));
  for (const { sentence, own } of sentences) {
    const named = [...sentence.figures, ...(own ? [own] : [])].flatMap((name) =>
      targets.filter((t) => t.name === name),
    );
    const anywhere = named.length === 0 || (sentence.names?.length ?? 0) > 0;
    const candidates = anywhere ? [...named, ...targets] : named;
    const target = candidates.find((t) => fitsFigure(sentence, t));
    if (target) placed.get(target.name)!.push(sentence.text);
  }
  return placed;
}
