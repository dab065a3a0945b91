/**
 * Every match of a global pattern in `text`, as `text.matchAll(re)` would
 * give them, collected with `re.exec`. `matchAll` copies the pattern and
 * builds an iterator on every call; on the many short strings the rules scan
 * that overhead costs more than the matching.
 */
export function allMatches(text: string, re: RegExp): RegExpExecArray[] {
  if (!re.global) throw new TypeError(`allMatches needs a global pattern: /${re.source}/${re.flags}`)
  const out: RegExpExecArray[] = []
  re.lastIndex = 0
  let match: RegExpExecArray | null
  while ((match = re.exec(text)) !== null) {
    out.push(match)
    // An empty match must not stop the scan (as matchAll: one code point on with the u or v flag).
    if (match[0] === '') re.lastIndex = advance(text, re.lastIndex, re.unicode || re.flags.includes('v'))
  }
  re.lastIndex = 0
  return out
}

function advance(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) return index + 1
  const high = text.charCodeAt(index)
  const low = text.charCodeAt(index + 1)
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff ? index + 2 : index + 1
}
