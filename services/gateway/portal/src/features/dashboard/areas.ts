import type { Role } from '../../auth/roles';
import type { dashboardMessages } from './messages';

type Texts = (typeof dashboardMessages)['id'];
type TextKey = { [K in keyof Texts]: Texts[K] extends string ? K : never }[keyof Texts];

/** A role's work area: where it lives and how the dashboard card reads. */
export interface RoleArea {
  readonly path: string;
  readonly roles: readonly Role[];
  readonly title: TextKey;
  readonly body: TextKey;
  readonly link: TextKey;
}

/** The areas by role, each built by its own feature under these paths. */
export const ROLE_AREAS: readonly RoleArea[] = [
  {
    path: '/admin',
    roles: ['national_admin'],
    title: 'adminTitle',
    body: 'adminBody',
    link: 'adminLink',
  },
  {
    path: '/local-admin',
    roles: ['local_admin'],
    title: 'localAdminTitle',
    body: 'localAdminBody',
    link: 'localAdminLink',
  },
  {
    path: '/operator',
    roles: ['unit_operator'],
    title: 'operatorTitle',
    body: 'operatorBody',
    link: 'operatorLink',
  },
  {
    path: '/evaluator',
    roles: ['evaluator', 'panelist'],
    title: 'evaluatorTitle',
    body: 'evaluatorBody',
    link: 'evaluatorLink',
  },
];

/** The areas a person with these roles works in, in the order above. */
export function areasFor(roles: readonly Role[]): RoleArea[] {
  return ROLE_AREAS.filter((area) => area.roles.some((role) => roles.includes(role)));
}
