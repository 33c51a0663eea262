// Allow and Deny (mod_access_compat) as it reads them: `from`, then words that are `all`, `env=[!]NAME`, an
// address or subnet (anything with a '/', or that looks like an address, must parse as one), or a host name.
// https://httpd.apache.org/docs/2.4/mod/mod_access_compat.html#allow
import type { ArgChecker, ArgProblem } from './types';
import { replaceWord } from './types';
import { closestNames } from '../../catalog/names';
import { looksLikeIp, validSubnet } from '../../catalog/ip-subnet';

export const checkAllowDeny: ArgChecker = (input) => {
  const { node, words, info } = input;
  const first = node.args[0];
  if (!first) return undefined;
  if (words[0].toLowerCase() !== 'from') {
    const typo = closestNames(words[0], ['from'], 1).length > 0;
    // A repair only when the words it leaves as hosts would pass too.
    const hostsPass = words.slice(typo ? 1 : 0).every((w) => !whereProblem(w));
    const fixes = !hostsPass
      ? []
      : typo
        ? [replaceWord(input, 0, 'from', true)]
        : [{ title: `Insert 'from'`, edits: [{ start: first.start, end: first.start, newText: 'from ' }], preferred: true }];
    return { start: first.start, end: first.end, message: `${info.name} needs 'from' before the hosts or addresses. Apache: "allow and deny must be followed by 'from'".`, fixes };
  }
  for (let k = 1; k < words.length; k++) {
    const problem = whereProblem(words[k]);
    if (problem) return { start: node.args[k].start, end: node.args[k].end, message: `${problem.message} Apache: "${problem.apache}".` } satisfies ArgProblem;
  }
  return undefined;
};

function whereProblem(where: string): { message: string; apache: string } | undefined {
  if (/^env=/i.test(where) || where.toLowerCase() === 'all') return undefined;
  const slash = where.indexOf('/');
  if (slash >= 0 || looksLikeIp(where)) {
    if (validSubnet(where)) return undefined;
    const address = slash >= 0 ? where.slice(0, slash) : where;
    // APR's own words: the address does not look like one, does not parse, or its mask does not.
    const apache = !looksLikeIp(address) ? 'An IP address was expected' : validSubnet(address) ? 'The specified network mask is invalid.' : 'The specified IP address is invalid.';
    return { message: `'${where}' is not an address or subnet mod_access_compat can read (10.1.0.0/16, 10.1, 10.1.0.0/255.255.0.0, 2001:db8::/32).`, apache };
  }
  if (where.includes('#')) return { message: `'${where}' holds a '#': a comment cannot follow Allow or Deny on its line.`, apache: 'No comments are allowed here' };
  return undefined;
}
