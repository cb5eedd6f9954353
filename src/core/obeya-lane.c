/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-core"

#include "config.h"

#include "obeya-lane.h"
#include "obeya-util.h"

struct _ObeyaLane
{
  ObeyaEntity parent_instance;

  char *name;
  guint wip_limit;
  gboolean collapsed;
};

G_DEFINE_FINAL_TYPE (ObeyaLane, obeya_lane, OBEYA_TYPE_ENTITY)

enum {
  PROP_0,
  PROP_NAME,
  PROP_WIP_LIMIT,
  PROP_COLLAPSED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
obeya_lane_finalize (GObject *object)
{
  ObeyaLane *self = OBEYA_LANE (object);

  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (obeya_lane_parent_class)->finalize (object);
}

static void
obeya_lane_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  ObeyaLane *self = OBEYA_LANE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_WIP_LIMIT:
      g_value_set_uint (value, self->wip_limit);
      break;
    case PROP_COLLAPSED:
      g_value_set_boolean (value, self->collapsed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
obeya_lane_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  ObeyaLane *self = OBEYA_LANE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      if (obeya_set_str (&self->name, g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_WIP_LIMIT:
      if (self->wip_limit != g_value_get_uint (value))
        {
          self->wip_limit = g_value_get_uint (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_COLLAPSED:
      if (self->collapsed != g_value_get_boolean (value))
        {
          self->collapsed = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
obeya_lane_class_init (ObeyaLaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = obeya_lane_finalize;
  object_class->get_property = obeya_lane_get_property;
  object_class->set_property = obeya_lane_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WIP_LIMIT] =
    g_param_spec_uint ("wip-limit", NULL, NULL, 0, 9999, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COLLAPSED] =
    g_param_spec_boolean ("collapsed", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
obeya_lane_init (ObeyaLane *self)
{
}

const char *
obeya_lane_get_name (ObeyaLane *self)
{
  g_return_val_if_fail (OBEYA_IS_LANE (self), NULL);
  return self->name;
}

guint
obeya_lane_get_wip_limit (ObeyaLane *self)
{
  g_return_val_if_fail (OBEYA_IS_LANE (self), 0);
  return self->wip_limit;
}

gboolean
obeya_lane_get_collapsed (ObeyaLane *self)
{
  g_return_val_if_fail (OBEYA_IS_LANE (self), FALSE);
  return self->collapsed;
}
