import { defineFeature } from '../../app/feature';

export const dashboardFeature = defineFeature({
  name: 'dashboard',
  routes: [{ path: '/', audience: 'public', page: () => import('./dashboard-page') }],
  nav: [{ to: '/', label: { id: 'Beranda', en: 'Home' }, audience: 'public', order: 0 }],
});
