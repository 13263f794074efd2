/**
 * The HogQLMetadata query as PostHog's query endpoint takes it (posthog/schema.py HogQLMetadata,
 * posthog/hogql/metadata.py): `language` hogQL is checked; the other languages PostHog knows are
 * outside the stand-in (a 400 saying so); a missing `query` or `language` is pydantic's 400.
 */
import { validation } from '../core';
import { hogqlMetadata } from './metadata';

const KNOWN = ['hogQL', 'hogQLExpr', 'hog', 'hogTemplate'];

export function hogqlMetadataQuery(query: Record<string, unknown>) {
  if (typeof query.query !== 'string')
    throw validation('1 validation error for HogQLMetadata\nquery\n  Field required [type=missing]', 'query');
  if (typeof query.language !== 'string' || !KNOWN.includes(query.language))
    throw validation(
      `1 validation error for HogQLMetadata\nlanguage\n  Input should be 'hog', 'hogJson', 'hogQL', 'hogQLExpr', 'hogTemplate' or 'liquid' [type=enum]`,
      'language',
    );
  if (query.language !== 'hogQL') throw validation(`The stand-in checks only language "hogQL", not "${query.language}".`, 'language');
  return hogqlMetadata(query.query);
}
