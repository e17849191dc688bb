// Retry timing: exponential backoff with ±50 % jitter, capped, and never sooner than a Retry-After
// (seconds or an HTTP date, RFC 9110 §10.2.3) asks, itself capped at a day.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backoffMs, dispatcherOptions, retryAfterMs } from './dispatcher.js';
import { hostAllowed } from './routes.js';

const at = (random: number) => ({
  ...dispatcherOptions({}),
  retryBaseMs: 1000,
  random: () => random,
});

test('backoff doubles per attempt, jittered between half and one and a half', () => {
  assert.equal(backoffMs(1, at(0.5)), 1000);
  assert.equal(backoffMs(2, at(0.5)), 2000);
  assert.equal(backoffMs(4, at(0.5)), 8000);
  assert.equal(backoffMs(3, at(0)), 2000);
  assert.equal(backoffMs(3, at(1)), 6000);
  assert.equal(backoffMs(40, at(0.5)), 6 * 3_600_000, 'capped at six hours');
});

test('Retry-After: seconds or a date, a floor under the backoff, at most a day', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  assert.equal(retryAfterMs('120', now), 120_000);
  assert.equal(retryAfterMs('Thu, 01 Jan 2026 00:01:00 GMT', now), 60_000);
  assert.equal(retryAfterMs(null, now), undefined);
  assert.equal(retryAfterMs('soon', now), undefined);
  assert.equal(backoffMs(1, at(0.5), 120_000), 120_000);
  assert.equal(backoffMs(1, at(0.5), 10), 1000, 'a shorter Retry-After does not hurry the backoff');
  assert.equal(backoffMs(1, at(0.5), 10 * 86_400_000), 86_400_000);
});

test('settings from the environment, with a clear error for a bad one', () => {
  assert.equal(dispatcherOptions({ TRUCELINE_WEBHOOK_RETRY_MS: '250' }).retryBaseMs, 250);
  assert.throws(
    () => dispatcherOptions({ TRUCELINE_WEBHOOK_POLL_MS: 'fast' }),
    /TRUCELINE_WEBHOOK_POLL_MS must be a number of milliseconds, not "fast"/,
  );
});

test('the operator allowlist of hosts: exact names and *.subdomains; unset allows any', () => {
  const env = { TRUCELINE_WEBHOOK_HOSTS: 'hooks.example.org, *.partner.net' };
  assert.equal(hostAllowed('https://hooks.example.org/x', env), true);
  assert.equal(hostAllowed('https://HOOKS.example.org:8443/x', env), true);
  assert.equal(hostAllowed('https://a.b.partner.net/x', env), true);
  assert.equal(hostAllowed('https://partner.net/x', env), false);
  assert.equal(hostAllowed('http://127.0.0.1:8080/x', env), false);
  assert.equal(hostAllowed('http://example.org.evil.test/x', env), false);
  assert.equal(hostAllowed('http://127.0.0.1/x', {}), true);
});
