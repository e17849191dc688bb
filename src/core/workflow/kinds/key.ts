// `key` entries follow the key rule (src/core/keys/registry.ts) rather than a role table: the
// author may be a key registering itself (a mission-listed steward), so it need not be registered.
import { KeyRegistry } from '../../keys/registry.js';
import { refuse } from '../decision.js';
import { FUTURE_SKEW_MS } from '../signed-time.js';
import type { KindRules } from './context.js';

export const keyRules: KindRules<'key'> = {
  authors: [],
  decide() {
    throw new Error('key entries are decided whole (decideWhole)');
  },
  decideWhole(facts, env) {
    // No registry given: no key registered yet (only a mission-listed steward may register itself).
    const keys = facts.keys ?? new KeyRegistry(facts.mission);
    const b = env.body;
    const self = b.action === 'register' && keys.get(env.author) === undefined;
    const signerUser = self ? b.user : keys.get(env.author)?.user;
    if (facts.caller && signerUser !== undefined && facts.caller.user !== signerUser)
      return refuse(
        403,
        'signer_is_caller',
        `the entry is signed by ${signerUser}, the request comes from ${facts.caller.user}`,
      );
    if (facts.now && Date.parse(env.at) > Date.parse(facts.now) + FUTURE_SKEW_MS)
      return refuse(422, 'signed_time', `"at" is ${env.at}, the server's clock ${facts.now}`);
    const v = keys.check(env, facts.keyUser);
    return v.ok ? { ok: true } : refuse(v.status, v.rule, v.why);
  },
};
