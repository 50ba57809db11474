/**
 * On which page each named destination of a PDF lies, for the PDFs Chromium prints: its PDF backend (Skia) writes
 * the document structure uncompressed (only content streams are compressed), with the page tree as `/Type /Pages`
 * dictionaries listing `/Kids`, and an element id that a link points to as a named destination (`/Dests`:
 * `/<id> [<page> 0 R /XYZ ...]`). The page tree is walked from its root to number the pages. A PDF written another
 * way (compressed object streams) gives an empty map, and the contents are printed without page numbers.
 */
export function pageNumbersOfDestinations(pdf: Buffer): Map<string, number> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, string>();
  for (const match of text.matchAll(/(\d+) 0 obj\s*(<<[\s\S]*?)endobj/g))
    objects.set(Number(match[1]), match[2]);

  const kidsOf = new Map<number, number[]>();
  const isKid = new Set<number>();
  for (const [id, body] of objects) {
    if (!/\/Type\s*\/Pages\b/.test(body)) continue;
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(body);
    const refs = kids ? [...kids[1].matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1])) : [];
    kidsOf.set(id, refs);
    refs.forEach((ref) => isKid.add(ref));
  }
  const root = [...kidsOf.keys()].find((id) => !isKid.has(id));
  if (root === undefined) return new Map();
  const pageNumber = new Map<number, number>();
  const walk = (id: number) => {
    const kids = kidsOf.get(id);
    if (kids) kids.forEach(walk);
    else pageNumber.set(id, pageNumber.size + 1);
  };
  walk(root);

  const result = new Map<string, number>();
  const dests = /\/Dests\s+(\d+) 0 R/.exec(text);
  const body = dests ? objects.get(Number(dests[1])) : undefined;
  if (!body) return result;
  for (const match of body.matchAll(/\/([A-Za-z0-9_-]+)\s*\[\s*(\d+) 0 R/g)) {
    const page = pageNumber.get(Number(match[2]));
    if (page !== undefined) result.set(match[1], page);
  }
  return result;
}
