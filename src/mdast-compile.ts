/**
 * Turns micromark events into mdast with mdast-util-from-markdown's own node
 * handlers (core and extensions), driven by a leaner loop than the one inside
 * `fromMarkdown`: that loop builds a fresh copy of the compile context for
 * every event (millions per run), which measured as a quarter of all parse
 * time. Here one context object serves a whole document; only its
 * `sliceSerialize` changes from event to event, which is all the per-event
 * copy ever varied.
 *
 * The handlers are the library's: they are read from the compile context a
 * probe extension sees while `fromMarkdown` parses a one-letter document
 * (`CompileContext.config` holds every `enter`/`exit` handler, core and
 * extension). What this module adds is the driver: list items (micromark has
 * no list-item events; the tree has list items, with their `spread`), the
 * dispatch, open tokens at the end, the root's position and the transforms.
 * `test/parse.test.ts` checks the trees equal `fromMarkdown`'s.
 */
import {fromMarkdown, type CompileContext, type Extension as FromMarkdownExtension, type Handle} from 'mdast-util-from-markdown'
import type {Root} from 'mdast'
import type {Event, Point, Token} from 'micromark-util-types'

type OnError = (this: CompileContext, left: Token | undefined, right: Token) => undefined
type Transform = (tree: Root) => Root | undefined | void

/** What the compile loop needs from a configured compiler. */
interface Compiler {
  enter: Map<string, Handle>
  exit: Map<string, Handle>
  beforeEnter: Handle[]
  afterExit: Handle[]
  transforms: Transform[]
  /** The compiler's own context methods. */
  methods: Pick<CompileContext, 'enter' | 'exit' | 'buffer' | 'resume'>
  config: CompileContext['config']
}

/** A pseudo-token for a list item, as the list-item handlers expect it. */
interface ListItemToken extends Token {
  _spread: boolean
}

/**
 * The handlers `fromMarkdown` would use with `extensions`, read off the
 * context passed to a probe handler on `content` (a token type no handler
 * uses; the probe is dropped from the tables).
 */
export function createCompiler(extensions: readonly (FromMarkdownExtension | FromMarkdownExtension[])[]): (events: Event[]) => Root {
  let seen: CompileContext | undefined
  const probe = function (this: CompileContext): undefined {
    seen = this
  }
  fromMarkdown('x', {mdastExtensions: [...extensions, {enter: {content: probe}}]})
  if (!seen) throw new Error('Cannot set up the Markdown compiler: the probe handler never ran')
  const context = seen
  const table = (handlers: Record<string, Handle>): Map<string, Handle> =>
    new Map(Object.keys(handlers).filter((type) => handlers[type] !== probe).map((type) => [type, handlers[type]]))
  const config = context.config as CompileContext['config'] & {beforeEnter?: Handle[]; afterExit?: Handle[]}
  const compiler: Compiler = {
    enter: table(config.enter),
    exit: table(config.exit),
    beforeEnter: config.beforeEnter ?? [],
    afterExit: config.afterExit ?? [],
    transforms: config.transforms as Transform[],
    methods: {enter: context.enter, exit: context.exit, buffer: context.buffer, resume: context.resume},
    config,
  }
  return (events) => compile(compiler, events)
}

function compile(compiler: Compiler, source: Event[]): Root {
  const events = withListItems(source)
  let tree: Root = {type: 'root', children: [], position: undefined}
  const tokenStack: Array<[Token, OnError | undefined]> = []
  const {methods} = compiler
  // Spelled out, not spread: a spread plus new keys is the slow path this module avoids.
  const context = {
    stack: [tree],
    tokenStack,
    config: compiler.config,
    enter: methods.enter,
    exit: methods.exit,
    buffer: methods.buffer,
    resume: methods.resume,
    data: {},
    sliceSerialize: undefined as unknown as CompileContext['sliceSerialize'],
  } as unknown as CompileContext
  const {enter, exit, beforeEnter, afterExit} = compiler
  for (let index = 0; index < events.length; index++) {
    const [kind, token, tokenizer] = events[index]
    context.sliceSerialize = tokenizer.sliceSerialize
    if (kind === 'enter') {
      for (const listener of beforeEnter) listener.call(context, token)
      enter.get(token.type)?.call(context, token)
    } else {
      exit.get(token.type)?.call(context, token)
      for (const listener of afterExit) listener.call(context, token)
    }
  }

  if (tokenStack.length > 0) {
    const [token, onError] = tokenStack[tokenStack.length - 1]
    ;(onError ?? unclosed).call(context, undefined, token)
  }

  const origin: Point = {line: 1, column: 1, offset: 0} as Point
  tree.position = {
    start: point(events.length > 0 ? events[0][1].start : origin),
    end: point(events.length > 0 ? events[events.length - 2][1].end : origin),
  }
  for (const transform of compiler.transforms) tree = transform(tree) || tree
  return tree
}

function unclosed(_left: Token | undefined, right: Token): undefined {
  throw new Error(`Cannot close the document: \`${right.type}\` (${right.start.line}:${right.start.column}) is still open`)
}

function point(at: Point): {line: number; column: number; offset: number} {
  return {line: at.line, column: at.column, offset: at.offset}
}

const LIST_TYPES = new Set(['listOrdered', 'listUnordered'])

/**
 * The events with list-item enter/exit events added, each list prepared as
 * soon as its exit is reached (inner lists first), as the handlers expect.
 */
function withListItems(events: Event[]): Event[] {
  const out: Event[] = []
  const openLists: number[] = []
  for (const event of events) {
    out.push(event)
    if (!LIST_TYPES.has(event[1].type)) continue
    if (event[0] === 'enter') openLists.push(out.length - 1)
    else addListItems(out, openLists.pop()!)
  }
  return out
}

/** Types that sit between a line ending and the next line's content. */
const LINE_PREFIXES = new Set(['linePrefix', 'blockQuotePrefix', 'blockQuotePrefixWhitespace', 'blockQuoteMarker', 'listItemIndent'])
/** Types that are part of an item's marker (a blank line right after them does not make the item spread). */
const MARKER_PARTS = new Set(['linePrefix', 'listItemValue', 'listItemMarker', 'listItemPrefix', 'listItemPrefixWhitespace'])
const CONTAINERS = new Set(['listOrdered', 'listUnordered', 'blockQuote'])

/**
 * Adds a list-item enter before each of the list's item prefixes and a
 * list-item exit after each item's last content (before the line endings
 * that trail it), marks items that hold a blank line between their own
 * blocks as spread, and marks the list spread when a blank line separates
 * two of its items. The list runs from `start` to the last event of `events`.
 */
function addListItems(events: Event[], start: number): void {
  const last = events.length - 1
  /** How deep inside nested containers we are: -1 outside the list, 0 directly in it. */
  let depth = -1
  let listSpread = false
  let item: ListItemToken | undefined
  let firstBlank: number | undefined
  let afterMarker = false
  const inserted: {at: number; event: Event}[] = []

  for (let index = start; index <= last; index++) {
    const event = events[index]
    const type = event[1].type
    if (CONTAINERS.has(type)) {
      depth += event[0] === 'enter' ? 1 : -1
      afterMarker = false
    } else if (type === 'lineEndingBlank') {
      if (event[0] === 'enter') {
        if (item && !afterMarker && depth === 0 && !firstBlank) firstBlank = index
        afterMarker = false
      }
    } else if (!MARKER_PARTS.has(type)) {
      afterMarker = false
    }

    const itemStarts = depth === 0 && event[0] === 'enter' && type === 'listItemPrefix'
    const listEnds = depth === -1 && event[0] === 'exit' && LIST_TYPES.has(type)
    if (!itemStarts && !listEnds) continue

    if (item) {
      // The item ends before the line endings (and their prefixes) that trail it;
      // of two or more trailing line endings, all but the first are blank.
      let lineIndex: number | undefined
      for (let back = index - 1; back >= 0; back--) {
        const tail = events[back]
        const tailType = tail[1].type
        if (tailType === 'lineEnding' || tailType === 'lineEndingBlank') {
          if (tail[0] === 'exit') continue
          if (lineIndex) {
            events[lineIndex][1].type = 'lineEndingBlank'
            listSpread = true
          }
          tail[1].type = 'lineEnding'
          lineIndex = back
        } else if (!LINE_PREFIXES.has(tailType)) {
          break
        }
      }
      if (firstBlank && (!lineIndex || firstBlank < lineIndex)) item._spread = true
      item.end = {...(lineIndex ? events[lineIndex][1].start : event[1].end)}
      inserted.push({at: lineIndex || index, event: ['exit', item, event[2]]})
    }

    if (itemStarts) {
      item = {type: 'listItem', _spread: false, start: {...event[1].start}, end: undefined} as unknown as ListItemToken
      inserted.push({at: index, event: ['enter', item, event[2]]})
      firstBlank = undefined
      afterMarker = true
    }
  }

  const list = events.splice(start)
  let next = 0
  for (let index = 0; index < list.length; index++) {
    while (next < inserted.length && inserted[next].at === start + index) events.push(inserted[next++].event)
    events.push(list[index])
  }
  ;(events[start][1] as ListItemToken)._spread = listSpread
}
