import { defineFeature } from '../../app/feature';

export const evaluatorFeature = defineFeature({
  name: 'evaluator',
  routes: [
    {
      path: 'evaluator',
      audience: ['evaluator', 'panelist'],
      page: () => import('./assignments-page'),
    },
    {
      path: 'evaluator/assignments/:assignmentId',
      audience: ['evaluator'],
      page: () => import('./desk-sheet-page'),
    },
    {
      path: 'evaluator/panel/:editionId/:proposalId',
      audience: ['panelist'],
      page: () => import('./panel-sheet-page'),
    },
    {
      path: 'evaluator/interviews',
      audience: ['evaluator', 'panelist'],
      page: () => import('./interviews-page'),
    },
    {
      path: 'evaluator/field-verification',
      audience: ['panelist'],
      page: () => import('./field-verification-page'),
    },
  ],
  nav: [
    {
      to: '/evaluator',
      label: { id: 'Penilaian', en: 'Evaluation' },
      audience: ['evaluator', 'panelist'],
      order: 40,
    },
    {
      to: '/evaluator/interviews',
      label: { id: 'Wawancara', en: 'Interviews' },
      audience: ['panelist'],
      order: 41,
    },
    {
      to: '/evaluator/field-verification',
      label: { id: 'Verifikasi lapangan', en: 'Field verification' },
      audience: ['panelist'],
      order: 42,
    },
  ],
});
