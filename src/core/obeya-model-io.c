/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading helpers shared by the model's JSON readers and writers.
 */
#define G_LOG_DOMAIN "obeya-core"

#include "config.h"

#include <glib/gi18n.h>

#include "obeya-entity.h"
#include "obeya-model-private.h"

GHashTable *
_obeya_load_context_new_ids (void)
{
  return g_hash_table_new (g_str_hash, g_str_equal);
}

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

gboolean
_obeya_list_find_position (GListModel *model,
                           gpointer    item,
                           guint      *position)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      gpointer other = g_list_model_get_item (model, i);

      g_object_unref (other);
      if (other == item)
        {
          *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

gpointer
_obeya_list_find_by_name (GListModel *model,
                          const char *name)
{
  g_autofree char *wanted = name ? g_utf8_casefold (name, -1) : NULL;
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; wanted != NULL && i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autofree char *value = NULL;
      g_autofree char *folded = NULL;

      g_object_get (item, "name", &value, NULL);
      folded = value ? g_utf8_casefold (value, -1) : NULL;
      if (g_strcmp0 (folded, wanted) == 0)
        return item; /* the model keeps it alive */
    }
  return NULL;
}

void
_obeya_list_index_ids (GListModel *model,
                       GHashTable *index)
{
  guint n = g_list_model_get_n_items (model);

  g_hash_table_remove_all (index);
  for (guint i = 0; i < n; i++)
    {
      ObeyaEntity *entity = g_list_model_get_item (model, i);

      g_hash_table_insert (index, (gpointer) obeya_entity_get_id (entity), entity);
      g_object_unref (entity); /* the model keeps it */
    }
}

gboolean
_obeya_item_is_sample (gpointer item)
{
  gboolean sample = FALSE;

  g_object_get (item, "sample", &sample, NULL);
  return sample;
}

void
_obeya_read_object_array (ObeyaLoadContext    *ctx,
                          JsonObject          *object,
                          const char          *name,
                          ObeyaReadObjectFunc  read_one,
                          gpointer             user_data)
{
  JsonArray *array = obeya_json_reader_get_array (ctx->reader, object, name, FALSE);
  guint n = array ? json_array_get_length (array) : 0;

  obeya_json_reader_push_member (ctx->reader, name);
  for (guint i = 0; i < n && !obeya_json_reader_failed (ctx->reader); i++)
    {
      JsonObject *element = obeya_json_reader_array_object (ctx->reader, array, i);

      if (element == NULL)
        break;
      obeya_json_reader_push_index (ctx->reader, i);
      read_one (ctx, element, user_data);
      obeya_json_reader_pop (ctx->reader);
    }
  obeya_json_reader_pop (ctx->reader);
}
