// Alias and ScriptAlias take two arguments at server or virtual-host level and exactly one (the target) inside
// <Location> or <Proxy>, where the URL is the section's own. https://httpd.apache.org/docs/2.4/mod/mod_alias.html#alias
import type { ArgChecker } from './types';
import type { PlaceName } from '../../catalog/types';
import { everyFrame, innermostFrame } from '../../catalog/placement';

/** Apache checks for a per-directory section (cmd->path); <VirtualHost> is not one. Made once, not per line. */
const perDirectory = (p: PlaceName | null) => p !== 'virtualhost';

export const checkAlias: ArgChecker = ({ node, words, info, standing }) => {
  const inSection = innermostFrame(standing, perDirectory) !== undefined;
  if (words.length === 1 && !inSection) {
    return {
      start: node.args[0].start,
      end: node.args[0].end,
      message: `${info.name} with one argument only works inside <Location> (the URL comes from the section); here it needs the URL path and the target. Apache: "Alias must have two arguments when used globally".`,
    };
  }
  // Inside a section directive-context already reports places the directive is refused outright.
  if (words.length === 2 && inSection && everyFrame(standing, (p) => !!p && info.places[p] === 'allowed')) {
    return {
      start: node.args[0].start,
      end: node.args[1].end,
      message: `Inside <${standing.inner!.section.name}> ${info.name} takes only the target (the URL is the section's); drop the URL path. Apache: "${info.name} cannot occur within directory context".`,
      // Exact only when the URL is the section's own path; otherwise dropping it changes what is mapped.
      fixes: words[0] === standing.inner!.section.args[0]?.value ? [{ title: 'Keep only the target', edits: [{ start: node.args[0].start, end: node.args[1].start, newText: '' }], preferred: true }] : [],
    };
  }
  return undefined;
};
