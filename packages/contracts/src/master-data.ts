import { z } from 'zod';
import { pageQuery } from './common';

export const addressInput = z.object({
  province: z.string().min(1).max(50),
  city: z.string().min(1).max(50),
  district: z.string().max(50).optional(),
  line: z.string().min(1).max(200),
  latitude: z.number().min(-90).max(90).optional(),
  longitude: z.number().min(-180).max(180).optional(),
});

export const customerInput = z.object({
  kind: z.enum(['person', 'organisation']).default('person'),
  name: z.string().trim().min(1).max(100),
  contactName: z.string().max(100).optional(),
  phones: z.array(z.string().min(3).max(32)).min(1).max(5),
  email: z.email().optional(),
  organisation: z.string().max(200).optional(),
  address: addressInput.optional(),
});

export const addressView = addressInput.extend({ id: z.uuid(), isDefault: z.boolean() });

export const customerView = z
  .object({
    id: z.uuid(),
    kind: z.enum(['person', 'organisation']),
    name: z.string(),
    contactName: z.string().nullable(),
    /** Masked unless the caller's role may see personal data (R-NF-03). */
    phones: z.array(z.string()),
    phonesMasked: z.boolean(),
    email: z.string().nullable(),
    organisation: z.string().nullable(),
    addresses: z.array(addressView),
    createdAt: z.string(),
  })
  .meta({ id: 'Customer' });

export const customerListQuery = pageQuery.extend({ q: z.string().max(100).optional() });

export const productLineInput = z.object({
  code: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/),
  name: z.string().min(1).max(100),
  category: z.enum(['own', 'partner', 'partner_sold', 'competitor']).default('own'),
  warrantyMonths: z.number().int().min(0).max(240).optional(),
});
export const productLineView = productLineInput.extend({
  id: z.uuid(),
  warrantyMonths: z.number().int().nullable(),
});

export const productModelInput = z.object({
  productLineId: z.uuid(),
  code: z.string().regex(/^[A-Za-z0-9._/-]{1,64}$/),
  name: z.string().min(1).max(100),
  warrantyMonths: z.number().int().min(0).max(240).optional(),
});
export const productModelView = productModelInput.extend({
  id: z.uuid(),
  warrantyMonths: z.number().int().nullable(),
});

export const unitInput = z.object({
  modelId: z.uuid(),
  serialNumber: z.string().trim().min(1).max(64),
  purchaseDate: z.iso.date().optional(),
  proofOfPurchase: z.string().max(64).optional(),
});
export const unitCreateBody = unitInput.extend({ ownerId: z.uuid() });
export const unitView = z
  .object({
    id: z.uuid(),
    serialNumber: z.string(),
    purchaseDate: z.string().nullable(),
    proofOfPurchase: z.string().nullable(),
    ownerId: z.uuid(),
    model: z.object({ id: z.uuid(), code: z.string(), name: z.string(), productLine: z.string() }),
  })
  .meta({ id: 'Unit' });
export const unitListQuery = pageQuery.extend({
  q: z.string().max(100).optional(),
  ownerId: z.uuid().optional(),
});
