import { PostHogError } from './errors';

/** Encodes an id for use as one path segment: `../x` can never escape it. */
export function seg(id: string | number): string {
  const s = String(id);
  if (s === '' || s === '.' || s === '..') {
    throw new PostHogError({ kind: 'validation', message: `"${s}" is not a valid id.` });
  }
  return encodeURIComponent(s);
}
