/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-core"

#include "config.h"

#include "obeya-tag.h"
#include "obeya-util.h"

struct _ObeyaTag
{
  ObeyaEntity parent_instance;

  char *name;
  char *color;
  gboolean sample;
};

G_DEFINE_FINAL_TYPE (ObeyaTag, obeya_tag, OBEYA_TYPE_ENTITY)

enum {
  PROP_0,
  PROP_NAME,
  PROP_COLOR,
  PROP_SAMPLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
obeya_tag_finalize (GObject *object)
{
  ObeyaTag *self = OBEYA_TAG (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->color, g_free);

  G_OBJECT_CLASS (obeya_tag_parent_class)->finalize (object);
}

static void
obeya_tag_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  ObeyaTag *self = OBEYA_TAG (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;
    case PROP_SAMPLE:
      g_value_set_boolean (value, self->sample);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
obeya_tag_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  ObeyaTag *self = OBEYA_TAG (object);

  switch (prop_id)
    {
    case PROP_NAME:
      if (obeya_set_str (&self->name, g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_COLOR:
      if (obeya_set_str (&self->color, g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_SAMPLE:
      if (self->sample != g_value_get_boolean (value))
        {
          self->sample = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
obeya_tag_class_init (ObeyaTagClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = obeya_tag_finalize;
  object_class->get_property = obeya_tag_get_property;
  object_class->set_property = obeya_tag_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SAMPLE] =
    g_param_spec_boolean ("sample", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
obeya_tag_init (ObeyaTag *self)
{
}

const char *
obeya_tag_get_name (ObeyaTag *self)
{
  g_return_val_if_fail (OBEYA_IS_TAG (self), NULL);
  return self->name;
}

const char *
obeya_tag_get_color (ObeyaTag *self)
{
  g_return_val_if_fail (OBEYA_IS_TAG (self), NULL);
  return self->color;
}

gboolean
obeya_tag_get_sample (ObeyaTag *self)
{
  g_return_val_if_fail (OBEYA_IS_TAG (self), FALSE);
  return self->sample;
}
