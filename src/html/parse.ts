/**
 * Parses a page into the domhandler tree cheerio wraps, with htmlparser2 (a streaming tokenizer)
 * instead of cheerio's default parse5, under a cap on work per page.
 *
 * Why: parse5 is quadratic in nesting depth (200,000 nested <div>s took minutes), and so is a
 * plain htmlparser2 parser, whose stack of open elements grows with the nesting (every open tag
 * shifts it; every unmatched close tag searches it). Here the stack is held to MAX_DEPTH, the way
 * browsers cap their tree depth (Chromium: 512): an element opened at the cap closes the deepest
 * open one first, so it becomes its sibling. Nothing is lost (text and elements stay, in order);
 * only nesting past the cap is flattened. Each tag then costs at most MAX_DEPTH steps: linear.
 *
 * The tree differs from parse5's: no implied <html>/<head>/<tbody>, no foster parenting of table
 * content (only a page with neither <html> nor <body> gets a <body>). Readers of the tree
 * (discover, extract) do not rely on those.
 */
import { ElementType } from 'domelementtype';
// cheerio/slim: the same API without parse5 and undici (the tree comes from htmlparser2 here), ~90 ms less to load.
import { load, type CheerioAPI } from 'cheerio/slim';
import { DomHandler, Element, type ChildNode, type Document } from 'domhandler';
import { Parser } from 'htmlparser2';
import { PermanentError } from '../errors.js';

export interface ParseLimits {
  /** Open elements nested deeper than this become siblings of the deepest one. */
  maxDepth: number;
  /** A page with more nodes (elements, text runs, comments) than this is refused. */
  maxNodes: number;
}

/**
 * Depth as Chromium caps it. Nodes: a 10 MB page of 300,000 paragraphs has 600,000; the tree
 * costs about 250 bytes a node, so the cap bounds one page's tree near 250 MB at worst.
 */
export const PARSE_LIMITS: ParseLimits = { maxDepth: 512, maxNodes: 1_000_000 };

/** A page over the work cap: it fails alone (permanent: the same page fails the same way). */
export class PageTooComplexError extends PermanentError {}

/** Parses HTML in time linear in its length; throws PageTooComplexError past `limits.maxNodes`. */
export function parseHtml(html: string, limits: ParseLimits = PARSE_LIMITS): CheerioAPI {
  const handler = new CountingHandler(limits.maxNodes);
  const parser = new DepthCappedParser(handler, limits.maxDepth);
  parser.end(html);
  wrapLooseContent(handler.root);
  // htmlparser2 in HTML mode for anything cheerio parses or renders later from this tree.
  return load(handler.root, { xml: { xmlMode: false, decodeEntities: true } });
}

/**
 * A page without <html> or <body> (a fragment some CMSes serve as the page) gets a <body> around
 * its content, as a browser would: the readers look for content in elements, never in the root.
 */
function wrapLooseContent(root: Document): void {
  const top = root.children;
  if (top.some((node) => node.type === ElementType.Tag && (node.name === 'html' || node.name === 'body'))) return;
  const content = top.filter((node) => node.type !== ElementType.Directive);
  if (content.length === 0) return;
  const body = new Element('body', {}, content);
  body.parent = root;
  root.children = [...top.filter((node) => node.type === ElementType.Directive), body];
  relink(body, content);
  relink(root, root.children);
}

/** Parent and sibling pointers of `children` as their new order says. */
function relink(parent: Element | Document, children: ChildNode[]): void {
  children.forEach((node, i) => {
    node.parent = parent;
    node.prev = children[i - 1] ?? null;
    node.next = children[i + 1] ?? null;
  });
}

/** Counts the nodes it builds and stops the parse past the cap. */
class CountingHandler extends DomHandler {
  private nodes = 0;

  constructor(private readonly maxNodes: number) {
    super(null, { withStartIndices: false, withEndIndices: false });
  }

  override onopentag(name: string, attribs: Record<string, string>): void {
    this.count();
    super.onopentag(name, attribs);
  }

  override ontext(data: string): void {
    if (this.lastNode?.type !== ElementType.Text) this.count();
    super.ontext(data);
  }

  override oncomment(data: string): void {
    if (this.lastNode?.type !== ElementType.Comment) this.count();
    super.oncomment(data);
  }

  private count(): void {
    if (++this.nodes <= this.maxNodes) return;
    throw new PageTooComplexError(`page has more than ${this.maxNodes} HTML nodes: not parsed (limit ${this.maxNodes} nodes per page)`);
  }
}

/** htmlparser2's own bookkeeping, innermost first; reached because Parser keeps it private. */
interface ParserStacks {
  stack: string[];
  foreignContext: boolean[];
}

/** The same sets as htmlparser2's Parser: closing one of these pops its foreign-content flag. */
const FOREIGN_CONTEXT = new Set(['math', 'svg', 'mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml', 'foreignobject', 'desc', 'title']);

class DepthCappedParser extends Parser {
  private readonly stacks: ParserStacks;

  constructor(
    private readonly handler: DomHandler,
    private readonly maxDepth: number,
  ) {
    super(handler, { decodeEntities: true });
    this.stacks = this as unknown as ParserStacks;
    if (!Array.isArray(this.stacks.stack) || !Array.isArray(this.stacks.foreignContext)) {
      throw new Error('htmlparser2 changed: Parser no longer keeps `stack` and `foreignContext` arrays');
    }
  }

  override onopentagname(start: number, endIndex: number): void {
    if (this.stacks.stack.length >= this.maxDepth) this.closeDeepest();
    super.onopentagname(start, endIndex);
  }

  /** What the parser does for an implied close of the innermost open element. */
  private closeDeepest(): void {
    const name = this.stacks.stack.shift() as string;
    if (FOREIGN_CONTEXT.has(name)) this.stacks.foreignContext.shift();
    this.handler.onclosetag();
  }
}
