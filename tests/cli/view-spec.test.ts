/** `--view NAME=KEY:VALUE,…` as `barometer site` and `serve` read it, and the line each view prints. */
import { describe, expect, it } from 'vitest';
import { parseViewSpec, parseViews, viewLines } from '../../src/cli/view-spec.ts';

describe('named views', () => {
  it('reads every key, repeatable filters included', () => {
    expect(
      parseViewSpec(
        'arm=asOf:2018-06-01,since:2011,top:8,path:xen/arch/arm/,repo:xen,subproject:Hypervisor,area:Arm,kind:reviews,mode:shares',
      ),
    ).toEqual({
      name: 'arm',
      asOf: '2018-06-01',
      since: '2011-01-01',
      top: 8,
      repositories: ['xen'],
      subprojects: ['Hypervisor'],
      paths: ['xen/arch/arm'],
      areas: ['Arm'],
      kind: 'reviews',
      mode: 'shares',
    });
  });

  it('says which view and which part is wrong', () => {
    expect(() => parseViewSpec('x=asOf:2018-06-01,subproject:')).toThrow(
      '--view x=asOf:2018-06-01,subproject:: subproject needs a sub-project name',
    );
    expect(() => parseViewSpec('x=asOf:2018-06-01,colour:red')).toThrow(
      "unknown key 'colour' (asOf, since, top, path, repo, subproject, area, kind, mode)",
    );
    expect(() => parseViews(['a=asOf:2018-06-01', 'a=asOf:2019-06-01'])).toThrow(
      '--view a given twice',
    );
  });

  it('prints where each view opens and what narrows it', () => {
    const view = {
      ...parseViewSpec('apps=asOf:2018-06-01,since:2015,subproject:Apps'),
      since: '2015-01-01',
      report: 'views/apps.json',
    };
    expect(viewLines([view], 'http://127.0.0.1:8080/')).toEqual([
      'view apps: http://127.0.0.1:8080/?view=apps (as of 1 June 2018, since 2015, sub-project Apps)',
    ]);
  });
});
