/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-core"

#include "config.h"

#include "obeya-link.h"
#include "obeya-util.h"

struct _ObeyaLink
{
  ObeyaEntity parent_instance;

  char *kind;
  char *target;
  char *label;
};

G_DEFINE_FINAL_TYPE (ObeyaLink, obeya_link, OBEYA_TYPE_ENTITY)

enum {
  PROP_0,
  PROP_KIND,
  PROP_TARGET,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
obeya_link_finalize (GObject *object)
{
  ObeyaLink *self = OBEYA_LINK (object);

  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->target, g_free);
  g_clear_pointer (&self->label, g_free);

  G_OBJECT_CLASS (obeya_link_parent_class)->finalize (object);
}

static void
obeya_link_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  ObeyaLink *self = OBEYA_LINK (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    case PROP_TARGET:
      g_value_set_string (value, self->target);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
obeya_link_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  ObeyaLink *self = OBEYA_LINK (object);

  switch (prop_id)
    {
    case PROP_KIND:
      if (obeya_set_str (&self->kind, g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_TARGET:
      if (obeya_set_str (&self->target, g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_LABEL:
      if (obeya_set_str (&self->label, g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
obeya_link_class_init (ObeyaLinkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = obeya_link_finalize;
  object_class->get_property = obeya_link_get_property;
  object_class->set_property = obeya_link_set_property;

  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TARGET] =
    g_param_spec_string ("target", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
obeya_link_init (ObeyaLink *self)
{
}

const char *
obeya_link_get_kind (ObeyaLink *self)
{
  g_return_val_if_fail (OBEYA_IS_LINK (self), NULL);
  return self->kind;
}

const char *
obeya_link_get_target (ObeyaLink *self)
{
  g_return_val_if_fail (OBEYA_IS_LINK (self), NULL);
  return self->target;
}

const char *
obeya_link_get_label (ObeyaLink *self)
{
  g_return_val_if_fail (OBEYA_IS_LINK (self), NULL);
  return self->label;
}
