const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe to put where HTML is expected: every character that could start markup is an entity. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/**
 * The content of a map tooltip or label, as text. Leaflet puts a string into the page as HTML, and titles,
 * names and labels are typed by people (a measure titled `<img src=x onerror=…>` must read as just that), so
 * every text that enters a map goes through here; lines are kept as lines.
 * @example mapText('Åtgärd: <b>Ljus</b>', 'Problem: Klotter') // 'Åtgärd: &lt;b&gt;Ljus&lt;/b&gt;<br>Problem: Klotter'
 */
export function mapText(...lines: string[]): string {
  return lines.map(escapeHtml).join('<br>');
}
