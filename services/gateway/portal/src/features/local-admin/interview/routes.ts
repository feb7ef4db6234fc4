import { defineFeature } from '../../../app/feature';

export const localAdminInterviewFeature = defineFeature({
  name: 'local-admin-interview',
  routes: [
    {
      path: 'local-admin/interview',
      audience: ['local_admin'],
      page: () => import('./interview-page'),
    },
  ],
  nav: [
    {
      to: '/local-admin/interview',
      label: { id: 'Jadwal wawancara', en: 'Interview schedule' },
      audience: ['local_admin'],
      order: 34,
    },
  ],
});
