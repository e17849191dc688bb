// Collects the matches of a global regular expression without String.prototype.matchAll, which
// clones the RegExp on every call (ECMA-262 RegExp.prototype[@@matchAll] uses SpeciesConstructor):
// the coder runs dozens of patterns over every clause, and the clones were a measurable share of its
// time. An array, not a generator: most patterns match nothing, and the generator set up for every
// pattern and clause showed among the coder's top costs in a CPU profile of the throughput bench.
/** Every match of a global (`g`) `re` in `text`, from the start; empty matches advance one. */
export function eachMatch(re: RegExp, text: string): RegExpExecArray[] {
  re.lastIndex = 0;
  let m = re.exec(text);
  if (m === null) return NO_MATCHES;
  const out: RegExpExecArray[] = [];
  for (; m !== null; m = re.exec(text)) {
    if (m[0].length === 0) re.lastIndex++;
    out.push(m);
  }
  return out;
}

const NO_MATCHES: RegExpExecArray[] = [];
