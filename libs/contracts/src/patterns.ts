/**
 * Patterns of the ids and texts the network accepts, as plain regular expressions: the API validates input against
 * them, and any client may check input with them before sending it.
 */

/** At least one character that is not white space. Validators do not trim, so `"   "` must be refused here. */
export const NON_BLANK_PATTERN = /\S/;

/**
 * The canonical (lowercase) form of a UUID of versions 1 to 8. Stream names embed the id (`member-<id>`), so an
 * upper-case spelling of the same UUID would address a different stream; the nil and max UUIDs are no entity's id.
 * Use it for ids in the path as well.
 */
export const ENTITY_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Theme ids start with their year: `2013-open-overheidsdata`. */
export const THEME_ID_PATTERN = /^\d{4}-[a-z0-9]+(-[a-z0-9]+)*$/;

/** OpenAPI (ECMA-262) spelling of the patterns above, for `@ApiProperty({ pattern })`. */
export const NON_BLANK_PATTERN_SOURCE = NON_BLANK_PATTERN.source;

export const THEME_ID_PATTERN_SOURCE = THEME_ID_PATTERN.source;
