import { defineFeature, type FeatureRoute } from '../../app/feature';
import type { ProposalAspect } from './link-targets';

const PROPOSAL_AUDIENCE: FeatureRoute['audience'] = ['unit_operator', 'local_admin'];

function proposalAspect(aspect: ProposalAspect): FeatureRoute {
  return {
    path: `proposals/:proposalId/${aspect}`,
    audience: PROPOSAL_AUDIENCE,
    page: () =>
      import('./proposal-link-page').then(({ ProposalLink }) => ({
        default: () => <ProposalLink aspect={aspect} />,
      })),
  };
}

/**
 * The addresses other services send people to (mails, certificate QR codes), kept stable
 * whatever the portal's own pages are called: `PORTAL_LINK_PATTERNS` in @kipp/contracts
 * lists them, and each forwards to the page that serves it now.
 */
export const linksFeature = defineFeature({
  name: 'links',
  routes: [
    {
      path: 'proposals/:proposalId',
      audience: PROPOSAL_AUDIENCE,
      page: () => import('./proposal-link-page'),
    },
    proposalAspect('selection'),
    proposalAspect('objections'),
    proposalAspect('interview'),
    proposalAspect('results'),
    {
      path: 'evaluation/assignments',
      audience: ['evaluator'],
      page: () => import('./assignment-link-page'),
    },
    {
      path: 'evaluation/assignments/:assignmentId',
      audience: ['evaluator'],
      page: () => import('./assignment-link-page'),
    },
  ],
});
