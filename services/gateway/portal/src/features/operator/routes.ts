import { defineFeature } from '../../app/feature';

export const operatorFeature = defineFeature({
  name: 'operator',
  routes: [
    { path: 'operator', audience: ['unit_operator'], page: () => import('./proposals-page') },
    {
      path: 'operator/proposals/:proposalId',
      audience: ['unit_operator'],
      page: () => import('./editor-page'),
    },
    {
      path: 'operator/replications',
      audience: ['unit_operator', 'local_admin'],
      page: () => import('./replications-page'),
    },
    {
      path: 'operator/visits',
      audience: ['unit_operator', 'local_admin'],
      page: () => import('./visits-page'),
    },
    {
      path: 'operator/check-ins',
      audience: ['unit_operator', 'local_admin'],
      page: () => import('./check-ins-page'),
    },
    {
      path: 'operator/certificates',
      audience: ['unit_operator', 'local_admin'],
      page: () => import('./certificates-page'),
    },
    // The paths notification mails link to.
    {
      path: 'replications/:replicationId',
      audience: ['unit_operator', 'local_admin'],
      page: () => import('./replication-page'),
    },
    {
      path: 'innovations/:innovationId/check-ins/:checkInId',
      audience: ['unit_operator', 'local_admin'],
      page: () => import('./check-in-page'),
    },
  ],
  nav: [
    {
      to: '/operator',
      label: { id: 'Proposal saya', en: 'My proposals' },
      audience: ['unit_operator'],
      order: 10,
    },
    {
      to: '/operator/replications',
      label: { id: 'Replikasi & studi tiru', en: 'Replications & visits' },
      audience: ['unit_operator'],
      order: 11,
    },
  ],
});
