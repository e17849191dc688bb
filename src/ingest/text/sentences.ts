// Sentence and clause splitting with character offsets into the body, so every coded event can
// point at its evidence. Rule-based: news prose is regular enough, and a model would be slower.

export interface Span {
  text: string;
  start: number;
  end: number;
}

// Abbreviations after which a full stop does not end a sentence (titles, months, ranks, places).
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof gen lt col maj capt cpl sgt brig adm gov sen rep st no nos vs etc jan feb mar apr jun jul aug ' +
    'sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun jr sr inc ltd co corp dept approx est fig ' +
    'govt u.s u.n u.k e.g i.e a.m p.m km sq mt ft'
  ).split(' '),
);

/** Splits text into sentences; paragraph breaks always end a sentence. */
export function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  const push = (end: number): void => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s] ?? '')) s++;
    while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
    if (e > s) out.push({ text: text.slice(s, e), start: s, end: e });
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      if (/^\n[ \t\r]*\n/.test(text.slice(i, i + 8)) || endsLikeSentence(text, i)) {
        push(i);
      }
      continue;
    }
    if (c !== '.' && c !== '!' && c !== '?') continue;
    // Swallow closing quotes/brackets after the terminator.
    let j = i + 1;
    while (j < text.length && /["'”’)\]]/.test(text[j] ?? '')) j++;
    if (j < text.length && !/\s/.test(text[j] ?? '')) continue;
    let k = j;
    while (k < text.length && /[ \t]/.test(text[k] ?? '')) k++;
    const next = text[k];
    if (next !== undefined && next !== '\n' && !/[A-Z0-9"“‘'(\u00C0-\u024F]/.test(next)) continue;
    if (c === '.' && isAbbreviation(text, i)) continue;
    push(j);
    i = j - 1;
  }
  push(text.length);
  return out;
}

function endsLikeSentence(text: string, newlineAt: number): boolean {
  // A single newline ends a sentence when the line before it looks finished or is a short heading;
  // otherwise it is a hard wrap inside a paragraph.
  let e = newlineAt;
  while (e > 0 && /[ \t\r]/.test(text[e - 1] ?? '')) e--;
  if (/[.!?:"”’]/.test(text[e - 1] ?? '')) return true;
  const lineStart = text.lastIndexOf('\n', e - 1) + 1;
  return e - lineStart < 60;
}

function isAbbreviation(text: string, dotAt: number): boolean {
  let s = dotAt;
  while (s > 0 && /[A-Za-z.]/.test(text[s - 1] ?? '')) s--;
  const word = text.slice(s, dotAt).toLowerCase();
  if (word.length === 0) return false;
  if (ABBREVIATIONS.has(word)) return true;
  // Single capital initials ("J. Smith") and dotted acronyms ("U.S.").
  if (/^[a-z]$/.test(word) && /[A-Z]/.test(text[dotAt - 1] ?? '')) return true;
  return /^([a-z]\.)+[a-z]$/.test(word);
}

// Clause boundaries: where a sentence turns to another event or another speaker. Used to scope
// negation and to attach places, dates and actors to the nearest trigger.
const CLAUSE_BREAK =
  /\s*[;—–]\s*|\s+-\s+|,\s+(?=(?:though|although|but|while|whereas|even as|apart from|except|after|before|when|which|prompting|forcing|triggering|leading to)\b)|\s+(?=(?:though|although|whereas)\b)/gi;

/** Splits a sentence span into clause spans (offsets stay relative to the same text as the sentence). */
export function splitClauses(sentence: Span): Span[] {
  const out: Span[] = [];
  let last = 0;
  const t = sentence.text;
  for (const m of t.matchAll(CLAUSE_BREAK)) {
    const at = m.index;
    if (at > last) out.push(span(sentence, last, at));
    last = at + m[0].length;
  }
  if (last < t.length) out.push(span(sentence, last, t.length));
  return out.filter((c) => c.text.trim().length > 0);
}

function span(sentence: Span, from: number, to: number): Span {
  return {
    text: sentence.text.slice(from, to),
    start: sentence.start + from,
    end: sentence.start + to,
  };
}
