/** Reads the customer's damaged seed table (a pipe table pasted as text) into rows of cells. */
export interface SeedRow {
  cells: string[];
}

/** Rows are the runs of non-blank cells between blank ones; a row with one cell lost its term or definition. */
export function parseSeedTable(text: string): SeedRow[] {
  const body = text.slice(text.indexOf('|'), text.lastIndexOf('|') + 1);
  const rows: SeedRow[] = [];
  let current: string[] = [];
  for (const piece of body.split('|')) {
    const cell = piece.trim();
    if (cell === '') {
      if (current.length) rows.push({ cells: current });
      current = [];
    } else if (!/^-+$/.test(cell)) {
      current.push(cell);
    }
  }
  if (current.length) rows.push({ cells: current });
  return rows.filter((r) => !(r.cells[0] === 'Stichwort' && r.cells[1] === 'Bedeutung'));
}
