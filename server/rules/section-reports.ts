// The findings of the rules that judge a directive or section on its own (Rule.perSection), kept per top-level
// node from one version of a document to the next: after an edit only the top-level nodes the re-parse read again
// are judged again (the rules that join facts across the document: see incremental.ts). Findings are kept relative to
// their top-level node's start, so the nodes an edit moved (reparse.ts moves them in place) carry theirs along.
import type { ConfigAst, Node } from '../syntax/ast';
import type { Report } from './types';
import { lastIndexAtOrBefore } from '../syntax/search';

/**
 * One document's kept findings. A SectionReports is valid for as long as nothing a per-section rule reads beyond
 * its node changed (the document's Defines, LoadModules, <If> chains, line-break style: see incremental.ts); an edit
 * that changes any of that starts a new one.
 */
export class SectionReports {
  private readonly byNode = new WeakMap<Node, readonly Report[]>();

  /** The kept findings of a top-level node, moved to where it is now; undefined when it has none kept. */
  at(node: Node): Report[] | undefined {
    const kept = this.byNode.get(node);
    return kept && kept.map((r) => moved(r, node.start));
  }

  has(node: Node): boolean {
    return this.byNode.has(node);
  }

  /**
   * Keeps `reports` (what the per-section rules found on `nodes`, top-level nodes of `ast` in document order) per
   * node. False when a finding or one of its edits reaches outside its node's lines (then it is not the node's
   * alone, and nothing should be kept).
   */
  keep(ast: ConfigAst, nodes: readonly Node[], reports: readonly Report[]): boolean {
    const from = nodes.map((n) => ast.lines.lineStartAt(n.start));
    const found: Report[][] = nodes.map(() => []);
    for (const r of reports) {
      const k = lastIndexAtOrBefore(from, r.start, (x) => x);
      if (k < 0) return false;
      const lo = from[k];
      const hi = extentEnd(ast, nodes[k]);
      if (!within(r, lo, hi)) return false;
      found[k].push(moved(r, -nodes[k].start));
    }
    for (let k = 0; k < nodes.length; k++) this.byNode.set(nodes[k], found[k]);
    return true;
  }
}

/** Where the next top-level node's lines may start: the end of the node's last logical line, its break included. */
function extentEnd(ast: ConfigAst, node: Node): number {
  const last = node.kind === 'section' && node.close ? node.close.start : node.start;
  const i = ast.lines.indexAt(last);
  return i + 1 < ast.lines.length ? ast.lines.startOf(i + 1) : ast.text.length;
}

function within(r: Report, lo: number, hi: number): boolean {
  if (r.start < lo || r.end > hi) return false;
  for (const f of r.fixes) for (const e of f.edits) if (e.start < lo || e.end > hi) return false;
  return true;
}

/** A copy of the report `delta` characters on. */
function moved(r: Report, delta: number): Report {
  return mapReport(r, (o) => o + delta);
}

/** A copy of the report with every offset (its range, its fixes' edits) mapped by `at` (fixes copied too). */
export function mapReport(r: Report, at: (offset: number) => number): Report {
  return { ...r, start: at(r.start), end: at(r.end), fixes: r.fixes.map((f) => ({ ...f, edits: f.edits.map((e) => ({ ...e, start: at(e.start), end: at(e.end) })) })) };
}
