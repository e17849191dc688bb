// Fatality counts from numerals and words ("at least 23", "two dozen", "a soldier was martyred").
// Vague plurals follow the ACLED codebook's conventions: "several"/"many" = 10, "dozens" = 12,
// "hundreds" = 100. Wounded are never counted. Figures from different sources are kept apart.
import type { FatalityClaim } from '../types.js';
import { eachMatch } from '../text/each-match.js';
import { parseNumber } from '../text/number-words.js';

export { parseNumber };

const NUM =
  '(?:(?:a|one|two|three|four) (?:hundred|dozen)|a couple of|\\d{1,3}(?:,\\d{3})+|\\d+|(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ])?(?:one|two|three|four|five|six|seven|eight|nine)|zero|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a|an|no|both|several|many|dozens(?: of)?|hundreds(?: of)?|scores(?: of)?|numerous)';
const QUAL =
  '(?:at least |more than |over |nearly |almost |about |around |some |up to |as many as |roughly |approximately |an estimated |a total of |another |the )?';
const VICTIM =
  "(?:[\\w'-]+ ){0,3}?(?:people|persons?|woman|man|child|boy|girl|boys|girls|commissioner|constables?|cops|jawans?|sepoys?|officials?|leaders?|elders?|clerics?|drivers?|soldiers?|troops|personnel|officers?|policem[ae]n|police officers?|militants?|terrorists?|insurgents?|fighters?|civilians?|children|women|men|members?|guards?|villagers?|passengers?|(?:polio )?workers?|labou?rers?|shopkeepers?|traders?|journalists?|teachers?|doctors?|clerics?|farmers?|youths?|attackers?|assailants|khwarij|khawarij|bombers?|students|individuals|others|family members|residents|refugees|citizens|protesters|demonstrators|mourners|worshippers|shepherds?|tribesmen|commanders?|Taliban|forces|men)";
const DIED =
  '(?:were |was |have been |had been |has been |are |got )?(?:killed|dead|died|martyred|embraced (?:shahadat|martyrdom)|lost (?:their|his|her) li(?:ves|fe)|shot dead|slain|perished|neutrali[sz]ed|eliminated|sent to hell|gunned down|paid the ultimate sacrifice|succumbed to (?:his|her|their) (?:injuries|wounds))';

// ISPR: "Sepoy Muhammad Irfan (age 24 years, resident of District Karak), having fought gallantly,
// paid the ultimate sacrifice and embraced shahadat": each soldier or policeman named with his rank is
// one death. Ranks of Pakistani soldiers and policemen as ISPR and police releases write them before a name.
const RANK =
  '(?:Sepoy|Naik|Lance Naik|Havildar|Subedar|Naib Subedar|Captain|Capt\\.|Major|Maj\\.|Lieutenant|Lt\\.|Colonel|Col\\.|Constable|Head Constable|Sub-Inspector|Assistant Sub-Inspector|ASI|SHO|Inspector|Sergeant)';
const RANKED_DEAD = new RegExp(
  `\\b${RANK} [A-Z][\\w'-]+(?: [A-Z][\\w'-]+){0,3}(?:,? (?:and|&) ${RANK} [A-Z][\\w'-]+(?: [A-Z][\\w'-]+){0,3})*[^.;]{0,90}?\\b(?:embraced (?:shahadat|martyrdom)|(?:was |were )?martyred|paid the ultimate sacrifice|(?:was |were )killed|lost (?:his|their) li(?:fe|ves))`,
  'g',
);
const RANK_WORD = new RegExp(`\\b${RANK} [A-Z]`, 'g');
// "N soldiers were killed", "killing N militants", "death toll rose to N", "N dead".
// "Three soldiers and two civilians were killed": coordinated victim groups of one verb, added.
const PAIR_DEAD = new RegExp(
  `\\b${QUAL}(${NUM}) ${VICTIM} (?:and|as well as) ${QUAL}(${NUM}) ${VICTIM},? (?:were |have been |had been |are )?(?:killed|martyred|dead|died|slain|shot dead|lost their lives)\\b`,
  'gi',
);
// "the death toll rose to 19": a toll figure; a rising one supersedes the earlier figures.
const TOLL = new RegExp(
  `\\b(?:death toll|toll|fatalities|casualties)\\b (?:[\\w'-]+ ){0,12}?(?:rose to|climbed to|reached|stood at|stands at|of|at|to)\\s+${QUAL}(${NUM})\\b`,
  'gi',
);
const PATTERNS: RegExp[] = [
  PAIR_DEAD,
  // The words between the victims and the verb may hold commas ("two soldiers of Pakistan Army, having
  // fought gallantly, embraced shahadat") but no wound word and no second group.
  new RegExp(
    `\\b${QUAL}(${NUM}) ${VICTIM},? (?:(?!(?:injured|wounded|hurt|and|arrested|detained|rescued|said|says|told|claimed|added|according|\\d+|one|two|three|four|five|six|seven|eight|nine|ten)\\b)[\\w'-]+,? ){0,10}?${DIED}`,
    'gi',
  ),
  new RegExp(`\\b${QUAL}(${NUM}) (?:were |was )?(?:killed|dead|died|martyred)\\b`, 'gi'),
  new RegExp(
    `\\b(?:killed|killing|kills|martyred|left|leaving|claimed the lives of|neutrali[sz]ed|neutrali[sz]ing|eliminated|eliminating|gunned down|shot dead)\\b,? ${QUAL}(${NUM}) (?:[\\w'-]+ ){0,3}?${VICTIM.replace("(?:[\\w'-]+ ){0,3}?", '')}?\\b(?! (?:injured|wounded|hurt))`,
    'gi',
  ),
  // "The shelling and firing led to the death of 15 civilians", "resulted in the deaths of eight".
  new RegExp(`\\b(?:led to|resulted in|caused|causing) the deaths? of ${QUAL}(${NUM})\\b`, 'gi'),
  TOLL,
  // "the bullet-riddled bodies of two men were recovered": the dead are counted where they are found.
  new RegExp(
    `\\bbod(?:y|ies) of ${QUAL}(${NUM}) (?:[\\w'-]+ ){0,3}?${VICTIM.replace("(?:[\\w'-]+ ){0,3}?", '')}`,
    'gi',
  ),
  new RegExp(
    // "No one was hurt", "no casualties": but "no one claimed responsibility" is no figure.
    `\\bno (?:casualties|deaths|fatalities|loss of life)\\b(?: (?:was|were) (?:reported|caused))?|\\b(?:no one|nobody|no-one|none) (?:was|were|has been|had been) (?:killed|hurt|injured|harmed|wounded)\\b|\\b(?:no one|nobody) (?:died|was hurt)\\b`,
    'gi',
  ),
  RANKED_DEAD,
  // "claimed 12 lives", "recovered six bodies", "one of them succumbed to his wounds".
  new RegExp(`\\bclaimed ${QUAL}(${NUM}) lives\\b`, 'gi'),
  new RegExp(
    `\\b(?:recovered|found|retrieved|fished out) ${QUAL}(${NUM}) (?:[\\w'-]+ ){0,2}?bodies\\b`,
    'gi',
  ),
  new RegExp(
    `\\b(${NUM}) (?:more )?of (?:them|the injured|the wounded) (?:later )?(?:died|succumbed|passed away|was martyred|were martyred)\\b`,
    'gi',
  ),
];
const WOUNDED_AFTER = /^\s*(?:(?!and\b)[\w'-]+ ){0,3}?(?:were |was )?(?:injured|wounded|hurt)\b/i;
// "killing a woman and her two children": a possessive introduces more victims too.
const AND_MORE = new RegExp(
  `^,? (?:and|as well as|besides) (?:her |his |their )?${QUAL}(${NUM}) ${VICTIM}`,
  'i',
);

export type VictimGroup = 'state' | 'militant' | 'civilian' | 'any';

export interface FatalityMention {
  count: number;
  start: number;
  end: number;
  group: VictimGroup;
  /** An updated total ("the toll rose to 19"): it supersedes the article's earlier figures. */
  latest?: boolean;
}

/** A claim before merging: one source's figure for one group of victims. */
export interface GroupClaim extends FatalityClaim {
  group: VictimGroup;
  latest?: boolean;
}

function victimGroup(text: string): VictimGroup {
  if (
    /\b(?:soldiers?|troops|forces|personnel|officers?|policem[ae]n|police|guards?|FC|Levies|sepoys?|commissioner|officials?)\b/i.test(
      text,
    )
  )
    return 'state';
  if (
    /\b(?:militants?|terrorists?|insurgents?|fighters?|khwarij|khawarij|attackers?|assailants|bombers?|Taliban|commanders?)\b/i.test(
      text,
    )
  )
    return 'militant';
  if (
    /\b(?:civilians?|children|women|woman|child|boys?|girls?|villagers?|passengers?|workers?|labou?rers?|students?|residents?|refugees?|worshippers|protesters|demonstrators|mourners|shepherds?|elders?|shopkeepers?|traders?|journalists?|teachers?|doctors?|farmers?)\b/i.test(
      text,
    )
  )
    return 'civilian';
  return 'any';
}

/** Death figures mentioned in one sentence. Several victim groups in one sentence are summed. */
// Every pattern below needs one of these words; most sentences have none, so they skip the patterns.
const DEATH_GATE =
  /kill|dead|died|death|martyr|shahadat|li(?:ves|fe)|slain|perish|neutrali|eliminat|hell|gunned|sacrifice|succumb|toll|fatalit|casualt|bod(?:y|ies)|no one|nobody|none/i;

export function findFatalities(raw: string): FatalityMention[] {
  if (!DEATH_GATE.test(raw)) return [];
  const sentence = maskAsides(raw);
  const out: FatalityMention[] = [];
  for (const re of PATTERNS) {
    re.lastIndex = 0;
    for (const m of eachMatch(re, sentence)) {
      const start = m.index;
      const end = start + m[0].length;
      if (out.some((o) => start < o.end && o.start < end)) continue;
      if (re === PAIR_DEAD) {
        const a = parseNumber(m[1] ?? '');
        const b = parseNumber(m[2] ?? '');
        if (a !== null && b !== null)
          out.push({ count: a + b, start, end, group: victimGroup(m[0]) });
        continue;
      }
      if (re === RANKED_DEAD) {
        const count = m[0].match(RANK_WORD)?.length ?? 1;
        out.push({ count, start, end, group: 'state' });
        continue;
      }
      if (m[1] === undefined) {
        out.push({ count: 0, start, end, group: 'any' });
        continue;
      }
      // Where the number ends: as a whole word ("shot dead a policeman" has an earlier "a" in "dead").
      const numAt = m[0].search(
        new RegExp(`(?<![\\w'-])${m[1].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w'-])`, 'i'),
      );
      const numEnd = m.index + (numAt >= 0 ? numAt : m[0].indexOf(m[1])) + m[1].length;
      // "a suicide bomber killed 14 soldiers": the subject of an active "killed" is the killer.
      if (
        (re === PATTERNS[1] || re === PATTERNS[2]) &&
        ACTIVE_KILL.test(m[0]) &&
        OBJECT_AFTER.test(sentence.slice(end))
      )
        continue;
      // "killing two and injuring five": the number belongs to the dead only when no wound word follows it.
      if (
        /^(?:killed|killing|kills|left|leaving)/i.test(m[0]) &&
        WOUNDED_AFTER.test(sentence.slice(numEnd))
      ) {
        continue;
      }
      const n = parseNumber(m[1]);
      if (n === null || n > 100_000) continue;
      // "a blast" matched as "a ... killed"? Only accept "a"/"an" when a victim noun follows directly.
      if (/^(a|an)$/i.test(m[1]) && !new RegExp(`^${VICTIM}`, 'i').test(sentence.slice(numEnd + 1)))
        continue;
      // "killing three soldiers and two civilians": victim groups in one phrase are added.
      let count = n;
      let stop = end;
      const more = AND_MORE.exec(sentence.slice(end));
      if (more?.[1] !== undefined && !WOUNDED_AFTER.test(sentence.slice(end + more[0].length))) {
        count += parseNumber(more[1]) ?? 0;
        stop = end + more[0].length;
      }
      const mention: FatalityMention = {
        count,
        start,
        end: stop,
        group: victimGroup(sentence.slice(start, stop)),
      };
      // "the death toll rose to 19": the latest figure replaces the earlier ones, it does not dispute them.
      if (re === TOLL && RISING.test(m[0])) mention.latest = true;
      out.push(mention);
    }
  }
  return withoutRestatements(out).sort((a, b) => a.start - b.start);
}

/**
 * "12 killed in Kurram clash PESHAWAR: Militants attacked a checkpost, killing 12 soldiers": a headline
 * run into the first line restates the body's toll. A figure with no victim group that equals another
 * figure of the sentence is the same dead, not more (issue 13, item 3); "three soldiers and three
 * civilians" still adds up, both groups being named.
 */
function withoutRestatements(ms: FatalityMention[]): FatalityMention[] {
  return ms.filter(
    (m, i) =>
      m.group !== 'any' ||
      m.count === 0 ||
      !ms.some((o, j) => j !== i && o.count === m.count && (o.group !== 'any' || j < i)),
  );
}

// "20 civilians, including women and children, were killed": the aside names the same victims.
const ASIDE =
  /,\s+(?:including|among them|most of them|mostly|all of them|both of them)\s[^,.;]{1,60},/gi;

/** The sentence with asides blanked to one filler word (same length, so offsets hold). */
function maskAsides(s: string): string {
  return s.replace(ASIDE, (m) => `, ${'x'.repeat(m.length - 3)},`);
}

const ACTIVE_KILL =
  /(?<!(?:were|was|been|are|got) )\b(?:killed|shot dead|gunned down|martyred|slain|eliminated|neutrali[sz]ed)$/i;
const OBJECT_AFTER = new RegExp(`^ (?:${QUAL}${NUM}|the|his|her|their|its)\\b`, 'i');
const RISING = /\b(?:rose|climbed|reached|jumped|increased|risen|mounted)\b/i;

const SOURCE =
  /\b(?:according to|said|says|claimed|claims|told|stated|reported|announced|confirmed|put the (?:death )?toll)\b/i;
const SOURCE_NAMES: [RegExp, string][] = [
  [
    /\b(?:ISPR|Inter[- ]Services Public Relations|Pakistan(?:i)? (?:army|military)|military's media wing)\b/i,
    'ISPR',
  ],
  [
    /\b(?:Zabihullah Mujahid|Taliban (?:spokesman|spokesperson|government|administration|officials?)|Afghan (?:defen[cs]e ministry|ministry of defen[cs]e|officials|government|authorities)|Islamic Emirate|Kabul)\b/i,
    'Afghan authorities',
  ],
  [
    /\b(?:Pakistani officials|Pakistan(?:'s)? (?:government|foreign office|interior ministry|authorities)|Islamabad|police said|officials said)\b/i,
    'Pakistani authorities',
  ],
  [
    /\b(?:TTP|Tehr[ei]e?k[- ]?e[- ]?Taliban|BLA|militants said|claimed responsibility)\b/i,
    'militants',
  ],
  [
    /\b(?:hospital|medical|doctors?|rescue (?:officials|workers|service)|Rescue 1122)\b/i,
    'medical sources',
  ],
  [/\b(?:residents|villagers|witnesses|locals|elders)\b/i, 'local sources'],
  [/\b(?:UN|UNAMA|United Nations|OCHA)\b/, 'United Nations'],
];

/** Who a sentence attributes its figures to, or null when stated as fact. */
export function sourceOf(sentence: string): string | null {
  if (!SOURCE.test(sentence)) return null;
  for (const [re, name] of SOURCE_NAMES) if (re.test(sentence)) return name;
  return 'unnamed source';
}

/**
 * Merges claims. Within one source and one group of victims a later figure restates an earlier one
 * (the highest is kept); different groups are added ("seven attackers and one soldier"). Sources that
 * disagree about the same group are kept apart and the lowest figure is coded (ACLED practice).
 */
export function mergeClaims(claims: GroupClaim[]): {
  claims: FatalityClaim[];
  conservative: number | null;
} {
  if (claims.length === 0) return { claims: [], conservative: null };
  // A rising toll is the latest count of all the dead, not one side's disputed figure.
  const latest = claims.filter((c) => c.latest === true);
  if (latest.length > 0) {
    const top = Math.max(...latest.map((c) => c.count));
    return { claims: latest.map((c) => ({ source: c.source, count: c.count })), conservative: top };
  }
  const bySourceGroup = new Map<
    string,
    { source: string | null; group: VictimGroup; count: number }
  >();
  for (const c of claims) {
    const k = `${c.source ?? ''}\u0000${c.group}`;
    const prev = bySourceGroup.get(k);
    if (!prev || c.count > prev.count)
      bySourceGroup.set(k, { source: c.source, group: c.group, count: c.count });
  }
  const perGroup = new Map<VictimGroup, number>();
  const perSource = new Map<string | null, number>();
  for (const v of bySourceGroup.values()) {
    perGroup.set(v.group, Math.min(perGroup.get(v.group) ?? Infinity, v.count));
    perSource.set(v.source, (perSource.get(v.source) ?? 0) + v.count);
  }
  let conservative = 0;
  for (const n of perGroup.values()) conservative += n;
  return {
    claims: [...perSource.entries()].map(([source, count]) => ({ source, count })),
    conservative,
  };
}
