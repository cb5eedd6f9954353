/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-test"

#include "config.h"

#include <math.h>
#include <string.h>

#include "obeya-json.h"

/* ---- helpers ---------------------------------------------------------------- */

static void
assert_check_fails (const char *json,
                    int         code,
                    const char *message_prefix)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = obeya_json_check (json, strlen (json), OBEYA_JSON_MAX_DEPTH, &error);

  if (ok)
    g_error ("accepted, but should fail: %s", json);
  g_assert_error (error, OBEYA_JSON_ERROR, code);
  if (message_prefix != NULL && !g_str_has_prefix (error->message, message_prefix))
    g_error ("message for %s is “%s”, expected it to start with “%s”",
             json, error->message, message_prefix);
}

static void
assert_check_ok (const char *json)
{
  g_autoptr(GError) error = NULL;

  if (!obeya_json_check (json, strlen (json), OBEYA_JSON_MAX_DEPTH, &error))
    g_error ("rejected, but is valid: %s (%s)", json, error->message);
}

static char *
write_to_string (ObeyaJsonWriter *writer)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = obeya_json_writer_free_to_bytes (writer, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static JsonNode *
parse_ok (const char *json)
{
  g_autoptr(GError) error = NULL;
  JsonNode *root = obeya_json_parse (json, strlen (json), &error);

  g_assert_no_error (error);
  g_assert_nonnull (root);
  return root;
}

/* ---- checker: the json-glib traps ------------------------------------------- */

static void
test_check_deep_nesting (void)
{
  gsize n = 100000;
  g_autofree char *deep = g_malloc (n * 2 + 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  GString *objects = g_string_new (NULL);

  memset (deep, '[', n);
  memset (deep + n, ']', n);
  deep[2 * n] = '\0';

  g_assert_false (obeya_json_check (deep, 2 * n, OBEYA_JSON_MAX_DEPTH, &error));
  g_assert_error (error, OBEYA_JSON_ERROR, OBEYA_JSON_ERROR_TOO_DEEP);
  /* The 65th bracket is the one too many. */
  g_assert_true (g_str_has_prefix (error->message, "line 1, column 65:"));
  g_clear_error (&error);

  root = obeya_json_parse (deep, 2 * n, &error);
  g_assert_null (root);
  g_assert_error (error, OBEYA_JSON_ERROR, OBEYA_JSON_ERROR_TOO_DEEP);
  g_clear_error (&error);

  /* Unbalanced deep input too. */
  g_assert_false (obeya_json_check (deep, n, OBEYA_JSON_MAX_DEPTH, &error));
  g_assert_error (error, OBEYA_JSON_ERROR, OBEYA_JSON_ERROR_TOO_DEEP);
  g_clear_error (&error);

  /* Exactly at the limit is fine, one more is not; objects count too. */
  for (guint i = 0; i < OBEYA_JSON_MAX_DEPTH; i++)
    g_string_append (objects, "{\"a\":");
  g_string_append (objects, "1");
  for (guint i = 0; i < OBEYA_JSON_MAX_DEPTH; i++)
    g_string_append_c (objects, '}');
  assert_check_ok (objects->str);
  g_string_prepend (objects, "[");
  g_string_append (objects, "]");
  assert_check_fails (objects->str, OBEYA_JSON_ERROR_TOO_DEEP, NULL);
  g_string_free (objects, TRUE);

  /* A larger limit than the built-in stack works too. */
  g_assert_true (obeya_json_check (deep, 2 * n, 200000, &error));
  g_assert_no_error (error);
}

static void
test_check_integers (void)
{
  g_autoptr(JsonNode) max = NULL;
  g_autoptr(JsonNode) min = NULL;

  assert_check_fails ("9223372036854775808", OBEYA_JSON_ERROR_NUMBER, "line 1, column 1:");
  assert_check_fails ("[18446744073709551615]", OBEYA_JSON_ERROR_NUMBER, "line 1, column 2:");
  assert_check_fails ("-9223372036854775809", OBEYA_JSON_ERROR_NUMBER, NULL);
  assert_check_fails ("100000000000000000000", OBEYA_JSON_ERROR_NUMBER, NULL);
  assert_check_fails ("{\"a\": 99999999999999999999999}", OBEYA_JSON_ERROR_NUMBER, NULL);

  /* The edges themselves are fine and json-glib reads them exactly. */
  max = parse_ok ("[9223372036854775807]");
  g_assert_cmpint (json_array_get_int_element (json_node_get_array (max), 0), ==, G_MAXINT64);
  min = parse_ok ("[-9223372036854775808]");
  g_assert_cmpint (json_array_get_int_element (json_node_get_array (min), 0), ==, G_MININT64);

  /* Big numbers are fine as doubles. */
  assert_check_ok ("[18446744073709551615.0, 1e19, 0, -0, 0.5, -12.5e-3, 1E+2]");
}

static void
test_check_non_finite (void)
{
  assert_check_fails ("1e400", OBEYA_JSON_ERROR_NUMBER, "line 1, column 1:");
  assert_check_fails ("[1, -1e400]", OBEYA_JSON_ERROR_NUMBER, "line 1, column 5:");
  assert_check_fails ("[1.7976931348623159e308]", OBEYA_JSON_ERROR_NUMBER, NULL);
  assert_check_fails ("[0.1e99999999999999999999]", OBEYA_JSON_ERROR_NUMBER, NULL);
  assert_check_fails ("[NaN]", OBEYA_JSON_ERROR_NUMBER, NULL);
  assert_check_fails ("[Infinity]", OBEYA_JSON_ERROR_NUMBER, NULL);
  assert_check_fails ("[-Infinity]", OBEYA_JSON_ERROR_SYNTAX, NULL);

  assert_check_ok ("[1.7976931348623157e308, -1.7976931348623157e308]");
  assert_check_ok ("[1e-400, 0.000000000000000000000000000001e309, 10e307]");
  assert_check_ok ("[0.1e-99999999999999999999]");
}

static void
test_check_empty (void)
{
  assert_check_fails ("", OBEYA_JSON_ERROR_EMPTY, "line 1, column 1:");
  assert_check_fails ("   \n\t \r\n  ", OBEYA_JSON_ERROR_EMPTY, "line 3, column 3:");
  g_assert_false (obeya_json_check (NULL, 0, OBEYA_JSON_MAX_DEPTH, NULL));

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(JsonNode) root = obeya_json_parse (" \n ", 3, &error);

    g_assert_null (root);
    g_assert_error (error, OBEYA_JSON_ERROR, OBEYA_JSON_ERROR_EMPTY);
  }
}

static void
test_check_trailing (void)
{
  assert_check_fails ("[1][2]", OBEYA_JSON_ERROR_SYNTAX, "line 1, column 4:");
  assert_check_fails ("{} {}", OBEYA_JSON_ERROR_SYNTAX, "line 1, column 4:");
  assert_check_fails ("1 2", OBEYA_JSON_ERROR_SYNTAX, NULL);
  assert_check_fails ("\"a\"x", OBEYA_JSON_ERROR_SYNTAX, NULL);
  assert_check_fails ("[1]\n\n]", OBEYA_JSON_ERROR_SYNTAX, "line 3, column 1:");
  {
    g_autoptr(GError) error = NULL;

    /* An embedded NUL after the value counts as trailing garbage. */
    g_assert_false (obeya_json_check ("[1]\0", 4, OBEYA_JSON_MAX_DEPTH, &error));
    g_assert_error (error, OBEYA_JSON_ERROR, OBEYA_JSON_ERROR_SYNTAX);
  }
  assert_check_ok ("[1]\n\n  ");
}

static void
test_check_surrogates (void)
{
  assert_check_fails ("[\"\\ud800\"]", OBEYA_JSON_ERROR_ENCODING, "line 1, column 3:");
  assert_check_fails ("[\"\\udc00\"]", OBEYA_JSON_ERROR_ENCODING, NULL);
  assert_check_fails ("[\"\\ud800\\u0041\"]", OBEYA_JSON_ERROR_ENCODING, NULL);
  assert_check_fails ("[\"\\ud800\\ud800\"]", OBEYA_JSON_ERROR_ENCODING, NULL);
  assert_check_fails ("[\"\\ud800x\"]", OBEYA_JSON_ERROR_ENCODING, NULL);
  assert_check_fails ("[\"\\uDBFF\"]", OBEYA_JSON_ERROR_ENCODING, NULL);
  assert_check_fails ("[\"x\\u0000\"]", OBEYA_JSON_ERROR_ENCODING, NULL);
  assert_check_fails ("[\"\\u12\"]", OBEYA_JSON_ERROR_SYNTAX, NULL);
  assert_check_fails ("[\"\\u12g4\"]", OBEYA_JSON_ERROR_SYNTAX, NULL);

  {
    g_autoptr(JsonNode) root = parse_ok ("[\"\\ud83d\\ude00 \\u00e9\\u20AC\"]");
    const char *s = json_array_get_string_element (json_node_get_array (root), 0);

    g_assert_cmpstr (s, ==, "\xf0\x9f\x98\x80 \xc3\xa9\xe2\x82\xac");
  }
}

static void
test_check_utf8 (void)
{
  /* overlong, encoded surrogate, beyond U+10FFFF, stray continuation,
   * truncated sequence, invalid lead bytes */
  assert_check_fails ("[\"\xc0\xaf\"]", OBEYA_JSON_ERROR_ENCODING, "line 1, column 3:");
  assert_check_fails ("[\"\xe0\x80\xaf\"]", OBEYA_JSON_ERROR_ENCODING, NULL);
  assert_check_fails ("[\"\xed\xa0\x80\"]", OBEYA_JSON_ERROR_ENCODING, NULL);
  assert_check_fails ("[\"\xf4\x90\x80\x80\"]", OBEYA_JSON_ERROR_ENCODING, NULL);
  assert_check_fails ("[\"\xf0\x80\x80\x80\"]", OBEYA_JSON_ERROR_ENCODING, NULL);
  assert_check_fails ("[\"\x80\"]", OBEYA_JSON_ERROR_ENCODING, NULL);
  assert_check_fails ("[\"\xe2\x82\"]", OBEYA_JSON_ERROR_ENCODING, NULL);
  assert_check_fails ("[\"\xff\"]", OBEYA_JSON_ERROR_ENCODING, NULL);
  assert_check_fails ("[\"\xf5\x80\x80\x80\"]", OBEYA_JSON_ERROR_ENCODING, NULL);
  /* Truncated at the very end of the input. */
  assert_check_fails ("\"\xe2\x82", OBEYA_JSON_ERROR_ENCODING, NULL);
  /* Outside strings, any non-ASCII byte is a syntax error. */
  assert_check_fails ("[\xc3\xa9]", OBEYA_JSON_ERROR_SYNTAX, NULL);
  /* A byte order mark is refused with a clear reason. */
  assert_check_fails ("\xef\xbb\xbf{}", OBEYA_JSON_ERROR_SYNTAX, "line 1, column 1: ");

  assert_check_ok ("[\"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\xf4\x8f\xbf\xbf\xef\xbf\xbf\"]");
}

static void
test_check_lenient_syntax (void)
{
  assert_check_fails ("// comment\n[1]", OBEYA_JSON_ERROR_SYNTAX, "line 1, column 1:");
  assert_check_fails ("[1 /* comment */]", OBEYA_JSON_ERROR_SYNTAX, "line 1, column 4:");
  assert_check_fails ("[1, # comment\n 2]", OBEYA_JSON_ERROR_SYNTAX, NULL);
  assert_check_fails ("['a']", OBEYA_JSON_ERROR_SYNTAX, "line 1, column 2:");
  assert_check_fails ("{'a': 1}", OBEYA_JSON_ERROR_SYNTAX, NULL);
  assert_check_fails ("[0x10]", OBEYA_JSON_ERROR_SYNTAX, "line 1, column 2:");
  assert_check_fails ("[0X1F]", OBEYA_JSON_ERROR_SYNTAX, NULL);
  assert_check_fails ("[007]", OBEYA_JSON_ERROR_SYNTAX, "line 1, column 2:");
  assert_check_fails ("[-01]", OBEYA_JSON_ERROR_SYNTAX, NULL);
  assert_check_fails ("[00.5]", OBEYA_JSON_ERROR_SYNTAX, NULL);
  assert_check_fails ("[.5]", OBEYA_JSON_ERROR_SYNTAX, NULL);
  assert_check_fails ("[5.]", OBEYA_JSON_ERROR_SYNTAX, NULL);
  assert_check_fails ("[5e]", OBEYA_JSON_ERROR_SYNTAX, NULL);
  assert_check_fails ("[5e+]", OBEYA_JSON_ERROR_SYNTAX, NULL);
  assert_check_fails ("[+5]", OBEYA_JSON_ERROR_SYNTAX, NULL);
  assert_check_fails ("[-]", OBEYA_JSON_ERROR_SYNTAX, NULL);
  assert_check_fails ("[1,]", OBEYA_JSON_ERROR_SYNTAX, NULL);
  assert_check_fails ("{\"a\": 1,}", OBEYA_JSON_ERROR_SYNTAX, NULL);
  assert_check_fails ("[,1]", OBEYA_JSON_ERROR_SYNTAX, NULL);
  assert_check_fails ("{a: 1}", OBEYA_JSON_ERROR_SYNTAX, NULL);
  assert_check_fails ("{\"a\" 1}", OBEYA_JSON_ERROR_SYNTAX, NULL);
  assert_check_fails ("{\"a\": }", OBEYA_JSON_ERROR_SYNTAX, NULL);
  assert_check_fails ("[1 2]", OBEYA_JSON_ERROR_SYNTAX, NULL);
  assert_check_fails ("[true false]", OBEYA_JSON_ERROR_SYNTAX, NULL);
  assert_check_fails ("[tru]", OBEYA_JSON_ERROR_SYNTAX, NULL);
  assert_check_fails ("[True]", OBEYA_JSON_ERROR_SYNTAX, NULL);
  assert_check_fails ("[nul", OBEYA_JSON_ERROR_SYNTAX, NULL);
  assert_check_fails ("[1", OBEYA_JSON_ERROR_SYNTAX, NULL);
  assert_check_fails ("{\"a\": [1, 2}", OBEYA_JSON_ERROR_SYNTAX, NULL);
  assert_check_fails ("[\"a\tb\"]", OBEYA_JSON_ERROR_SYNTAX, "line 1, column 4:");
  assert_check_fails ("[\"a\nb\"]", OBEYA_JSON_ERROR_SYNTAX, NULL);
  assert_check_fails ("[\"a\x7f\x01\"]", OBEYA_JSON_ERROR_SYNTAX, NULL);
  assert_check_fails ("[\"\\x41\"]", OBEYA_JSON_ERROR_SYNTAX, NULL);
  assert_check_fails ("[\"\\'\"]", OBEYA_JSON_ERROR_SYNTAX, NULL);
  assert_check_fails ("[\"abc", OBEYA_JSON_ERROR_SYNTAX, "line 1, column 2:");
  assert_check_fails ("[\"abc\\", OBEYA_JSON_ERROR_SYNTAX, NULL);
  assert_check_fails ("[1]\v", OBEYA_JSON_ERROR_SYNTAX, NULL);
  assert_check_fails ("\f[1]", OBEYA_JSON_ERROR_SYNTAX, NULL);
  assert_check_fails ("[\xc2\xa0 1]", OBEYA_JSON_ERROR_SYNTAX, NULL);

  assert_check_ok ("{\"a\": [1, 2.5, -3e-2, true, false, null, \"x\\\"\\\\\\/\\b\\f\\n\\r\\t\"], "
                   "\"\": {}, \"b\": [], \"c\": [[], {}]}");
  assert_check_ok ("  \"top-level string\"  ");
  assert_check_ok ("0");
  assert_check_ok ("-0.0e-0");
  assert_check_ok ("null");
  assert_check_ok ("\r\n\t[ 1 , 2 ]\r\n");
}

static void
test_check_positions (void)
{
  /* Lines are 1-based, columns count characters (é and € are one each). */
  assert_check_fails ("{\n  \"name\": \"é€\",\n  \"x\": tru\n}",
                      OBEYA_JSON_ERROR_SYNTAX, "line 3, column 8:");
  assert_check_fails ("{\n  \"é€\": 1 2\n}", OBEYA_JSON_ERROR_SYNTAX, "line 2, column 11:");
  assert_check_fails ("[\r\n1,\r\n\"\xff\"]", OBEYA_JSON_ERROR_ENCODING, "line 3, column 2:");
  assert_check_fails ("[\n\n\n   1e999]", OBEYA_JSON_ERROR_NUMBER, "line 4, column 4:");

  {
    g_autoptr(GError) error = NULL;

    g_assert_false (obeya_json_check ("{\"a\": 'b'}", 10, OBEYA_JSON_MAX_DEPTH, &error));
    g_assert_cmpstr (error->message, ==,
                     "line 1, column 7: strings must use double quotes, not single quotes");
    g_clear_error (&error);
    g_assert_false (obeya_json_check ("[1 x]", 5, OBEYA_JSON_MAX_DEPTH, &error));
    g_assert_cmpstr (error->message, ==,
                     "line 1, column 4: unexpected character “x”, expected “,” or “]”");
  }
}

/* Whatever the checker accepts, json-glib parses to the same tree shape; a
 * cheap differential test over random mutations of a sample document. */
static void
test_check_mutations (void)
{
  static const char sample[] =
    "{\"a\": [1, 2.5, -3e2, true, null, \"x\\u00e9\\n\"], \"b\": {\"c\": \"d\"}, \"e\": 0}";
  static const char alphabet[] = "{}[]\",:.-+eE0123456789 \\u\"'/tfnx\xc3\xa9";
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  guint accepted = 0;

  for (guint round = 0; round < 20000; round++)
    {
      char buf[sizeof sample];
      guint n_mutations = g_rand_int_range (rand, 1, 4);
      gsize len = sizeof sample - 1;
      gboolean ok;
      g_autoptr(JsonParser) parser = NULL;

      memcpy (buf, sample, sizeof sample);
      for (guint m = 0; m < n_mutations; m++)
        buf[g_rand_int_range (rand, 0, len)] =
          alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];
      if (g_rand_boolean (rand))
        len = g_rand_int_range (rand, 0, len + 1);

      ok = obeya_json_check (buf, len, OBEYA_JSON_MAX_DEPTH, NULL);
      if (!ok)
        continue;

      accepted++;
      parser = json_parser_new ();
      if (!json_parser_load_from_data (parser, buf, len, NULL) ||
          json_parser_get_root (parser) == NULL)
        g_error ("checker accepted what json-glib refuses: %.*s", (int) len, buf);
    }
  g_test_message ("%u of 20000 mutations were valid JSON", accepted);
  g_assert_cmpuint (accepted, >, 0);
}

/* ---- numbers ------------------------------------------------------------------ */

static void
test_format_double (void)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_assert_cmpstr (obeya_json_format_double (0.1, buf), ==, "0.1");
  g_assert_cmpstr (obeya_json_format_double (3.0, buf), ==, "3");
  g_assert_cmpstr (obeya_json_format_double (-42.0, buf), ==, "-42");
  g_assert_cmpstr (obeya_json_format_double (1e300, buf), ==, "1e+300");
  g_assert_cmpstr (obeya_json_format_double (0.1 + 0.2, buf), ==, "0.30000000000000004");
  g_assert_cmpstr (obeya_json_format_double (1.0 / 3.0, buf), ==, "0.3333333333333333");
  g_assert_cmpstr (obeya_json_format_double (2.5e-7, buf), ==, "2.5e-07");
  g_assert_cmpstr (obeya_json_format_double (123.456, buf), ==, "123.456");
  g_assert_cmpstr (obeya_json_format_double (9007199254740991.0, buf), ==, "9007199254740991");
  g_assert_cmpstr (obeya_json_format_double (-9007199254740991.0, buf), ==, "-9007199254740991");
  g_assert_cmpstr (obeya_json_format_double (9007199254740992.0, buf), ==, "9007199254740992");
  g_assert_cmpstr (obeya_json_format_double (1e21, buf), ==, "1e+21");
  g_assert_cmpstr (obeya_json_format_double (5e-324, buf), ==, "4.94065645841247e-324");
  g_assert_cmpstr (obeya_json_format_double (G_MAXDOUBLE, buf), ==, "1.7976931348623157e+308");
  /* Negative zero: written "0" (decision documented in the header). */
  g_assert_cmpstr (obeya_json_format_double (0.0, buf), ==, "0");
  g_assert_cmpstr (obeya_json_format_double (-0.0, buf), ==, "0");
}

static void
test_format_double_round_trip (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (1234);
  g_autoptr(GString) doc = g_string_new ("[");
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(JsonNode) root = NULL;
  JsonArray *array;
  guint n = 100000;

  for (guint i = 0; i < n; i++)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      double value;
      guint64 bits;

      switch (i % 4)
        {
        case 0: /* any finite bit pattern */
          do
            {
              bits = ((guint64) g_rand_int (rand) << 32) | g_rand_int (rand);
              memcpy (&value, &bits, sizeof value);
            }
          while (!isfinite (value));
          break;
        case 1: /* everyday numbers with a few decimals */
          value = g_rand_int_range (rand, -1000000, 1000000) / 100.0;
          break;
        case 2: /* ratios */
          value = g_rand_double (rand);
          break;
        default: /* large and small magnitudes */
          value = g_rand_double_range (rand, -1, 1) * pow (10, g_rand_int_range (rand, -300, 300));
          break;
        }
      if (value == 0)
        value = 0; /* -0 is written "0" */

      obeya_json_format_double (value, buf);
      if (g_ascii_strtod (buf, NULL) != value)
        g_error ("%s does not read back as %.17g", buf, value);

      /* Never more than 17 significant digits (plus sign, point, exponent). */
      g_assert_cmpuint (strlen (buf), <=, 24);

      g_array_append_val (values, value);
      if (i > 0)
        g_string_append_c (doc, ',');
      g_string_append (doc, buf);
    }
  g_string_append_c (doc, ']');

  /* And json-glib reads every written number back to the same double. */
  root = parse_ok (doc->str);
  array = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (array), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ObeyaJsonReader) reader = obeya_json_reader_new ();
      double got = obeya_json_reader_array_double (reader, array, i);

      g_assert_false (obeya_json_reader_failed (reader));
      if (got != g_array_index (values, double, i))
        g_error ("element %u: json-glib read %.17g, wrote %.17g",
                 i, got, g_array_index (values, double, i));
    }
}

/* %.15g is tried first, so short decimals stay short. */
static void
test_format_double_shortest (void)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  for (guint i = 0; i < 10000; i++)
    {
      gint64 cents = g_rand_int_range (rand, -100000000, 100000000);
      g_autofree char *expected = NULL;
      double value = cents / 100.0;

      if (cents % 100 == 0)
        expected = g_strdup_printf ("%" G_GINT64_FORMAT, cents / 100);
      else
        expected = g_strdup_printf ("%s%" G_GINT64_FORMAT ".%02d", cents < 0 ? "-" : "",
                                    ABS (cents) / 100, (int) (ABS (cents) % 100));
      if (g_str_has_suffix (expected, "0") && strchr (expected, '.') != NULL)
        expected[strlen (expected) - 1] = '\0';
      if (g_str_has_prefix (expected, "-0") && value == 0)
        continue;
      g_assert_cmpstr (obeya_json_format_double (value, buf), ==, expected);
    }
}

/* ---- writer --------------------------------------------------------------------- */

static void
test_writer_layout (void)
{
  ObeyaJsonWriter *writer = obeya_json_writer_new ();
  g_autofree char *text = NULL;
  static const char expected[] =
    "{\n"
    "  \"format\": \"obeya-workspace\",\n"
    "  \"version\": 1,\n"
    "  \"name\": \"Équipe \\\"back office\\\"\\n\\t\\\\ \\u0001 €\",\n"
    "  \"ratio\": 0.1,\n"
    "  \"big\": 1e+300,\n"
    "  \"on\": true,\n"
    "  \"off\": false,\n"
    "  \"nothing\": null,\n"
    "  \"empty-object\": {},\n"
    "  \"empty-array\": [],\n"
    "  \"empty-inline\": [],\n"
    "  \"boards\": [\n"
    "    {\n"
    "      \"id\": \"b1\",\n"
    "      \"moves\": [[\"todo\", 1700000000], [\"doing\", 1700003600.5, null]],\n"
    "      \"tags\": [\"a\", \"b\", 3, true, {\"x\": 1, \"y\": [2]}]\n"
    "    },\n"
    "    [\n"
    "      1,\n"
    "      -2\n"
    "    ]\n"
    "  ]\n"
    "}\n";

  obeya_json_writer_begin_object (writer);
  obeya_json_writer_member_string (writer, "format", "obeya-workspace");
  obeya_json_writer_member_int (writer, "version", 1);
  obeya_json_writer_member_string (writer, "name", "Équipe \"back office\"\n\t\\ \001 €");
  obeya_json_writer_member_double (writer, "ratio", 0.1);
  obeya_json_writer_member_double (writer, "big", 1e300);
  obeya_json_writer_member_boolean (writer, "on", TRUE);
  obeya_json_writer_member_boolean (writer, "off", FALSE);
  obeya_json_writer_member_string (writer, "nothing", NULL);
  obeya_json_writer_member (writer, "empty-object");
  obeya_json_writer_begin_object (writer);
  obeya_json_writer_end_object (writer);
  obeya_json_writer_member (writer, "empty-array");
  obeya_json_writer_begin_array (writer, OBEYA_JSON_MULTILINE);
  obeya_json_writer_end_array (writer);
  obeya_json_writer_member (writer, "empty-inline");
  obeya_json_writer_begin_array (writer, OBEYA_JSON_INLINE);
  obeya_json_writer_end_array (writer);
  obeya_json_writer_member (writer, "boards");
  obeya_json_writer_begin_array (writer, OBEYA_JSON_MULTILINE);
  obeya_json_writer_begin_object (writer);
  obeya_json_writer_member_string (writer, "id", "b1");
  obeya_json_writer_member (writer, "moves");
  obeya_json_writer_begin_array (writer, OBEYA_JSON_INLINE);
  obeya_json_writer_begin_array (writer, OBEYA_JSON_MULTILINE); /* inline wins inside inline */
  obeya_json_writer_string (writer, "todo");
  obeya_json_writer_int (writer, 1700000000);
  obeya_json_writer_end_array (writer);
  obeya_json_writer_begin_array (writer, OBEYA_JSON_INLINE);
  obeya_json_writer_string (writer, "doing");
  obeya_json_writer_double (writer, 1700003600.5);
  obeya_json_writer_null (writer);
  obeya_json_writer_end_array (writer);
  obeya_json_writer_end_array (writer);
  obeya_json_writer_member (writer, "tags");
  obeya_json_writer_begin_array (writer, OBEYA_JSON_INLINE);
  obeya_json_writer_string (writer, "a");
  obeya_json_writer_string (writer, "b");
  obeya_json_writer_int (writer, 3);
  obeya_json_writer_boolean (writer, TRUE);
  obeya_json_writer_begin_object (writer);
  obeya_json_writer_member_int (writer, "x", 1);
  obeya_json_writer_member (writer, "y");
  obeya_json_writer_begin_array (writer, OBEYA_JSON_INLINE);
  obeya_json_writer_int (writer, 2);
  obeya_json_writer_end_array (writer);
  obeya_json_writer_end_object (writer);
  obeya_json_writer_end_array (writer);
  obeya_json_writer_end_object (writer);
  obeya_json_writer_begin_array (writer, OBEYA_JSON_MULTILINE);
  obeya_json_writer_int (writer, 1);
  obeya_json_writer_int (writer, -2);
  obeya_json_writer_end_array (writer);
  obeya_json_writer_end_array (writer);
  obeya_json_writer_end_object (writer);

  text = write_to_string (writer);
  g_assert_cmpstr (text, ==, expected);

  /* What we write, we read; and writing the parsed tree gives the same bytes
   * (arrays without objects come out inline, as written). */
  {
    g_autoptr(JsonNode) root = parse_ok (text);
    g_autofree char *again = NULL;
    ObeyaJsonWriter *node_writer = obeya_json_writer_new ();
    JsonObject *object = json_node_get_object (root);
    JsonNode *boards = json_object_get_member (object, "boards");
    JsonArray *inner;

    /* The one multi-line array of scalars becomes inline when written from a node. */
    inner = json_array_get_array_element (json_node_get_array (boards), 1);
    g_assert_cmpuint (json_array_get_length (inner), ==, 2);

    obeya_json_writer_node (node_writer, root);
    again = write_to_string (node_writer);
    g_assert_true (g_str_has_suffix (again, "    [1, -2]\n  ]\n}\n"));
    g_assert_true (g_str_has_prefix (again, "{\n  \"format\": \"obeya-workspace\",\n"));
    g_assert_nonnull (strstr (again, "\n      \"moves\": [[\"todo\", 1700000000], "
                                     "[\"doing\", 1700003600.5, null]],\n"));
    /* An inline array holding an object is multi-line when written from a node. */
    g_assert_nonnull (strstr (again, "\n      \"tags\": [\n        \"a\",\n"));
  }
}

static void
test_writer_int_edges (void)
{
  ObeyaJsonWriter *writer = obeya_json_writer_new ();
  g_autofree char *text = NULL;

  obeya_json_writer_begin_array (writer, OBEYA_JSON_INLINE);
  obeya_json_writer_int (writer, G_MININT64);
  obeya_json_writer_int (writer, G_MAXINT64);
  obeya_json_writer_int (writer, 0);
  obeya_json_writer_int (writer, -1);
  obeya_json_writer_int (writer, 10);
  obeya_json_writer_end_array (writer);
  text = write_to_string (writer);
  g_assert_cmpstr (text, ==, "[-9223372036854775808, 9223372036854775807, 0, -1, 10]\n");
}

static void
test_writer_non_finite (void)
{
  const double bad[] = { NAN, INFINITY, -INFINITY };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      ObeyaJsonWriter *writer = obeya_json_writer_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      GString *str;

      obeya_json_writer_begin_object (writer);
      obeya_json_writer_member_double (writer, "before", 1.5);
      obeya_json_writer_member_double (writer, "bad", bad[i]);
      obeya_json_writer_end_object (writer);

      str = obeya_json_writer_get_string (writer);
      g_assert_null (strstr (str->str, "nan"));
      g_assert_null (strstr (str->str, "inf"));
      g_assert_false (obeya_json_writer_finish (writer, &error));
      g_assert_error (error, OBEYA_JSON_ERROR, OBEYA_JSON_ERROR_NUMBER);
      g_clear_error (&error);

      bytes = obeya_json_writer_free_to_bytes (writer, &error);
      g_assert_null (bytes);
      g_assert_error (error, OBEYA_JSON_ERROR, OBEYA_JSON_ERROR_NUMBER);
    }

  /* Through a json-glib node too (json-glib would write `inf.0`). */
  {
    ObeyaJsonWriter *writer = obeya_json_writer_new ();
    g_autoptr(GError) error = NULL;
    g_autoptr(JsonNode) node = json_node_init_double (json_node_alloc (), INFINITY);
    g_autoptr(GBytes) bytes = NULL;

    obeya_json_writer_node (writer, node);
    g_assert_cmpuint (obeya_json_writer_get_string (writer)->len, ==, 0);
    bytes = obeya_json_writer_free_to_bytes (writer, &error);
    g_assert_null (bytes);
    g_assert_error (error, OBEYA_JSON_ERROR, OBEYA_JSON_ERROR_NUMBER);
  }
}

static void
test_writer_misuse (void)
{
  ObeyaJsonWriter *writer;
  g_autoptr(GError) error = NULL;

  /* Unclosed object. */
  writer = obeya_json_writer_new ();
  obeya_json_writer_begin_object (writer);
  g_assert_false (obeya_json_writer_finish (writer, &error));
  g_assert_error (error, OBEYA_JSON_ERROR, OBEYA_JSON_ERROR_INVALID);
  g_clear_error (&error);
  obeya_json_writer_free (writer);

  /* Two values at the top level. */
  writer = obeya_json_writer_new ();
  obeya_json_writer_int (writer, 1);
  obeya_json_writer_int (writer, 2);
  g_assert_null (obeya_json_writer_free_to_bytes (writer, &error));
  g_assert_error (error, OBEYA_JSON_ERROR, OBEYA_JSON_ERROR_INVALID);
  g_clear_error (&error);

  /* A value in an object without a member name, a member in an array. */
  writer = obeya_json_writer_new ();
  obeya_json_writer_begin_object (writer);
  obeya_json_writer_int (writer, 1);
  obeya_json_writer_end_object (writer);
  g_assert_null (obeya_json_writer_free_to_bytes (writer, &error));
  g_assert_error (error, OBEYA_JSON_ERROR, OBEYA_JSON_ERROR_INVALID);
  g_clear_error (&error);

  writer = obeya_json_writer_new ();
  obeya_json_writer_begin_array (writer, OBEYA_JSON_MULTILINE);
  obeya_json_writer_member (writer, "a");
  obeya_json_writer_end_array (writer);
  g_assert_null (obeya_json_writer_free_to_bytes (writer, &error));
  g_assert_error (error, OBEYA_JSON_ERROR, OBEYA_JSON_ERROR_INVALID);
  g_clear_error (&error);

  /* Mismatched end, member without value, nothing at all. */
  writer = obeya_json_writer_new ();
  obeya_json_writer_begin_array (writer, OBEYA_JSON_MULTILINE);
  obeya_json_writer_end_object (writer);
  g_assert_null (obeya_json_writer_free_to_bytes (writer, &error));
  g_assert_error (error, OBEYA_JSON_ERROR, OBEYA_JSON_ERROR_INVALID);
  g_clear_error (&error);

  writer = obeya_json_writer_new ();
  obeya_json_writer_begin_object (writer);
  obeya_json_writer_member (writer, "a");
  obeya_json_writer_end_object (writer);
  g_assert_null (obeya_json_writer_free_to_bytes (writer, &error));
  g_assert_error (error, OBEYA_JSON_ERROR, OBEYA_JSON_ERROR_INVALID);
  g_clear_error (&error);

  writer = obeya_json_writer_new ();
  g_assert_null (obeya_json_writer_free_to_bytes (writer, &error));
  g_assert_error (error, OBEYA_JSON_ERROR, OBEYA_JSON_ERROR_INVALID);
  g_clear_error (&error);

  /* Invalid UTF-8 would make a file we refuse to load: refused. */
  writer = obeya_json_writer_new ();
  obeya_json_writer_string (writer, "ab\xc3(");
  g_assert_null (obeya_json_writer_free_to_bytes (writer, &error));
  g_assert_error (error, OBEYA_JSON_ERROR, OBEYA_JSON_ERROR_ENCODING);
  g_clear_error (&error);

  writer = obeya_json_writer_new ();
  obeya_json_writer_string (writer, "\xed\xa0\x80");
  g_assert_null (obeya_json_writer_free_to_bytes (writer, &error));
  g_assert_error (error, OBEYA_JSON_ERROR, OBEYA_JSON_ERROR_ENCODING);
}

static void
write_card (ObeyaJsonWriter *writer,
            guint            i)
{
  g_autofree char *id = g_strdup_printf ("card%u", i);

  obeya_json_writer_begin_object (writer);
  obeya_json_writer_member_string (writer, "id", id);
  obeya_json_writer_member (writer, "moves");
  obeya_json_writer_begin_array (writer, OBEYA_JSON_INLINE);
  obeya_json_writer_int (writer, i);
  obeya_json_writer_double (writer, i + 0.25);
  obeya_json_writer_end_array (writer);
  obeya_json_writer_end_object (writer);
}

static void
test_writer_fragments (void)
{
  ObeyaJsonWriter *direct = obeya_json_writer_new ();
  ObeyaJsonWriter *cached = obeya_json_writer_new ();
  g_autofree char *direct_text = NULL;
  g_autofree char *cached_text = NULL;

  /* Direct. */
  obeya_json_writer_begin_object (direct);
  obeya_json_writer_member (direct, "cards");
  obeya_json_writer_begin_array (direct, OBEYA_JSON_MULTILINE);
  for (guint i = 0; i < 3; i++)
    write_card (direct, i);
  obeya_json_writer_end_array (direct);
  obeya_json_writer_end_object (direct);
  direct_text = write_to_string (direct);

  /* With cards as cached fragments written at depth 2. */
  obeya_json_writer_begin_object (cached);
  obeya_json_writer_member (cached, "cards");
  obeya_json_writer_begin_array (cached, OBEYA_JSON_MULTILINE);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(ObeyaJsonWriter) fragment = obeya_json_writer_new_at_depth (2);
      GString *str;

      write_card (fragment, i);
      g_assert_true (obeya_json_writer_finish (fragment, NULL));
      str = obeya_json_writer_get_string (fragment);
      obeya_json_writer_raw (cached, str->str, str->len);
    }
  obeya_json_writer_end_array (cached);
  obeya_json_writer_end_object (cached);
  cached_text = write_to_string (cached);

  g_assert_cmpstr (direct_text, ==, cached_text);
  g_assert_true (g_str_has_prefix (direct_text,
                                   "{\n  \"cards\": [\n    {\n      \"id\": \"card0\",\n"
                                   "      \"moves\": [0, 0.25]\n    },\n"));
}

/* ---- unknown members --------------------------------------------------------------- */

static void
test_unknown_members (void)
{
  static const char input[] =
    "{\n"
    "  \"format\": \"x\",\n"
    "  \"zeta\": {\"b\": 1, \"a\": [1.5, \"x\", null]},\n"
    "  \"name\": \"n\",\n"
    "  \"alpha\": [\n"
    "    {\n"
    "      \"k\": true\n"
    "    }\n"
    "  ],\n"
    "  \"mid\": -7\n"
    "}\n";
  static const char * const known[] = { "format", "name", NULL };
  static const char * const all[] = { "format", "name", "zeta", "alpha", "mid", NULL };
  g_autoptr(JsonNode) root = parse_ok (input);
  JsonObject *object = json_node_get_object (root);
  g_autoptr(JsonObject) extra = obeya_json_collect_unknown (object, known);
  g_autoptr(GList) names = NULL;
  ObeyaJsonWriter *writer = obeya_json_writer_new ();
  g_autofree char *text = NULL;

  g_assert_nonnull (extra);
  names = json_object_get_members (extra);
  g_assert_cmpuint (g_list_length (names), ==, 3);
  g_assert_cmpstr (names->data, ==, "zeta");
  g_assert_cmpstr (names->next->data, ==, "alpha");
  g_assert_cmpstr (names->next->next->data, ==, "mid");
  /* Referenced, not copied. */
  g_assert_true (json_object_get_member (extra, "zeta") == json_object_get_member (object, "zeta"));

  /* Nothing unknown: NULL (no allocation). */
  g_assert_null (obeya_json_collect_unknown (object, all));

  /* Written back: known members first, then the unknown ones in file order. */
  obeya_json_writer_begin_object (writer);
  obeya_json_writer_member_string (writer, "format", "x");
  obeya_json_writer_member_string (writer, "name", "n");
  obeya_json_writer_members_of (writer, extra);
  obeya_json_writer_members_of (writer, NULL);
  obeya_json_writer_end_object (writer);
  text = write_to_string (writer);
  g_assert_cmpstr (text, ==,
                   "{\n"
                   "  \"format\": \"x\",\n"
                   "  \"name\": \"n\",\n"
                   "  \"zeta\": {\n"
                   "    \"b\": 1,\n"
                   "    \"a\": [1.5, \"x\", null]\n"
                   "  },\n"
                   "  \"alpha\": [\n"
                   "    {\n"
                   "      \"k\": true\n"
                   "    }\n"
                   "  ],\n"
                   "  \"mid\": -7\n"
                   "}\n");

  /* The tree outlives the extra object and the other way round. */
  g_clear_pointer (&root, json_node_unref);
  g_assert_nonnull (json_object_get_member (extra, "zeta"));
}

/* ---- reader ---------------------------------------------------------------------- */

static char *
make_boards_document (void)
{
  GString *s = g_string_new ("{\"boards\": [");

  for (guint b = 0; b < 3; b++)
    {
      g_string_append_printf (s, "%s{\"id\": \"b%u\", \"cards\": [", b ? ", " : "", b);
      for (guint c = 0; c < 20; c++)
        {
          if (b == 2 && c == 15)
            g_string_append (s, ", {\"title\": 42, \"size\": 1.5}");
          else
            g_string_append_printf (s, "%s{\"title\": \"card %u\", \"size\": %u}",
                                    c ? ", " : "", c, c);
        }
      g_string_append (s, "]}");
    }
  g_string_append (s, "]}");
  return g_string_free (s, FALSE);
}

static void
test_reader_paths (void)
{
  g_autofree char *doc = make_boards_document ();
  g_autoptr(JsonNode) root = parse_ok (doc);
  g_autoptr(ObeyaJsonReader) reader = obeya_json_reader_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *boards;
  guint n_titles = 0;

  boards = obeya_json_reader_get_array (reader, json_node_get_object (root), "boards", TRUE);
  obeya_json_reader_push_member (reader, "boards");
  for (guint b = 0; b < json_array_get_length (boards); b++)
    {
      JsonObject *board = obeya_json_reader_array_object (reader, boards, b);
      JsonArray *cards;

      obeya_json_reader_push_index (reader, b);
      cards = obeya_json_reader_get_array (reader, board, "cards", TRUE);
      obeya_json_reader_push_member (reader, "cards");
      for (guint c = 0; cards != NULL && c < json_array_get_length (cards); c++)
        {
          JsonObject *card = obeya_json_reader_array_object (reader, cards, c);

          obeya_json_reader_push_index (reader, c);
          if (obeya_json_reader_get_string (reader, card, "title", TRUE) != NULL)
            n_titles++;
          obeya_json_reader_pop (reader);
        }
      obeya_json_reader_pop (reader);
      obeya_json_reader_pop (reader);
    }
  obeya_json_reader_pop (reader);

  {
    g_autofree char *path = obeya_json_reader_dup_path (reader);

    g_assert_cmpstr (path, ==, "");
  }
  g_assert_cmpuint (n_titles, ==, 2 * 20 + 15);
  g_assert_true (obeya_json_reader_failed (reader));
  g_assert_false (obeya_json_reader_propagate (reader, &error));
  g_assert_error (error, OBEYA_JSON_ERROR, OBEYA_JSON_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "boards[2].cards[15].title: expected a string");
  /* Still failed after propagating. */
  g_assert_true (obeya_json_reader_failed (reader));
}

static void
test_reader_types (void)
{
  g_autoptr(JsonNode) root = parse_ok ("{\"i\": 7, \"d\": 2.5, \"big\": 1e20, \"s\": \"é\", "
                                       "\"b\": true, \"n\": null, \"a\": [1, 2.5, \"x\", null, [3], {}], "
                                       "\"o\": {\"x\": 1}, \"neg\": -3}");
  JsonObject *object = json_node_get_object (root);
  JsonArray *array;

  {
    g_autoptr(ObeyaJsonReader) reader = obeya_json_reader_new ();

    g_assert_cmpint (obeya_json_reader_get_int (reader, object, "i", TRUE, 0, 10, -1), ==, 7);
    /* An int node where a double is expected is fine. */
    g_assert_cmpfloat (obeya_json_reader_get_double (reader, object, "i", TRUE, 0), ==, 7.0);
    g_assert_cmpfloat (obeya_json_reader_get_double (reader, object, "d", TRUE, 0), ==, 2.5);
    g_assert_cmpstr (obeya_json_reader_get_string (reader, object, "s", TRUE), ==, "é");
    g_assert_true (obeya_json_reader_get_boolean (reader, object, "b", FALSE));
    /* null and missing count as missing for optional members. */
    g_assert_null (obeya_json_reader_get_string (reader, object, "n", FALSE));
    g_assert_null (obeya_json_reader_get_string (reader, object, "missing", FALSE));
    g_assert_cmpint (obeya_json_reader_get_int (reader, object, "n", FALSE, 0, 10, 5), ==, 5);
    g_assert_cmpfloat (obeya_json_reader_get_double (reader, object, "missing", FALSE, 1.5), ==, 1.5);
    g_assert_false (obeya_json_reader_get_boolean (reader, object, "missing", FALSE));
    g_assert_true (obeya_json_reader_get_boolean (reader, object, "n", TRUE));
    g_assert_null (obeya_json_reader_get_array (reader, object, "missing", FALSE));
    g_assert_null (obeya_json_reader_get_object (reader, object, "missing", FALSE));
    g_assert_nonnull (obeya_json_reader_get_object (reader, object, "o", TRUE));

    array = obeya_json_reader_get_array (reader, object, "a", TRUE);
    g_assert_nonnull (array);
    g_assert_cmpint (obeya_json_reader_array_int (reader, array, 0, 0, 5), ==, 1);
    g_assert_cmpfloat (obeya_json_reader_array_double (reader, array, 0), ==, 1.0);
    g_assert_cmpfloat (obeya_json_reader_array_double (reader, array, 1), ==, 2.5);
    g_assert_cmpstr (obeya_json_reader_array_string (reader, array, 2, FALSE), ==, "x");
    g_assert_null (obeya_json_reader_array_string (reader, array, 3, TRUE));
    g_assert_nonnull (obeya_json_reader_array_array (reader, array, 4));
    g_assert_nonnull (obeya_json_reader_array_object (reader, array, 5));
    /* A NULL object or array (from an optional member) reads as missing. */
    g_assert_null (obeya_json_reader_get_string (reader, NULL, "x", TRUE));
    g_assert_null (obeya_json_reader_array_object (reader, NULL, 0));
    g_assert_false (obeya_json_reader_failed (reader));
    g_assert_true (obeya_json_reader_propagate (reader, NULL));
  }

  {
    struct {
      const char *member;
      const char *message;
    } failures[] = {
      { "d", "d: expected a whole number, not a fraction" },
      { "s", "s: expected a whole number" },
      { "i", "i: the number 7 is out of range (0 to 5)" },
      { "neg", "neg: the number -3 is out of range (0 to 5)" },
      { "missing", "missing: a required member is missing" },
      { "n", "n: a required member is missing" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (failures); i++)
      {
        g_autoptr(ObeyaJsonReader) reader = obeya_json_reader_new ();
        g_autoptr(GError) error = NULL;

        g_assert_cmpint (obeya_json_reader_get_int (reader, object, failures[i].member,
                                                    TRUE, 0, 5, 4), ==, 4);
        g_assert_false (obeya_json_reader_propagate (reader, &error));
        g_assert_cmpstr (error->message, ==, failures[i].message);
      }
  }

  {
    g_autoptr(ObeyaJsonReader) reader = obeya_json_reader_new ();
    g_autoptr(GError) error = NULL;

    /* After the first error everything returns its default. */
    obeya_json_reader_push_member (reader, "root");
    g_assert_null (obeya_json_reader_get_string (reader, object, "i", TRUE));
    g_assert_cmpint (obeya_json_reader_get_int (reader, object, "i", TRUE, 0, 10, 3), ==, 3);
    g_assert_cmpfloat (obeya_json_reader_get_double (reader, object, "d", TRUE, 9), ==, 9);
    g_assert_null (obeya_json_reader_get_object (reader, object, "o", TRUE));
    g_assert_null (obeya_json_reader_get_array (reader, object, "a", TRUE));
    g_assert_false (obeya_json_reader_get_boolean (reader, object, "b", FALSE));
    obeya_json_reader_fail (reader, "x", "another %d", 2);
    g_assert_false (obeya_json_reader_propagate (reader, &error));
    g_assert_cmpstr (error->message, ==, "root.i: expected a string");
  }

  {
    struct {
      guint index;
      int kind;
      const char *message;
    } failures[] = {
      { 1, 0, "a[1]: expected a whole number, not a fraction" },
      { 2, 1, "a[2]: expected a number" },
      { 0, 2, "a[0]: expected a string" },
      { 3, 2, "a[3]: expected a string" },
      { 2, 3, "a[2]: expected a list (a JSON array)" },
      { 4, 4, "a[4]: expected an object" },
      { 9, 4, "a[9]: missing: the list has only 6 elements" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (failures); i++)
      {
        g_autoptr(ObeyaJsonReader) reader = obeya_json_reader_new ();
        g_autoptr(GError) error = NULL;

        array = obeya_json_reader_get_array (reader, object, "a", TRUE);
        obeya_json_reader_push_member (reader, "a");
        switch (failures[i].kind)
          {
          case 0:
            g_assert_cmpint (obeya_json_reader_array_int (reader, array, failures[i].index,
                                                          0, 10), ==, 0);
            break;
          case 1:
            g_assert_cmpfloat (obeya_json_reader_array_double (reader, array,
                                                               failures[i].index), ==, 0);
            break;
          case 2:
            g_assert_null (obeya_json_reader_array_string (reader, array, failures[i].index,
                                                           FALSE));
            break;
          case 3:
            g_assert_null (obeya_json_reader_array_array (reader, array, failures[i].index));
            break;
          default:
            g_assert_null (obeya_json_reader_array_object (reader, array, failures[i].index));
            break;
          }
        g_assert_false (obeya_json_reader_propagate (reader, &error));
        g_assert_error (error, OBEYA_JSON_ERROR, OBEYA_JSON_ERROR_INVALID);
        g_assert_cmpstr (error->message, ==, failures[i].message);
      }
  }
}

/* Trees not from obeya_json_parse() may hold what the checker would refuse. */
static void
test_reader_hand_made_tree (void)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(ObeyaJsonReader) reader = obeya_json_reader_new ();
  g_autoptr(GError) error = NULL;

  json_object_set_string_member (object, "bad", "a\xff");
  json_object_set_double_member (object, "inf", INFINITY);

  g_assert_null (obeya_json_reader_get_string (reader, object, "bad", TRUE));
  g_assert_false (obeya_json_reader_propagate (reader, &error));
  g_assert_cmpstr (error->message, ==, "bad: the text is not valid UTF-8");
  g_clear_error (&error);

  g_clear_pointer (&reader, obeya_json_reader_free);
  reader = obeya_json_reader_new ();
  g_assert_cmpfloat (obeya_json_reader_get_double (reader, object, "inf", TRUE, 1), ==, 1);
  g_assert_false (obeya_json_reader_propagate (reader, &error));
  g_assert_cmpstr (error->message, ==, "inf: the number is not finite");
}

/* ---- performance (only with -m perf) ----------------------------------------------- */

static GBytes *
write_large_document (guint   n_cards,
                      double *seconds)
{
  g_autoptr(GTimer) timer = g_timer_new ();
  ObeyaJsonWriter *writer = obeya_json_writer_new ();
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  obeya_json_writer_begin_object (writer);
  obeya_json_writer_member_string (writer, "format", "obeya-workspace");
  obeya_json_writer_member_int (writer, "version", 1);
  obeya_json_writer_member (writer, "cards");
  obeya_json_writer_begin_array (writer, OBEYA_JSON_MULTILINE);
  for (guint i = 0; i < n_cards; i++)
    {
      obeya_json_writer_begin_object (writer);
      obeya_json_writer_member_string (writer, "id", "k3j9x0a1b2");
      obeya_json_writer_member_string (writer, "title",
                                       "Reconcile the supplier invoices of the week — région Île");
      obeya_json_writer_member_string (writer, "description",
                                       "Check every line against the purchase order.\nThen file it.");
      obeya_json_writer_member_string (writer, "created", "2024-03-11T09:30:00+01:00");
      obeya_json_writer_member_int (writer, "points", i % 13);
      obeya_json_writer_member_double (writer, "estimate", (i % 100) / 4.0);
      obeya_json_writer_member (writer, "moves");
      obeya_json_writer_begin_array (writer, OBEYA_JSON_INLINE);
      for (guint m = 0; m < 5; m++)
        {
          obeya_json_writer_begin_array (writer, OBEYA_JSON_INLINE);
          obeya_json_writer_string (writer, "col7x2a9q1");
          obeya_json_writer_int (writer, G_GINT64_CONSTANT (1710000000) + i * 60 + m);
          obeya_json_writer_end_array (writer);
        }
      obeya_json_writer_end_array (writer);
      obeya_json_writer_end_object (writer);
    }
  obeya_json_writer_end_array (writer);
  obeya_json_writer_member (writer, "entries");
  obeya_json_writer_begin_array (writer, OBEYA_JSON_INLINE);
  for (guint i = 0; i < 50 * 1100; i++)
    {
      obeya_json_writer_begin_array (writer, OBEYA_JSON_INLINE);
      obeya_json_writer_string (writer, "2024-01-01");
      obeya_json_writer_double (writer, (i % 1000) * 0.37);
      obeya_json_writer_end_array (writer);
    }
  obeya_json_writer_end_array (writer);
  obeya_json_writer_end_object (writer);
  bytes = obeya_json_writer_free_to_bytes (writer, &error);
  *seconds = g_timer_elapsed (timer, NULL);
  g_assert_no_error (error);
  return bytes;
}

static void
test_perf (void)
{
  double write_s, check_s, parse_s, glib_s;
  g_autoptr(GBytes) bytes = write_large_document (30000, &write_s);
  gsize size = g_bytes_get_size (bytes);
  const char *data = g_bytes_get_data (bytes, NULL);
  g_autoptr(GTimer) timer = g_timer_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  double best = G_MAXDOUBLE;

  for (guint i = 0; i < 10; i++)
    {
      g_timer_start (timer);
      g_assert_true (obeya_json_check (data, size, OBEYA_JSON_MAX_DEPTH, NULL));
      best = MIN (best, g_timer_elapsed (timer, NULL));
    }
  check_s = best;

  g_timer_start (timer);
  root = obeya_json_parse (data, size, NULL);
  parse_s = g_timer_elapsed (timer, NULL);
  g_assert_nonnull (root);

  g_timer_start (timer);
  g_assert_true (json_parser_load_from_data (parser, data, size, NULL));
  glib_s = g_timer_elapsed (timer, NULL);

  g_test_message ("document: %.1f MB", size / 1e6);
  g_test_message ("write: %.1f ms (%.0f MB/s)", write_s * 1e3, size / 1e6 / write_s);
  g_test_message ("check: %.1f ms (%.0f MB/s)", check_s * 1e3, size / 1e6 / check_s);
  g_test_message ("obeya_json_parse: %.1f ms, bare JsonParser: %.1f ms", parse_s * 1e3, glib_s * 1e3);
  g_test_minimized_result (check_s, "check of %.1f MB: %.2f ms", size / 1e6, check_s * 1e3);
  g_test_minimized_result (write_s, "write of %.1f MB: %.2f ms", size / 1e6, write_s * 1e3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json/check/deep-nesting", test_check_deep_nesting);
  g_test_add_func ("/json/check/integers", test_check_integers);
  g_test_add_func ("/json/check/non-finite", test_check_non_finite);
  g_test_add_func ("/json/check/empty", test_check_empty);
  g_test_add_func ("/json/check/trailing", test_check_trailing);
  g_test_add_func ("/json/check/surrogates", test_check_surrogates);
  g_test_add_func ("/json/check/utf8", test_check_utf8);
  g_test_add_func ("/json/check/lenient-syntax", test_check_lenient_syntax);
  g_test_add_func ("/json/check/positions", test_check_positions);
  g_test_add_func ("/json/check/mutations", test_check_mutations);
  g_test_add_func ("/json/number/format", test_format_double);
  g_test_add_func ("/json/number/round-trip", test_format_double_round_trip);
  g_test_add_func ("/json/number/shortest", test_format_double_shortest);
  g_test_add_func ("/json/writer/layout", test_writer_layout);
  g_test_add_func ("/json/writer/int-edges", test_writer_int_edges);
  g_test_add_func ("/json/writer/non-finite", test_writer_non_finite);
  g_test_add_func ("/json/writer/misuse", test_writer_misuse);
  g_test_add_func ("/json/writer/fragments", test_writer_fragments);
  g_test_add_func ("/json/unknown-members", test_unknown_members);
  g_test_add_func ("/json/reader/paths", test_reader_paths);
  g_test_add_func ("/json/reader/types", test_reader_types);
  g_test_add_func ("/json/reader/hand-made-tree", test_reader_hand_made_tree);
  if (g_test_perf ())
    g_test_add_func ("/json/perf", test_perf);

  return g_test_run ();
}
