import { randomUUID } from 'node:crypto';
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

  it('When a card number is typed with spaces, then it is masked; so is one that fails Luhn', () => {
    expect(isCardNumber(CARD)).toBe(true);
    expect(maskPii('卡号 6222 0212 3456 7890 128').text).toBe('卡号 6222************128');
    expect(isCardNumber('6222021234567890129')).toBe(false);
    expect(maskPii('卡号6222021234567890129').text).toBe('卡号6222************129');
  });

  it('When a customer mistypes their ID or card number, then it is still masked: masking errs towards hiding', () => {
    // One digit off: the check digit no longer holds, but the number is still theirs.
    const mistypedId = '110105194912310021';
    expect(isIdNumber(mistypedId)).toBe(false);
    expect(maskPii(`身份证${mistypedId}`).text).toBe('身份证110*************21');
    expect(maskPii('身份证11010519491231003x').found).toEqual(['id-number']);
    expect(maskPii('16位卡号 6222 0212 3456 7891').text).toBe('16位卡号 6222*********891');
    expect(maskPii('老身份证号110105491231002').found).toEqual(['id-number']);
  });

  it('When numbers are typed full-width, glued to letters or split by dots, then they are masked', () => {
    expect(maskPii('电话１３８１２３４５６７８').text).toBe('电话138****5678');
    expect(maskPii('id110101199003074258x').text).toBe('id110*************58x');
    expect(maskPii('call 138.1234.5678').text).toBe('call 138****5678');
    expect(maskPii('call +86 138-1234-5678').text).toBe('call 138****5678');
    expect(maskPii('卡号６２２２　０２１２　３４５６　７８９０　１２８').found).toEqual(['bank-card']);
  });

  it('When a code, password or account number is named, then its value is masked', () => {
    expect(maskPii('验证码是 482913，你快点').text).toBe('验证码是 ******，你快点');
    expect(maskPii('密码123456').text).toBe('密码******');
    expect(maskPii('my password is hunter22').text).toBe('my password is ********');
    expect(maskPii('the OTP: 5521').found).toEqual(['secret']);
    expect(maskPii('对公账号 1234 5678 9012').text).toBe('对公账号 12********12');
    expect(maskPii('验证码要不要给中介？密码是什么意思').found).toEqual([]);
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

  it('When stored state holds machine identifiers (UUIDs, digests), then their digits are not read as an ID number', () => {
    // This UUID's digits, split by its dashes, once read as an 18-digit ID number in eval state.
    const uuid = 'b8522507-7901-4381-998a-97beae1ce2e7';
    expect(maskPii(`{"instanceId":"${uuid}"}`)).toEqual({ text: `{"instanceId":"${uuid}"}`, found: [] });
    const ids = Array.from({ length: 5000 }, () => randomUUID()).join(' ');
    expect(maskPii(ids).found).toEqual([]);
    const digest = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
    expect(maskPii(digest).found).toEqual([]);
    // A real number beside one is still masked.
    expect(maskPii(`${uuid} 卡号${CARD}`).text).toBe(`${uuid} 卡号6222************128`);
  });
});
