import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Folders whose files take minutes each (API fuzzing, browser and CLI end-to-end), in the order to start them. */
const SLOW_FIRST = ['/tests/fuzz/', '/tests/e2e/'];

function rank(spec: TestSpecification): number {
  const index = SLOW_FIRST.findIndex((folder) => spec.moduleId.includes(folder));
  return index === -1 ? SLOW_FIRST.length : index;
}

/**
 * A clean clone (CI) has no timings from earlier runs, so vitest would order files by size and could leave
 * the longest ones for last on one worker. Starting them first lets the quick files fill in around them.
 */
export class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    return sorted
      .map((spec, order) => ({ spec, order }))
      .sort((a, b) => rank(a.spec) - rank(b.spec) || a.order - b.order)
      .map(({ spec }) => spec);
  }
}
