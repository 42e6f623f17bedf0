import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getPolicyPreset } from '../policy';
import { decideWarranty, type WarrantyDecision, type WarrantyInput } from '../warranty';
import { decideQuote, evolveQuote, mayStartChargeableWork, priceQuote, type QuoteState } from './index';

/** The preset stories of issue 4, from assessment to "may chargeable work start?". */
const assess = (
  preset: Parameters<typeof getPolicyPreset>[0],
  input: Partial<WarrantyInput>,
): WarrantyDecision => {
  const result = decideWarranty(
    {
      purchaseDate: '2025-06-01',
      proofOfPurchase: true,
      cause: 'material_defect',
      productCategory: 'own',
      requestedService: 'repair',
      assessedAt: new Date('2026-11-25T03:00:00Z'),
      ...input,
    },
    getPolicyPreset(preset),
  );
  assert.ok(result.ok, result.ok ? '' : result.error.message);
  return result.value;
};
const engineer = { userId: 'eng', roles: ['engineer'] as const };
const at = (minute: number) => new Date(Date.UTC(2026, 10, 25, 4, minute));

describe('preset stories (R-WAR-03, R-FEE-01, R-FEE-02, R-FEE-04)', () => {
  it('R-WAR-03 appliance: an in-warranty repair is free and needs no acceptance', () => {
    const policy = getPolicyPreset('appliance');
    const warranty = assess('appliance', { purchaseDate: '2026-03-01' });
    assert.equal(warranty.coverage, 'free');
    const quote = priceQuote(
      [
        { kind: 'labour', unit: 'job', quantity: 1, unitPrice: 8000 },
        { kind: 'part', partId: 'thermostat', quantity: 1, unitPrice: 4200 },
      ],
      { warranty },
      policy,
    );
    assert.ok(quote.ok);
    assert.equal(quote.value.total, 0);
    assert.equal(quote.value.byPayer.company, 12_200);
    const state: QuoteState = { status: 'issued', quoteId: 'Q', total: quote.value.total, issuedAt: at(0) };
    assert.equal(mayStartChargeableWork(state, policy).allowed, true);
  });

  it('R-FEE-01 ceramics: out of warranty, preferential quote accepted in the portal, then work may start', () => {
    const policy = getPolicyPreset('ceramics');
    const warranty = assess('ceramics', { purchaseDate: '2023-01-10', productLine: 'sanitary_ware' });
    assert.equal(warranty.coverage, 'charged_preferential');
    const quote = priceQuote(
      [
        { kind: 'labour', unit: 'job', quantity: 1, unitPrice: 10_000 },
        { kind: 'part', partId: 'flush-valve', quantity: 1, unitPrice: 6000 },
      ],
      { warranty },
      policy,
    );
    assert.ok(quote.ok);
    const expectedOff = Math.round((16_000 * policy.warranty.outOfWarrantyDiscountBp) / 10_000);
    assert.equal(quote.value.total, 16_000 - expectedOff);
    let state: QuoteState = { status: 'none' };
    for (const command of [
      { type: 'issue', quoteId: 'Q-7', total: quote.value.total, actor: engineer, at: at(0) },
      { type: 'accept', actor: { userId: 'cust', roles: ['customer'] }, channel: 'portal', at: at(10) },
    ] as const) {
      const events = decideQuote(state, command, policy);
      assert.ok(events.ok);
      state = events.value.reduce(evolveQuote, state);
    }
    assert.deepEqual(mayStartChargeableWork(state, policy), { allowed: true, reason: 'quote_accepted' });
  });

  it('R-FEE-04 misuse: the customer refuses the charge, so no chargeable work', () => {
    const policy = getPolicyPreset('appliance');
    const warranty = assess('appliance', { purchaseDate: '2026-03-01', cause: 'misuse' });
    assert.equal(warranty.coverage, 'charged');
    const quote = priceQuote(
      [{ kind: 'labour', unit: 'hour', minutes: 45, unitPrice: 12_000 }],
      { warranty },
      policy,
    );
    assert.ok(quote.ok);
    assert.equal(quote.value.total, 9000);
    const issued: QuoteState = {
      status: 'issued',
      quoteId: 'Q-9',
      total: quote.value.total,
      issuedAt: at(0),
    };
    const refused = decideQuote(
      issued,
      {
        type: 'refuse',
        actor: { userId: 'agent', roles: ['agent'] },
        channel: 'hotline',
        at: at(5),
        reason: '不修了',
      },
      policy,
    );
    assert.ok(refused.ok);
    const state = refused.value.reduce(evolveQuote, issued);
    assert.deepEqual(mayStartChargeableWork(state, policy), { allowed: false, reason: 'quote_refused' });
  });

  it('R-FEE-02 vehicle: a platform 800 km away, out of warranty, quotes travel at cost and tariff days', () => {
    const policy = getPolicyPreset('vehicle');
    const warranty = assess('vehicle', { purchaseDate: '2024-03-01', cause: 'wear' });
    const quote = priceQuote(
      [
        { kind: 'labour', unit: 'hour', minutes: 360, unitPrice: 15_000 },
        { kind: 'part', partId: 'hydraulic-seal-kit', quantity: 1, unitPrice: 48_000 },
        { kind: 'travel', quantity: 2, unitPrice: 56_000, description: '往返高铁' },
        { kind: 'trip', item: 'accommodation', days: 2 },
        { kind: 'trip', item: 'meals', days: 3 },
        { kind: 'trip', item: 'allowance', days: 3 },
      ],
      { warranty, tripYear: 2026 },
      policy,
    );
    assert.ok(quote.ok, quote.ok ? '' : quote.error.message);
    const tariff = policy.fees.tripTariffs.find((t) => t.year === 2026);
    assert.ok(tariff);
    const tripDays =
      2 * tariff.accommodationFenPerDay + 3 * tariff.mealsFenPerDay + 3 * tariff.allowanceFenPerDay;
    assert.equal(quote.value.subtotals.trip, tripDays);
    const off = Math.round(((90_000 + 48_000) * warranty.discountBp) / 10_000);
    assert.equal(quote.value.total, 90_000 + 48_000 - off + 112_000 + tripDays);
  });
});
