// Danish text order: "Aabenraa" … "Ærø", "Aarhus" after "Aabenraa" (one collator for server and browser).

/** Sorts strings as Danish readers expect (æ, ø, å last). */
export const collator = new Intl.Collator('da');
