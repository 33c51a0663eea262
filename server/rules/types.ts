// What a rule is and what it reports. A report carries its fixes as exact text edits (document offsets), so
// code actions and `--fix` apply them without looking anything up again.
import type { ConfigAst } from '../syntax/ast';
import type { ConfigModel } from '../model/model';
import type { ScriptLookup } from '../workspace/scripts';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

export interface TextEditSpan {
  start: number;
  end: number;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEditSpan[];
  /** The fix `--fix` applies and the editor marks as preferred. */
  preferred?: boolean;
  /** A guess offered in the editor but never made by `--fix`, even as a report's only fix (a name a third-party module may define). */
  askFirst?: true;
}

export interface Report {
  rule: string;
  severity: Severity;
  start: number;
  end: number;
  message: string;
  fixes: Fix[];
  docUrl: string;
}

export interface Finding {
  start: number;
  end: number;
  message: string;
  fixes?: Fix[];
  /** Overrides the rule's default severity for this finding (e.g. lowered when the tree is not fully known). */
  severity?: Severity;
}

export interface RuleContext {
  uri: string;
  text: string;
  ast: ConfigAst;
  model: ConfigModel;
  /**
   * True when the text is a whole server's configuration (a root file with its includes, all read): a group or a
   * host missing from it is really missing. False for a file analysed on its own.
   */
  seesWholeServer: boolean;
  /** Include/IncludeOptional problems found while reading the tree (whole-server analysis only). */
  includeProblems?: ReadonlyArray<{ kind: string; start: number; end: number; message: string; severity: Severity }>;
  /** Apache version the config targets (AnalysisSettings.apacheVersion): "2.4" when absent. */
  apacheVersion?: string;
  /** Where the WSGI scripts behind WSGIScriptAlias are found (workspace, disk); absent: script rules stay silent. */
  scripts?: ScriptLookup;
  report(finding: Finding): void;
}

export interface Rule {
  /** Stable public id: Diagnostic.code, settings key and ignore-comment name. */
  id: string;
  defaultSeverity: Severity;
  /** One sentence for settings and docs. */
  description: string;
  docUrl: string;
  /**
   * Errors Apache raises only once requests arrive (500, 403), never in `apache2 -t`: a comparison of our errors
   * with configtest (the differential suite) leaves these rules out.
   */
  requestTime?: boolean;
  /** The rule offers fixes (code actions, `--fix`): the fix-safety property must see each of them applied safely. */
  fixable?: boolean;
  /**
   * Its findings on a top-level node depend only on that node (with its enclosing sections, the document's Define
   * and LoadModule state, the uri and the settings), and lie within that node's lines: after an edit the
   * incremental analysis keeps them for the top-level nodes the edit did not touch. A property test over random
   * edits holds the kept findings to a full analysis's.
   */
  perSection?: boolean;
  /**
   * For a rule that joins facts across the document: the (lower-case) names of every directive it reads, through
   * any helper. After an edit that touches none of them (nor any section's tag, nor what per-section rules read
   * beyond their node) its findings are kept, moved with the text. A property test over random edits holds the
   * result to a full analysis.
   */
  inputs?: readonly string[];
  check(ctx: RuleContext): void;
}

export const APACHE_DOCS = 'https://httpd.apache.org/docs/2.4/mod/';
export const WSGI_DOCS = 'https://modwsgi.readthedocs.io/en/master/configuration-directives/';
