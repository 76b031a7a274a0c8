/**
 * Cuts one page out of `limit + 1` rows read in keyset order: the extra row only tells that there
 * is a next page, which starts after the last row kept.
 */
export function keysetPage<Row, Cursor>(rows: Row[], limit: number, positionOf: (row: Row) => Cursor): { rows: Row[]; next: Cursor | null } {
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const last = page.at(-1);
  return { rows: page, next: more && last ? positionOf(last) : null };
}
