/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "obeya-audits.h"
#include "obeya-audits-private.h"
#include "obeya-board.h"
#include "obeya-card.h"
#include "obeya-history.h"
#include "obeya-json.h"
#include "obeya-metrics-private.h"
#include "obeya-model-private.h"
#include "obeya-person.h"
#include "obeya-recurrence.h"
#include "obeya-tag.h"
#include "obeya-util.h"
#include "obeya-workspace.h"

#define DEFAULT_WORKING_WEEKDAYS 0x1f /* Monday to Friday */

struct _ObeyaWorkspace
{
  GObject       parent_instance;

  char         *name;
  guint         file_version;
  JsonObject   *extra;

  GListStore   *people;   /* of ObeyaPerson */
  GListStore   *tags;     /* of ObeyaTag */
  GListStore   *boards;   /* of ObeyaBoard */
  ObeyaAudits  *audits;   /* 5S templates, areas, audits */
  GHashTable   *people_index;
  GHashTable   *tag_index;

  guint         working_weekdays;
  GArray       *holidays; /* of ObeyaDay, sorted */

  ObeyaHistory *history;
  ObeyaMetrics *metrics;  /* huddle metrics, miss reasons, huddle log */
};

G_DEFINE_FINAL_TYPE (ObeyaWorkspace, obeya_workspace, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_QUARK (obeya-workspace-error-quark, obeya_workspace_error)

static void
obeya_workspace_dispose (GObject *object)
{
  ObeyaWorkspace *self = OBEYA_WORKSPACE (object);

  /* The history holds references to model objects; drop it first. */
  g_clear_object (&self->history);
  g_clear_object (&self->metrics);
  g_clear_object (&self->boards);
  g_clear_object (&self->people);
  g_clear_object (&self->tags);
  g_clear_object (&self->audits);

  G_OBJECT_CLASS (obeya_workspace_parent_class)->dispose (object);
}

static void
obeya_workspace_finalize (GObject *object)
{
  ObeyaWorkspace *self = OBEYA_WORKSPACE (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->extra, json_object_unref);
  g_clear_pointer (&self->people_index, g_hash_table_unref);
  g_clear_pointer (&self->tag_index, g_hash_table_unref);
  g_clear_pointer (&self->holidays, g_array_unref);

  G_OBJECT_CLASS (obeya_workspace_parent_class)->finalize (object);
}

static void
obeya_workspace_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ObeyaWorkspace *self = OBEYA_WORKSPACE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
obeya_workspace_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  ObeyaWorkspace *self = OBEYA_WORKSPACE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      obeya_workspace_set_name (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
obeya_workspace_class_init (ObeyaWorkspaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = obeya_workspace_dispose;
  object_class->finalize = obeya_workspace_finalize;
  object_class->get_property = obeya_workspace_get_property;
  object_class->set_property = obeya_workspace_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ObeyaWorkspace::changed:
   *
   * Emitted after every committed change (an edit, an undo or a redo).
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
rebuild_index (GListModel *model,
               GHashTable *index)
{
  guint n = g_list_model_get_n_items (model);

  g_hash_table_remove_all (index);
  for (guint i = 0; i < n; i++)
    {
      ObeyaEntity *entity = g_list_model_get_item (model, i);

      g_hash_table_insert (index, (gpointer) obeya_entity_get_id (entity), entity);
      g_object_unref (entity); /* the store keeps it */
    }
}

static void
set_parents (GListModel     *model,
             guint           position,
             guint           added,
             ObeyaWorkspace *self)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(ObeyaEntity) entity = g_list_model_get_item (model, i);
      obeya_entity_set_parent (entity, G_OBJECT (self));
    }
}

static void
people_changed_cb (GListModel     *model,
                   guint           position,
                   guint           removed,
                   guint           added,
                   ObeyaWorkspace *self)
{
  set_parents (model, position, added, self);
  rebuild_index (model, self->people_index);
}

static void
tags_changed_cb (GListModel     *model,
                 guint           position,
                 guint           removed,
                 guint           added,
                 ObeyaWorkspace *self)
{
  set_parents (model, position, added, self);
  rebuild_index (model, self->tag_index);
}

static void
boards_changed_cb (GListModel     *model,
                   guint           position,
                   guint           removed,
                   guint           added,
                   ObeyaWorkspace *self)
{
  set_parents (model, position, added, self);
}

static void
history_changed_cb (ObeyaHistory   *history,
                    ObeyaWorkspace *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
obeya_workspace_init (ObeyaWorkspace *self)
{
  self->file_version = OBEYA_WORKSPACE_VERSION;
  self->people = g_list_store_new (OBEYA_TYPE_PERSON);
  self->tags = g_list_store_new (OBEYA_TYPE_TAG);
  self->boards = g_list_store_new (OBEYA_TYPE_BOARD);
  self->audits = _obeya_audits_new (self);
  self->people_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->tag_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->working_weekdays = DEFAULT_WORKING_WEEKDAYS;
  self->holidays = g_array_new (FALSE, FALSE, sizeof (ObeyaDay));
  self->history = obeya_history_new ();
  self->metrics = _obeya_metrics_new (self);

  g_signal_connect_object (self->people, "items-changed", G_CALLBACK (people_changed_cb), self, 0);
  g_signal_connect_object (self->tags, "items-changed", G_CALLBACK (tags_changed_cb), self, 0);
  g_signal_connect_object (self->boards, "items-changed", G_CALLBACK (boards_changed_cb), self, 0);
  g_signal_connect_object (self->history, "changed", G_CALLBACK (history_changed_cb), self, 0);
}

ObeyaWorkspace *
obeya_workspace_new (void)
{
  return g_object_new (OBEYA_TYPE_WORKSPACE, NULL);
}

/* ---- load ---------------------------------------------------------------- */

static const char * const known_members[] = {
  "format", "version", "name", "calendar", "people", "tags", "boards",
  "categories", "miss_reasons", "metrics", "huddle", "huddles",
  "audit_templates", "areas", "audits", NULL
};

static const char * const person_members[] = { "id", "name", "sample", NULL };
static const char * const tag_members[] = { "id", "name", "color", "sample", NULL };

/* Reads the array member @name of @object, calling @read_one for each
 * element object with the path set to `name[i]`. */
static void
read_array (ObeyaLoadContext *ctx,
            JsonObject       *object,
            const char       *name,
            void            (*read_one) (ObeyaLoadContext *ctx,
                                         JsonObject       *element,
                                         gpointer          user_data),
            gpointer          user_data)
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

static void
read_person (ObeyaLoadContext *ctx,
             JsonObject       *object,
             gpointer          user_data)
{
  const char *id = _obeya_load_context_read_id (ctx, object);
  g_autoptr(ObeyaPerson) person = NULL;

  if (id == NULL)
    return;
  person = g_object_new (OBEYA_TYPE_PERSON,
                         "id", id,
                         "name", obeya_json_reader_get_string (ctx->reader, object, "name", TRUE),
                         "sample", obeya_json_reader_get_boolean (ctx->reader, object, "sample",
                                                                  FALSE),
                         NULL);
  obeya_entity_take_extra (OBEYA_ENTITY (person), obeya_json_collect_unknown (object, person_members));
  g_list_store_append (ctx->workspace->people, person);
}

static void
read_tag (ObeyaLoadContext *ctx,
          JsonObject       *object,
          gpointer          user_data)
{
  const char *id = _obeya_load_context_read_id (ctx, object);
  g_autoptr(ObeyaTag) tag = NULL;

  if (id == NULL)
    return;
  tag = g_object_new (OBEYA_TYPE_TAG,
                      "id", id,
                      "name", obeya_json_reader_get_string (ctx->reader, object, "name", TRUE),
                      "color", obeya_json_reader_get_string (ctx->reader, object, "color", FALSE),
                      "sample", obeya_json_reader_get_boolean (ctx->reader, object, "sample",
                                                               FALSE),
                      NULL);
  obeya_entity_take_extra (OBEYA_ENTITY (tag), obeya_json_collect_unknown (object, tag_members));
  g_list_store_append (ctx->workspace->tags, tag);
}

static void
read_board (ObeyaLoadContext *ctx,
            JsonObject       *object,
            gpointer          user_data)
{
  g_autoptr(ObeyaBoard) board = _obeya_board_read (ctx, object);

  if (board != NULL)
    g_list_store_append (ctx->workspace->boards, board);
}

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  ObeyaDay da = *(const ObeyaDay *) a, db = *(const ObeyaDay *) b;

  return da < db ? -1 : da > db ? 1 : 0;
}

static void
read_calendar (ObeyaLoadContext *ctx,
               JsonObject       *object)
{
  ObeyaJsonReader *r = ctx->reader;
  JsonObject *calendar = obeya_json_reader_get_object (r, object, "calendar", FALSE);
  JsonArray *array;

  if (calendar == NULL)
    return;

  obeya_json_reader_push_member (r, "calendar");
  array = obeya_json_reader_get_array (r, calendar, "working_weekdays", FALSE);
  if (array != NULL)
    {
      ctx->workspace->working_weekdays = 0;
      obeya_json_reader_push_member (r, "working_weekdays");
      for (guint i = 0; i < json_array_get_length (array); i++)
        ctx->workspace->working_weekdays |= 1u << (obeya_json_reader_array_int (r, array, i, 1, 7) - 1);
      obeya_json_reader_pop (r);
    }
  array = obeya_json_reader_get_array (r, calendar, "holidays", FALSE);
  if (array != NULL)
    {
      obeya_json_reader_push_member (r, "holidays");
      for (guint i = 0; i < json_array_get_length (array) && !obeya_json_reader_failed (r); i++)
        {
          const char *text = obeya_json_reader_array_string (r, array, i, FALSE);
          ObeyaDay day;

          if (text == NULL)
            break;
          if (!obeya_day_parse (text, &day))
            {
              obeya_json_reader_push_index (r, i);
              obeya_json_reader_fail (r, NULL, _("“%s” is not a date (YYYY-MM-DD)"), text);
              obeya_json_reader_pop (r);
              break;
            }
          g_array_append_val (ctx->workspace->holidays, day);
        }
      obeya_json_reader_pop (r);
      g_array_sort (ctx->workspace->holidays, compare_days);
    }
  obeya_json_reader_pop (r);
}

ObeyaWorkspace *
obeya_workspace_load (GBytes  *bytes,
                      GError **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(ObeyaJsonReader) reader = NULL;
  g_autoptr(ObeyaWorkspace) self = NULL;
  g_autoptr(GHashTable) ids = NULL;
  ObeyaLoadContext ctx;
  JsonObject *object;
  const char *format;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  root = obeya_json_parse (data, length, error);
  if (root == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, OBEYA_WORKSPACE_ERROR, OBEYA_WORKSPACE_ERROR_NOT_A_WORKSPACE,
                   _("This is not an Obeya workspace: the file does not hold a JSON object"));
      return NULL;
    }
  object = json_node_get_object (root);
  reader = obeya_json_reader_new ();
  obeya_json_reader_set_trusted_utf8 (reader, TRUE);
  format = json_object_has_member (object, "format") &&
           JSON_NODE_HOLDS_VALUE (json_object_get_member (object, "format")) &&
           json_node_get_value_type (json_object_get_member (object, "format")) == G_TYPE_STRING
           ? json_object_get_string_member (object, "format") : NULL;
  if (g_strcmp0 (format, OBEYA_WORKSPACE_FORMAT) != 0)
    {
      g_set_error (error, OBEYA_WORKSPACE_ERROR, OBEYA_WORKSPACE_ERROR_NOT_A_WORKSPACE,
                   _("This is not an Obeya workspace: “format” is not “%s”"),
                   OBEYA_WORKSPACE_FORMAT);
      return NULL;
    }

  self = obeya_workspace_new ();
  ids = _obeya_load_context_new_ids ();
  memset (&ctx, 0, sizeof ctx);
  ctx.reader = reader;
  ctx.workspace = self;
  ctx.ids = ids;

  self->file_version = obeya_json_reader_get_int (reader, object, "version", TRUE,
                                                  1, G_MAXINT32, 1);
  ctx.version = self->file_version;
  self->name = g_strdup (obeya_json_reader_get_string (reader, object, "name", FALSE));
  read_calendar (&ctx, object);
  read_array (&ctx, object, "people", read_person, NULL);
  read_array (&ctx, object, "tags", read_tag, NULL);
  read_array (&ctx, object, "boards", read_board, NULL);
  _obeya_metrics_read (self->metrics, &ctx, object);
  _obeya_audits_read (self->audits, &ctx, object);
  self->extra = obeya_json_collect_unknown (object, known_members);

  if (!obeya_json_reader_propagate (reader, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* ---- save ---------------------------------------------------------------- */

GBytes *
obeya_workspace_save (ObeyaWorkspace  *self,
                      GError         **error)
{
  ObeyaJsonWriter *writer;
  guint n;

  g_return_val_if_fail (OBEYA_IS_WORKSPACE (self), NULL);

  if (obeya_workspace_get_read_only (self))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY,
                   _("This workspace was written by a newer version of Obeya (file version %u); "
                     "it is open read-only and is never overwritten"),
                   self->file_version);
      return NULL;
    }

  writer = obeya_json_writer_new ();
  obeya_json_writer_begin_object (writer);
  obeya_json_writer_member_string (writer, "format", OBEYA_WORKSPACE_FORMAT);
  obeya_json_writer_member_int (writer, "version", OBEYA_WORKSPACE_VERSION);
  if (self->name != NULL)
    obeya_json_writer_member_string (writer, "name", self->name);

  if (self->working_weekdays != DEFAULT_WORKING_WEEKDAYS || self->holidays->len > 0)
    {
      char day[OBEYA_DAY_BUF_SIZE];

      obeya_json_writer_member (writer, "calendar");
      obeya_json_writer_begin_object (writer);
      obeya_json_writer_member (writer, "working_weekdays");
      obeya_json_writer_begin_array (writer, OBEYA_JSON_INLINE);
      for (int wd = 1; wd <= 7; wd++)
        if (self->working_weekdays & (1u << (wd - 1)))
          obeya_json_writer_int (writer, wd);
      obeya_json_writer_end_array (writer);
      obeya_json_writer_member (writer, "holidays");
      obeya_json_writer_begin_array (writer, OBEYA_JSON_INLINE);
      for (guint i = 0; i < self->holidays->len; i++)
        obeya_json_writer_string (writer,
                                  obeya_day_format (g_array_index (self->holidays, ObeyaDay, i), day));
      obeya_json_writer_end_array (writer);
      obeya_json_writer_end_object (writer);
    }

  /* Empty sections are left out, so a new workspace file stays minimal. */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->people));
  if (n > 0)
    {
      obeya_json_writer_member (writer, "people");
      obeya_json_writer_begin_array (writer, OBEYA_JSON_MULTILINE);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ObeyaPerson) person = g_list_model_get_item (G_LIST_MODEL (self->people), i);
      JsonObject *extra = obeya_entity_get_extra (OBEYA_ENTITY (person));

      obeya_json_writer_begin_object (writer);
      obeya_json_writer_member_string (writer, "id", obeya_entity_get_id (OBEYA_ENTITY (person)));
      obeya_json_writer_member_string (writer, "name", obeya_person_get_name (person));
      if (obeya_person_get_sample (person))
        obeya_json_writer_member_boolean (writer, "sample", TRUE);
      if (extra != NULL)
        obeya_json_writer_members_of (writer, extra);
      obeya_json_writer_end_object (writer);
    }
  if (n > 0)
    obeya_json_writer_end_array (writer);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->tags));
  if (n > 0)
    {
      obeya_json_writer_member (writer, "tags");
      obeya_json_writer_begin_array (writer, OBEYA_JSON_MULTILINE);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ObeyaTag) tag = g_list_model_get_item (G_LIST_MODEL (self->tags), i);
      JsonObject *extra = obeya_entity_get_extra (OBEYA_ENTITY (tag));

      obeya_json_writer_begin_object (writer);
      obeya_json_writer_member_string (writer, "id", obeya_entity_get_id (OBEYA_ENTITY (tag)));
      obeya_json_writer_member_string (writer, "name", obeya_tag_get_name (tag));
      if (obeya_tag_get_color (tag) != NULL)
        obeya_json_writer_member_string (writer, "color", obeya_tag_get_color (tag));
      if (obeya_tag_get_sample (tag))
        obeya_json_writer_member_boolean (writer, "sample", TRUE);
      if (extra != NULL)
        obeya_json_writer_members_of (writer, extra);
      obeya_json_writer_end_object (writer);
    }
  if (n > 0)
    obeya_json_writer_end_array (writer);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->boards));
  if (n > 0)
    {
      obeya_json_writer_member (writer, "boards");
      obeya_json_writer_begin_array (writer, OBEYA_JSON_MULTILINE);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ObeyaBoard) board = g_list_model_get_item (G_LIST_MODEL (self->boards), i);
          _obeya_board_write (board, writer);
        }
      obeya_json_writer_end_array (writer);
    }

  _obeya_metrics_write (self->metrics, writer);
  _obeya_audits_write (self->audits, writer);

  if (self->extra != NULL)
    obeya_json_writer_members_of (writer, self->extra);
  obeya_json_writer_end_object (writer);

  return obeya_json_writer_free_to_bytes (writer, error);
}

/* ---- simple getters ------------------------------------------------------ */

guint
obeya_workspace_get_file_version (ObeyaWorkspace *self)
{
  g_return_val_if_fail (OBEYA_IS_WORKSPACE (self), 0);
  return self->file_version;
}

gboolean
obeya_workspace_get_read_only (ObeyaWorkspace *self)
{
  g_return_val_if_fail (OBEYA_IS_WORKSPACE (self), TRUE);
  return self->file_version > OBEYA_WORKSPACE_VERSION;
}

const char *
obeya_workspace_get_name (ObeyaWorkspace *self)
{
  g_return_val_if_fail (OBEYA_IS_WORKSPACE (self), NULL);
  return self->name;
}

void
obeya_workspace_set_name (ObeyaWorkspace *self,
                          const char     *name)
{
  g_return_if_fail (OBEYA_IS_WORKSPACE (self));

  if (obeya_set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

ObeyaHistory *
obeya_workspace_get_history (ObeyaWorkspace *self)
{
  g_return_val_if_fail (OBEYA_IS_WORKSPACE (self), NULL);
  return self->history;
}

guint
obeya_workspace_count_cards (ObeyaWorkspace *self)
{
  guint n, count = 0;

  g_return_val_if_fail (OBEYA_IS_WORKSPACE (self), 0);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->boards));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ObeyaBoard) board = g_list_model_get_item (G_LIST_MODEL (self->boards), i);
      count += obeya_board_get_cards (board)->len;
    }
  return count;
}

char *
obeya_workspace_dup_summary (ObeyaWorkspace *self)
{
  guint boards, cards, people, tags, metrics;
  g_autofree char *b = NULL, *c = NULL, *p = NULL, *t = NULL, *m = NULL, *five_s = NULL;

  g_return_val_if_fail (OBEYA_IS_WORKSPACE (self), NULL);

  boards = g_list_model_get_n_items (G_LIST_MODEL (self->boards));
  cards = obeya_workspace_count_cards (self);
  people = g_list_model_get_n_items (G_LIST_MODEL (self->people));
  tags = g_list_model_get_n_items (G_LIST_MODEL (self->tags));

  b = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u board", "%u boards", boards), boards);
  c = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u card", "%u cards", cards), cards);
  p = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person", "%u people", people), people);
  t = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u tag", "%u tags", tags), tags);
  metrics = _obeya_metrics_count (self->metrics);
  /* The parts of later modules appear only when there is something. */
  if (metrics > 0)
    {
      g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u metric",
                                                             "%u metrics", metrics), metrics);
      m = g_strconcat (", ", count, NULL);
    }
  five_s = _obeya_audits_dup_summary (self->audits);
  return g_strdup_printf ("%s, %s, %s, %s%s%s", b, c, p, t, m ? m : "", five_s);
}

void
obeya_workspace_emit_changed (ObeyaWorkspace *self)
{
  g_return_if_fail (OBEYA_IS_WORKSPACE (self));
  g_signal_emit (self, signals[CHANGED], 0);
}

/* ---- lookups ------------------------------------------------------------- */

GListModel *
obeya_workspace_get_people (ObeyaWorkspace *self)
{
  g_return_val_if_fail (OBEYA_IS_WORKSPACE (self), NULL);
  return G_LIST_MODEL (self->people);
}

GListModel *
obeya_workspace_get_tags (ObeyaWorkspace *self)
{
  g_return_val_if_fail (OBEYA_IS_WORKSPACE (self), NULL);
  return G_LIST_MODEL (self->tags);
}

GListModel *
obeya_workspace_get_boards (ObeyaWorkspace *self)
{
  g_return_val_if_fail (OBEYA_IS_WORKSPACE (self), NULL);
  return G_LIST_MODEL (self->boards);
}

ObeyaMetrics *
obeya_workspace_get_metrics (ObeyaWorkspace *self)
{
  g_return_val_if_fail (OBEYA_IS_WORKSPACE (self), NULL);
  return self->metrics;
}

ObeyaAudits *
obeya_workspace_get_audits (ObeyaWorkspace *self)
{
  g_return_val_if_fail (OBEYA_IS_WORKSPACE (self), NULL);
  return self->audits;
}

GHashTable *
_obeya_workspace_get_people_index (ObeyaWorkspace *self)
{
  return self->people_index;
}

GHashTable *
_obeya_workspace_get_tag_index (ObeyaWorkspace *self)
{
  return self->tag_index;
}

ObeyaPerson *
obeya_workspace_find_person (ObeyaWorkspace *self,
                             const char     *id)
{
  g_return_val_if_fail (OBEYA_IS_WORKSPACE (self), NULL);
  return id ? g_hash_table_lookup (self->people_index, id) : NULL;
}

ObeyaTag *
obeya_workspace_find_tag (ObeyaWorkspace *self,
                          const char     *id)
{
  g_return_val_if_fail (OBEYA_IS_WORKSPACE (self), NULL);
  return id ? g_hash_table_lookup (self->tag_index, id) : NULL;
}

static gpointer
find_by_name (GListModel  *model,
              const char  *property,
              const char  *name)
{
  guint n = g_list_model_get_n_items (model);
  g_autofree char *wanted = name ? g_utf8_casefold (name, -1) : NULL;

  for (guint i = 0; wanted != NULL && i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autofree char *value = NULL;
      g_autofree char *folded = NULL;

      g_object_get (item, property, &value, NULL);
      folded = value ? g_utf8_casefold (value, -1) : NULL;
      if (g_strcmp0 (folded, wanted) == 0)
        return item; /* the model keeps it alive */
    }
  return NULL;
}

ObeyaPerson *
obeya_workspace_find_person_by_name (ObeyaWorkspace *self,
                                     const char     *name)
{
  g_return_val_if_fail (OBEYA_IS_WORKSPACE (self), NULL);
  return find_by_name (G_LIST_MODEL (self->people), "name", name);
}

ObeyaTag *
obeya_workspace_find_tag_by_name (ObeyaWorkspace *self,
                                  const char     *name)
{
  g_return_val_if_fail (OBEYA_IS_WORKSPACE (self), NULL);
  return find_by_name (G_LIST_MODEL (self->tags), "name", name);
}

ObeyaBoard *
obeya_workspace_find_board (ObeyaWorkspace *self,
                            const char     *id)
{
  guint n;

  g_return_val_if_fail (OBEYA_IS_WORKSPACE (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->boards));
  for (guint i = 0; id != NULL && i < n; i++)
    {
      g_autoptr(ObeyaBoard) board = g_list_model_get_item (G_LIST_MODEL (self->boards), i);

      if (g_strcmp0 (obeya_entity_get_id (OBEYA_ENTITY (board)), id) == 0)
        return board;
    }
  return NULL;
}

ObeyaCard *
obeya_workspace_find_card (ObeyaWorkspace *self,
                           const char     *id)
{
  guint n;

  g_return_val_if_fail (OBEYA_IS_WORKSPACE (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->boards));
  for (guint i = 0; id != NULL && i < n; i++)
    {
      g_autoptr(ObeyaBoard) board = g_list_model_get_item (G_LIST_MODEL (self->boards), i);
      ObeyaCard *card = obeya_board_find_card (board, id);

      if (card != NULL)
        return card;
    }
  return NULL;
}

/* ---- calendar ------------------------------------------------------------ */

gboolean
obeya_workspace_is_working_day (ObeyaWorkspace *self,
                                ObeyaDay        day)
{
  g_return_val_if_fail (OBEYA_IS_WORKSPACE (self), FALSE);

  if ((self->working_weekdays & (1u << (obeya_day_get_weekday (day) - 1))) == 0)
    return FALSE;
  /* bsearch() must not get the NULL data of an empty GArray (UBSan). */
  if (self->holidays->len == 0)
    return TRUE;
  return bsearch (&day, self->holidays->data, self->holidays->len, sizeof (ObeyaDay),
                  compare_days) == NULL;
}

guint
obeya_workspace_get_working_weekdays (ObeyaWorkspace *self)
{
  g_return_val_if_fail (OBEYA_IS_WORKSPACE (self), DEFAULT_WORKING_WEEKDAYS);
  return self->working_weekdays;
}

const ObeyaDay *
obeya_workspace_get_holidays (ObeyaWorkspace *self,
                              guint          *n_holidays)
{
  g_return_val_if_fail (OBEYA_IS_WORKSPACE (self), NULL);
  if (n_holidays)
    *n_holidays = self->holidays->len;
  return (const ObeyaDay *) self->holidays->data;
}

typedef struct
{
  ObeyaWorkspace *workspace;
  guint           old_mask, new_mask;
  GArray         *old_holidays, *new_holidays;
} CalendarChange;

static void
calendar_change_free (gpointer data)
{
  CalendarChange *change = data;

  g_object_unref (change->workspace);
  g_array_unref (change->old_holidays);
  g_array_unref (change->new_holidays);
  g_free (change);
}

static void
set_calendar (ObeyaWorkspace *self,
              guint           mask,
              GArray         *holidays)
{
  self->working_weekdays = mask;
  g_array_set_size (self->holidays, 0);
  g_array_append_vals (self->holidays, holidays->data, holidays->len);
}

static void
calendar_apply (gpointer data)
{
  CalendarChange *change = data;

  set_calendar (change->workspace, change->new_mask, change->new_holidays);
}

static void
calendar_revert (gpointer data)
{
  CalendarChange *change = data;

  set_calendar (change->workspace, change->old_mask, change->old_holidays);
}

static void
record_calendar (ObeyaWorkspace *self,
                 guint           mask,
                 const ObeyaDay *holidays,
                 guint           n_holidays)
{
  CalendarChange *change = g_new0 (CalendarChange, 1);

  change->workspace = g_object_ref (self);
  change->old_mask = self->working_weekdays;
  change->new_mask = mask;
  change->old_holidays = g_array_copy (self->holidays);
  change->new_holidays = g_array_new (FALSE, FALSE, sizeof (ObeyaDay));
  g_array_append_vals (change->new_holidays, holidays, n_holidays);
  g_array_sort (change->new_holidays, compare_days);
  obeya_history_begin (self->history, _("Change working days"));
  obeya_history_custom (self->history, calendar_apply, calendar_revert, change,
                        calendar_change_free);
  obeya_history_end (self->history);
}

void
obeya_workspace_set_holidays (ObeyaWorkspace *self,
                              const ObeyaDay *holidays,
                              guint           n_holidays)
{
  g_return_if_fail (OBEYA_IS_WORKSPACE (self));
  record_calendar (self, self->working_weekdays, holidays, n_holidays);
}

void
obeya_workspace_set_working_weekdays (ObeyaWorkspace *self,
                                      guint           mask)
{
  g_return_if_fail (OBEYA_IS_WORKSPACE (self));
  record_calendar (self, mask & 0x7f, (const ObeyaDay *) self->holidays->data,
                   self->holidays->len);
}

/* ---- commands ------------------------------------------------------------ */

void
obeya_workspace_insert_board (ObeyaWorkspace *self,
                              ObeyaBoard     *board,
                              int             position)
{
  guint n;

  g_return_if_fail (OBEYA_IS_WORKSPACE (self));
  g_return_if_fail (OBEYA_IS_BOARD (board));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->boards));
  if (position < 0 || (guint) position > n)
    position = n;

  obeya_history_begin (self->history, _("Add board"));
  obeya_history_insert (self->history, self->boards, position, board);
  obeya_history_end (self->history);
}

ObeyaBoard *
obeya_workspace_add_board (ObeyaWorkspace     *self,
                           const char         *name,
                           ObeyaBoardKind      kind,
                           ObeyaBoardTemplate  template_)
{
  g_autoptr(ObeyaBoard) board = NULL;

  g_return_val_if_fail (OBEYA_IS_WORKSPACE (self), NULL);

  board = obeya_board_new (name, kind, template_);
  obeya_workspace_insert_board (self, board, -1);
  return board;
}

void
obeya_workspace_move_board (ObeyaWorkspace *self,
                            ObeyaBoard     *board,
                            guint           position)
{
  guint from;

  g_return_if_fail (OBEYA_IS_WORKSPACE (self));

  if (!_obeya_list_find_position (G_LIST_MODEL (self->boards), board, &from))
    g_return_if_reached ();
  position = MIN (position, g_list_model_get_n_items (G_LIST_MODEL (self->boards)) - 1);

  obeya_history_begin (self->history, _("Move board"));
  obeya_history_move (self->history, self->boards, from, position);
  obeya_history_end (self->history);
}

void
obeya_workspace_delete_board (ObeyaWorkspace *self,
                              ObeyaBoard     *board)
{
  guint position;

  g_return_if_fail (OBEYA_IS_WORKSPACE (self));

  if (!_obeya_list_find_position (G_LIST_MODEL (self->boards), board, &position))
    g_return_if_reached ();

  obeya_history_begin (self->history, _("Delete board"));
  obeya_history_remove (self->history, self->boards, position);
  obeya_history_end (self->history);
}

ObeyaPerson *
obeya_workspace_add_person (ObeyaWorkspace *self,
                            const char     *name)
{
  g_autoptr(ObeyaPerson) person = NULL;

  g_return_val_if_fail (OBEYA_IS_WORKSPACE (self), NULL);

  person = obeya_person_new (name);
  obeya_history_begin (self->history, _("Add person"));
  obeya_history_insert (self->history, self->people,
                        g_list_model_get_n_items (G_LIST_MODEL (self->people)), person);
  obeya_history_end (self->history);
  return person;
}

/* Removes @id from the string-list property @property of every card and
 * recurring card of every board. */
static void
strip_id_everywhere (ObeyaWorkspace *self,
                     const char     *property,
                     const char     *id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->boards));

  for (guint b = 0; b < n; b++)
    {
      g_autoptr(ObeyaBoard) board = g_list_model_get_item (G_LIST_MODEL (self->boards), b);
      GPtrArray *cards = obeya_board_get_cards (board);
      GListModel *recurrences = obeya_board_get_recurrences (board);
      g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < cards->len; i++)
        g_ptr_array_add (objects, g_object_ref (cards->pdata[i]));
      for (guint i = 0; i < g_list_model_get_n_items (recurrences); i++)
        g_ptr_array_add (objects, g_list_model_get_item (recurrences, i));

      for (guint i = 0; i < objects->len; i++)
        {
          g_auto(GStrv) values = NULL;

          g_object_get (objects->pdata[i], property, &values, NULL);
          if (values != NULL && g_strv_contains ((const char * const *) values, id))
            {
              g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
              g_auto(GStrv) kept = NULL;
              GValue value = G_VALUE_INIT;

              for (guint k = 0; values[k] != NULL; k++)
                if (g_strcmp0 (values[k], id) != 0)
                  g_strv_builder_add (builder, values[k]);
              kept = g_strv_builder_end (builder);
              g_value_init (&value, G_TYPE_STRV);
              g_value_set_boxed (&value, kept);
              obeya_history_set_property (self->history, objects->pdata[i], property, &value);
              g_value_unset (&value);
            }
        }
    }
}

void
obeya_workspace_remove_person (ObeyaWorkspace *self,
                               ObeyaPerson    *person)
{
  guint position;

  g_return_if_fail (OBEYA_IS_WORKSPACE (self));

  if (!_obeya_list_find_position (G_LIST_MODEL (self->people), person, &position))
    g_return_if_reached ();

  obeya_history_begin (self->history, _("Remove person"));
  strip_id_everywhere (self, "assignees", obeya_entity_get_id (OBEYA_ENTITY (person)));
  obeya_history_remove (self->history, self->people, position);
  obeya_history_end (self->history);
}

const char * const *
obeya_tag_colors (void)
{
  static const char * const colors[] = {
    "blue", "green", "yellow", "orange", "red", "purple", "brown", "grey", NULL
  };
  return colors;
}

ObeyaTag *
obeya_workspace_add_tag (ObeyaWorkspace *self,
                         const char     *name,
                         const char     *color)
{
  g_autoptr(ObeyaTag) tag = NULL;

  g_return_val_if_fail (OBEYA_IS_WORKSPACE (self), NULL);

  tag = g_object_new (OBEYA_TYPE_TAG, "name", name, "color", color ? color : "blue", NULL);
  obeya_history_begin (self->history, _("Add tag"));
  obeya_history_insert (self->history, self->tags,
                        g_list_model_get_n_items (G_LIST_MODEL (self->tags)), tag);
  obeya_history_end (self->history);
  return tag;
}

void
obeya_workspace_remove_tag (ObeyaWorkspace *self,
                            ObeyaTag       *tag)
{
  guint position;

  g_return_if_fail (OBEYA_IS_WORKSPACE (self));

  if (!_obeya_list_find_position (G_LIST_MODEL (self->tags), tag, &position))
    g_return_if_reached ();

  obeya_history_begin (self->history, _("Remove tag"));
  strip_id_everywhere (self, "tags", obeya_entity_get_id (OBEYA_ENTITY (tag)));
  obeya_history_remove (self->history, self->tags, position);
  obeya_history_end (self->history);
}

static gboolean
is_sample (gpointer item)
{
  gboolean sample = FALSE;

  g_object_get (item, "sample", &sample, NULL);
  return sample;
}

gboolean
obeya_workspace_has_sample (ObeyaWorkspace *self)
{
  GListModel *lists[3];

  g_return_val_if_fail (OBEYA_IS_WORKSPACE (self), FALSE);

  lists[0] = G_LIST_MODEL (self->boards);
  lists[1] = G_LIST_MODEL (self->people);
  lists[2] = G_LIST_MODEL (self->tags);
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
      {
        g_autoptr(GObject) item = g_list_model_get_item (lists[l], i);
        if (is_sample (item))
          return TRUE;
      }
  return _obeya_metrics_has_sample (self->metrics) || _obeya_audits_has_sample (self->audits);
}

void
obeya_workspace_clear_sample (ObeyaWorkspace *self)
{
  g_return_if_fail (OBEYA_IS_WORKSPACE (self));

  obeya_history_begin (self->history, _("Clear sample"));
  _obeya_audits_clear_sample (self->audits, self->history);

  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (self->boards)); i > 0; i--)
    {
      g_autoptr(ObeyaBoard) board = g_list_model_get_item (G_LIST_MODEL (self->boards), i - 1);
      if (obeya_board_get_sample (board))
        obeya_history_remove (self->history, self->boards, i - 1);
    }
  _obeya_metrics_clear_sample (self->metrics);
  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (self->people)); i > 0; i--)
    {
      g_autoptr(ObeyaPerson) person = g_list_model_get_item (G_LIST_MODEL (self->people), i - 1);
      if (obeya_person_get_sample (person))
        obeya_workspace_remove_person (self, person);
    }
  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (self->tags)); i > 0; i--)
    {
      g_autoptr(ObeyaTag) tag = g_list_model_get_item (G_LIST_MODEL (self->tags), i - 1);
      if (obeya_tag_get_sample (tag))
        obeya_workspace_remove_tag (self, tag);
    }

  obeya_history_end (self->history);
}

guint
obeya_workspace_run_recurrences (ObeyaWorkspace *self,
                                 ObeyaDay        today)
{
  guint n, created = 0;

  g_return_val_if_fail (OBEYA_IS_WORKSPACE (self), 0);

  obeya_history_begin (self->history, _("Create recurring cards"));
  n = g_list_model_get_n_items (G_LIST_MODEL (self->boards));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ObeyaBoard) board = g_list_model_get_item (G_LIST_MODEL (self->boards), i);
      created += obeya_board_run_recurrences (board, today);
    }
  obeya_history_end (self->history);
  return created;
}
