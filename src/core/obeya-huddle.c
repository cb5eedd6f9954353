/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-core"

#include "config.h"

#include "obeya-huddle.h"
#include "obeya-util.h"

struct _ObeyaHuddle
{
  ObeyaEntity     parent_instance;

  ObeyaTimestamp  start;
  guint           duration;
  GStrv           attendees;
  GStrv           actions;
  gboolean        sample;
};

G_DEFINE_FINAL_TYPE (ObeyaHuddle, obeya_huddle, OBEYA_TYPE_ENTITY)

enum {
  PROP_0,
  PROP_START,
  PROP_DURATION,
  PROP_ATTENDEES,
  PROP_ACTIONS,
  PROP_SAMPLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
obeya_huddle_finalize (GObject *object)
{
  ObeyaHuddle *self = OBEYA_HUDDLE (object);

  g_clear_pointer (&self->attendees, g_strfreev);
  g_clear_pointer (&self->actions, g_strfreev);

  G_OBJECT_CLASS (obeya_huddle_parent_class)->finalize (object);
}

static void
obeya_huddle_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  ObeyaHuddle *self = OBEYA_HUDDLE (object);

  switch (prop_id)
    {
    case PROP_START:
      g_value_take_string (value, OBEYA_TIMESTAMP_IS_SET (self->start)
                                  ? obeya_timestamp_to_string (self->start) : NULL);
      break;
    case PROP_DURATION:
      g_value_set_uint (value, self->duration);
      break;
    case PROP_ATTENDEES:
      g_value_set_boxed (value, self->attendees);
      break;
    case PROP_ACTIONS:
      g_value_set_boxed (value, self->actions);
      break;
    case PROP_SAMPLE:
      g_value_set_boolean (value, self->sample);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
set_strv (GStrv        *field,
          const GValue *value)
{
  if (obeya_strv_equal ((const char * const *) *field, g_value_get_boxed (value)))
    return FALSE;
  g_strfreev (*field);
  *field = g_value_dup_boxed (value);
  return TRUE;
}

static void
obeya_huddle_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  ObeyaHuddle *self = OBEYA_HUDDLE (object);

  switch (prop_id)
    {
    case PROP_START:
      {
        const char *text = g_value_get_string (value);
        ObeyaTimestamp start = OBEYA_TIMESTAMP_NONE;

        if (text != NULL && !obeya_timestamp_parse (text, &start))
          {
            g_critical ("Huddle start “%s” is not a timestamp", text);
            break;
          }
        if (start.seconds != self->start.seconds || start.offset != self->start.offset)
          {
            self->start = start;
            g_object_notify_by_pspec (object, pspec);
          }
      }
      break;
    case PROP_DURATION:
      if (self->duration != g_value_get_uint (value))
        {
          self->duration = g_value_get_uint (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_ATTENDEES:
      if (set_strv (&self->attendees, value))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_ACTIONS:
      if (set_strv (&self->actions, value))
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
obeya_huddle_class_init (ObeyaHuddleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = obeya_huddle_finalize;
  object_class->get_property = obeya_huddle_get_property;
  object_class->set_property = obeya_huddle_set_property;

  /* ISO 8601 with offset. */
  properties[PROP_START] = g_param_spec_string ("start", NULL, NULL, NULL, rw);
  /* Seconds. */
  properties[PROP_DURATION] =
    g_param_spec_uint ("duration", NULL, NULL, 0, 24 * 3600, 0, rw);
  /* Person ids. */
  properties[PROP_ATTENDEES] = g_param_spec_boxed ("attendees", NULL, NULL, G_TYPE_STRV, rw);
  /* Card ids of the actions raised. */
  properties[PROP_ACTIONS] = g_param_spec_boxed ("actions", NULL, NULL, G_TYPE_STRV, rw);
  properties[PROP_SAMPLE] = g_param_spec_boolean ("sample", NULL, NULL, FALSE, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
obeya_huddle_init (ObeyaHuddle *self)
{
  self->start = OBEYA_TIMESTAMP_NONE;
}

ObeyaHuddle *
obeya_huddle_new (ObeyaTimestamp      start,
                  guint               duration_seconds,
                  const char * const *attendee_ids,
                  const char * const *action_card_ids)
{
  ObeyaHuddle *self = g_object_new (OBEYA_TYPE_HUDDLE,
                                    "duration", MIN (duration_seconds, 24 * 3600),
                                    "attendees", attendee_ids,
                                    "actions", action_card_ids,
                                    NULL);

  self->start = start;
  return self;
}

ObeyaTimestamp
obeya_huddle_get_start (ObeyaHuddle *self)
{
  g_return_val_if_fail (OBEYA_IS_HUDDLE (self), OBEYA_TIMESTAMP_NONE);
  return self->start;
}

ObeyaDay
obeya_huddle_get_day (ObeyaHuddle *self)
{
  g_return_val_if_fail (OBEYA_IS_HUDDLE (self), OBEYA_DAY_NONE);
  return OBEYA_TIMESTAMP_IS_SET (self->start) ? obeya_timestamp_get_day (self->start)
                                              : OBEYA_DAY_NONE;
}

guint
obeya_huddle_get_duration (ObeyaHuddle *self)
{
  g_return_val_if_fail (OBEYA_IS_HUDDLE (self), 0);
  return self->duration;
}

const char * const *
obeya_huddle_get_attendees (ObeyaHuddle *self)
{
  g_return_val_if_fail (OBEYA_IS_HUDDLE (self), NULL);
  return (const char * const *) self->attendees;
}

guint
obeya_huddle_get_n_attendees (ObeyaHuddle *self)
{
  g_return_val_if_fail (OBEYA_IS_HUDDLE (self), 0);
  return self->attendees ? g_strv_length (self->attendees) : 0;
}

const char * const *
obeya_huddle_get_actions (ObeyaHuddle *self)
{
  g_return_val_if_fail (OBEYA_IS_HUDDLE (self), NULL);
  return (const char * const *) self->actions;
}

guint
obeya_huddle_get_n_actions (ObeyaHuddle *self)
{
  g_return_val_if_fail (OBEYA_IS_HUDDLE (self), 0);
  return self->actions ? g_strv_length (self->actions) : 0;
}

gboolean
obeya_huddle_get_sample (ObeyaHuddle *self)
{
  g_return_val_if_fail (OBEYA_IS_HUDDLE (self), FALSE);
  return self->sample;
}
