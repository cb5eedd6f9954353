/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-core"

#include "config.h"

#include "obeya-miss-reason.h"
#include "obeya-util.h"

struct _ObeyaMissReason
{
  ObeyaEntity parent_instance;

  char       *name;
  gboolean    sample;
};

G_DEFINE_FINAL_TYPE (ObeyaMissReason, obeya_miss_reason, OBEYA_TYPE_ENTITY)

enum {
  PROP_0,
  PROP_NAME,
  PROP_SAMPLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
obeya_miss_reason_finalize (GObject *object)
{
  ObeyaMissReason *self = OBEYA_MISS_REASON (object);

  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (obeya_miss_reason_parent_class)->finalize (object);
}

static void
obeya_miss_reason_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ObeyaMissReason *self = OBEYA_MISS_REASON (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_SAMPLE:
      g_value_set_boolean (value, self->sample);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
obeya_miss_reason_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ObeyaMissReason *self = OBEYA_MISS_REASON (object);

  switch (prop_id)
    {
    case PROP_NAME:
      if (obeya_set_str (&self->name, g_value_get_string (value)))
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
obeya_miss_reason_class_init (ObeyaMissReasonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = obeya_miss_reason_finalize;
  object_class->get_property = obeya_miss_reason_get_property;
  object_class->set_property = obeya_miss_reason_set_property;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, rw);
  properties[PROP_SAMPLE] = g_param_spec_boolean ("sample", NULL, NULL, FALSE, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
obeya_miss_reason_init (ObeyaMissReason *self)
{
}

const char *
obeya_miss_reason_get_name (ObeyaMissReason *self)
{
  g_return_val_if_fail (OBEYA_IS_MISS_REASON (self), NULL);
  return self->name;
}

gboolean
obeya_miss_reason_get_sample (ObeyaMissReason *self)
{
  g_return_val_if_fail (OBEYA_IS_MISS_REASON (self), FALSE);
  return self->sample;
}
