import { z } from 'zod';

/** Issue 5 §3: the customer portal's login with a one-time code sent to the phone. */
export const portalCodeBody = z.object({
  tenant: z.string().trim().min(1).max(50),
  phone: z.string().trim().min(5).max(32),
});

export const portalCodeResponse = z
  .object({
    /** When the code stops working (ISO, UTC). */
    expiresAt: z.string(),
    /** Only in a demo company: the code itself, so the demo page can show it. Null otherwise. */
    demoCode: z.string().nullable(),
  })
  .meta({ id: 'PortalCodeSent' });

export const portalLoginBody = portalCodeBody.extend({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'Six digits'),
});
