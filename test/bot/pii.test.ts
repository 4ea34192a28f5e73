import { describe, expect, it } from 'vitest';
import { isCardNumber, isIdNumber, maskPii } from '../../src/bot/pii.js';

// Test numbers built to pass their checks; they belong to nobody.
const ID = '11010519491231002X';
const CARD = '6222021234567890128';

describe('maskPii', () => {
  it('When a valid ID number is typed, then only its first 3 and last 2 characters remain', () => {
    expect(isIdNumber(ID)).toBe(true);
    const r = maskPii(`我的身份证是${ID}，能帮我查吗`);
    expect(r.text).toBe('我的身份证是110*************2X，能帮我查吗');
    expect(r.found).toEqual(['id-number']);
  });

  it('When a card number is typed with spaces, then it is masked; a number failing Luhn is left alone', () => {
    expect(isCardNumber(CARD)).toBe(true);
    expect(maskPii('卡号 6222 0212 3456 7890 128').text).toBe('卡号 6222************128');
    expect(maskPii('订单号 6222021234567890129').text).toBe('订单号 6222021234567890129');
  });

  it('When a mobile number or an email is typed, then both are masked and reported', () => {
    const r = maskPii('call me on +86 138-0013-8000 or mail li.wei@example.com');
    expect(r.text).toBe('call me on 138****8000 or mail l***@example.com');
    expect(r.found).toEqual(['email', 'mobile']);
  });

  it('When a message has only amounts, dates and official numbers, then nothing changes', () => {
    const text = '2026年3月交了5000元，欠款200000元，打过12378和12363';
    expect(maskPii(text)).toEqual({ text, found: [] });
  });
});
