/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-core"

#include "config.h"

#include <glib/gi18n.h>

#include "obeya-json.h"
#include "obeya-util.h"
#include "obeya-workspace.h"

struct _ObeyaWorkspace
{
  GObject     parent_instance;

  char       *name;
  guint       file_version;
  JsonObject *extra;
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
obeya_workspace_finalize (GObject *object)
{
  ObeyaWorkspace *self = OBEYA_WORKSPACE (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->extra, json_object_unref);

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
obeya_workspace_init (ObeyaWorkspace *self)
{
  self->file_version = OBEYA_WORKSPACE_VERSION;
}

ObeyaWorkspace *
obeya_workspace_new (void)
{
  return g_object_new (OBEYA_TYPE_WORKSPACE, NULL);
}

static const char * const known_members[] = { "format", "version", "name", NULL };

ObeyaWorkspace *
obeya_workspace_load (GBytes  *bytes,
                      GError **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(ObeyaJsonReader) reader = NULL;
  g_autoptr(ObeyaWorkspace) self = NULL;
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
  format = obeya_json_reader_get_string (reader, object, "format", FALSE);
  if (g_strcmp0 (format, OBEYA_WORKSPACE_FORMAT) != 0)
    {
      g_set_error (error, OBEYA_WORKSPACE_ERROR, OBEYA_WORKSPACE_ERROR_NOT_A_WORKSPACE,
                   _("This is not an Obeya workspace: “format” is not “%s”"),
                   OBEYA_WORKSPACE_FORMAT);
      return NULL;
    }

  self = obeya_workspace_new ();
  self->file_version = obeya_json_reader_get_int (reader, object, "version", TRUE,
                                                  1, G_MAXINT32, 1);
  self->name = g_strdup (obeya_json_reader_get_string (reader, object, "name", FALSE));
  self->extra = obeya_json_collect_unknown (object, known_members);

  if (!obeya_json_reader_propagate (reader, error))
    return NULL;

  return g_steal_pointer (&self);
}

GBytes *
obeya_workspace_save (ObeyaWorkspace  *self,
                      GError         **error)
{
  ObeyaJsonWriter *writer;

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
  if (self->extra != NULL)
    obeya_json_writer_members_of (writer, self->extra);
  obeya_json_writer_end_object (writer);

  return obeya_json_writer_free_to_bytes (writer, error);
}

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

char *
obeya_workspace_dup_summary (ObeyaWorkspace *self)
{
  g_return_val_if_fail (OBEYA_IS_WORKSPACE (self), NULL);
  return g_strdup (_("empty workspace"));
}

void
obeya_workspace_emit_changed (ObeyaWorkspace *self)
{
  g_return_if_fail (OBEYA_IS_WORKSPACE (self));
  g_signal_emit (self, signals[CHANGED], 0);
}
