import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { maskPhone, nameSearchKey, normalizePhone } from './contact';

describe('R-IN-03 phone numbers', () => {
  it('R-IN-03 a mainland mobile without +86 becomes E.164', () => {
    const r = normalizePhone('138 0013 8000', 'phones.0');
    assert.ok(r.ok);
    assert.equal(r.value, '+8613800138000');
  });
  it('R-IN-03 a Beijing landline is accepted', () => {
    const r = normalizePhone('010-65529988', 'phones.0');
    assert.ok(r.ok);
    assert.equal(r.value, '+861065529988');
  });
  it('R-IN-03 an invalid number is refused naming the field', () => {
    const r = normalizePhone('12345', 'customer.phones.0');
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'PHONE_INVALID');
    assert.equal(r.error.field, 'customer.phones.0');
  });
});

describe('R-NF-03 masking', () => {
  it('R-NF-03 a mobile is shown as 138****8000 in lists', () => {
    assert.equal(maskPhone('+8613800138000'), '138****8000');
  });
  it('R-NF-03 a landline keeps only its ends', () => {
    assert.equal(maskPhone('+861065529988'), '106*****88');
  });
  it('R-NF-03 nothing in, nothing out', () => {
    assert.equal(maskPhone(null), '');
  });
});

describe('pinyin search keys', () => {
  it('R-IN-03 "zs" and "zhangsan" find 张三', () => {
    const key = nameSearchKey('张三');
    assert.ok(key.includes('zhangsan'));
    assert.ok(key.split(' ').includes('zs'));
    assert.ok(key.includes('张三'));
  });
  it('R-IN-03 polyphones: 重庆 reads chongqing', () => {
    assert.ok(nameSearchKey('重庆').startsWith('chongqing'));
  });
});
