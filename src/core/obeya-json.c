/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-core"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "obeya-json.h"

G_DEFINE_QUARK (obeya-json-error-quark, obeya_json_error)

/* ---- Shared: byte classes and UTF-8 --------------------------------------- */

enum {
  CLASS_PLAIN   = 0, /* printable ASCII that needs no escaping */
  CLASS_QUOTE   = 1,
  CLASS_BSLASH  = 2,
  CLASS_CONTROL = 3, /* 0x00–0x1f */
  CLASS_HIGH    = 4, /* 0x80–0xff: part of a multi-byte UTF-8 sequence */
};

static const guint8 string_class[256] = {
  3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
  3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
  0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
  4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
  4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
  4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
  4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
  4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
  4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
  4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
};

#define IS_CONT(b) (((b) & 0xc0) == 0x80)

/* Length of the well-formed UTF-8 sequence starting at @p (whose first byte
 * is >= 0x80), or 0 if it is not well-formed (overlong, surrogate, beyond
 * U+10FFFF, truncated). */
static inline gsize
utf8_sequence_length (const guchar *p,
                      const guchar *end)
{
  guchar c = p[0];
  gsize avail = end - p;

  if (c < 0xc2)
    return 0;
  if (c < 0xe0)
    return (avail >= 2 && IS_CONT (p[1])) ? 2 : 0;
  if (c < 0xf0)
    {
      if (avail < 3 || !IS_CONT (p[1]) || !IS_CONT (p[2]))
        return 0;
      if (c == 0xe0 && p[1] < 0xa0)
        return 0; /* overlong */
      if (c == 0xed && p[1] >= 0xa0)
        return 0; /* UTF-16 surrogate */
      return 3;
    }
  if (c < 0xf5)
    {
      if (avail < 4 || !IS_CONT (p[1]) || !IS_CONT (p[2]) || !IS_CONT (p[3]))
        return 0;
      if (c == 0xf0 && p[1] < 0x90)
        return 0; /* overlong */
      if (c == 0xf4 && p[1] >= 0x90)
        return 0; /* beyond U+10FFFF */
      return 4;
    }
  return 0;
}

/* ---- Strict checker -------------------------------------------------------- */

typedef struct
{
  const guchar *start;
  const guchar *end;
  GError      **error;
} Checker;

static gboolean
checker_fail (Checker      *checker,
              const guchar *at,
              int           code,
              const char   *reason)
{
  const guchar *line_start = checker->start;
  const guchar *q;
  guint line = 1;
  guint column = 1;

  if (at > checker->end)
    at = checker->end;

  for (q = checker->start; q < at; )
    {
      const guchar *nl = memchr (q, '\n', at - q);

      if (nl == NULL)
        break;
      line++;
      q = line_start = nl + 1;
    }

  /* Column in characters: count the bytes that start a character. */
  for (q = line_start; q < at; q++)
    if (!IS_CONT (*q))
      column++;

  g_set_error (checker->error, OBEYA_JSON_ERROR, code,
               _("line %u, column %u: %s"), line, column, reason);
  return FALSE;
}

static inline const guchar *
skip_whitespace (const guchar *p,
                 const guchar *end)
{
  while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
    p++;
  return p;
}

static inline int
hex_value (guchar c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* Reads the 4 hex digits after `\u` at @p (which points at the backslash). */
static inline int
read_u_escape (const guchar *p,
               const guchar *end)
{
  int value = 0;

  if (end - p < 6 || p[0] != '\\' || p[1] != 'u')
    return -1;
  for (guint i = 2; i < 6; i++)
    {
      int digit = hex_value (p[i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }
  return value;
}

/* @p points at the opening quote. Returns the position after the closing
 * quote, or NULL with the error set. */
static const guchar *
check_string (Checker      *checker,
              const guchar *p)
{
  const guchar *end = checker->end;
  const guchar *open = p;

  p++;
  for (;;)
    {
      while (p < end && string_class[*p] == CLASS_PLAIN)
        p++;

      if (p == end)
        {
          checker_fail (checker, open, OBEYA_JSON_ERROR_SYNTAX,
                        _("the string is not closed"));
          return NULL;
        }

      switch (string_class[*p])
        {
        case CLASS_QUOTE:
          return p + 1;

        case CLASS_CONTROL:
          checker_fail (checker, p, OBEYA_JSON_ERROR_SYNTAX,
                        _("control characters (tab, line break…) must be escaped in strings"));
          return NULL;

        case CLASS_HIGH:
          {
            gsize len = utf8_sequence_length (p, end);

            if (len == 0)
              {
                checker_fail (checker, p, OBEYA_JSON_ERROR_ENCODING,
                              _("invalid UTF-8 in a string"));
                return NULL;
              }
            p += len;
          }
          break;

        case CLASS_BSLASH:
        default:
          if (end - p < 2)
            {
              checker_fail (checker, open, OBEYA_JSON_ERROR_SYNTAX,
                            _("the string is not closed"));
              return NULL;
            }
          switch (p[1])
            {
            case '"': case '\\': case '/':
            case 'b': case 'f': case 'n': case 'r': case 't':
              p += 2;
              break;

            case 'u':
              {
                int unit = read_u_escape (p, end);

                if (unit < 0)
                  {
                    checker_fail (checker, p, OBEYA_JSON_ERROR_SYNTAX,
                                  _("\\u must be followed by four hexadecimal digits"));
                    return NULL;
                  }
                if (unit == 0)
                  {
                    checker_fail (checker, p, OBEYA_JSON_ERROR_ENCODING,
                                  _("the escape \\u0000 (a NUL character) is not allowed"));
                    return NULL;
                  }
                if (unit >= 0xdc00 && unit <= 0xdfff)
                  {
                    checker_fail (checker, p, OBEYA_JSON_ERROR_ENCODING,
                                  _("lone UTF-16 surrogate escape (a low surrogate without a high one)"));
                    return NULL;
                  }
                if (unit >= 0xd800 && unit <= 0xdbff)
                  {
                    int low = read_u_escape (p + 6, end);

                    if (low < 0xdc00 || low > 0xdfff)
                      {
                        checker_fail (checker, p, OBEYA_JSON_ERROR_ENCODING,
                                      _("lone UTF-16 surrogate escape (a high surrogate without a low one)"));
                        return NULL;
                      }
                    p += 12;
                  }
                else
                  p += 6;
              }
              break;

            default:
              checker_fail (checker, p, OBEYA_JSON_ERROR_SYNTAX,
                            _("invalid escape sequence in a string"));
              return NULL;
            }
          break;
        }
    }
}

static inline gboolean
is_digit (guchar c)
{
  return c >= '0' && c <= '9';
}

/* Strict number grammar; integers must fit in gint64 and every number must
 * be finite as a double. Returns the position after the number. */
static const guchar *
check_number (Checker      *checker,
              const guchar *p)
{
  const guchar *end = checker->end;
  const guchar *number = p;
  const guchar *int_start;
  gboolean negative = FALSE;
  gboolean is_integer = TRUE;
  gsize int_digits;
  gint64 exponent = 0;

  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }
  if (p == end || !is_digit (*p))
    {
      checker_fail (checker, p, OBEYA_JSON_ERROR_SYNTAX, _("expected a digit after “-”"));
      return NULL;
    }

  int_start = p;
  if (*p == '0')
    {
      p++;
      if (p < end && is_digit (*p))
        {
          checker_fail (checker, number, OBEYA_JSON_ERROR_SYNTAX,
                        _("numbers must not have leading zeros"));
          return NULL;
        }
      if (p < end && (*p == 'x' || *p == 'X'))
        {
          checker_fail (checker, number, OBEYA_JSON_ERROR_SYNTAX,
                        _("hexadecimal numbers are not allowed in JSON"));
          return NULL;
        }
    }
  else
    {
      while (p < end && is_digit (*p))
        p++;
    }
  int_digits = p - int_start;

  if (p < end && *p == '.')
    {
      p++;
      if (p == end || !is_digit (*p))
        {
          checker_fail (checker, p, OBEYA_JSON_ERROR_SYNTAX,
                        _("expected a digit after the decimal point"));
          return NULL;
        }
      while (p < end && is_digit (*p))
        p++;
      is_integer = FALSE;
    }

  if (p < end && (*p == 'e' || *p == 'E'))
    {
      gboolean exp_negative = FALSE;

      p++;
      if (p < end && (*p == '+' || *p == '-'))
        {
          exp_negative = *p == '-';
          p++;
        }
      if (p == end || !is_digit (*p))
        {
          checker_fail (checker, p, OBEYA_JSON_ERROR_SYNTAX,
                        _("expected a digit in the exponent"));
          return NULL;
        }
      while (p < end && is_digit (*p))
        {
          if (exponent < 1000000)
            exponent = exponent * 10 + (*p - '0');
          p++;
        }
      if (exp_negative)
        exponent = -exponent;
      is_integer = FALSE;
    }

  if (is_integer)
    {
      /* json-glib stores integers in a gint64 and wraps silently. */
      if (int_digits > 19 ||
          (int_digits == 19 &&
           memcmp (int_start,
                   negative ? "9223372036854775808" : "9223372036854775807", 19) > 0))
        {
          checker_fail (checker, number, OBEYA_JSON_ERROR_NUMBER,
                        _("the integer is out of range (the limit is 9223372036854775807)"));
          return NULL;
        }
    }
  else
    {
      /* The value is below 10^(integer digits + exponent); below 10^308 it is
       * finite for sure, otherwise ask strtod. "0.x" has no integer digits. */
      gint64 magnitude = (int_digits == 1 && *int_start == '0') ? 0 : (gint64) int_digits;

      if (magnitude + exponent > 308)
        {
          g_autofree char *copy = g_strndup ((const char *) number, p - number);
          double value = g_ascii_strtod (copy, NULL);

          if (!isfinite (value))
            {
              checker_fail (checker, number, OBEYA_JSON_ERROR_NUMBER,
                            _("the number is too large to be represented"));
              return NULL;
            }
        }
    }

  return p;
}

static gboolean
check_literal (Checker       *checker,
               const guchar **pp,
               const char    *word)
{
  gsize len = strlen (word);

  if ((gsize) (checker->end - *pp) < len || memcmp (*pp, word, len) != 0)
    return FALSE;
  *pp += len;
  return TRUE;
}

static gboolean
fail_unexpected (Checker      *checker,
                 const guchar *p,
                 const char   *expected)
{
  g_autofree char *reason = NULL;

  if (p >= checker->end)
    return checker_fail (checker, p, OBEYA_JSON_ERROR_SYNTAX,
                         _("unexpected end of the file"));

  if (*p == '\'')
    return checker_fail (checker, p, OBEYA_JSON_ERROR_SYNTAX,
                         _("strings must use double quotes, not single quotes"));
  if (*p == '/' || *p == '#')
    return checker_fail (checker, p, OBEYA_JSON_ERROR_SYNTAX,
                         _("comments are not allowed in JSON"));

  if (*p >= 0x20 && *p < 0x7f)
    reason = g_strdup_printf (_("unexpected character “%c”, expected %s"), *p, expected);
  else
    reason = g_strdup_printf (_("unexpected byte 0x%02x, expected %s"), *p, expected);
  return checker_fail (checker, p, OBEYA_JSON_ERROR_SYNTAX, reason);
}

gboolean
obeya_json_check (const char  *data,
                  gsize        length,
                  guint        max_depth,
                  GError     **error)
{
  Checker checker = { (const guchar *) data, (const guchar *) data + length, error };
  const guchar *p = checker.start;
  const guchar *end = checker.end;
  guint8 small_stack[128];
  g_autofree guint8 *big_stack = NULL;
  guint8 *stack = small_stack;
  guint depth = 0;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (max_depth > G_N_ELEMENTS (small_stack))
    stack = big_stack = g_malloc (max_depth);

  if (length >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    return checker_fail (&checker, p, OBEYA_JSON_ERROR_SYNTAX,
                         _("the file starts with a byte order mark (BOM), which JSON does not allow"));

  p = skip_whitespace (p, end);
  if (p == end)
    return checker_fail (&checker, p, OBEYA_JSON_ERROR_EMPTY,
                         _("the file is empty"));

value:
  if (p == end)
    return fail_unexpected (&checker, p, _("a value"));

  switch (*p)
    {
    case '{':
    case '[':
      if (depth >= max_depth)
        return checker_fail (&checker, p, OBEYA_JSON_ERROR_TOO_DEEP,
                             _("the data is nested too deeply"));
      stack[depth++] = *p;
      p = skip_whitespace (p + 1, end);
      if (p < end && *p == (stack[depth - 1] == '{' ? '}' : ']'))
        {
          p++;
          depth--;
          goto after_value;
        }
      if (stack[depth - 1] == '{')
        goto member;
      goto value;

    case '"':
      p = check_string (&checker, p);
      if (p == NULL)
        return FALSE;
      goto after_value;

    case '-':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      p = check_number (&checker, p);
      if (p == NULL)
        return FALSE;
      goto after_value;

    case 't':
      if (!check_literal (&checker, &p, "true"))
        return fail_unexpected (&checker, p, _("a value"));
      goto after_value;

    case 'f':
      if (!check_literal (&checker, &p, "false"))
        return fail_unexpected (&checker, p, _("a value"));
      goto after_value;

    case 'n':
      if (!check_literal (&checker, &p, "null"))
        return fail_unexpected (&checker, p, _("a value"));
      goto after_value;

    case 'N':
    case 'I':
      if ((gsize) (end - p) >= 3 && (memcmp (p, "NaN", 3) == 0 || memcmp (p, "Inf", 3) == 0))
        return checker_fail (&checker, p, OBEYA_JSON_ERROR_NUMBER,
                             _("NaN and Infinity are not JSON numbers"));
      return fail_unexpected (&checker, p, _("a value"));

    default:
      return fail_unexpected (&checker, p, _("a value"));
    }

member:
  if (p == end || *p != '"')
    return fail_unexpected (&checker, p, _("a member name in double quotes"));
  p = check_string (&checker, p);
  if (p == NULL)
    return FALSE;
  p = skip_whitespace (p, end);
  if (p == end || *p != ':')
    return fail_unexpected (&checker, p, _("“:”"));
  p = skip_whitespace (p + 1, end);
  goto value;

after_value:
  p = skip_whitespace (p, end);
  if (depth == 0)
    {
      if (p != end)
        return checker_fail (&checker, p, OBEYA_JSON_ERROR_SYNTAX,
                             _("unexpected text after the end of the data"));
      return TRUE;
    }
  if (p == end)
    return checker_fail (&checker, p, OBEYA_JSON_ERROR_SYNTAX,
                         _("unexpected end of the file (a bracket is not closed)"));

  if (stack[depth - 1] == '{')
    {
      if (*p == ',')
        {
          p = skip_whitespace (p + 1, end);
          if (p < end && *p == '}')
            return checker_fail (&checker, p, OBEYA_JSON_ERROR_SYNTAX,
                                 _("a comma must not come before a closing bracket"));
          goto member;
        }
      if (*p == '}')
        {
          p++;
          depth--;
          goto after_value;
        }
      return fail_unexpected (&checker, p, _("“,” or “}”"));
    }
  else
    {
      if (*p == ',')
        {
          p = skip_whitespace (p + 1, end);
          if (p < end && *p == ']')
            return checker_fail (&checker, p, OBEYA_JSON_ERROR_SYNTAX,
                                 _("a comma must not come before a closing bracket"));
          goto value;
        }
      if (*p == ']')
        {
          p++;
          depth--;
          goto after_value;
        }
      return fail_unexpected (&checker, p, _("“,” or “]”"));
    }
}

JsonNode *
obeya_json_parse (const char  *data,
                  gsize        length,
                  GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  if (!obeya_json_check (data, length, OBEYA_JSON_MAX_DEPTH, error))
    return NULL;

  if (length > G_MAXSSIZE)
    {
      g_set_error (error, OBEYA_JSON_ERROR, OBEYA_JSON_ERROR_SYNTAX,
                   _("The file is too large"));
      return NULL;
    }

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, (gssize) length, &local_error))
    {
      /* Not expected after the strict check; keep json-glib's message. */
      g_set_error (error, OBEYA_JSON_ERROR, OBEYA_JSON_ERROR_SYNTAX,
                   "%s", local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error (error, OBEYA_JSON_ERROR, OBEYA_JSON_ERROR_EMPTY,
                   _("the file is empty"));
      return NULL;
    }

  return json_node_ref (root);
}

/* ---- Numbers ---------------------------------------------------------------- */

/* Writes @value in decimal at the end of @buf (which must hold 21 bytes) and
 * returns the start of the digits. No NUL terminator. */
static inline char *
format_int_backwards (gint64  value,
                      char   *buf_end)
{
  guint64 magnitude = value < 0 ? (guint64) 0 - (guint64) value : (guint64) value;
  char *p = buf_end;

  do
    {
      *--p = '0' + (magnitude % 10);
      magnitude /= 10;
    }
  while (magnitude != 0);

  if (value < 0)
    *--p = '-';
  return p;
}

char *
obeya_json_format_double (double  value,
                          char   *buf)
{
  static const char * const formats[] = { "%.15g", "%.16g", "%.17g" };

  g_return_val_if_fail (buf != NULL, NULL);

  if (!isfinite (value))
    {
      g_strlcpy (buf, "null", G_ASCII_DTOSTR_BUF_SIZE);
      g_return_val_if_reached (buf);
    }

  /* Both zeros are written "0": json-glib reads "-0" as the integer 0
   * anyway, and a "-0" in a file is noise. */
  if (value == 0)
    {
      strcpy (buf, "0");
      return buf;
    }

  if (fabs (value) < 9007199254740992.0 /* 2^53 */ && value == trunc (value))
    {
      char digits[24];
      char *start = format_int_backwards ((gint64) value, digits + sizeof digits);
      gsize len = digits + sizeof digits - start;

      memcpy (buf, start, len);
      buf[len] = '\0';
      return buf;
    }

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buf, G_ASCII_DTOSTR_BUF_SIZE, formats[i], value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  return buf;
}

/* ---- Writer ------------------------------------------------------------------ */

typedef struct
{
  guint is_object : 1;
  guint is_inline : 1;
  guint count     : 30;
} Frame;

struct _ObeyaJsonWriter
{
  GString *str;
  Frame   *frames;
  guint    n_frames;
  guint    frames_size;
  guint    base_depth;
  gboolean member_pending; /* a member name was written, its value is due */
  gboolean root_written;
  GError  *error;
};

static const char spaces[] = "                                                                ";

ObeyaJsonWriter *
obeya_json_writer_new_at_depth (guint depth)
{
  ObeyaJsonWriter *writer = g_new0 (ObeyaJsonWriter, 1);

  writer->str = g_string_sized_new (1024);
  writer->frames_size = 16;
  writer->frames = g_new (Frame, writer->frames_size);
  writer->base_depth = depth;
  return writer;
}

ObeyaJsonWriter *
obeya_json_writer_new (void)
{
  return obeya_json_writer_new_at_depth (0);
}

void
obeya_json_writer_free (ObeyaJsonWriter *writer)
{
  if (writer == NULL)
    return;
  if (writer->str != NULL)
    g_string_free (writer->str, TRUE);
  g_free (writer->frames);
  g_clear_error (&writer->error);
  g_free (writer);
}

static void
writer_fail (ObeyaJsonWriter *writer,
             int              code,
             const char      *message)
{
  if (writer->error == NULL)
    writer->error = g_error_new_literal (OBEYA_JSON_ERROR, code, message);
}

static inline void
writer_newline (ObeyaJsonWriter *writer,
                guint            level)
{
  guint n = level * 2;

  g_string_append_c (writer->str, '\n');
  while (n > 0)
    {
      guint chunk = MIN (n, sizeof spaces - 1);

      g_string_append_len (writer->str, spaces, chunk);
      n -= chunk;
    }
}

/* Writes the separator and indentation due before a value. */
static gboolean
writer_before_value (ObeyaJsonWriter *writer)
{
  Frame *top;

  if (writer->n_frames == 0)
    {
      if (writer->root_written)
        {
          writer_fail (writer, OBEYA_JSON_ERROR_INVALID,
                       "JSON writer: more than one value at the top level");
          return FALSE;
        }
      writer->root_written = TRUE;
      return TRUE;
    }

  top = &writer->frames[writer->n_frames - 1];
  if (top->is_object)
    {
      if (!writer->member_pending)
        {
          writer_fail (writer, OBEYA_JSON_ERROR_INVALID,
                       "JSON writer: a value inside an object without a member name");
          return FALSE;
        }
      writer->member_pending = FALSE;
      return TRUE;
    }

  if (top->count > 0)
    g_string_append_c (writer->str, ',');
  if (top->is_inline)
    {
      if (top->count > 0)
        g_string_append_c (writer->str, ' ');
    }
  else
    writer_newline (writer, writer->base_depth + writer->n_frames);
  top->count++;
  return TRUE;
}

static void
writer_push (ObeyaJsonWriter *writer,
             gboolean         is_object,
             gboolean         is_inline)
{
  Frame *frame;

  if (writer->n_frames > 0 && writer->frames[writer->n_frames - 1].is_inline)
    is_inline = TRUE;

  if (writer->n_frames == writer->frames_size)
    {
      writer->frames_size *= 2;
      writer->frames = g_renew (Frame, writer->frames, writer->frames_size);
    }
  frame = &writer->frames[writer->n_frames++];
  frame->is_object = is_object;
  frame->is_inline = is_inline;
  frame->count = 0;
}

static void
writer_pop (ObeyaJsonWriter *writer,
            gboolean         is_object)
{
  Frame *top;

  if (writer->n_frames == 0 || writer->frames[writer->n_frames - 1].is_object != is_object ||
      writer->member_pending)
    {
      writer_fail (writer, OBEYA_JSON_ERROR_INVALID,
                   "JSON writer: unbalanced end of an object or array");
      return;
    }

  top = &writer->frames[--writer->n_frames];
  if (top->count > 0 && !top->is_inline)
    writer_newline (writer, writer->base_depth + writer->n_frames);
  g_string_append_c (writer->str, is_object ? '}' : ']');
}

void
obeya_json_writer_begin_object (ObeyaJsonWriter *writer)
{
  g_return_if_fail (writer != NULL);

  if (!writer_before_value (writer))
    return;
  writer_push (writer, TRUE, FALSE);
  g_string_append_c (writer->str, '{');
}

void
obeya_json_writer_end_object (ObeyaJsonWriter *writer)
{
  g_return_if_fail (writer != NULL);
  writer_pop (writer, TRUE);
}

void
obeya_json_writer_begin_array (ObeyaJsonWriter *writer,
                               ObeyaJsonLayout  layout)
{
  g_return_if_fail (writer != NULL);

  if (!writer_before_value (writer))
    return;
  writer_push (writer, FALSE, (layout & OBEYA_JSON_INLINE) != 0);
  g_string_append_c (writer->str, '[');
}

void
obeya_json_writer_end_array (ObeyaJsonWriter *writer)
{
  g_return_if_fail (writer != NULL);
  writer_pop (writer, FALSE);
}

/* Appends @value quoted and escaped. Invalid UTF-8 is refused (the file
 * would not load again). */
static void
writer_append_quoted (ObeyaJsonWriter *writer,
                      const char      *value)
{
  static const char hex[] = "0123456789abcdef";
  GString *str = writer->str;
  const guchar *p = (const guchar *) value;
  const guchar *run = p;

  g_string_append_c (str, '"');
  for (;;)
    {
      guint8 klass;

      while (string_class[*p] == CLASS_PLAIN)
        p++;

      klass = string_class[*p];
      if (klass == CLASS_HIGH)
        {
          /* NUL is no continuation byte, so the check stops at the end. */
          gsize len = utf8_sequence_length (p, p + 4);

          if (len == 0)
            {
              writer_fail (writer, OBEYA_JSON_ERROR_ENCODING,
                           "JSON writer: a string is not valid UTF-8");
              len = 1;
            }
          p += len;
          continue;
        }

      if (p > run)
        g_string_append_len (str, (const char *) run, p - run);

      if (*p == '\0')
        break;

      switch (*p)
        {
        case '"':  g_string_append_len (str, "\\\"", 2); break;
        case '\\': g_string_append_len (str, "\\\\", 2); break;
        case '\n': g_string_append_len (str, "\\n", 2); break;
        case '\t': g_string_append_len (str, "\\t", 2); break;
        case '\r': g_string_append_len (str, "\\r", 2); break;
        case '\b': g_string_append_len (str, "\\b", 2); break;
        case '\f': g_string_append_len (str, "\\f", 2); break;
        default:
          {
            char esc[6] = { '\\', 'u', '0', '0', hex[*p >> 4], hex[*p & 0xf] };

            g_string_append_len (str, esc, 6);
          }
          break;
        }
      p++;
      run = p;
    }
  g_string_append_c (str, '"');
}

void
obeya_json_writer_member (ObeyaJsonWriter *writer,
                          const char      *name)
{
  Frame *top;

  g_return_if_fail (writer != NULL);
  g_return_if_fail (name != NULL);

  if (writer->n_frames == 0 || !writer->frames[writer->n_frames - 1].is_object ||
      writer->member_pending)
    {
      writer_fail (writer, OBEYA_JSON_ERROR_INVALID,
                   "JSON writer: a member name outside an object or without a value");
      return;
    }

  top = &writer->frames[writer->n_frames - 1];
  if (top->count > 0)
    g_string_append_c (writer->str, ',');
  if (top->is_inline)
    {
      if (top->count > 0)
        g_string_append_c (writer->str, ' ');
    }
  else
    writer_newline (writer, writer->base_depth + writer->n_frames);
  top->count++;

  writer_append_quoted (writer, name);
  g_string_append_len (writer->str, ": ", 2);
  writer->member_pending = TRUE;
}

void
obeya_json_writer_string (ObeyaJsonWriter *writer,
                          const char      *value)
{
  g_return_if_fail (writer != NULL);

  if (value == NULL)
    {
      obeya_json_writer_null (writer);
      return;
    }
  if (writer_before_value (writer))
    writer_append_quoted (writer, value);
}

void
obeya_json_writer_int (ObeyaJsonWriter *writer,
                       gint64           value)
{
  char digits[24];
  char *start;

  g_return_if_fail (writer != NULL);

  if (!writer_before_value (writer))
    return;
  start = format_int_backwards (value, digits + sizeof digits);
  g_string_append_len (writer->str, start, digits + sizeof digits - start);
}

void
obeya_json_writer_double (ObeyaJsonWriter *writer,
                          double           value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_if_fail (writer != NULL);

  if (!isfinite (value))
    {
      writer_fail (writer, OBEYA_JSON_ERROR_NUMBER,
                   _("A number to be saved is not finite (NaN or infinity)"));
      return;
    }
  if (!writer_before_value (writer))
    return;
  g_string_append (writer->str, obeya_json_format_double (value, buf));
}

void
obeya_json_writer_boolean (ObeyaJsonWriter *writer,
                           gboolean         value)
{
  g_return_if_fail (writer != NULL);

  if (writer_before_value (writer))
    {
      if (value)
        g_string_append_len (writer->str, "true", 4);
      else
        g_string_append_len (writer->str, "false", 5);
    }
}

void
obeya_json_writer_null (ObeyaJsonWriter *writer)
{
  g_return_if_fail (writer != NULL);

  if (writer_before_value (writer))
    g_string_append_len (writer->str, "null", 4);
}

/* An array is written inline when it holds no object at any depth. */
static gboolean
array_is_flat (JsonArray *array)
{
  guint n = json_array_get_length (array);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      switch (json_node_get_node_type (element))
        {
        case JSON_NODE_OBJECT:
          return FALSE;
        case JSON_NODE_ARRAY:
          if (!array_is_flat (json_node_get_array (element)))
            return FALSE;
          break;
        case JSON_NODE_VALUE:
        case JSON_NODE_NULL:
        default:
          break;
        }
    }
  return TRUE;
}

void
obeya_json_writer_node (ObeyaJsonWriter *writer,
                        JsonNode        *node)
{
  g_return_if_fail (writer != NULL);
  g_return_if_fail (node != NULL);

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      obeya_json_writer_begin_object (writer);
      obeya_json_writer_members_of (writer, json_node_get_object (node));
      obeya_json_writer_end_object (writer);
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        obeya_json_writer_begin_array (writer, array_is_flat (array) ? OBEYA_JSON_INLINE
                                                                     : OBEYA_JSON_MULTILINE);
        for (guint i = 0; i < n; i++)
          obeya_json_writer_node (writer, json_array_get_element (array, i));
        obeya_json_writer_end_array (writer);
      }
      break;

    case JSON_NODE_NULL:
      obeya_json_writer_null (writer);
      break;

    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_INT64:
          obeya_json_writer_int (writer, json_node_get_int (node));
          break;
        case G_TYPE_DOUBLE:
          obeya_json_writer_double (writer, json_node_get_double (node));
          break;
        case G_TYPE_BOOLEAN:
          obeya_json_writer_boolean (writer, json_node_get_boolean (node));
          break;
        case G_TYPE_STRING:
          obeya_json_writer_string (writer, json_node_get_string (node));
          break;
        default:
          writer_fail (writer, OBEYA_JSON_ERROR_INVALID,
                       "JSON writer: a node holds a value of an unsupported type");
          break;
        }
      break;
    }
}

void
obeya_json_writer_raw (ObeyaJsonWriter *writer,
                       const char      *json,
                       gsize            length)
{
  g_return_if_fail (writer != NULL);
  g_return_if_fail (json != NULL || length == 0);

  if (writer_before_value (writer))
    g_string_append_len (writer->str, json, length);
}

void
obeya_json_writer_member_string (ObeyaJsonWriter *writer,
                                 const char      *name,
                                 const char      *value)
{
  obeya_json_writer_member (writer, name);
  obeya_json_writer_string (writer, value);
}

void
obeya_json_writer_member_int (ObeyaJsonWriter *writer,
                              const char      *name,
                              gint64           value)
{
  obeya_json_writer_member (writer, name);
  obeya_json_writer_int (writer, value);
}

void
obeya_json_writer_member_double (ObeyaJsonWriter *writer,
                                 const char      *name,
                                 double           value)
{
  obeya_json_writer_member (writer, name);
  obeya_json_writer_double (writer, value);
}

void
obeya_json_writer_member_boolean (ObeyaJsonWriter *writer,
                                  const char      *name,
                                  gboolean         value)
{
  obeya_json_writer_member (writer, name);
  obeya_json_writer_boolean (writer, value);
}

void
obeya_json_writer_members_of (ObeyaJsonWriter *writer,
                              JsonObject      *extra)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  g_return_if_fail (writer != NULL);

  if (extra == NULL)
    return;

  json_object_iter_init_ordered (&iter, extra);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    {
      obeya_json_writer_member (writer, name);
      obeya_json_writer_node (writer, node);
    }
}

gboolean
obeya_json_writer_finish (ObeyaJsonWriter  *writer,
                          GError          **error)
{
  g_return_val_if_fail (writer != NULL, FALSE);

  if (writer->error == NULL)
    {
      if (writer->n_frames != 0 || writer->member_pending)
        writer_fail (writer, OBEYA_JSON_ERROR_INVALID,
                     "JSON writer: an object or array was not closed");
      else if (!writer->root_written)
        writer_fail (writer, OBEYA_JSON_ERROR_INVALID,
                     "JSON writer: nothing was written");
    }

  if (writer->error != NULL)
    {
      if (error != NULL)
        *error = g_error_copy (writer->error);
      return FALSE;
    }
  return TRUE;
}

GString *
obeya_json_writer_get_string (ObeyaJsonWriter *writer)
{
  g_return_val_if_fail (writer != NULL, NULL);
  return writer->str;
}

GBytes *
obeya_json_writer_free_to_bytes (ObeyaJsonWriter  *writer,
                                 GError          **error)
{
  GString *str;

  g_return_val_if_fail (writer != NULL, NULL);

  if (!obeya_json_writer_finish (writer, error))
    {
      obeya_json_writer_free (writer);
      return NULL;
    }

  str = g_steal_pointer (&writer->str);
  obeya_json_writer_free (writer);
  g_string_append_c (str, '\n');
  return g_string_free_to_bytes (str);
}

/* ---- Reader ------------------------------------------------------------------ */

/* The path is a stack of segments, formatted only when an error needs it:
 * loading a large workspace pushes hundreds of thousands of them. Member
 * names must outlive their push (string literals, or strings of the tree
 * being read). */
typedef struct
{
  const char *member;  /* NULL for an index */
  guint       index;
} PathSegment;

struct _ObeyaJsonReader
{
  GArray  *segments;  /* of PathSegment */
  GError  *error;
  gboolean trusted_utf8;
};

ObeyaJsonReader *
obeya_json_reader_new (void)
{
  ObeyaJsonReader *reader = g_new0 (ObeyaJsonReader, 1);

  reader->segments = g_array_sized_new (FALSE, FALSE, sizeof (PathSegment), 16);
  return reader;
}

void
obeya_json_reader_free (ObeyaJsonReader *reader)
{
  if (reader == NULL)
    return;
  g_array_unref (reader->segments);
  g_clear_error (&reader->error);
  g_free (reader);
}

void
obeya_json_reader_set_trusted_utf8 (ObeyaJsonReader *reader,
                                    gboolean         trusted)
{
  g_return_if_fail (reader != NULL);
  reader->trusted_utf8 = trusted;
}

void
obeya_json_reader_push_member (ObeyaJsonReader *reader,
                               const char      *name)
{
  PathSegment segment = { name, 0 };

  g_return_if_fail (reader != NULL);
  g_return_if_fail (name != NULL);

  g_array_append_val (reader->segments, segment);
}

void
obeya_json_reader_push_index (ObeyaJsonReader *reader,
                              guint            index)
{
  PathSegment segment = { NULL, index };

  g_return_if_fail (reader != NULL);

  g_array_append_val (reader->segments, segment);
}

void
obeya_json_reader_pop (ObeyaJsonReader *reader)
{
  g_return_if_fail (reader != NULL);
  g_return_if_fail (reader->segments->len > 0);

  g_array_set_size (reader->segments, reader->segments->len - 1);
}

static void
append_path (ObeyaJsonReader *reader,
             GString         *out)
{
  for (guint i = 0; i < reader->segments->len; i++)
    {
      const PathSegment *segment = &g_array_index (reader->segments, PathSegment, i);

      if (segment->member != NULL)
        {
          if (out->len > 0)
            g_string_append_c (out, '.');
          g_string_append (out, segment->member);
        }
      else
        g_string_append_printf (out, "[%u]", segment->index);
    }
}

char *
obeya_json_reader_dup_path (ObeyaJsonReader *reader)
{
  GString *path;

  g_return_val_if_fail (reader != NULL, NULL);

  path = g_string_new (NULL);
  append_path (reader, path);
  return g_string_free (path, FALSE);
}

/* @member and @index (-1: none) are appended to the current path. */
G_GNUC_PRINTF (4, 0)
static void
reader_failv (ObeyaJsonReader *reader,
              const char      *member,
              gint64           index,
              const char      *format,
              va_list          args)
{
  g_autofree char *reason = NULL;
  GString *where;

  if (reader->error != NULL)
    return;

  reason = g_strdup_vprintf (format, args);
  where = g_string_new (NULL);
  append_path (reader, where);
  if (member != NULL)
    {
      if (where->len > 0)
        g_string_append_c (where, '.');
      g_string_append (where, member);
    }
  if (index >= 0)
    g_string_append_printf (where, "[%" G_GINT64_FORMAT "]", index);

  if (where->len > 0)
    reader->error = g_error_new (OBEYA_JSON_ERROR, OBEYA_JSON_ERROR_INVALID,
                                 "%s: %s", where->str, reason);
  else
    reader->error = g_error_new_literal (OBEYA_JSON_ERROR, OBEYA_JSON_ERROR_INVALID, reason);
  g_string_free (where, TRUE);
}

/* Fails at the current path + @member (may be NULL) + `[index]` (if >= 0). */
G_GNUC_PRINTF (4, 5)
static void
reader_fail_at (ObeyaJsonReader *reader,
                const char      *member,
                gint64           index,
                const char      *format,
                ...)
{
  va_list args;

  va_start (args, format);
  reader_failv (reader, member, index, format, args);
  va_end (args);
}

void
obeya_json_reader_fail (ObeyaJsonReader *reader,
                        const char      *member,
                        const char      *format,
                        ...)
{
  va_list args;

  g_return_if_fail (reader != NULL);

  va_start (args, format);
  reader_failv (reader, member, -1, format, args);
  va_end (args);
}

gboolean
obeya_json_reader_failed (ObeyaJsonReader *reader)
{
  g_return_val_if_fail (reader != NULL, TRUE);
  return reader->error != NULL;
}

gboolean
obeya_json_reader_propagate (ObeyaJsonReader  *reader,
                             GError          **error)
{
  g_return_val_if_fail (reader != NULL, FALSE);

  if (reader->error == NULL)
    return TRUE;
  /* A copy: the reader stays failed. */
  g_propagate_error (error, g_error_copy (reader->error));
  return FALSE;
}

/* The member's node, or NULL when missing/null (failing if required) or
 * when the reader already failed. */
static JsonNode *
reader_lookup (ObeyaJsonReader *reader,
               JsonObject      *object,
               const char      *member,
               gboolean         required)
{
  JsonNode *node;

  if (reader->error != NULL || object == NULL)
    return NULL;

  node = json_object_get_member (object, member);
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        obeya_json_reader_fail (reader, member, _("a required member is missing"));
      return NULL;
    }
  return node;
}

static inline GType
node_value_type (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
}

/* Shared checks of the element getters. @member or @index names the place. */
static const char *
check_string_node (ObeyaJsonReader *reader,
                   JsonNode        *node,
                   const char      *member,
                   gint64           index)
{
  const char *value;

  if (node_value_type (node) != G_TYPE_STRING)
    {
      reader_fail_at (reader, member, index, _("expected a string"));
      return NULL;
    }
  value = json_node_get_string (node);
  if (!reader->trusted_utf8 && !g_utf8_validate (value, -1, NULL))
    {
      reader_fail_at (reader, member, index, _("the text is not valid UTF-8"));
      return NULL;
    }
  return value;
}

static gboolean
check_int_node (ObeyaJsonReader *reader,
                JsonNode        *node,
                const char      *member,
                gint64           index,
                gint64           min,
                gint64           max,
                gint64          *out)
{
  g_autofree char *reason = NULL;
  GType type = node_value_type (node);

  if (type != G_TYPE_INT64)
    {
      if (type == G_TYPE_DOUBLE)
        reason = g_strdup (_("expected a whole number, not a fraction"));
      else
        reason = g_strdup (_("expected a whole number"));
    }
  else
    {
      gint64 value = json_node_get_int (node);

      if (value < min || value > max)
        reason = g_strdup_printf (_("the number %" G_GINT64_FORMAT " is out of range "
                                    "(%" G_GINT64_FORMAT " to %" G_GINT64_FORMAT ")"),
                                  value, min, max);
      else
        {
          *out = value;
          return TRUE;
        }
    }

  reader_fail_at (reader, member, index, "%s", reason);
  return FALSE;
}

static gboolean
check_double_node (ObeyaJsonReader *reader,
                   JsonNode        *node,
                   const char      *member,
                   gint64           index,
                   double          *out)
{
  GType type = node_value_type (node);
  double value;

  if (type == G_TYPE_INT64)
    value = (double) json_node_get_int (node);
  else if (type == G_TYPE_DOUBLE)
    value = json_node_get_double (node);
  else
    {
      reader_fail_at (reader, member, index, _("expected a number"));
      return FALSE;
    }

  if (!isfinite (value))
    {
      reader_fail_at (reader, member, index, _("the number is not finite"));
      return FALSE;
    }
  *out = value;
  return TRUE;
}

/* Checks that @node is an array or an object, as @type says. */
static gboolean
check_container_node (ObeyaJsonReader *reader,
                      JsonNode        *node,
                      JsonNodeType     type,
                      const char      *member,
                      gint64           index)
{
  if (JSON_NODE_TYPE (node) == type)
    return TRUE;
  if (type == JSON_NODE_ARRAY)
    reader_fail_at (reader, member, index, _("expected a list (a JSON array)"));
  else
    reader_fail_at (reader, member, index, _("expected an object"));
  return FALSE;
}

const char *
obeya_json_reader_get_string (ObeyaJsonReader *reader,
                              JsonObject      *object,
                              const char      *member,
                              gboolean         required)
{
  JsonNode *node;

  g_return_val_if_fail (reader != NULL, NULL);
  g_return_val_if_fail (member != NULL, NULL);

  node = reader_lookup (reader, object, member, required);
  if (node == NULL)
    return NULL;
  return check_string_node (reader, node, member, -1);
}

gint64
obeya_json_reader_get_int (ObeyaJsonReader *reader,
                           JsonObject      *object,
                           const char      *member,
                           gboolean         required,
                           gint64           min,
                           gint64           max,
                           gint64           default_value)
{
  JsonNode *node;
  gint64 value;

  g_return_val_if_fail (reader != NULL, default_value);
  g_return_val_if_fail (member != NULL, default_value);

  node = reader_lookup (reader, object, member, required);
  if (node == NULL || !check_int_node (reader, node, member, -1, min, max, &value))
    return default_value;
  return value;
}

double
obeya_json_reader_get_double (ObeyaJsonReader *reader,
                              JsonObject      *object,
                              const char      *member,
                              gboolean         required,
                              double           default_value)
{
  JsonNode *node;
  double value;

  g_return_val_if_fail (reader != NULL, default_value);
  g_return_val_if_fail (member != NULL, default_value);

  node = reader_lookup (reader, object, member, required);
  if (node == NULL || !check_double_node (reader, node, member, -1, &value))
    return default_value;
  return value;
}

gboolean
obeya_json_reader_get_boolean (ObeyaJsonReader *reader,
                               JsonObject      *object,
                               const char      *member,
                               gboolean         default_value)
{
  JsonNode *node;

  g_return_val_if_fail (reader != NULL, default_value);
  g_return_val_if_fail (member != NULL, default_value);

  node = reader_lookup (reader, object, member, FALSE);
  if (node == NULL)
    return default_value;
  if (node_value_type (node) != G_TYPE_BOOLEAN)
    {
      obeya_json_reader_fail (reader, member, _("expected true or false"));
      return default_value;
    }
  return json_node_get_boolean (node);
}

JsonArray *
obeya_json_reader_get_array (ObeyaJsonReader *reader,
                             JsonObject      *object,
                             const char      *member,
                             gboolean         required)
{
  JsonNode *node;

  g_return_val_if_fail (reader != NULL, NULL);
  g_return_val_if_fail (member != NULL, NULL);

  node = reader_lookup (reader, object, member, required);
  if (node == NULL || !check_container_node (reader, node, JSON_NODE_ARRAY, member, -1))
    return NULL;
  return json_node_get_array (node);
}

JsonObject *
obeya_json_reader_get_object (ObeyaJsonReader *reader,
                              JsonObject      *object,
                              const char      *member,
                              gboolean         required)
{
  JsonNode *node;

  g_return_val_if_fail (reader != NULL, NULL);
  g_return_val_if_fail (member != NULL, NULL);

  node = reader_lookup (reader, object, member, required);
  if (node == NULL || !check_container_node (reader, node, JSON_NODE_OBJECT, member, -1))
    return NULL;
  return json_node_get_object (node);
}

/* The element at @index, or NULL (failing when out of range). */
static JsonNode *
reader_element (ObeyaJsonReader *reader,
                JsonArray       *array,
                guint            index)
{
  guint length;

  if (reader->error != NULL || array == NULL)
    return NULL;

  length = json_array_get_length (array);
  if (index >= length)
    {
      reader_fail_at (reader, NULL, index,
                         ngettext ("missing: the list has only %u element",
                                   "missing: the list has only %u elements", length),
                         length);
      return NULL;
    }
  return json_array_get_element (array, index);
}

JsonObject *
obeya_json_reader_array_object (ObeyaJsonReader *reader,
                                JsonArray       *array,
                                guint            index)
{
  JsonNode *node;

  g_return_val_if_fail (reader != NULL, NULL);

  node = reader_element (reader, array, index);
  if (node == NULL || !check_container_node (reader, node, JSON_NODE_OBJECT, NULL, index))
    return NULL;
  return json_node_get_object (node);
}

const char *
obeya_json_reader_array_string (ObeyaJsonReader *reader,
                                JsonArray       *array,
                                guint            index,
                                gboolean         nullable)
{
  JsonNode *node;

  g_return_val_if_fail (reader != NULL, NULL);

  node = reader_element (reader, array, index);
  if (node == NULL)
    return NULL;
  if (nullable && JSON_NODE_HOLDS_NULL (node))
    return NULL;
  return check_string_node (reader, node, NULL, index);
}

double
obeya_json_reader_array_double (ObeyaJsonReader *reader,
                                JsonArray       *array,
                                guint            index)
{
  JsonNode *node;
  double value;

  g_return_val_if_fail (reader != NULL, 0.0);

  node = reader_element (reader, array, index);
  if (node == NULL || !check_double_node (reader, node, NULL, index, &value))
    return 0.0;
  return value;
}

gint64
obeya_json_reader_array_int (ObeyaJsonReader *reader,
                             JsonArray       *array,
                             guint            index,
                             gint64           min,
                             gint64           max)
{
  JsonNode *node;
  gint64 value;

  g_return_val_if_fail (reader != NULL, 0);

  node = reader_element (reader, array, index);
  if (node == NULL || !check_int_node (reader, node, NULL, index, min, max, &value))
    return CLAMP (0, min, max);
  return value;
}

JsonArray *
obeya_json_reader_array_array (ObeyaJsonReader *reader,
                               JsonArray       *array,
                               guint            index)
{
  JsonNode *node;

  g_return_val_if_fail (reader != NULL, NULL);

  node = reader_element (reader, array, index);
  if (node == NULL || !check_container_node (reader, node, JSON_NODE_ARRAY, NULL, index))
    return NULL;
  return json_node_get_array (node);
}

static inline gboolean
name_is_known (const char         *name,
               const char * const *known)
{
  for (guint i = 0; known != NULL && known[i] != NULL; i++)
    if (known[i][0] == name[0] && strcmp (known[i], name) == 0)
      return TRUE;
  return FALSE;
}

JsonObject *
obeya_json_collect_unknown (JsonObject         *object,
                            const char * const *known)
{
  JsonObject *extra = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;
  gboolean any_unknown = FALSE;

  g_return_val_if_fail (object != NULL, NULL);

  /* First a cheap unordered pass (no hashing): almost every object has no
   * unknown member, and then there is nothing more to do. */
  json_object_iter_init (&iter, object);
  while (!any_unknown && json_object_iter_next (&iter, &name, &node))
    any_unknown = !name_is_known (name, known);
  if (!any_unknown)
    return NULL;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    {
      if (name_is_known (name, known))
        continue;
      if (extra == NULL)
        extra = json_object_new ();
      json_object_set_member (extra, name, json_node_ref (node));
    }
  return extra;
}
