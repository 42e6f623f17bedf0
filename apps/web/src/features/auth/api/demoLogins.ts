import type { Role } from '../../../app/session/roles';

// The staff logins that the demo seed creates (issue 2 §10); shown only when GET /meta says demo.
export const DEMO_TENANT = 'demo';
export const DEMO_PASSWORD = 'demo1234';
export const DEMO_LOGINS: readonly { username: string; role: Role }[] = [
  { username: 'agent', role: 'agent' },
  { username: 'engineer', role: 'engineer' },
  { username: 'supervisor', role: 'supervisor' },
  { username: 'tech1', role: 'technician' },
  { username: 'tech2', role: 'technician' },
  { username: 'qc', role: 'qc' },
  { username: 'warehouse', role: 'warehouse' },
  { username: 'logistics', role: 'logistics' },
  { username: 'finance', role: 'finance' },
  { username: 'manager', role: 'manager' },
  { username: 'guide', role: 'guide' },
  { username: 'admin', role: 'admin' },
];
