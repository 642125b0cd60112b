import type { ServiceContext } from '../../core/context.js';
import { PROBLEM_STAGES, type ProblemStage } from '../../domain/problems.js';
import { updateProblem } from '../problems/problems.service.js';

/**
 * Moves a new problem (in scanning) forward one SARA step at a time to `stage`, as a coordinator would, each
 * step audited. The seed calls it once the problem's measures are in the state the stage implies: analysis
 * before anything runs, response once a measure has started, assessment once a follow-up is recorded.
 */
export async function advanceProblem(ctx: ServiceContext, problemId: string, stage: ProblemStage): Promise<void> {
  for (const next of PROBLEM_STAGES.slice(1, PROBLEM_STAGES.indexOf(stage) + 1))
    await updateProblem(ctx, problemId, { stage: next });
}
