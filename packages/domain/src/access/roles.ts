/** Staff roles of R-ROLE-01 plus the portal customer (R-ROLE-02). A person may hold several. */
export const STAFF_ROLES = [
  'admin',
  'agent',
  'engineer',
  'technician',
  'qc',
  'warehouse',
  'logistics',
  'finance',
  'supervisor',
  'manager',
  'guide',
] as const;
export const ROLES = [...STAFF_ROLES, 'customer'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
