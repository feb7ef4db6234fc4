import type { TemplateId } from '../notification/catalogue';
import { ACCOUNT_TEMPLATES } from './account.templates';
import { BROADCAST_TEMPLATES } from './broadcast.templates';
import { DIGEST_TEMPLATES } from './digest.templates';
import { EVALUATION_TEMPLATES } from './evaluation.templates';
import { PROPOSAL_TEMPLATES } from './proposal.templates';
import { REPLICATION_TEMPLATES } from './replication.templates';
import { RESULTS_TEMPLATES } from './results.templates';
import type { TemplateDefinitions } from './template-source';

/** Every template of the catalogue (the type insists on each one). */
export const TEMPLATE_DEFINITIONS: TemplateDefinitions<TemplateId> = {
  ...ACCOUNT_TEMPLATES,
  ...PROPOSAL_TEMPLATES,
  ...EVALUATION_TEMPLATES,
  ...RESULTS_TEMPLATES,
  ...REPLICATION_TEMPLATES,
  ...BROADCAST_TEMPLATES,
  ...DIGEST_TEMPLATES,
};
