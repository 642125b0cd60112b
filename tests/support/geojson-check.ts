/**
 * Problems that make a value invalid GeoJSON by RFC 7946 (a FeatureCollection of Features): each Feature
 * has a `geometry` member (a geometry object or null, §3.2) and a `properties` member (object or null);
 * positions are [lon, lat] numbers in range; polygon rings are closed with at least four positions.
 * Returns an empty list for valid GeoJSON.
 */
export function geojsonProblems(value: unknown): string[] {
  const problems: string[] = [];
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  // A member that should be a list but is not is checked as a list of one null, which reports it.
  const each = (list: unknown, at: string, check: (item: unknown, path: string) => void) => {
    for (const [i, item] of (Array.isArray(list) ? list : [null]).entries()) check(item, `${at}[${i}]`);
  };
  const position = (p: unknown, at: string) => {
    if (!Array.isArray(p) || p.length < 2 || !p.every((n) => typeof n === 'number' && Number.isFinite(n)))
      problems.push(`${at}: not a position`);
    else if (Math.abs(p[0]) > 180 || Math.abs(p[1]) > 90) problems.push(`${at}: out of range`);
  };
  const ring = (r: unknown, at: string) => {
    if (!Array.isArray(r) || r.length < 4) {
      problems.push(`${at}: a ring needs four positions`);
      return;
    }
    each(r, at, position);
    if (JSON.stringify(r[0]) !== JSON.stringify(r[r.length - 1])) problems.push(`${at}: ring not closed`);
  };
  const geometry = (g: unknown, at: string) => {
    if (g === null) return;
    if (!isObject(g)) {
      problems.push(`${at}: geometry must be an object or null`);
      return;
    }
    const c = g.coordinates;
    if (g.type === 'Point') position(c, at);
    else if (g.type === 'Polygon') each(c, at, ring);
    else if (g.type === 'MultiPolygon') each(c, at, (polygon, path) => each(polygon, path, ring));
    else problems.push(`${at}: unexpected geometry type ${String(g.type)}`);
  };
  if (!isObject(value) || value.type !== 'FeatureCollection' || !Array.isArray(value.features))
    return ['not a FeatureCollection'];
  value.features.forEach((f, i) => {
    const at = `features[${i}]`;
    if (!isObject(f) || f.type !== 'Feature') {
      problems.push(`${at}: not a Feature`);
      return;
    }
    if (!('geometry' in f)) problems.push(`${at}: no geometry member`);
    else geometry(f.geometry, `${at}.geometry`);
    if (!('properties' in f) || !(f.properties === null || isObject(f.properties)))
      problems.push(`${at}: properties must be an object or null`);
    if ('id' in f && typeof f.id !== 'string' && typeof f.id !== 'number')
      problems.push(`${at}: id must be a string or number`);
  });
  return problems;
}
