import { describe, expect, it } from 'vitest';
import { pickerWidth } from './pickerWidth';

describe('pickerWidth', () => {
  it('fits the longest name listed, in characters', () => {
    expect(pickerWidth(['web', 'payments-api_payments_svc_8080'], null)).toBe('min(22rem, 33ch)');
  });

  it('fits the first option when the names are short', () => {
    // "all 2 sources"
    expect(pickerWidth(['a', 'b'], null)).toBe('min(22rem, 16ch)');
  });

  it('keeps its width when a listed source is focused', () => {
    expect(pickerWidth(['web', 'worker'], 'worker')).toBe(pickerWidth(['web', 'worker'], null));
  });

  it('fits a focused source that no longer has a route', () => {
    // "gone-service (no route now)"
    expect(pickerWidth(['a', 'b'], 'gone-service')).toBe('min(22rem, 30ch)');
  });
});
