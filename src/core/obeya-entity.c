/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-core"

#include "config.h"

#include <gobject/gvaluecollector.h>

#include "obeya-entity.h"
#include "obeya-history.h"
#include "obeya-model-private.h"
#include "obeya-util.h"
#include "obeya-workspace.h"

typedef struct
{
  char       *id;
  GObject    *parent;  /* unowned */
  JsonObject *extra;
} ObeyaEntityPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (ObeyaEntity, obeya_entity, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
obeya_entity_finalize (GObject *object)
{
  ObeyaEntity *self = OBEYA_ENTITY (object);
  ObeyaEntityPrivate *priv = obeya_entity_get_instance_private (self);

  g_clear_pointer (&priv->id, g_free);
  g_clear_pointer (&priv->extra, json_object_unref);

  G_OBJECT_CLASS (obeya_entity_parent_class)->finalize (object);
}

static void
obeya_entity_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  ObeyaEntity *self = OBEYA_ENTITY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, obeya_entity_get_id (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
obeya_entity_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  ObeyaEntity *self = OBEYA_ENTITY (object);
  ObeyaEntityPrivate *priv = obeya_entity_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ID:
      priv->id = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
obeya_entity_class_init (ObeyaEntityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = obeya_entity_finalize;
  object_class->get_property = obeya_entity_get_property;
  object_class->set_property = obeya_entity_set_property;

  /**
   * ObeyaEntity:id:
   *
   * The stable id, random (made on first use) unless given at construction.
   */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
obeya_entity_init (ObeyaEntity *self)
{
}

const char *
obeya_entity_get_id (ObeyaEntity *self)
{
  ObeyaEntityPrivate *priv = obeya_entity_get_instance_private (self);

  g_return_val_if_fail (OBEYA_IS_ENTITY (self), NULL);

  /* Made on first use: entities that are never referenced by id (checklist
   * items) never pay for one. */
  if (priv->id == NULL)
    priv->id = obeya_new_id ();
  return priv->id;
}

void
_obeya_entity_set_id (ObeyaEntity *self,
                      const char  *id)
{
  ObeyaEntityPrivate *priv = obeya_entity_get_instance_private (self);

  g_free (priv->id);
  priv->id = g_strdup (id);
}

GObject *
obeya_entity_get_parent (ObeyaEntity *self)
{
  ObeyaEntityPrivate *priv = obeya_entity_get_instance_private (self);

  g_return_val_if_fail (OBEYA_IS_ENTITY (self), NULL);
  return priv->parent;
}

void
obeya_entity_set_parent (ObeyaEntity *self,
                         GObject     *parent)
{
  ObeyaEntityPrivate *priv = obeya_entity_get_instance_private (self);

  g_return_if_fail (OBEYA_IS_ENTITY (self));
  priv->parent = parent;
}

ObeyaWorkspace *
obeya_entity_get_workspace (ObeyaEntity *self)
{
  GObject *object = G_OBJECT (self);

  while (object != NULL && OBEYA_IS_ENTITY (object))
    {
      ObeyaEntityPrivate *priv = obeya_entity_get_instance_private (OBEYA_ENTITY (object));
      object = priv->parent;
    }

  return object != NULL && OBEYA_IS_WORKSPACE (object) ? OBEYA_WORKSPACE (object) : NULL;
}

ObeyaHistory *
obeya_entity_get_history (ObeyaEntity *self)
{
  ObeyaWorkspace *workspace = obeya_entity_get_workspace (self);

  return workspace ? obeya_workspace_get_history (workspace) : NULL;
}

JsonObject *
obeya_entity_get_extra (ObeyaEntity *self)
{
  ObeyaEntityPrivate *priv = obeya_entity_get_instance_private (self);

  g_return_val_if_fail (OBEYA_IS_ENTITY (self), NULL);
  return priv->extra;
}

void
obeya_entity_take_extra (ObeyaEntity *self,
                         JsonObject  *extra)
{
  ObeyaEntityPrivate *priv = obeya_entity_get_instance_private (self);

  g_return_if_fail (OBEYA_IS_ENTITY (self));
  g_clear_pointer (&priv->extra, json_object_unref);
  priv->extra = extra;
}

void
obeya_entity_edit_value (ObeyaEntity  *self,
                         const char   *label,
                         const char   *property,
                         const GValue *value)
{
  ObeyaHistory *history;

  g_return_if_fail (OBEYA_IS_ENTITY (self));

  history = obeya_entity_get_history (self);
  if (history == NULL)
    {
      g_object_set_property (G_OBJECT (self), property, value);
      return;
    }

  obeya_history_begin (history, label);
  obeya_history_set_property (history, G_OBJECT (self), property, value);
  obeya_history_end (history);
}

void
obeya_entity_edit (ObeyaEntity *self,
                   const char  *label,
                   const char  *first_property,
                   ...)
{
  ObeyaHistory *history;
  const char *name;
  va_list args;

  g_return_if_fail (OBEYA_IS_ENTITY (self));

  history = obeya_entity_get_history (self);
  if (history != NULL)
    obeya_history_begin (history, label);

  va_start (args, first_property);
  for (name = first_property; name != NULL; name = va_arg (args, const char *))
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self), name);
      GValue value = G_VALUE_INIT;
      g_autofree char *error = NULL;

      if (pspec == NULL)
        {
          g_critical ("%s: %s has no property “%s”", G_STRFUNC, G_OBJECT_TYPE_NAME (self), name);
          break;
        }

      G_VALUE_COLLECT_INIT (&value, pspec->value_type, args, 0, &error);
      if (error != NULL)
        {
          g_critical ("%s: %s", G_STRFUNC, error);
          break;
        }

      if (history != NULL)
        obeya_history_set_property (history, G_OBJECT (self), name, &value);
      else
        g_object_set_property (G_OBJECT (self), name, &value);
      g_value_unset (&value);
    }
  va_end (args);

  if (history != NULL)
    obeya_history_end (history);
}
