// Tests use the examples printed in RFC 8785 itself (§3.2.2, §3.2.3 and Appendix B).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalize } from './canonical-json.js';
import { CoreError } from './errors.js';

test('RFC 8785 §3.2.2: the example object', () => {
  const input = JSON.parse(
    '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],' +
      ' "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/",' +
      ' "literals": [null, true, false]}',
  );
  assert.equal(
    canonicalize(input),
    '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],' +
      '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
  );
});

test('RFC 8785 §3.2.3: members sorted by UTF-16 code units', () => {
  const input = JSON.parse(
    '{"\\u20ac": "Euro Sign", "\\r": "Carriage Return", "\\ufb33": "Hebrew Letter Dalet With Dagesh",' +
      ' "1": "One", "\\ud83d\\ude00": "Emoji: Grinning Face", "\\u0080": "Control",' +
      ' "\\u00f6": "Latin Small Letter O With Diaeresis"}',
  );
  // Compared as text: JSON.parse would move the integer-like key "1" first again.
  assert.equal(
    canonicalize(input),
    '{"\\r":"Carriage Return","1":"One","\u0080":"Control",' +
      '"\u00f6":"Latin Small Letter O With Diaeresis","\u20ac":"Euro Sign",' +
      '"\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
  );
});

// Appendix B: IEEE 754 bit patterns and their required serialisation.
const NUMBERS: [string, string][] = [
  ['0000000000000000', '0'],
  ['8000000000000000', '0'],
  ['0000000000000001', '5e-324'],
  ['8000000000000001', '-5e-324'],
  ['7fefffffffffffff', '1.7976931348623157e+308'],
  ['ffefffffffffffff', '-1.7976931348623157e+308'],
  ['4340000000000000', '9007199254740992'],
  ['c340000000000000', '-9007199254740992'],
  ['4430000000000000', '295147905179352830000'],
  ['44b52d02c7e14af5', '9.999999999999997e+22'],
  ['44b52d02c7e14af6', '1e+23'],
  ['44b52d02c7e14af7', '1.0000000000000001e+23'],
  ['444b1ae4d6e2ef4e', '999999999999999700000'],
  ['444b1ae4d6e2ef4f', '999999999999999900000'],
  ['444b1ae4d6e2ef50', '1e+21'],
  ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
  ['3eb0c6f7a0b5ed8d', '0.000001'],
  ['41b3de4355555553', '333333333.3333332'],
  ['41b3de4355555554', '333333333.33333325'],
  ['41b3de4355555555', '333333333.3333333'],
  ['41b3de4355555556', '333333333.3333334'],
  ['41b3de4355555557', '333333333.33333343'],
  ['becbf647612f3696', '-0.0000033333333333333333'],
  ['43143ff3c1cb0959', '1424953923781206.2'],
];

function fromBits(hex: string): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt('0x' + hex));
  return view.getFloat64(0);
}

for (const [bits, expected] of NUMBERS) {
  test(`RFC 8785 Appendix B: ${bits} → ${expected}`, () => {
    assert.equal(canonicalize(fromBits(bits)), expected);
  });
}

test('RFC 8785 Appendix B: NaN and Infinity are errors', () => {
  for (const bits of ['7fffffffffffffff', '7ff0000000000000']) {
    assert.throws(() => canonicalize(fromBits(bits)), CoreError);
  }
});

test('lone surrogates and non-JSON values are refused', () => {
  assert.throws(() => canonicalize('\ud800x'), /lone surrogate/);
  assert.throws(() => canonicalize({ a: new Date(0) }), /not JSON/);
  assert.throws(() => canonicalize({ a: () => 1 }), /not JSON/);
  assert.equal(canonicalize('\ud83d\ude00'), '"😀"');
});

test('nested objects are sorted at every depth and undefined members dropped', () => {
  assert.equal(
    canonicalize({ b: { d: 1, c: [2, { z: 0, a: 1 }] }, a: undefined }),
    '{"b":{"c":[2,{"a":1,"z":0}],"d":1}}',
  );
});
