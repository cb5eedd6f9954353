/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * obeya-json: the only way Obeya reads and writes JSON.
 *
 * json-glib 1.6 is lenient and has traps (see PLATFORM-NOTES.md): no nesting
 * limit (stack overflow), integers above 2^63-1 wrap, 1e400 parses to inf,
 * NaN/inf are written as `nan.0`/`inf.0`, doubles get 17 digits, comments,
 * single quotes, hex and leading zeros are accepted, a lone surrogate escape
 * yields invalid UTF-8, empty input "succeeds" with a NULL root and `[1][2]`
 * ignores the rest. So:
 *
 *  - obeya_json_check() is a strict RFC 8259 validator run over the raw bytes
 *    before JsonParser sees them; it reports "line L, column C: reason"
 *    (1-based, the column counted in characters). Stricter than the RFC in
 *    two places: a byte order mark is refused, and so is the escape \u0000
 *    (json-glib would cut the string there).
 *  - obeya_json_parse() = check + JsonParser; the root is never NULL.
 *  - ObeyaJsonWriter writes pretty, stable JSON itself: 2-space indent,
 *    `"name": value`, numbers in their shortest round-tripping form, never a
 *    non-finite number, UTF-8 written as is (only `"`, `\` and control
 *    characters escaped), a final newline. Arrays opened with
 *    OBEYA_JSON_INLINE are written on one line (`["a", "b", 3]`), which keeps
 *    bulk data (card moves, metric entries) compact and diffable.
 *  - ObeyaJsonReader walks a parsed tree with typed getters that validate
 *    and, on the first problem, record an error naming the member path
 *    (`boards[2].cards[15].title: expected a string`).
 *
 * Load time (DESIGN.md section 5 asks for at most 1.25x a bare JsonParser
 * load; `make bench` measures 1.35-1.5x on the 9 MB benchmark file, so that
 * bar is not met). The strict check costs about 6% of a bare parse (one
 * table-driven pass, no allocation); the reader's path is a stack of
 * pointers formatted only on error; ids, people and tags are interned once.
 * What remains is building the model: about 100 ms of CPU for 10,000 cards
 * with 50,000 moves, 38,000 metric entries and 12,000 audit scores, most of
 * it memory-bound walks of json-glib's node tree (a JsonObject is a hash
 * table plus a list per member). Meeting the bar would take a streaming
 * parser that builds the model without the tree, i.e. replacing json-glib
 * on the read path; the file format and everything above this API would
 * not change. The absolute time (0.28 s of CPU for a file ten times a large
 * team's) is below the 0.3 s first-frame bar, and loading runs off the main
 * thread.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define OBEYA_JSON_ERROR (obeya_json_error_quark ())

typedef enum
{
  OBEYA_JSON_ERROR_SYNTAX,       /* not JSON (strict), with line and column */
  OBEYA_JSON_ERROR_TOO_DEEP,     /* nesting deeper than the limit */
  OBEYA_JSON_ERROR_NUMBER,       /* integer out of int64 range, or non-finite number */
  OBEYA_JSON_ERROR_ENCODING,     /* invalid UTF-8 or lone surrogate escape */
  OBEYA_JSON_ERROR_EMPTY,        /* empty or whitespace-only input */
  OBEYA_JSON_ERROR_INVALID,      /* parsed, but a member has the wrong type or value */
} ObeyaJsonError;

/* Nesting limit used by obeya_json_parse(). Workspace files nest about 8 deep. */
#define OBEYA_JSON_MAX_DEPTH 64

GQuark      obeya_json_error_quark (void);

gboolean    obeya_json_check       (const char  *data,
                                    gsize        length,
                                    guint        max_depth,
                                    GError     **error);

/* Returns a new reference to the root node (never NULL on success). */
JsonNode   *obeya_json_parse       (const char  *data,
                                    gsize        length,
                                    GError     **error);

/* Formats @value in the shortest form that g_ascii_strtod() reads back to the
 * same double ("0.1", "3", "1e+300"): integral values below 2^53 as integers,
 * otherwise the first of %.15g, %.16g, %.17g that round-trips. Negative zero
 * is written "0" (json-glib reads "-0" as the integer 0 anyway, so the sign
 * could not survive a load). @value must be finite.
 * @buf must hold G_ASCII_DTOSTR_BUF_SIZE bytes. Returns @buf. */
char       *obeya_json_format_double (double  value,
                                      char   *buf);

/* ---- Writer --------------------------------------------------------------- */

typedef struct _ObeyaJsonWriter ObeyaJsonWriter;

typedef enum
{
  OBEYA_JSON_MULTILINE = 0,
  OBEYA_JSON_INLINE    = 1 << 0,
} ObeyaJsonLayout;

ObeyaJsonWriter *obeya_json_writer_new          (void);
void             obeya_json_writer_free         (ObeyaJsonWriter *writer);

/* Starts at the given indentation level (used for cached fragments). */
ObeyaJsonWriter *obeya_json_writer_new_at_depth (guint depth);

void             obeya_json_writer_begin_object (ObeyaJsonWriter *writer);
void             obeya_json_writer_end_object   (ObeyaJsonWriter *writer);
void             obeya_json_writer_begin_array  (ObeyaJsonWriter *writer,
                                                 ObeyaJsonLayout  layout);
void             obeya_json_writer_end_array    (ObeyaJsonWriter *writer);
/* Inside an object: the name of the next value. */
void             obeya_json_writer_member       (ObeyaJsonWriter *writer,
                                                 const char      *name);
void             obeya_json_writer_string       (ObeyaJsonWriter *writer,
                                                 const char      *value); /* NULL writes null */
void             obeya_json_writer_int          (ObeyaJsonWriter *writer,
                                                 gint64           value);
/* A non-finite value is never written: it records an error (see _finish). */
void             obeya_json_writer_double       (ObeyaJsonWriter *writer,
                                                 double           value);
void             obeya_json_writer_boolean      (ObeyaJsonWriter *writer,
                                                 gboolean         value);
void             obeya_json_writer_null         (ObeyaJsonWriter *writer);
/* Any json-glib node (kept unknown members). Arrays whose elements are all
 * scalars are written inline; objects keep their member order. Doubles in the
 * node go through the same shortest formatting. */
void             obeya_json_writer_node         (ObeyaJsonWriter *writer,
                                                 JsonNode        *node);
/* Appends already-written JSON text (a cached fragment written by a writer
 * created with obeya_json_writer_new_at_depth() at the current depth). */
void             obeya_json_writer_raw          (ObeyaJsonWriter *writer,
                                                 const char      *json,
                                                 gsize            length);

/* Convenience: member + value. */
void             obeya_json_writer_member_string  (ObeyaJsonWriter *writer,
                                                   const char      *name,
                                                   const char      *value);
void             obeya_json_writer_member_int     (ObeyaJsonWriter *writer,
                                                   const char      *name,
                                                   gint64           value);
void             obeya_json_writer_member_double  (ObeyaJsonWriter *writer,
                                                   const char      *name,
                                                   double           value);
void             obeya_json_writer_member_boolean (ObeyaJsonWriter *writer,
                                                   const char      *name,
                                                   gboolean         value);

/* Writes every member of @extra (unknown members kept from the file), in order. */
void             obeya_json_writer_members_of   (ObeyaJsonWriter *writer,
                                                 JsonObject      *extra);

/* The text so far; FALSE with @error if a non-finite number was refused or
 * the nesting is unbalanced. The writer stays owned by the caller. */
gboolean         obeya_json_writer_finish       (ObeyaJsonWriter *writer,
                                                 GError         **error);
GString         *obeya_json_writer_get_string   (ObeyaJsonWriter *writer);
/* Finishes, appends the final newline and returns the bytes; frees @writer. */
GBytes          *obeya_json_writer_free_to_bytes (ObeyaJsonWriter *writer,
                                                  GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ObeyaJsonWriter, obeya_json_writer_free)

/* ---- Reader --------------------------------------------------------------- */

/* A validating walk over a parsed tree. Every getter takes the member name
 * (or array index) so that the first error names its full path, such as
 * `boards[2].cards[15].due: expected a date (YYYY-MM-DD)`. After the first
 * error every getter returns its default, so loaders can read straight
 * through and check obeya_json_reader_failed() at the end. */
typedef struct _ObeyaJsonReader ObeyaJsonReader;

ObeyaJsonReader *obeya_json_reader_new     (void);
void             obeya_json_reader_free    (ObeyaJsonReader *reader);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ObeyaJsonReader, obeya_json_reader_free)

/* The tree came from obeya_json_parse(), whose check already guarantees
 * valid UTF-8 everywhere (and no lone surrogate escapes): string getters
 * then skip their own validation. Off by default. */
void      obeya_json_reader_set_trusted_utf8 (ObeyaJsonReader *reader,
                                              gboolean         trusted);

/* Path stack. Member names must outlive their push (literals, or strings
 * of the tree being read): the path is only formatted for an error. */
void      obeya_json_reader_push_member  (ObeyaJsonReader *reader, const char *name);
void      obeya_json_reader_push_index   (ObeyaJsonReader *reader, guint index);
void      obeya_json_reader_pop          (ObeyaJsonReader *reader);
char     *obeya_json_reader_dup_path     (ObeyaJsonReader *reader);

/* Records an error at the current path (+ optional member), printf-style
 * reason. Only the first error is kept. */
void      obeya_json_reader_fail         (ObeyaJsonReader *reader,
                                          const char      *member,
                                          const char      *format,
                                          ...) G_GNUC_PRINTF (3, 4);
gboolean  obeya_json_reader_failed       (ObeyaJsonReader *reader);
/* Copies the recorded error (OBEYA_JSON_ERROR_INVALID) to @error; returns FALSE if one
 * was set. The reader stays failed. */
gboolean  obeya_json_reader_propagate    (ObeyaJsonReader *reader,
                                          GError         **error);

/* Typed getters on an object member. `required` members that are missing fail;
 * optional ones return the default. null counts as missing. Strings are
 * returned borrowed from the tree (valid while the tree lives). */
const char *obeya_json_reader_get_string   (ObeyaJsonReader *reader, JsonObject *object,
                                            const char *member, gboolean required);
gint64      obeya_json_reader_get_int      (ObeyaJsonReader *reader, JsonObject *object,
                                            const char *member, gboolean required,
                                            gint64 min, gint64 max, gint64 default_value);
double      obeya_json_reader_get_double   (ObeyaJsonReader *reader, JsonObject *object,
                                            const char *member, gboolean required,
                                            double default_value);
gboolean    obeya_json_reader_get_boolean  (ObeyaJsonReader *reader, JsonObject *object,
                                            const char *member, gboolean default_value);
JsonArray  *obeya_json_reader_get_array    (ObeyaJsonReader *reader, JsonObject *object,
                                            const char *member, gboolean required);
JsonObject *obeya_json_reader_get_object   (ObeyaJsonReader *reader, JsonObject *object,
                                            const char *member, gboolean required);
/* The element at @index must be an object (an error names `path[index]`). Like
 * every getter it does not push: call obeya_json_reader_push_index() before
 * reading the element's members. */
JsonObject *obeya_json_reader_array_object (ObeyaJsonReader *reader, JsonArray *array,
                                            guint index);
/* Element getters for compact arrays (moves, entries): */
const char *obeya_json_reader_array_string (ObeyaJsonReader *reader, JsonArray *array,
                                            guint index, gboolean nullable);
double      obeya_json_reader_array_double (ObeyaJsonReader *reader, JsonArray *array,
                                            guint index);
gint64      obeya_json_reader_array_int    (ObeyaJsonReader *reader, JsonArray *array,
                                            guint index, gint64 min, gint64 max);
JsonArray  *obeya_json_reader_array_array  (ObeyaJsonReader *reader, JsonArray *array,
                                            guint index);

/* A new object holding the members of @object whose names are not in the
 * NULL-terminated @known list, or NULL when there are none (the common case:
 * no allocation). Values are referenced, not copied. */
JsonObject *obeya_json_collect_unknown     (JsonObject         *object,
                                            const char * const *known);

G_END_DECLS
