import { z } from 'zod';

// A number setting: digits only, between sane bounds. Number() alone would take "0x1070", "1e3"
// and "3000.0", and a timeout past setTimeout's range (about 24.8 days) silently becomes 1 ms.
export function wholeNumber(bounds: { min: number; max: number; unit?: string }) {
  const { min, max, unit } = bounds;
  const message = `must be a whole number in digits, from ${min} to ${max}${unit ? ` (${unit})` : ''}`;
  return z
    .string()
    .trim()
    .regex(/^\d{1,16}$/, message)
    .transform(Number)
    .pipe(z.number().min(min, message).max(max, message));
}
