import { Injectable } from '@nestjs/common';
import { computePlenaryTiers, type PlenaryOutcome } from '../plenary-tiers';
import { PlenaryInputsLoader } from '../plenary-inputs';

export interface PlenaryPreview extends PlenaryOutcome {
  editionId: string;
  missingPanelScores: string[];
}

/** The final tiers as they would be published now (nothing is written). */
@Injectable()
export class PreviewPlenaryUseCase {
  constructor(private readonly inputs: PlenaryInputsLoader) {}

  async execute(editionId: string): Promise<PlenaryPreview> {
    const inputs = await this.inputs.load(editionId);
    const outcome = computePlenaryTiers(inputs.candidates, inputs.configuration.stageSizes);
    return { editionId, missingPanelScores: inputs.missingPanelScores, ...outcome };
  }
}
