import type { ReactNode } from 'react';
import type { Role } from '../session/roles';
import { WorkOrderIcon } from './icons';

export interface NavItem {
  path: string;
  labelKey: string;
  icon: ReactNode;
  /** Roles that see the item; absent means every staff role. The API still checks every call (R-ROLE-03). */
  roles?: readonly Role[];
}

// Grows with the console of issue 5 (requests, dispatch board, parts, reports …).
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/work-orders', labelKey: 'nav.workOrders', icon: <WorkOrderIcon /> },
  {
    path: '/service-requests',
    labelKey: 'requests.nav',
    icon: <WorkOrderIcon />,
    roles: ['agent', 'engineer', 'supervisor', 'manager', 'admin'],
  },
  {
    path: '/service-requests/new',
    labelKey: 'intake.nav',
    icon: <WorkOrderIcon />,
    roles: ['agent', 'supervisor', 'manager', 'admin', 'guide'],
  },
  { path: '/tech', labelKey: 'tech.nav', icon: <WorkOrderIcon />, roles: ['technician'] },
  { path: '/dispatch', labelKey: 'dispatch.nav', icon: <WorkOrderIcon />, roles: ['supervisor', 'manager'] },
];

export function visibleNavItems(roles: readonly string[]): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.roles || item.roles.some((role) => roles.includes(role)));
}

/** The menu key to highlight for a path: the longest item path it starts with. */
export function selectedNavKey(pathname: string): string | undefined {
  return NAV_ITEMS.map((item) => item.path)
    .filter((path) => pathname === path || pathname.startsWith(`${path}/`))
    .sort((a, b) => b.length - a.length)[0];
}
