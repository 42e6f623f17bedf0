import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { getPolicyPreset } from '../policy';
import { priceQuote, type QuoteContext, type QuoteLineInput } from './index';

const fen = fc.integer({ min: 0, max: 5_000_000 });
const qty = fc.integer({ min: 1, max: 50 });
const line: fc.Arbitrary<QuoteLineInput> = fc.oneof(
  fc.record({
    kind: fc.constant('labour' as const),
    unit: fc.constant('job' as const),
    quantity: qty,
    unitPrice: fen,
  }),
  fc.record({
    kind: fc.constant('labour' as const),
    unit: fc.constant('hour' as const),
    minutes: fc.integer({ min: 1, max: 2000 }),
    unitPrice: fen,
  }),
  fc.record({
    kind: fc.constant('part' as const),
    partId: fc.constantFrom('a', 'b', 'c'),
    quantity: qty,
    unitPrice: fen,
    origin: fc.constantFrom('own' as const, 'partner' as const),
    suppliedBy: fc.constantFrom('company' as const, 'partner' as const),
  }),
  fc.record({ kind: fc.constant('travel' as const), quantity: qty, unitPrice: fen }),
  fc.record({
    kind: fc.constant('trip' as const),
    item: fc.constantFrom('accommodation' as const, 'meals' as const, 'allowance' as const),
    days: qty,
  }),
  fc.record({ kind: fc.constant('handling' as const), quantity: qty, unitPrice: fen }),
  fc.record({
    kind: fc.constant('shipping' as const),
    direction: fc.constantFrom('to_service' as const, 'back_to_customer' as const),
    quantity: qty,
    unitPrice: fen,
  }),
);
const warranty: fc.Arbitrary<QuoteContext['warranty']> = fc.oneof(
  fc.record({
    coverage: fc.constant('free' as const),
    payer: fc.constantFrom('company' as const, 'partner' as const),
    inWarranty: fc.constant(true),
    discountBp: fc.constant(0),
    productCategory: fc.constantFrom('own' as const, 'partner' as const),
  }),
  fc.record({
    coverage: fc.constant('charged_preferential' as const),
    payer: fc.constant('customer' as const),
    inWarranty: fc.constant(false),
    discountBp: fc.integer({ min: 1, max: 10_000 }),
    productCategory: fc.constantFrom('own' as const, 'partner' as const, 'partner_sold' as const),
  }),
);

describe('quote money properties (R-FEE-06)', () => {
  it('R-FEE-06 every amount is whole fen, payers share the list exactly, the customer never pays less than 0', () => {
    const policy = getPolicyPreset('vehicle');
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), warranty, (lines, w) => {
        const result = priceQuote(lines, { warranty: w, tripYear: 2026 }, policy);
        assert.ok(result.ok, result.ok ? '' : result.error.message);
        const q = result.value;
        for (const l of q.lines) {
          assert.ok(Number.isSafeInteger(l.amount) && Number.isSafeInteger(l.customerAmount));
          if (l.kind !== 'discount')
            assert.equal(l.amount, l.unit === 'minute' ? l.amount : l.quantity * l.unitPrice);
        }
        const list = q.lines.reduce((s, l) => s + l.amount, 0);
        assert.equal(q.byPayer.company + q.byPayer.customer + q.byPayer.partner, list);
        assert.equal(q.byPayer.customer, q.total);
        assert.ok(q.total >= 0);
        assert.equal(q.chargeable, q.total > 0);
        if (w.coverage === 'free') assert.equal(q.total, 0);
      }),
      { numRuns: 300 },
    );
  });
});
