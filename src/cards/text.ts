/** Free text from outside (names, notes): no control characters, white space folded, bounded length. */
export function plain(s: string | null | undefined, max = 300): string {
  if (!s) return '';
  const cleaned = String(s)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control and invisible characters are removed from outside text on purpose
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F\u200B-\u200F\u2028-\u202E]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return cleaned.length > max ? `${cleaned.slice(0, max - 1)}…` : cleaned;
}

/**
 * Text that is shown literally: a RichTextBlock's TextRun is never read as markdown, so a contact
 * named "**[click](http://evil)**" shows exactly that.
 */
export function literal(
  text: string,
  opts: { weight?: 'Bolder'; size?: 'Medium' | 'Large' | 'Small'; color?: string; isSubtle?: boolean } = {},
) {
  return { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: plain(text, 2000), ...opts }] };
}

/** A label/value table whose values are shown literally (a FactSet would render markdown). */
export function facts(rows: Array<[string, string | null | undefined]>) {
  return {
    type: 'Container',
    spacing: 'Small',
    items: rows
      .filter(([, v]) => v != null && v !== '')
      .map(([k, v]) => ({
        type: 'ColumnSet',
        spacing: 'None',
        columns: [
          {
            type: 'Column',
            width: 'auto',
            items: [{ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: `${k}:`, weight: 'Bolder' }] }],
          },
          { type: 'Column', width: 'stretch', items: [literal(v as string)] },
        ],
      })),
  };
}
