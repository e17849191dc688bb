// The type a trigger codes once its sentence is weighed: a weak "killed" takes its type from the
// victims, gunmen shooting policemen is a clash, deaths in a blast with no fighting are a bombing, a
// clash with a crowd is a riot; and a weapon named after "with" is the instrument of the attack.
import type { EventType } from '../../core/taxonomy.js';
import { isViolent } from './merge.js';
import type { Trigger } from './triggers.js';

const CIVILIAN_VICTIMS =
  /\b(?:civilians?|villagers|passengers|labou?rers|workers|women|children|worshippers|students|journalists?|polio|teachers|shopkeepers|traders|elders?|family|families|residents|pedestrians|bystanders|shepherds?|herders?|farmers?|drivers?|tribesm[ae]n|boys?|girls?|(?:a|an) (?:\w+ )?(?:man|woman|youth))\b/i;
const SECURITY_OR_MILITANT =
  /\b(?:soldiers?|troops|militants?|terrorists?|forces|police|personnel|khwarij|khawarij)\b/i;
const SECURITY_VICTIMS =
  /\b(?:policem[ae]n|police officers?|police|soldiers?|troops|personnel|FC|Levies|guards?|officers?)\b/i;
const SECURITY_DEAD =
  /\b(?:policem[ae]n|police officers?|constables?|soldiers?|troops|personnel|FC|Levies|guards?)\b[^.]{0,60}?\b(?:martyred|martyrdom|shahadat|killed|died|lost their lives)\b/i;
const CROWD = /\b(?:protesters|demonstrators|rioters|mobs?|crowds?)\b/i;

/** The type a trigger codes: weak "killed" mentions take it from the victims. */
export function finalType(trig: Trigger, clause: string, sentence: string): EventType {
  let type: EventType = trig.type;
  // "killed as a result of sniper shelling", "sniper fire": a sniper's shot is small-arms fire, a clash.
  if (
    type === 'shelling' &&
    /\bsniper\b/i.test(clause.slice(Math.max(0, trig.start - 25), trig.end))
  )
    return 'armed_clash';
  // "a joint drone and artillery attack": one strike, coded by the drone named first (the labels'
  // convention: drone and air strikes are airstrikes).
  if (
    type === 'shelling' &&
    /\bdrones?\s+(?:and|&)\s+(?:artillery|rocket|mortar|missile)/i.test(
      clause.slice(Math.max(0, trig.start - 40), trig.end + 40),
    )
  )
    return 'airstrike';
  if (trig.weak && trig.type === 'armed_clash') {
    type =
      CIVILIAN_VICTIMS.test(clause) && !SECURITY_OR_MILITANT.test(clause)
        ? 'attack_on_civilians'
        : 'armed_clash';
  }
  // Gunmen shooting policemen is a clash with state forces, not violence against civilians.
  if (
    type === 'attack_on_civilians' &&
    SECURITY_VICTIMS.test(trig.text + clause.slice(trig.end, trig.end + 40)) &&
    !CIVILIAN_VICTIMS.test(trig.text)
  ) {
    type = 'armed_clash';
  }
  // "Two FC personnel embraced martyrdom when armed men opened fire on their vehicle": the victims
  // named anywhere in the sentence are state forces and no civilians.
  if (
    type === 'attack_on_civilians' &&
    SECURITY_DEAD.test(sentence) &&
    !CIVILIAN_VICTIMS.test(sentence)
  ) {
    type = 'armed_clash';
  }
  // "five people were killed when a blast ripped through a market": deaths from an explosion with no
  // fighting named are a bombing (ACLED: remote explosive), not a clash.
  if (
    trig.weak &&
    type === 'armed_clash' &&
    /\b(?:blasts?|explosions?|explosives?|bombs?)\b/i.test(sentence) &&
    !/\b(?:clash\w*|exchange of fire|gunfight|gun battle|firing|opened fire|fired|shot|gunmen|ambush\w*|attack\w*|raid\w*|operation)\b/i.test(
      sentence,
    )
  )
    type = 'ied';
  // "Protesters and police clashed": a clash with a crowd is a riot.
  if (type === 'armed_clash' && CROWD.test(clause)) type = 'riot';
  return type;
}

/** "attacked the police station with heavy weapons and hand grenades": the grenade is the weapon of the attack. */
export function isInstrument(clause: string, t: Trigger, all: Trigger[]): boolean {
  if (!/\bwith\s+(?:[\w-]+\s+){0,4}$/i.test(clause.slice(Math.max(0, t.start - 50), t.start)))
    return false;
  return all.some((o) => o !== t && !o.weak && isViolent(o.type) && o.start < t.start);
}
