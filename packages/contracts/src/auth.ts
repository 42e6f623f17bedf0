import { z } from 'zod';
import { ROLES } from '@aftercare/domain';

export const loginBody = z.object({
  tenant: z.string().min(1).max(64),
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
});

export const tenantView = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  timeZone: z.string(),
  locale: z.string(),
});

export const userView = z
  .object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    roles: z.array(z.enum(ROLES)),
    tenant: tenantView,
  })
  .meta({ id: 'User' });

export const loginResponse = z.object({ token: z.string(), user: userView });
export const meResponse = z.object({ user: userView });
export const metaResponse = z.object({ name: z.string(), version: z.string(), demo: z.boolean() });

export const createUserBody = z.object({
  username: z.string().regex(/^[a-zA-Z0-9._-]{2,64}$/),
  displayName: z.string().min(1).max(100),
  password: z.string().min(8).max(256),
  roles: z.array(z.enum(ROLES)).min(1),
  phone: z.string().max(32).optional(),
  customerId: z.uuid().optional(),
});
