/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-core"

#include "config.h"

#include <gobject/gvaluecollector.h>
#include <glib/gi18n.h>

#include "obeya-5s-resources.h"
#include "obeya-audit-item.h"
#include "obeya-audit-template.h"
#include "obeya-audits-private.h"
#include "obeya-enums.h"
#include "obeya-history.h"
#include "obeya-util.h"
#include "obeya-workspace.h"

#define BUILTIN_RESOURCE_PATH "/org/obeya/Obeya/5s-templates/"

struct _ObeyaAuditTemplate
{
  ObeyaEntity  parent_instance;

  char        *name;
  guint        version;
  char        *origin;
  gboolean     sample;
  GListStore  *items;  /* of ObeyaAuditItem, retired ones included */
  GHashTable  *index;  /* id → ObeyaAuditItem (unowned) */
};

G_DEFINE_FINAL_TYPE (ObeyaAuditTemplate, obeya_audit_template, OBEYA_TYPE_ENTITY)

enum {
  PROP_0,
  PROP_NAME,
  PROP_VERSION,
  PROP_ORIGIN,
  PROP_SAMPLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
obeya_audit_template_finalize (GObject *object)
{
  ObeyaAuditTemplate *self = OBEYA_AUDIT_TEMPLATE (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->origin, g_free);
  g_clear_object (&self->items);
  g_clear_pointer (&self->index, g_hash_table_unref);

  G_OBJECT_CLASS (obeya_audit_template_parent_class)->finalize (object);
}

static void
obeya_audit_template_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ObeyaAuditTemplate *self = OBEYA_AUDIT_TEMPLATE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_VERSION:
      g_value_set_uint (value, self->version);
      break;
    case PROP_ORIGIN:
      g_value_set_string (value, self->origin);
      break;
    case PROP_SAMPLE:
      g_value_set_boolean (value, self->sample);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
obeya_audit_template_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  ObeyaAuditTemplate *self = OBEYA_AUDIT_TEMPLATE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      if (obeya_set_str (&self->name, g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_VERSION:
      if (self->version != g_value_get_uint (value))
        {
          self->version = g_value_get_uint (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_ORIGIN:
      if (obeya_set_str (&self->origin, g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_SAMPLE:
      _obeya_audit_template_set_sample (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
obeya_audit_template_class_init (ObeyaAuditTemplateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = obeya_audit_template_finalize;
  object_class->get_property = obeya_audit_template_get_property;
  object_class->set_property = obeya_audit_template_set_property;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, rw);
  /* Changed by the item commands; writable for the undo history. */
  properties[PROP_VERSION] = g_param_spec_uint ("version", NULL, NULL, 1, G_MAXUINT32, 1, rw);
  properties[PROP_ORIGIN] = g_param_spec_string ("origin", NULL, NULL, NULL, rw);
  properties[PROP_SAMPLE] = g_param_spec_boolean ("sample", NULL, NULL, FALSE, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
items_changed_cb (GListModel         *model,
                  guint               position,
                  guint               removed,
                  guint               added,
                  ObeyaAuditTemplate *self)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(ObeyaEntity) item = g_list_model_get_item (model, i);
      obeya_entity_set_parent (item, G_OBJECT (self));
    }

  g_hash_table_remove_all (self->index);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ObeyaEntity) item = g_list_model_get_item (model, i);
      g_hash_table_insert (self->index, (gpointer) obeya_entity_get_id (item), item);
    }
}

static void
obeya_audit_template_init (ObeyaAuditTemplate *self)
{
  self->version = 1;
  self->items = g_list_store_new (OBEYA_TYPE_AUDIT_ITEM);
  self->index = g_hash_table_new (g_str_hash, g_str_equal);
  g_signal_connect_object (self->items, "items-changed", G_CALLBACK (items_changed_cb), self, 0);
}

ObeyaAuditTemplate *
obeya_audit_template_new (const char *name)
{
  return g_object_new (OBEYA_TYPE_AUDIT_TEMPLATE, "name", name, NULL);
}

/* ---- getters ------------------------------------------------------------- */

const char *
obeya_audit_template_get_name (ObeyaAuditTemplate *self)
{
  g_return_val_if_fail (OBEYA_IS_AUDIT_TEMPLATE (self), NULL);
  return self->name;
}

guint
obeya_audit_template_get_version (ObeyaAuditTemplate *self)
{
  g_return_val_if_fail (OBEYA_IS_AUDIT_TEMPLATE (self), 0);
  return self->version;
}

const char *
obeya_audit_template_get_origin (ObeyaAuditTemplate *self)
{
  g_return_val_if_fail (OBEYA_IS_AUDIT_TEMPLATE (self), NULL);
  return self->origin;
}

gboolean
obeya_audit_template_get_sample (ObeyaAuditTemplate *self)
{
  g_return_val_if_fail (OBEYA_IS_AUDIT_TEMPLATE (self), FALSE);
  return self->sample;
}

void
_obeya_audit_template_set_sample (ObeyaAuditTemplate *self,
                                  gboolean            sample)
{
  if (self->sample == !!sample)
    return;
  self->sample = !!sample;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAMPLE]);
}

GListModel *
obeya_audit_template_get_items (ObeyaAuditTemplate *self)
{
  g_return_val_if_fail (OBEYA_IS_AUDIT_TEMPLATE (self), NULL);
  return G_LIST_MODEL (self->items);
}

GPtrArray *
obeya_audit_template_dup_active_items (ObeyaAuditTemplate *self)
{
  GPtrArray *active;
  guint n;

  g_return_val_if_fail (OBEYA_IS_AUDIT_TEMPLATE (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  active = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      ObeyaAuditItem *item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (obeya_audit_item_get_retired (item))
        g_object_unref (item);
      else
        g_ptr_array_add (active, item);
    }
  return active;
}

guint
obeya_audit_template_count_active (ObeyaAuditTemplate *self,
                                   ObeyaFiveS          s)
{
  guint n, count = 0;

  g_return_val_if_fail (OBEYA_IS_AUDIT_TEMPLATE (self), 0);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ObeyaAuditItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (!obeya_audit_item_get_retired (item) && obeya_audit_item_get_s (item) == s)
        count++;
    }
  return count;
}

ObeyaAuditItem *
obeya_audit_template_find_item (ObeyaAuditTemplate *self,
                                const char         *id)
{
  g_return_val_if_fail (OBEYA_IS_AUDIT_TEMPLATE (self), NULL);
  return id ? g_hash_table_lookup (self->index, id) : NULL;
}

/* ---- commands ------------------------------------------------------------ */

static void
bump_version (ObeyaAuditTemplate *self,
              ObeyaHistory       *history)
{
  GValue value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_UINT);
  g_value_set_uint (&value, self->version + 1);
  obeya_history_set_property (history, G_OBJECT (self), "version", &value);
  g_value_unset (&value);
}

static gboolean
find_item_position (ObeyaAuditTemplate *self,
                    ObeyaAuditItem     *item,
                    guint              *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ObeyaAuditItem) other = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (other == item)
        {
          *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
item_is_used (ObeyaAuditTemplate *self,
              ObeyaAuditItem     *item)
{
  ObeyaAudits *audits = _obeya_audits_for_entity (self);

  return audits != NULL &&
         _obeya_audits_item_is_used (audits, obeya_entity_get_id (OBEYA_ENTITY (item)));
}

ObeyaAuditItem *
obeya_audit_template_add_item (ObeyaAuditTemplate *self,
                               ObeyaFiveS          s,
                               const char         *question,
                               const char * const *anchors,
                               int                 position)
{
  g_autoptr(ObeyaHistory) history = NULL;
  g_autoptr(ObeyaAuditItem) item = NULL;
  guint n;

  g_return_val_if_fail (OBEYA_IS_AUDIT_TEMPLATE (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  if (position < 0 || (guint) position > n)
    {
      /* After the last item whose S is not after @s. */
      position = 0;
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ObeyaAuditItem) other = g_list_model_get_item (G_LIST_MODEL (self->items), i);

          if (obeya_audit_item_get_s (other) <= s)
            position = i + 1;
        }
    }

  item = obeya_audit_item_new (s, question, anchors);
  history = _obeya_audits_ref_history (self);
  obeya_history_begin (history, _("Add audit item"));
  obeya_history_insert (history, self->items, position, item);
  bump_version (self, history);
  obeya_history_end (history);
  return item;
}

gboolean
obeya_audit_template_edit_item (ObeyaAuditTemplate *self,
                                ObeyaAuditItem     *item,
                                const char         *first_property,
                                ...)
{
  g_autoptr(ObeyaHistory) history = NULL;
  g_autoptr(GArray) values = NULL;
  g_autoptr(GPtrArray) pspecs = NULL;
  gboolean changes = FALSE;
  gboolean ok = TRUE;
  const char *name;
  va_list args;

  g_return_val_if_fail (OBEYA_IS_AUDIT_TEMPLATE (self), FALSE);
  g_return_val_if_fail (OBEYA_IS_AUDIT_ITEM (item), FALSE);
  g_return_val_if_fail (obeya_audit_item_get_template (item) == self, FALSE);

  values = g_array_new (FALSE, TRUE, sizeof (GValue));
  g_array_set_clear_func (values, (GDestroyNotify) g_value_unset);
  pspecs = g_ptr_array_new ();

  va_start (args, first_property);
  for (name = first_property; name != NULL; name = va_arg (args, const char *))
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (item), name);
      GValue value = G_VALUE_INIT, current = G_VALUE_INIT;
      g_autofree char *error = NULL;

      if (pspec == NULL || g_str_equal (name, "id") || g_str_equal (name, "retired"))
        {
          g_critical ("%s: not an editable audit item property: “%s”", G_STRFUNC, name);
          ok = FALSE;
          break;
        }
      G_VALUE_COLLECT_INIT (&value, pspec->value_type, args, 0, &error);
      if (error != NULL)
        {
          g_critical ("%s: %s", G_STRFUNC, error);
          ok = FALSE;
          break;
        }
      g_value_init (&current, pspec->value_type);
      g_object_get_property (G_OBJECT (item), name, &current);
      if (g_param_values_cmp (pspec, &current, &value) != 0)
        {
          changes = TRUE;
          if (g_str_equal (name, "s") && item_is_used (self, item))
            ok = FALSE;
        }
      g_value_unset (&current);
      g_array_append_val (values, value);
      g_ptr_array_add (pspecs, pspec);
    }
  va_end (args);

  if (!ok)
    return FALSE;
  if (!changes)
    return TRUE;

  history = _obeya_audits_ref_history (self);
  obeya_history_begin (history, _("Edit audit item"));
  for (guint i = 0; i < values->len; i++)
    obeya_history_set_property (history, G_OBJECT (item),
                                ((GParamSpec *) pspecs->pdata[i])->name,
                                &g_array_index (values, GValue, i));
  bump_version (self, history);
  obeya_history_end (history);
  return TRUE;
}

void
obeya_audit_template_move_item (ObeyaAuditTemplate *self,
                                ObeyaAuditItem     *item,
                                guint               position)
{
  g_autoptr(ObeyaHistory) history = NULL;
  guint from, n;

  g_return_if_fail (OBEYA_IS_AUDIT_TEMPLATE (self));

  if (!find_item_position (self, item, &from))
    g_return_if_reached ();
  n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  position = MIN (position, n - 1);
  if (position == from)
    return;

  history = _obeya_audits_ref_history (self);
  obeya_history_begin (history, _("Move audit item"));
  obeya_history_move (history, self->items, from, position);
  bump_version (self, history);
  obeya_history_end (history);
}

static void
set_retired (ObeyaAuditTemplate *self,
             ObeyaAuditItem     *item,
             gboolean            retired,
             const char         *label)
{
  g_autoptr(ObeyaHistory) history = NULL;
  GValue value = G_VALUE_INIT;

  if (obeya_audit_item_get_retired (item) == retired)
    return;

  history = _obeya_audits_ref_history (self);
  g_value_init (&value, G_TYPE_BOOLEAN);
  g_value_set_boolean (&value, retired);
  obeya_history_begin (history, label);
  obeya_history_set_property (history, G_OBJECT (item), "retired", &value);
  bump_version (self, history);
  obeya_history_end (history);
}

gboolean
obeya_audit_template_remove_item (ObeyaAuditTemplate *self,
                                  ObeyaAuditItem     *item)
{
  g_autoptr(ObeyaHistory) history = NULL;
  guint position;

  g_return_val_if_fail (OBEYA_IS_AUDIT_TEMPLATE (self), FALSE);

  if (!find_item_position (self, item, &position))
    g_return_val_if_reached (FALSE);

  if (item_is_used (self, item))
    {
      set_retired (self, item, TRUE, _("Retire audit item"));
      return TRUE;
    }

  history = _obeya_audits_ref_history (self);
  obeya_history_begin (history, _("Remove audit item"));
  obeya_history_remove (history, self->items, position);
  bump_version (self, history);
  obeya_history_end (history);
  return FALSE;
}

void
obeya_audit_template_restore_item (ObeyaAuditTemplate *self,
                                   ObeyaAuditItem     *item)
{
  g_return_if_fail (OBEYA_IS_AUDIT_TEMPLATE (self));
  g_return_if_fail (obeya_audit_item_get_template (item) == self);

  set_retired (self, item, FALSE, _("Restore audit item"));
}

/* ---- JSON ---------------------------------------------------------------- */

static const char * const template_members[] = {
  "id", "name", "version", "origin", "sample", "items", NULL
};

static const char * const item_members[] = {
  "id", "s", "question", "anchors", "guidance", "allows_na", "evidence", "retired", NULL
};

static void
write_item (ObeyaAuditItem  *item,
            ObeyaJsonWriter *writer)
{
  JsonObject *extra = obeya_entity_get_extra (OBEYA_ENTITY (item));
  const char * const *anchors = obeya_audit_item_get_anchors (item);

  obeya_json_writer_begin_object (writer);
  obeya_json_writer_member_string (writer, "id", obeya_entity_get_id (OBEYA_ENTITY (item)));
  obeya_json_writer_member_string (writer, "s", obeya_enum_to_nick (OBEYA_TYPE_FIVE_S,
                                                                    obeya_audit_item_get_s (item)));
  obeya_json_writer_member_string (writer, "question",
                                   obeya_audit_item_get_question (item)
                                   ? obeya_audit_item_get_question (item) : "");
  obeya_json_writer_member (writer, "anchors");
  obeya_json_writer_begin_array (writer, OBEYA_JSON_MULTILINE);
  for (guint i = 0; i < OBEYA_AUDIT_N_ANCHORS; i++)
    obeya_json_writer_string (writer, anchors[i]);
  obeya_json_writer_end_array (writer);
  if (obeya_audit_item_get_guidance (item) != NULL)
    obeya_json_writer_member_string (writer, "guidance", obeya_audit_item_get_guidance (item));
  if (obeya_audit_item_get_allows_na (item))
    obeya_json_writer_member_boolean (writer, "allows_na", TRUE);
  if (obeya_audit_item_get_evidence (item) != OBEYA_SCAN_EVIDENCE_NONE)
    obeya_json_writer_member_string (writer, "evidence",
                                     obeya_enum_to_nick (OBEYA_TYPE_SCAN_EVIDENCE,
                                                         obeya_audit_item_get_evidence (item)));
  if (obeya_audit_item_get_retired (item))
    obeya_json_writer_member_boolean (writer, "retired", TRUE);
  if (extra != NULL)
    obeya_json_writer_members_of (writer, extra);
  obeya_json_writer_end_object (writer);
}

void
_obeya_audit_template_write (ObeyaAuditTemplate *self,
                             ObeyaJsonWriter    *writer)
{
  JsonObject *extra = obeya_entity_get_extra (OBEYA_ENTITY (self));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  obeya_json_writer_begin_object (writer);
  obeya_json_writer_member_string (writer, "id", obeya_entity_get_id (OBEYA_ENTITY (self)));
  obeya_json_writer_member_string (writer, "name", self->name ? self->name : "");
  obeya_json_writer_member_int (writer, "version", self->version);
  if (self->origin != NULL)
    obeya_json_writer_member_string (writer, "origin", self->origin);
  if (self->sample)
    obeya_json_writer_member_boolean (writer, "sample", TRUE);
  obeya_json_writer_member (writer, "items");
  obeya_json_writer_begin_array (writer, OBEYA_JSON_MULTILINE);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ObeyaAuditItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);
      write_item (item, writer);
    }
  obeya_json_writer_end_array (writer);
  if (extra != NULL)
    obeya_json_writer_members_of (writer, extra);
  obeya_json_writer_end_object (writer);
}

static ObeyaAuditItem *
read_item (ObeyaLoadContext *ctx,
           JsonObject       *object)
{
  ObeyaJsonReader *r = ctx->reader;
  const char *id = _obeya_load_context_read_id (ctx, object);
  const char *anchors[OBEYA_AUDIT_N_ANCHORS + 1] = { NULL, };
  const char *nick, *question;
  int s = OBEYA_FIVE_S_SORT, evidence = OBEYA_SCAN_EVIDENCE_NONE;
  JsonArray *array;
  ObeyaAuditItem *item;

  if (id == NULL)
    return NULL;

  nick = obeya_json_reader_get_string (r, object, "s", TRUE);
  if (nick != NULL && !obeya_enum_from_nick (OBEYA_TYPE_FIVE_S, nick, &s))
    obeya_json_reader_fail (r, "s", _("unknown S “%s” (expected sort, set-in-order, shine, "
                                      "standardize or sustain)"), nick);
  question = obeya_json_reader_get_string (r, object, "question", TRUE);
  if (question != NULL && question[0] == '\0')
    obeya_json_reader_fail (r, "question", _("must not be empty"));

  array = obeya_json_reader_get_array (r, object, "anchors", TRUE);
  if (array != NULL)
    {
      if (json_array_get_length (array) != OBEYA_AUDIT_N_ANCHORS)
        obeya_json_reader_fail (r, "anchors",
                                _("expected five anchors, for the scores 0 to 4 (found %u)"),
                                json_array_get_length (array));
      obeya_json_reader_push_member (r, "anchors");
      for (guint i = 0; i < OBEYA_AUDIT_N_ANCHORS && !obeya_json_reader_failed (r); i++)
        anchors[i] = obeya_json_reader_array_string (r, array, i, FALSE);
      obeya_json_reader_pop (r);
    }

  nick = obeya_json_reader_get_string (r, object, "evidence", FALSE);
  if (nick != NULL && !obeya_enum_from_nick (OBEYA_TYPE_SCAN_EVIDENCE, nick, &evidence))
    obeya_json_reader_fail (r, "evidence",
                            _("unknown scan evidence “%s” (expected stale-files, duplicates, "
                              "depth, names or empty-folders)"), nick);

  if (obeya_json_reader_failed (r))
    return NULL;

  item = g_object_new (OBEYA_TYPE_AUDIT_ITEM,
                       "id", id,
                       "s", s,
                       "question", question,
                       "anchors", anchors,
                       "guidance", obeya_json_reader_get_string (r, object, "guidance", FALSE),
                       "allows-na", obeya_json_reader_get_boolean (r, object, "allows_na", FALSE),
                       "evidence", evidence,
                       "retired", obeya_json_reader_get_boolean (r, object, "retired", FALSE),
                       NULL);
  obeya_entity_take_extra (OBEYA_ENTITY (item), obeya_json_collect_unknown (object, item_members));
  return item;
}

ObeyaAuditTemplate *
_obeya_audit_template_read (ObeyaLoadContext *ctx,
                            JsonObject       *object)
{
  ObeyaJsonReader *r = ctx->reader;
  g_autoptr(ObeyaAuditTemplate) self = NULL;
  g_autoptr(GPtrArray) items = NULL;
  const char *id;
  JsonArray *array;
  guint n;

  id = _obeya_load_context_read_id (ctx, object);
  if (id == NULL)
    return NULL;

  self = g_object_new (OBEYA_TYPE_AUDIT_TEMPLATE, "id", id, NULL);
  self->name = g_strdup (obeya_json_reader_get_string (r, object, "name", TRUE));
  self->version = obeya_json_reader_get_int (r, object, "version", TRUE, 1, G_MAXUINT32, 1);
  self->origin = g_strdup (obeya_json_reader_get_string (r, object, "origin", FALSE));
  self->sample = obeya_json_reader_get_boolean (r, object, "sample", FALSE);

  array = obeya_json_reader_get_array (r, object, "items", TRUE);
  n = array ? json_array_get_length (array) : 0;
  items = g_ptr_array_new_full (n, g_object_unref);
  obeya_json_reader_push_member (r, "items");
  for (guint i = 0; i < n && !obeya_json_reader_failed (r); i++)
    {
      JsonObject *element = obeya_json_reader_array_object (r, array, i);
      ObeyaAuditItem *item;

      if (element == NULL)
        break;
      obeya_json_reader_push_index (r, i);
      item = read_item (ctx, element);
      obeya_json_reader_pop (r);
      if (item != NULL)
        g_ptr_array_add (items, item);
    }
  obeya_json_reader_pop (r);
  g_list_store_splice (self->items, 0, 0, items->pdata, items->len);

  obeya_entity_take_extra (OBEYA_ENTITY (self), obeya_json_collect_unknown (object, template_members));

  if (obeya_json_reader_failed (r))
    return NULL;
  return g_steal_pointer (&self);
}

ObeyaAuditTemplate *
_obeya_audit_template_dup (ObeyaAuditTemplate *self,
                           gboolean            fresh_ids,
                           gboolean            active_only)
{
  ObeyaAuditTemplate *copy;
  g_autoptr(GPtrArray) items = NULL;
  guint n;

  g_return_val_if_fail (OBEYA_IS_AUDIT_TEMPLATE (self), NULL);

  copy = g_object_new (OBEYA_TYPE_AUDIT_TEMPLATE,
                       "id", fresh_ids ? NULL : obeya_entity_get_id (OBEYA_ENTITY (self)),
                       "name", self->name,
                       "origin", self->origin,
                       NULL);
  copy->version = self->version;
  copy->sample = self->sample;
  if (obeya_entity_get_extra (OBEYA_ENTITY (self)) != NULL)
    obeya_entity_take_extra (OBEYA_ENTITY (copy),
                             json_object_ref (obeya_entity_get_extra (OBEYA_ENTITY (self))));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  items = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ObeyaAuditItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);
      JsonObject *extra = obeya_entity_get_extra (OBEYA_ENTITY (item));
      ObeyaAuditItem *item_copy;

      if (active_only && obeya_audit_item_get_retired (item))
        continue;
      item_copy = g_object_new (OBEYA_TYPE_AUDIT_ITEM,
                                "id", fresh_ids ? NULL : obeya_entity_get_id (OBEYA_ENTITY (item)),
                                "s", obeya_audit_item_get_s (item),
                                "question", obeya_audit_item_get_question (item),
                                "anchors", obeya_audit_item_get_anchors (item),
                                "guidance", obeya_audit_item_get_guidance (item),
                                "allows-na", obeya_audit_item_get_allows_na (item),
                                "evidence", obeya_audit_item_get_evidence (item),
                                "retired", obeya_audit_item_get_retired (item),
                                NULL);
      if (extra != NULL)
        obeya_entity_take_extra (OBEYA_ENTITY (item_copy), json_object_ref (extra));
      g_ptr_array_add (items, item_copy);
    }
  g_list_store_splice (copy->items, 0, 0, items->pdata, items->len);
  return copy;
}

ObeyaAuditTemplate *
obeya_audit_template_copy (ObeyaAuditTemplate *self,
                           const char         *name)
{
  ObeyaAuditTemplate *copy;

  g_return_val_if_fail (OBEYA_IS_AUDIT_TEMPLATE (self), NULL);

  copy = _obeya_audit_template_dup (self, TRUE, TRUE);
  copy->version = 1;
  copy->sample = FALSE;
  if (name != NULL)
    obeya_set_str (&copy->name, name);
  return copy;
}

/* ---- standalone files ---------------------------------------------------- */

GBytes *
obeya_audit_template_export (ObeyaAuditTemplate *self,
                             GError            **error)
{
  ObeyaJsonWriter *writer;

  g_return_val_if_fail (OBEYA_IS_AUDIT_TEMPLATE (self), NULL);

  writer = obeya_json_writer_new ();
  obeya_json_writer_begin_object (writer);
  obeya_json_writer_member_string (writer, "format", OBEYA_AUDIT_TEMPLATE_FORMAT);
  obeya_json_writer_member_int (writer, "version", OBEYA_AUDIT_TEMPLATE_FILE_VERSION);
  obeya_json_writer_member (writer, "template");
  _obeya_audit_template_write (self, writer);
  obeya_json_writer_end_object (writer);
  return obeya_json_writer_free_to_bytes (writer, error);
}

ObeyaAuditTemplate *
obeya_audit_template_new_from_bytes (GBytes  *bytes,
                                     GError **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(ObeyaJsonReader) reader = NULL;
  g_autoptr(GHashTable) ids = NULL;
  g_autoptr(ObeyaAuditTemplate) self = NULL;
  ObeyaLoadContext ctx = { NULL, };
  JsonObject *object, *template_object;
  JsonNode *format;
  gsize length;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  root = obeya_json_parse (data, length, error);
  if (root == NULL)
    return NULL;

  object = JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  format = object ? json_object_get_member (object, "format") : NULL;
  if (format == NULL || !JSON_NODE_HOLDS_VALUE (format) ||
      json_node_get_value_type (format) != G_TYPE_STRING ||
      g_strcmp0 (json_node_get_string (format), OBEYA_AUDIT_TEMPLATE_FORMAT) != 0)
    {
      g_set_error (error, OBEYA_WORKSPACE_ERROR, OBEYA_WORKSPACE_ERROR_NOT_A_WORKSPACE,
                   _("This is not an Obeya 5S template: “format” is not “%s”"),
                   OBEYA_AUDIT_TEMPLATE_FORMAT);
      return NULL;
    }

  reader = obeya_json_reader_new ();
  ids = _obeya_load_context_new_ids ();
  obeya_json_reader_set_trusted_utf8 (reader, TRUE);
  ctx.reader = reader;
  ctx.ids = ids;
  ctx.version = obeya_json_reader_get_int (reader, object, "version", TRUE, 1, G_MAXINT32, 1);
  if (ctx.version > OBEYA_AUDIT_TEMPLATE_FILE_VERSION)
    obeya_json_reader_fail (reader, "version",
                            _("this template was written by a newer version of Obeya "
                              "(template file version %u)"), ctx.version);

  template_object = obeya_json_reader_get_object (reader, object, "template", TRUE);
  if (template_object != NULL)
    {
      obeya_json_reader_push_member (reader, "template");
      self = _obeya_audit_template_read (&ctx, template_object);
      obeya_json_reader_pop (reader);
    }

  if (!obeya_json_reader_propagate (reader, error))
    return NULL;
  return g_steal_pointer (&self);
}

const char * const *
obeya_audit_template_get_builtin_ids (void)
{
  static const char * const ids[] = { "office", "digital-workplace", NULL };
  return ids;
}

/* gettext("") returns the catalogue header: translate only real text. */
static const char *
translate (const char *text)
{
  return text != NULL && text[0] != '\0' ? g_dgettext (GETTEXT_PACKAGE, text) : text;
}

ObeyaAuditTemplate *
obeya_audit_template_new_builtin (const char  *builtin_id,
                                  GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  ObeyaAuditTemplate *self;
  guint n;

  g_return_val_if_fail (builtin_id != NULL, NULL);

  if (!g_strv_contains (obeya_audit_template_get_builtin_ids (), builtin_id))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no built-in 5S template “%s”"), builtin_id);
      return NULL;
    }

  path = g_strconcat (BUILTIN_RESOURCE_PATH, builtin_id, ".json", NULL);
  bytes = g_resource_lookup_data (_obeya_5s_templates_get_resource (), path,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;
  self = obeya_audit_template_new_from_bytes (bytes, error);
  if (self == NULL)
    return NULL;

  /* The English text of the file is the msgid (data/5s-templates/template-strings.h
   * marks every string for xgettext). */
  obeya_set_str (&self->name, translate (self->name));
  obeya_set_str (&self->origin, builtin_id);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ObeyaAuditItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);
      const char * const *anchors = obeya_audit_item_get_anchors (item);
      const char *translated[OBEYA_AUDIT_N_ANCHORS + 1] = { NULL, };

      for (guint a = 0; a < OBEYA_AUDIT_N_ANCHORS; a++)
        translated[a] = translate (anchors[a]);
      g_object_set (item,
                    "question", translate (obeya_audit_item_get_question (item)),
                    "anchors", translated,
                    "guidance", translate (obeya_audit_item_get_guidance (item)),
                    NULL);
    }
  return self;
}
