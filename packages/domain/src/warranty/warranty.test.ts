import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getPolicyPreset, type Policy } from '../policy';
import {
  addCalendarMonths,
  decideWarranty,
  overrideWarranty,
  resolveWarrantyMonths,
  WarrantyErrors,
  type WarrantyDecision,
  type WarrantyInput,
} from './index';

/** Noon in Shanghai on a local date. */
const at = (date: string): Date => new Date(`${date}T12:00:00+08:00`);

const input = (over: Partial<WarrantyInput> = {}): WarrantyInput => ({
  purchaseDate: '2025-03-15',
  proofOfPurchase: true,
  cause: 'material_defect',
  productCategory: 'own',
  requestedService: 'repair',
  assessedAt: at('2025-09-01'),
  ...over,
});

const decide = (
  over: Partial<WarrantyInput>,
  policy: Policy = getPolicyPreset('lighting'),
): WarrantyDecision => {
  const result = decideWarranty(input(over), policy);
  assert.ok(result.ok, result.ok ? '' : `${result.error.code}: ${result.error.message}`);
  return result.value;
};
const codes = (d: WarrantyDecision) => d.reasons.map((r) => r.code);

describe('calendar months (R-WAR-02)', () => {
  const cases: Array<[string, number, string]> = [
    ['2025-03-15', 12, '2026-03-15'],
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2025-08-31', 3, '2025-11-30'],
    ['2025-11-30', 3, '2026-02-28'],
    ['2025-12-15', 1, '2026-01-15'],
    ['2025-05-10', 36, '2028-05-10'],
  ];
  for (const [from, months, expected] of cases) {
    it(`R-WAR-02 ${from} + ${months} months ends on ${expected} (month end clamps)`, () => {
      assert.equal(addCalendarMonths(from, months), expected);
    });
  }
});

describe('warranty period and proof (R-WAR-02)', () => {
  it('R-WAR-02 the model period wins over the line period and the policy default', () => {
    const ceramics = getPolicyPreset('ceramics');
    assert.equal(resolveWarrantyMonths({ warrantyMonths: 6, productLine: 'tiles' }, ceramics), 6);
    assert.equal(resolveWarrantyMonths({ productLine: 'tiles' }, ceramics), 24);
    assert.equal(resolveWarrantyMonths({ productLine: 'hardware_fittings' }, ceramics), 3);
    assert.equal(
      resolveWarrantyMonths({ productLine: 'unknown_line' }, ceramics),
      ceramics.warranty.monthsByProductLine.default,
    );
    assert.equal(resolveWarrantyMonths({}, ceramics), ceramics.warranty.monthsByProductLine.default);
  });

  const table: Array<[string, Partial<WarrantyInput>, boolean, string]> = [
    [
      'a failure on the last day of the period is in warranty',
      { assessedAt: at('2026-03-15') },
      true,
      '2026-03-15',
    ],
    [
      'a failure the day after the period is out of warranty',
      { assessedAt: at('2026-03-16') },
      false,
      '2026-03-15',
    ],
    [
      'a purchase on Jan 31 with 1 month runs to Feb 28',
      { purchaseDate: '2025-01-31', warrantyMonths: 1, assessedAt: at('2025-02-28') },
      true,
      '2025-02-28',
    ],
    [
      '… and not to Mar 1',
      { purchaseDate: '2025-01-31', warrantyMonths: 1, assessedAt: at('2025-03-01') },
      false,
      '2025-02-28',
    ],
    ['a purchase today is in warranty', { purchaseDate: '2025-09-01' }, true, '2026-09-01'],
  ];
  for (const [title, over, inWarranty, endsOn] of table) {
    it(`R-WAR-02 ${title}`, () => {
      const d = decide(over);
      assert.equal(d.inWarranty, inWarranty);
      assert.equal(d.warrantyEndsOn, endsOn);
    });
  }

  it('R-WAR-02 the local date decides: 23:30 UTC on Mar 15 is already Mar 16 in Shanghai', () => {
    const d = decide({ assessedAt: new Date('2026-03-15T16:30:00Z') });
    assert.equal(d.inWarranty, false);
    assert.equal(decide({ assessedAt: new Date('2026-03-15T15:30:00Z') }).inWarranty, true);
  });

  it('R-WAR-02 without proof of purchase the unit is out of warranty (policy requires proof by default)', () => {
    const d = decide({ proofOfPurchase: false });
    assert.equal(d.inWarranty, false);
    assert.equal(d.coverage, 'charged');
    assert.ok(codes(d).includes('no_proof_of_purchase'));
  });

  it('R-WAR-02 a policy that waives proof counts from the stated purchase date', () => {
    const policy = getPolicyPreset('lighting');
    const d = decideWarranty(input({ proofOfPurchase: false }), {
      ...policy,
      warranty: { ...policy.warranty, proofOfPurchaseRequired: false },
    });
    assert.ok(d.ok);
    assert.equal(d.value.inWarranty, true);
    assert.ok(d.value.reasons.some((r) => r.code === 'proof_of_purchase_waived'));
  });

  it('R-WAR-02 an unknown purchase date is out of warranty', () => {
    const d = decide({ purchaseDate: null });
    assert.equal(d.inWarranty, false);
    assert.equal(d.warrantyEndsOn, null);
    assert.ok(codes(d).includes('purchase_date_unknown'));
  });

  it('R-WAR-02 a zero-month period gives no warranty', () => {
    const d = decide({ warrantyMonths: 0 });
    assert.equal(d.inWarranty, false);
    assert.ok(codes(d).includes('no_warranty_period'));
  });
});

describe('coded errors (R-WAR-02)', () => {
  const refused: Array<[string, Partial<WarrantyInput>, string, string]> = [
    [
      'a purchase date in the future',
      { purchaseDate: '2025-09-02' },
      WarrantyErrors.purchaseDateInFuture,
      'purchaseDate',
    ],
    [
      'a purchase date that is not a date',
      { purchaseDate: '2025-02-30' },
      WarrantyErrors.dateInvalid,
      'purchaseDate',
    ],
    ['negative warranty months', { warrantyMonths: -1 }, WarrantyErrors.monthsInvalid, 'warrantyMonths'],
    ['fractional warranty months', { warrantyMonths: 1.5 }, WarrantyErrors.monthsInvalid, 'warrantyMonths'],
    [
      'a replaced part installed in the future',
      {
        replacedParts: [
          { partId: 'p1', installedAt: '2025-01-01' },
          { partId: 'p2', installedAt: '2025-10-01' },
        ],
      },
      WarrantyErrors.partInstalledInFuture,
      'replacedParts[1].installedAt',
    ],
    [
      'a replaced part with a bad date',
      { replacedParts: [{ partId: 'p1', installedAt: 'yesterday' }] },
      WarrantyErrors.dateInvalid,
      'replacedParts[0].installedAt',
    ],
    [
      'an invalid assessment instant',
      { assessedAt: Number.NaN },
      WarrantyErrors.assessedAtInvalid,
      'assessedAt',
    ],
  ];
  for (const [title, over, code, field] of refused) {
    it(`R-WAR-02 refuses ${title} with ${code} on ${field}`, () => {
      const result = decideWarranty(input(over), getPolicyPreset('lighting'));
      assert.equal(result.ok, false);
      if (result.ok) return;
      assert.equal(result.error.code, code);
      assert.equal(result.error.field, field);
    });
  }
});

describe('cause decides cost (R-WAR-03)', () => {
  // [preset, cause, in warranty?, coverage, payer]
  const table: Array<
    [Parameters<typeof getPolicyPreset>[0], WarrantyInput['cause'], boolean, string, string]
  > = [
    ['lighting', 'material_defect', true, 'free', 'company'],
    ['lighting', 'process_defect', true, 'free', 'company'],
    ['appliance', 'misuse', true, 'charged', 'customer'],
    ['ceramics', 'misuse', true, 'refused', 'customer'],
    ['lighting', 'force_majeure', true, 'not_covered', 'customer'],
    ['lighting', 'wear', true, 'charged', 'customer'],
    ['lighting', 'material_defect', false, 'charged', 'customer'],
    ['ceramics', 'material_defect', false, 'charged_preferential', 'customer'],
    ['vehicle', 'process_defect', false, 'charged_preferential', 'customer'],
    ['ceramics', 'misuse', false, 'charged_preferential', 'customer'],
    ['vehicle', 'force_majeure', false, 'not_covered', 'customer'],
  ];
  for (const [preset, cause, inWarranty, coverage, payer] of table) {
    it(`R-WAR-03 ${preset}: ${cause} ${inWarranty ? 'inside' : 'outside'} warranty → ${coverage}, paid by ${payer}`, () => {
      const policy = getPolicyPreset(preset);
      const d = decide(
        { cause, assessedAt: at(inWarranty ? '2025-09-01' : '2027-09-01'), warrantyMonths: 12 },
        policy,
      );
      assert.equal(d.inWarranty, inWarranty);
      assert.equal(d.coverage, coverage);
      assert.equal(d.payer, payer);
      assert.equal(
        d.discountBp,
        coverage === 'charged_preferential' ? policy.warranty.outOfWarrantyDiscountBp : 0,
      );
      const causeReason = d.reasons.find((r) => r.code === 'cause_coverage');
      assert.deepEqual(causeReason?.params, { cause, inWarranty, coverage });
    });
  }
  it('R-WAR-03 misuse inside warranty is charged in full (no preferential discount)', () => {
    const d = decide({ cause: 'misuse' }, getPolicyPreset('vehicle'));
    assert.equal(d.coverage, 'charged');
    assert.equal(d.discountBp, 0);
  });
});

describe('replaced parts carry their own warranty (R-WAR-04)', () => {
  const appliance = getPolicyPreset('appliance');
  it('R-WAR-04 a replaced part failing inside its own warranty is repaired free after the product warranty ended', () => {
    const d = decide(
      {
        purchaseDate: '2020-01-10',
        assessedAt: at('2025-09-01'),
        failedPartId: 'compressor',
        replacedParts: [{ partId: 'compressor', installedAt: '2024-02-01' }],
      },
      appliance,
    );
    assert.equal(d.inWarranty, true);
    assert.equal(d.coverage, 'free');
    assert.equal(d.payer, 'company');
    assert.equal(d.partWarranty?.source, 'replaced_part');
    assert.equal(
      d.partWarranty?.endsOn,
      addCalendarMonths('2024-02-01', appliance.warranty.replacedPartMonths),
    );
    assert.ok(codes(d).includes('product_warranty_expired'));
    assert.ok(codes(d).includes('replaced_part_in_warranty'));
  });
  it('R-WAR-04 the part warranty uses the part’s own months when given, and the latest replacement counts', () => {
    const d = decide(
      {
        purchaseDate: '2020-01-10',
        assessedAt: at('2025-09-01'),
        failedPartId: 'board',
        replacedParts: [
          { partId: 'board', installedAt: '2021-01-01', warrantyMonths: 3 },
          { partId: 'board', installedAt: '2025-08-01', warrantyMonths: 3 },
        ],
      },
      appliance,
    );
    assert.equal(d.partWarranty?.endsOn, '2025-11-01');
    assert.equal(d.coverage, 'free');
  });
  it('R-WAR-04 a replaced part outside its warranty is charged like the product', () => {
    const d = decide(
      {
        purchaseDate: '2020-01-10',
        assessedAt: at('2025-09-01'),
        failedPartId: 'board',
        replacedParts: [{ partId: 'board', installedAt: '2022-01-01', warrantyMonths: 12 }],
      },
      appliance,
    );
    assert.equal(d.inWarranty, false);
    assert.equal(d.coverage, 'charged');
    assert.ok(codes(d).includes('replaced_part_warranty_expired'));
  });
  it('R-WAR-04 a replaced part holds its warranty even without the customer’s proof of purchase', () => {
    const d = decide(
      {
        proofOfPurchase: false,
        failedPartId: 'motor',
        replacedParts: [{ partId: 'motor', installedAt: new Date('2025-06-01T02:00:00Z') }],
      },
      appliance,
    );
    assert.equal(d.inWarranty, true);
    assert.equal(d.coverage, 'free');
  });
  it('R-WAR-04 misuse of a replaced part inside its warranty follows the cause table', () => {
    const d = decide(
      {
        cause: 'misuse',
        failedPartId: 'motor',
        replacedParts: [{ partId: 'motor', installedAt: '2025-06-01' }],
      },
      appliance,
    );
    assert.equal(d.coverage, 'charged');
  });
  it('R-WAR-02 an original appliance part keeps its parts period after the product period: the part is free, the rest charged', () => {
    const d = decide(
      {
        purchaseDate: '2023-06-01',
        warrantyMonths: 12,
        assessedAt: at('2025-09-01'),
        failedPartId: 'compressor',
      },
      appliance,
    );
    assert.equal(d.inWarranty, false);
    assert.equal(d.coverage, 'charged');
    assert.deepEqual(d.partWarranty, {
      partId: 'compressor',
      source: 'parts_warranty',
      months: appliance.warranty.partsMonths,
      endsOn: '2026-06-01',
      inWarranty: true,
      coverage: 'free',
      payer: 'company',
    });
    assert.ok(codes(d).includes('parts_warranty'));
  });
});

describe('product categories (R-WAR-05)', () => {
  const vehicle = getPolicyPreset('vehicle');
  it('R-WAR-05 categories are ranked by the policy priority order', () => {
    assert.deepEqual(
      (['own', 'partner', 'partner_sold', 'competitor'] as const).map(
        (c) => decide({ productCategory: c }, vehicle).servicePriority,
      ),
      [0, 1, 2, 3],
    );
  });
  it('R-WAR-05 a partner product in warranty is paid by the partner', () => {
    const d = decide({ productCategory: 'partner' }, vehicle);
    assert.equal(d.coverage, 'free');
    assert.equal(d.payer, 'partner');
    assert.ok(codes(d).includes('partner_pays'));
  });
  it('R-WAR-05 a partner-sold product in warranty is paid by the company', () => {
    assert.equal(decide({ productCategory: 'partner_sold' }, vehicle).payer, 'company');
  });
  it('R-WAR-05 a competitor product gets a listed service, charged in full and never under warranty', () => {
    const d = decide({ productCategory: 'competitor', requestedService: 'repair' }, vehicle);
    assert.equal(d.inWarranty, false);
    assert.equal(d.coverage, 'charged');
    assert.equal(d.payer, 'customer');
    assert.equal(d.discountBp, 0);
  });
  it('R-WAR-05 a competitor product is refused a service the policy does not list', () => {
    const d = decide({ productCategory: 'competitor', requestedService: 'installation' }, vehicle);
    assert.equal(d.coverage, 'refused');
    assert.ok(codes(d).includes('competitor_service_not_listed'));
  });
  it('R-WAR-05 the general manager’s approval opens an unlisted service', () => {
    const d = decide(
      {
        productCategory: 'competitor',
        requestedService: 'installation',
        competitorApproval: { userId: 'gm-1', roles: ['manager'] },
      },
      vehicle,
    );
    assert.equal(d.coverage, 'charged');
    assert.ok(codes(d).includes('competitor_service_approved'));
  });
  it('R-WAR-05 an approval by someone without the approver role is refused', () => {
    const result = decideWarranty(
      input({
        productCategory: 'competitor',
        requestedService: 'installation',
        competitorApproval: { userId: 'sup-1', roles: ['supervisor'] },
      }),
      vehicle,
    );
    assert.equal(result.ok ? 'ok' : result.error.code, WarrantyErrors.approvalInvalid);
    assert.equal(result.ok ? undefined : result.error.field, 'competitorApproval');
  });
});

describe('supervisor override (R-WAR-01)', () => {
  const computed = decide({ cause: 'misuse' }, getPolicyPreset('ceramics'));
  const supervisor = { userId: 'sup-1', roles: ['supervisor'] as const };
  const when = new Date('2025-09-01T08:00:00Z');

  it('R-WAR-01 a supervisor overrides with a reason; the computed decision is kept for audit', () => {
    const result = overrideWarranty(
      computed,
      { coverage: 'free', payer: 'company', inWarranty: true },
      { by: supervisor, at: when, reason: '  Goodwill: second failure in a month  ' },
    );
    assert.ok(result.ok);
    assert.equal(result.value.coverage, 'free');
    assert.equal(result.value.payer, 'company');
    assert.deepEqual(result.value.override.original, computed);
    assert.equal(result.value.override.reason, 'Goodwill: second failure in a month');
    assert.equal(result.value.reasons.at(-1)?.code, 'supervisor_override');

    const again = overrideWarranty(
      result.value,
      { coverage: 'charged', payer: 'customer' },
      { by: supervisor, at: when, reason: 'Customer admitted the drop' },
    );
    assert.ok(again.ok);
    assert.deepEqual(again.value.override.original, computed);
  });
  const refused: Array<
    [string, Parameters<typeof overrideWarranty>[1], Parameters<typeof overrideWarranty>[2], string]
  > = [
    [
      'a technician',
      { coverage: 'free', payer: 'company' },
      { by: { userId: 't', roles: ['technician'] }, at: when, reason: 'x' },
      WarrantyErrors.overrideForbidden,
    ],
    [
      'an empty reason',
      { coverage: 'free', payer: 'company' },
      { by: supervisor, at: when, reason: '   ' },
      WarrantyErrors.overrideReasonRequired,
    ],
    [
      'free paid by the customer',
      { coverage: 'free', payer: 'customer' },
      { by: supervisor, at: when, reason: 'x' },
      WarrantyErrors.overrideInconsistent,
    ],
    [
      'a charge paid by the company',
      { coverage: 'charged', payer: 'company' },
      { by: supervisor, at: when, reason: 'x' },
      WarrantyErrors.overrideInconsistent,
    ],
    [
      'a preferential charge without a rate',
      { coverage: 'charged_preferential', payer: 'customer' },
      { by: supervisor, at: when, reason: 'x' },
      WarrantyErrors.overrideInconsistent,
    ],
    [
      'a change to nothing',
      { coverage: 'refused', payer: 'customer' },
      { by: supervisor, at: when, reason: 'x' },
      WarrantyErrors.overrideUnchanged,
    ],
  ];
  for (const [title, change, command, code] of refused) {
    it(`R-WAR-01 an override by/with ${title} is refused with ${code}`, () => {
      const result = overrideWarranty(computed, change, command);
      assert.equal(result.ok ? 'ok' : result.error.code, code);
    });
  }
});
