/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading helpers shared by the model's JSON readers and writers.
 */
#define G_LOG_DOMAIN "obeya-core"

#include "config.h"

#include <glib/gi18n.h>

#include "obeya-model-private.h"

gboolean
_obeya_load_context_claim_id (ObeyaLoadContext *ctx,
                              const char       *id)
{
  if (!g_hash_table_add (ctx->ids, (gpointer) id))
    {
      obeya_json_reader_fail (ctx->reader, "id", _("duplicate id “%s”"), id);
      return FALSE;
    }
  return TRUE;
}

const char *
_obeya_load_context_read_id (ObeyaLoadContext *ctx,
                             JsonObject       *object)
{
  const char *id = obeya_json_reader_get_string (ctx->reader, object, "id", TRUE);

  if (id == NULL)
    return NULL;
  if (id[0] == '\0')
    {
      obeya_json_reader_fail (ctx->reader, "id", _("must not be empty"));
      return NULL;
    }
  if (!_obeya_load_context_claim_id (ctx, id))
    return NULL;
  return id;
}

void
_obeya_write_timestamp_member (ObeyaJsonWriter *writer,
                               const char      *name,
                               ObeyaTimestamp   ts)
{
  char buf[OBEYA_TIMESTAMP_BUF_SIZE];

  if (OBEYA_TIMESTAMP_IS_SET (ts))
    obeya_json_writer_member_string (writer, name, obeya_timestamp_format (ts, buf));
}

ObeyaTimestamp
_obeya_read_timestamp_member (ObeyaLoadContext *ctx,
                              JsonObject       *object,
                              const char       *name,
                              gboolean          required)
{
  const char *text = obeya_json_reader_get_string (ctx->reader, object, name, required);
  ObeyaTimestamp ts = OBEYA_TIMESTAMP_NONE;

  if (text != NULL && !obeya_timestamp_parse (text, &ts))
    obeya_json_reader_fail (ctx->reader, name,
                            _("“%s” is not a timestamp (YYYY-MM-DDTHH:MM:SS+HH:MM)"), text);
  return ts;
}

ObeyaDay
_obeya_read_day_member (ObeyaLoadContext *ctx,
                        JsonObject       *object,
                        const char       *name,
                        gboolean          required)
{
  const char *text = obeya_json_reader_get_string (ctx->reader, object, name, required);
  ObeyaDay day = OBEYA_DAY_NONE;

  if (text != NULL && !obeya_day_parse (text, &day))
    obeya_json_reader_fail (ctx->reader, name, _("“%s” is not a date (YYYY-MM-DD)"), text);
  return day;
}

GStrv
_obeya_read_id_list (ObeyaLoadContext *ctx,
                     JsonObject       *object,
                     const char       *name,
                     GHashTable       *known,
                     const char       *what)
{
  JsonArray *array = obeya_json_reader_get_array (ctx->reader, object, name, FALSE);
  g_autoptr(GStrvBuilder) builder = NULL;
  guint n;

  if (array == NULL || (n = json_array_get_length (array)) == 0)
    return NULL;

  builder = g_strv_builder_new ();
  obeya_json_reader_push_member (ctx->reader, name);
  for (guint i = 0; i < n; i++)
    {
      const char *id = obeya_json_reader_array_string (ctx->reader, array, i, FALSE);

      if (id == NULL)
        break;
      if (known != NULL && !g_hash_table_contains (known, id))
        {
          obeya_json_reader_push_index (ctx->reader, i);
          /* Translators: the first %s is "person" or "tag" */
          obeya_json_reader_fail (ctx->reader, NULL, _("no %s with id “%s”"), _(what), id);
          obeya_json_reader_pop (ctx->reader);
          break;
        }
      g_strv_builder_add (builder, id);
    }
  obeya_json_reader_pop (ctx->reader);
  return g_strv_builder_end (builder);
}

void
_obeya_write_string_list (ObeyaJsonWriter    *writer,
                          const char         *name,
                          const char * const *values)
{
  if (values == NULL || values[0] == NULL)
    return;

  obeya_json_writer_member (writer, name);
  obeya_json_writer_begin_array (writer, OBEYA_JSON_INLINE);
  for (guint i = 0; values[i] != NULL; i++)
    obeya_json_writer_string (writer, values[i]);
  obeya_json_writer_end_array (writer);
}
