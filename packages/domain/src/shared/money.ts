/** Money is an integer number of fen (分), never a float (R-FEE-06). */
export type Fen = number;

export function isFen(value: unknown): value is Fen {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/** Applies a rate given in basis points (1 % = 100 bp), rounding half away from zero to whole fen. */
export function applyBasisPoints(amount: Fen, basisPoints: number): Fen {
  const raw = (amount * basisPoints) / 10_000;
  return Math.sign(raw) * Math.round(Math.abs(raw));
}

/** Formats fen as yuan with two decimals, e.g. 12345 → "123.45". */
export function fenToYuanString(amount: Fen): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
