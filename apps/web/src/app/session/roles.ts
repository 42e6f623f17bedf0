// Role codes of R-ROLE-01 plus the portal customer; labels live under `role.<code>` in the locales.
export const ROLES = [
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
  'customer',
] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
