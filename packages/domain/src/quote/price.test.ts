import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getPolicyPreset, type Policy } from '../policy';
import type { Result } from '../shared/errors';
import {
  priceMinutes,
  priceQuote,
  QuoteErrors,
  type PricedQuote,
  type QuoteContext,
  type QuoteLineInput,
} from './index';

type Warranty = QuoteContext['warranty'];
const outOfWarranty = (discountBp: number, over: Partial<Warranty> = {}): Warranty => ({
  coverage: discountBp > 0 ? 'charged_preferential' : 'charged',
  payer: 'customer',
  inWarranty: false,
  discountBp,
  productCategory: 'own',
  ...over,
});
const inWarranty = (over: Partial<Warranty> = {}): Warranty => ({
  coverage: 'free',
  payer: 'company',
  inWarranty: true,
  discountBp: 0,
  productCategory: 'own',
  ...over,
});

const priced = (result: Result<PricedQuote>): PricedQuote => {
  assert.ok(
    result.ok,
    result.ok ? '' : `${result.error.code} ${result.error.field}: ${result.error.message}`,
  );
  return result.value;
};
const refusal = (result: Result<PricedQuote>): { code: string; field: string | undefined } => {
  assert.equal(result.ok, false);
  return result.ok
    ? { code: 'ok', field: undefined }
    : { code: result.error.code, field: result.error.field };
};

describe('itemised quote arithmetic (R-FEE-01, R-FEE-06)', () => {
  const ceramics = getPolicyPreset('ceramics');
  const lines: QuoteLineInput[] = [
    { kind: 'labour', unit: 'job', quantity: 1, unitPrice: 8000, description: '更换阀芯' },
    { kind: 'labour', unit: 'hour', minutes: 90, unitPrice: 6000 },
    { kind: 'part', partId: 'valve-core', quantity: 2, unitPrice: 3550 },
    { kind: 'travel', quantity: 1, unitPrice: 4500 },
  ];

  it('R-FEE-01 every line shows quantity, unit price and amount in fen; preferential rate only on labour and parts', () => {
    const quote = priced(
      priceQuote(lines, { warranty: outOfWarranty(ceramics.warranty.outOfWarrantyDiscountBp) }, ceramics),
    );
    assert.deepEqual(
      quote.lines.map((l) => [l.index, l.kind, l.quantity, l.unit, l.unitPrice, l.amount, l.payer]),
      [
        [0, 'labour', 1, 'job', 8000, 8000, 'customer'],
        [1, 'labour', 90, 'minute', 6000, 9000, 'customer'],
        [2, 'part', 2, 'piece', 3550, 7100, 'customer'],
        [3, 'travel', 1, 'item', 4500, 4500, 'customer'],
        [null, 'discount', 1, 'fen', -2410, -2410, 'customer'],
      ],
    );
    assert.equal(quote.lines[0]?.description, '更换阀芯');
    assert.equal(quote.subtotals.labour, 17_000);
    assert.equal(quote.subtotals.part, 7100);
    assert.equal(quote.subtotals.travel, 4500);
    assert.equal(quote.subtotals.discount, -2410);
    assert.equal(quote.discount, 2410);
    assert.equal(quote.total, 17_000 + 7100 + 4500 - 2410);
    assert.equal(quote.byPayer.customer, quote.total);
    assert.equal(quote.chargeable, true);
    for (const l of quote.lines) assert.ok(Number.isSafeInteger(l.amount));
  });

  it('R-FEE-06 a plain out-of-warranty charge without a preferential rate has no discount line', () => {
    const quote = priced(priceQuote(lines, { warranty: outOfWarranty(0) }, getPolicyPreset('lighting')));
    assert.equal(quote.discount, 0);
    assert.equal(quote.total, 28_600);
    assert.ok(quote.lines.every((l) => l.kind !== 'discount'));
  });

  const minutes: Array<[number, number, number]> = [
    [60, 8000, 8000],
    [25, 8000, 3333],
    [7, 8000, 933],
    [1, 30, 1],
    [1, 29, 0],
    [45, 10_001, 7501],
  ];
  for (const [m, perHour, expected] of minutes) {
    it(`R-FEE-06 ${m} minutes at ${perHour} fen/h is ${expected} fen (rounded half up)`, () => {
      assert.equal(priceMinutes(m, perHour), expected);
    });
  }

  it('R-FEE-06 a manual discount comes off after the preferential rate', () => {
    const quote = priced(
      priceQuote(
        [...lines, { kind: 'discount', amount: 590, description: '老客户' }],
        { warranty: outOfWarranty(ceramics.warranty.outOfWarrantyDiscountBp) },
        ceramics,
      ),
    );
    assert.equal(quote.discount, 2410 + 590);
    assert.equal(quote.total, 26_190 - 590);
  });
});

describe('partner parts (R-FEE-03)', () => {
  const vehicle = getPolicyPreset('vehicle');
  const partner = { warranty: outOfWarranty(0, { productCategory: 'partner' }) };
  const markup = vehicle.fees.partnerPartMarkupMinBp;
  const feeBp = vehicle.fees.partnerSuppliedHandlingFeeBp;

  it('R-FEE-03 a partner product’s part is priced at least the policy mark-up above its catalogue price, per unit', () => {
    const quote = priced(
      priceQuote([{ kind: 'part', partId: 'pump', quantity: 3, unitPrice: 1005 }], partner, vehicle),
    );
    const unit = 1005 + Math.round((1005 * markup) / 10_000);
    assert.equal(quote.lines[0]?.unitPrice, unit);
    assert.equal(quote.lines[0]?.amount, unit * 3);
  });
  it('R-FEE-03 a higher mark-up is allowed, a lower one refused', () => {
    const higher = priced(
      priceQuote(
        [{ kind: 'part', partId: 'p', quantity: 1, unitPrice: 10_000, markupBp: markup + 500 }],
        partner,
        vehicle,
      ),
    );
    assert.equal(higher.lines[0]?.unitPrice, 10_000 + (10_000 * (markup + 500)) / 10_000);
    const lower = refusal(
      priceQuote(
        [{ kind: 'part', partId: 'p', quantity: 1, unitPrice: 10_000, markupBp: markup - 1 }],
        partner,
        vehicle,
      ),
    );
    assert.deepEqual(lower, { code: QuoteErrors.partnerMarkupTooLow, field: 'lines[0].markupBp' });
  });
  it('R-FEE-03 an own part on an own product has no mark-up; an explicit partner origin has', () => {
    const own = { warranty: outOfWarranty(0) };
    assert.equal(
      priced(priceQuote([{ kind: 'part', partId: 'p', quantity: 1, unitPrice: 10_000 }], own, vehicle)).total,
      10_000,
    );
    const partnerPart = priced(
      priceQuote(
        [{ kind: 'part', partId: 'p', quantity: 1, unitPrice: 10_000, origin: 'partner' }],
        own,
        vehicle,
      ),
    );
    assert.equal(partnerPart.total, 10_000 + (10_000 * markup) / 10_000);
  });
  it('R-FEE-03 a part the partner supplies adds a handling fee line on the part amount', () => {
    const quote = priced(
      priceQuote(
        [{ kind: 'part', partId: 'pump', quantity: 3, unitPrice: 1005, suppliedBy: 'partner' }],
        partner,
        vehicle,
      ),
    );
    const part = quote.lines[0];
    const fee = quote.lines[1];
    assert.ok(part && fee);
    assert.equal(fee.kind, 'handling');
    assert.equal(fee.index, null);
    assert.equal(fee.derivedFrom, 0);
    assert.equal(fee.amount, Math.round((part.amount * feeBp) / 10_000));
    assert.equal(quote.total, part.amount + fee.amount);
  });
});

describe('field trips (R-FEE-02)', () => {
  const vehicle = getPolicyPreset('vehicle');
  const tariff2026 = vehicle.fees.tripTariffs.find((t) => t.year === 2026);
  const trip: QuoteLineInput[] = [
    { kind: 'travel', quantity: 2, unitPrice: 65_000, description: '高铁往返' },
    { kind: 'trip', item: 'accommodation', days: 3, people: 2 },
    { kind: 'trip', item: 'meals', days: 3, people: 2 },
    { kind: 'trip', item: 'allowance', days: 3, people: 2 },
  ];
  it('R-FEE-02 travel at cost plus accommodation, meals and allowance per person-day from the year’s tariff', () => {
    assert.ok(tariff2026);
    const quote = priced(
      priceQuote(
        trip,
        { warranty: outOfWarranty(vehicle.warranty.outOfWarrantyDiscountBp), tripYear: 2026 },
        vehicle,
      ),
    );
    assert.deepEqual(
      quote.lines.map((l) => [l.kind, l.quantity, l.unitPrice]),
      [
        ['travel', 2, 65_000],
        ['trip', 6, tariff2026.accommodationFenPerDay],
        ['trip', 6, tariff2026.mealsFenPerDay],
        ['trip', 6, tariff2026.allowanceFenPerDay],
      ],
    );
    const perDay =
      tariff2026.accommodationFenPerDay + tariff2026.mealsFenPerDay + tariff2026.allowanceFenPerDay;
    assert.equal(quote.subtotals.trip, 6 * perDay);
    // Costs passed on are never discounted by the preferential rate.
    assert.equal(quote.discount, 0);
    assert.equal(quote.total, 130_000 + 6 * perDay);
  });
  it('R-FEE-02 a tariff for the product category wins over the tariff for any category', () => {
    const policy: Policy = structuredClone(vehicle);
    policy.fees.tripTariffs.push({
      year: 2026,
      productCategory: 'competitor',
      accommodationFenPerDay: 25_000,
      mealsFenPerDay: 12_000,
      allowanceFenPerDay: 35_000,
    });
    const context = {
      warranty: outOfWarranty(0, { productCategory: 'competitor' as const }),
      tripYear: 2026,
    };
    const quote = priced(
      priceQuote(
        [
          { kind: 'trip', item: 'allowance', days: 1 },
          { kind: 'travel', quantity: 1, unitPrice: 1 },
        ],
        context,
        {
          ...policy,
          fees: { ...policy.fees, competitorMinMarginBp: 0 },
        },
      ),
    );
    assert.equal(quote.lines[0]?.unitPrice, 35_000);
  });
  it('R-FEE-02 a trip without a tariff for its year is refused', () => {
    assert.deepEqual(refusal(priceQuote(trip, { warranty: outOfWarranty(0), tripYear: 2019 }, vehicle)), {
      code: QuoteErrors.tariffMissing,
      field: 'lines[1]',
    });
    assert.deepEqual(refusal(priceQuote(trip, { warranty: outOfWarranty(0) }, vehicle)), {
      code: QuoteErrors.tripYearRequired,
      field: 'context.tripYear',
    });
  });
});

describe('coverage makes covered lines free (R-WAR-03, R-WAR-04, R-FEE-06)', () => {
  const lighting = getPolicyPreset('lighting');
  const lines: QuoteLineInput[] = [
    { kind: 'labour', unit: 'job', quantity: 1, unitPrice: 5000 },
    { kind: 'part', partId: 'driver', quantity: 1, unitPrice: 2500 },
    {
      kind: 'part',
      partId: 'bulb',
      quantity: 4,
      unitPrice: 300,
      outsideCoverage: true,
      description: '顾客另购灯泡',
    },
  ];
  it('R-WAR-03 an in-warranty repair costs the customer nothing; the company bears it', () => {
    const quote = priced(priceQuote(lines.slice(0, 2), { warranty: inWarranty() }, lighting));
    assert.equal(quote.total, 0);
    assert.equal(quote.chargeable, false);
    assert.equal(quote.byPayer.company, 7500);
    assert.ok(quote.lines.every((l) => l.payer === 'company' && l.customerAmount === 0));
  });
  it('R-WAR-03 extra work the customer asks for is charged even when the order is covered', () => {
    const quote = priced(priceQuote(lines, { warranty: inWarranty() }, lighting));
    assert.equal(quote.total, 1200);
    assert.equal(quote.byPayer.company, 7500);
    assert.equal(quote.chargeable, true);
  });
  it('R-WAR-05 a partner product in warranty is borne by the partner', () => {
    const quote = priced(
      priceQuote(
        lines.slice(0, 1),
        { warranty: inWarranty({ payer: 'partner', productCategory: 'partner' }) },
        lighting,
      ),
    );
    assert.equal(quote.byPayer.partner, 5000);
    assert.equal(quote.total, 0);
  });
  it('R-WAR-02 a part under its own parts warranty is free while the labour is charged', () => {
    const warranty = outOfWarranty(0, {
      partWarranty: {
        partId: 'driver',
        source: 'parts_warranty',
        months: 36,
        endsOn: '2027-01-01',
        inWarranty: true,
        coverage: 'free',
        payer: 'company',
      },
    });
    const quote = priced(priceQuote(lines.slice(0, 2), { warranty }, lighting));
    assert.deepEqual(
      quote.lines.map((l) => l.payer),
      ['customer', 'company'],
    );
    assert.equal(quote.total, 5000);
  });
  it('R-WAR-03 force majeure is not covered: the customer pays in full', () => {
    const quote = priced(
      priceQuote(
        lines.slice(0, 2),
        { warranty: outOfWarranty(0, { coverage: 'not_covered', inWarranty: true }) },
        lighting,
      ),
    );
    assert.equal(quote.total, 7500);
  });
  it('R-WAR-03 a refused service cannot be quoted', () => {
    assert.deepEqual(
      refusal(priceQuote(lines, { warranty: outOfWarranty(0, { coverage: 'refused' }) }, lighting)),
      {
        code: QuoteErrors.coverageRefused,
        field: 'context.warranty.coverage',
      },
    );
  });
});

describe('shipping (R-FEE-05)', () => {
  const lighting = getPolicyPreset('lighting');
  const shipping: QuoteLineInput[] = [
    { kind: 'shipping', direction: 'to_service', quantity: 1, unitPrice: 1800 },
    { kind: 'shipping', direction: 'back_to_customer', quantity: 1, unitPrice: 1800 },
  ];
  const table: Array<[string, QuoteContext, string[]]> = [
    [
      'an in-warranty repair sent in: the company pays both ways',
      { warranty: inWarranty() },
      ['company', 'company'],
    ],
    [
      'an out-of-warranty repair: the customer pays both ways',
      { warranty: outOfWarranty(0) },
      ['customer', 'customer'],
    ],
    [
      'a non-quality return: the customer pays',
      { warranty: outOfWarranty(0), returnReason: 'non_quality' },
      ['customer', 'customer'],
    ],
    [
      'a quality return: the company pays',
      { warranty: outOfWarranty(0), returnReason: 'quality' },
      ['company', 'company'],
    ],
  ];
  for (const [title, context, payers] of table) {
    it(`R-FEE-05 ${title}`, () => {
      const quote = priced(priceQuote(shipping, context, lighting));
      assert.deepEqual(
        quote.lines.map((l) => l.payer),
        payers,
      );
    });
  }
  it('R-FEE-05 the payer follows the tenant’s shipping rules, each way', () => {
    const policy: Policy = structuredClone(lighting);
    policy.fees.shipping.outOfWarrantyRepair = { toService: 'customer', backToCustomer: 'company' };
    const quote = priced(priceQuote(shipping, { warranty: outOfWarranty(0) }, policy));
    assert.deepEqual(
      quote.lines.map((l) => l.payer),
      ['customer', 'company'],
    );
    assert.equal(quote.total, 1800);
  });
});

describe('competitor margin (R-FEE-03)', () => {
  const vehicle = getPolicyPreset('vehicle');
  const minimum = vehicle.fees.competitorMinMarginBp;
  const competitor = { warranty: outOfWarranty(0, { productCategory: 'competitor' }) };
  const withLabour = (unitPrice: number): QuoteLineInput[] => [
    { kind: 'labour', unit: 'job', quantity: 1, unitPrice, unitCost: 7000 },
    { kind: 'part', partId: 'seal', quantity: 1, unitPrice: 5000, unitCost: 4500 },
  ];
  it('R-FEE-03 paid competitor work above the minimum margin is priced with its margin', () => {
    const quote = priced(priceQuote(withLabour(10_000), competitor, vehicle));
    assert.deepEqual(quote.margin, { revenue: 15_000, cost: 11_500, marginBp: 2333, minimumBp: minimum });
  });
  it('R-FEE-03 competitor work below the minimum margin is refused and names the lowest total', () => {
    const result = priceQuote(withLabour(8000), competitor, vehicle);
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.error.code, QuoteErrors.competitorMarginTooLow);
    const minimumTotal = Math.ceil((11_500 * 10_000) / (10_000 - minimum));
    assert.equal(result.error.details?.minimumTotal, minimumTotal);
    const atMinimum = priced(priceQuote(withLabour(minimumTotal - 5000), competitor, vehicle));
    assert.ok((atMinimum.margin?.marginBp ?? 0) >= minimum);
  });
  it('R-FEE-03 travel on competitor work counts at cost: it adds revenue and cost alike, so the margin shrinks', () => {
    const result = priceQuote(
      [...withLabour(10_000), { kind: 'travel', quantity: 1, unitPrice: 5000 }],
      competitor,
      vehicle,
    );
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.error.code, QuoteErrors.competitorMarginTooLow);
    assert.deepEqual(
      [result.error.details?.revenue, result.error.details?.cost, result.error.details?.marginBp],
      [20_000, 16_500, 1750],
    );
  });
  it('R-FEE-03 competitor labour or parts without a cost are refused', () => {
    assert.deepEqual(
      refusal(
        priceQuote([{ kind: 'labour', unit: 'job', quantity: 1, unitPrice: 10_000 }], competitor, vehicle),
      ),
      { code: QuoteErrors.costRequired, field: 'lines[0].unitCost' },
    );
  });
});

describe('validation names the field (R-FEE-06)', () => {
  const lighting = getPolicyPreset('lighting');
  const ok: QuoteLineInput[] = [
    { kind: 'labour', unit: 'job', quantity: 1, unitPrice: 5000 },
    { kind: 'part', partId: 'driver', quantity: 1, unitPrice: 2500 },
  ];
  const bad = (line: unknown): QuoteLineInput[] => [...ok, line as QuoteLineInput];
  const table: Array<[string, QuoteLineInput[], string, string]> = [
    [
      'a negative quantity',
      bad({ kind: 'part', partId: 'x', quantity: -1, unitPrice: 100 }),
      QuoteErrors.negativeQuantity,
      'lines[2].quantity',
    ],
    [
      'a zero quantity',
      bad({ kind: 'travel', quantity: 0, unitPrice: 100 }),
      QuoteErrors.zeroQuantity,
      'lines[2].quantity',
    ],
    [
      'a fractional quantity',
      bad({ kind: 'part', partId: 'x', quantity: 1.5, unitPrice: 100 }),
      QuoteErrors.quantityNotInteger,
      'lines[2].quantity',
    ],
    [
      'decimal hours instead of minutes',
      bad({ kind: 'labour', unit: 'hour', minutes: 1.5, unitPrice: 100 }),
      QuoteErrors.quantityNotInteger,
      'lines[2].minutes',
    ],
    [
      'a negative price',
      bad({ kind: 'handling', quantity: 1, unitPrice: -100 }),
      QuoteErrors.negativePrice,
      'lines[2].unitPrice',
    ],
    [
      'a price in yuan with decimals',
      bad({ kind: 'handling', quantity: 1, unitPrice: 12.5 }),
      QuoteErrors.priceNotInteger,
      'lines[2].unitPrice',
    ],
    [
      'an unknown kind',
      bad({ kind: 'tip', quantity: 1, unitPrice: 100 }),
      QuoteErrors.unknownKind,
      'lines[2].kind',
    ],
    [
      'an unknown labour unit',
      bad({ kind: 'labour', unit: 'day', quantity: 1, unitPrice: 100 }),
      QuoteErrors.unitUnknown,
      'lines[2].unit',
    ],
    [
      'a negative cost',
      bad({ kind: 'part', partId: 'x', quantity: 1, unitPrice: 100, unitCost: -1 }),
      QuoteErrors.costInvalid,
      'lines[2].unitCost',
    ],
    ['a zero discount', bad({ kind: 'discount', amount: 0 }), QuoteErrors.discountInvalid, 'lines[2].amount'],
    [
      'a discount above the charge',
      bad({ kind: 'discount', amount: 7501 }),
      QuoteErrors.discountExceedsCharge,
      'lines[2].amount',
    ],
    [
      'an unknown trip item',
      bad({ kind: 'trip', item: 'taxi', days: 1 }),
      QuoteErrors.tripItemUnknown,
      'lines[2].item',
    ],
    [
      'zero trip days',
      bad({ kind: 'trip', item: 'meals', days: 0 }),
      QuoteErrors.zeroQuantity,
      'lines[2].days',
    ],
    [
      'an unknown shipping direction',
      bad({ kind: 'shipping', direction: 'sideways', quantity: 1, unitPrice: 1 }),
      QuoteErrors.shippingDirectionUnknown,
      'lines[2].direction',
    ],
    ['no lines at all', [], QuoteErrors.empty, 'lines'],
  ];
  for (const [title, lines, code, field] of table) {
    it(`R-FEE-06 refuses ${title} with ${code} on ${field}`, () => {
      assert.deepEqual(refusal(priceQuote(lines, { warranty: outOfWarranty(0), tripYear: 2026 }, lighting)), {
        code,
        field,
      });
    });
  }
  it('R-FEE-06 every problem of the input is listed in details.issues', () => {
    const result = priceQuote(
      [
        { kind: 'part', partId: 'x', quantity: -1, unitPrice: -5 },
        { kind: 'travel', quantity: 0, unitPrice: 1 },
      ],
      { warranty: outOfWarranty(0) },
      lighting,
    );
    assert.equal(result.ok, false);
    if (result.ok) return;
    const issues = result.error.details?.issues as Array<{ field: string }>;
    assert.deepEqual(
      issues.map((i) => i.field),
      ['lines[0].quantity', 'lines[0].unitPrice', 'lines[1].quantity'],
    );
  });
});
