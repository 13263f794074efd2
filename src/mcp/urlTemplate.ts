/**
 * One link pattern per list instead of a full URL on every row: `…/feature_flags/{id}`.
 * Dependency-free, so the extension's light bundle can fill links without loading the tools.
 */

/** Replaces each `{field}` with the row's value, URI-encoded. */
export function fillUrlTemplate(template: string, row: Record<string, unknown>): string | undefined {
  let missing = false;
  const url = template.replace(/\{([a-z_]+)\}/g, (_, field: string) => {
    const v = row[field];
    if (v === undefined || v === null || v === '') {
      missing = true;
      return '';
    }
    return encodeURIComponent(String(v));
  });
  return missing ? undefined : url;
}
