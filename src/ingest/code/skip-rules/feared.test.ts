import assert from 'node:assert/strict';
import { test } from 'node:test';
import { code } from './code-for-test.js';

test('feared: concerns about retaliation are no clash', () => {
  const es = code(
    'One aid worker requested anonymity, citing concerns about retaliation from the RSF.',
  );
  assert.equal(es.length, 0);
});

test('feared: retaliation that happened still codes', () => {
  const es = code(
    'Afghan forces retaliated on Sunday by opening fire on Pakistani border posts in Kurram.',
  );
  assert.ok(es.some((e) => e.type === 'armed_clash'));
});

test('feared: shelter taken to escape shelling is no shelling event', () => {
  const es = code('Many residents are living underground in shelters to escape heavy shelling.');
  assert.equal(es.filter((e) => e.type === 'shelling').length, 0);
});
