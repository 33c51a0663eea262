// `Require [not] <provider> <arguments>`: mod_authz_core takes a first word `not`, in any case (it compares with
// strcasecmp), as negation, and the word after it as the provider. Rules, hover and completion all ask here.

/** Whether a Require line's first word (its value, quotes removed) negates the provider after it. */
export function negatesProvider(firstWord: string | undefined): boolean {
  return firstWord !== undefined && firstWord.length === 3 && firstWord.toLowerCase() === 'not';
}

/** Index among a Require line's arguments of its provider: 1 after `not`, else 0. */
export function providerIndex(firstWord: string | undefined): 0 | 1 {
  return negatesProvider(firstWord) ? 1 : 0;
}
