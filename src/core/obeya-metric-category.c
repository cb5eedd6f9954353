/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-core"

#include "config.h"

#include "obeya-metric-category.h"
#include "obeya-util.h"

struct _ObeyaMetricCategory
{
  ObeyaEntity parent_instance;

  char       *name;
  char       *letter;
  gboolean    builtin;
};

G_DEFINE_FINAL_TYPE (ObeyaMetricCategory, obeya_metric_category, OBEYA_TYPE_ENTITY)

enum {
  PROP_0,
  PROP_NAME,
  PROP_LETTER,
  PROP_BUILTIN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
obeya_metric_category_finalize (GObject *object)
{
  ObeyaMetricCategory *self = OBEYA_METRIC_CATEGORY (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->letter, g_free);

  G_OBJECT_CLASS (obeya_metric_category_parent_class)->finalize (object);
}

static void
obeya_metric_category_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  ObeyaMetricCategory *self = OBEYA_METRIC_CATEGORY (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_LETTER:
      g_value_set_string (value, self->letter);
      break;
    case PROP_BUILTIN:
      g_value_set_boolean (value, self->builtin);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
obeya_metric_category_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  ObeyaMetricCategory *self = OBEYA_METRIC_CATEGORY (object);

  switch (prop_id)
    {
    case PROP_NAME:
      if (obeya_set_str (&self->name, g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_LETTER:
      {
        const char *text = g_value_get_string (value);
        g_autofree char *letter = NULL;

        /* Keep the first character only, upper-cased. */
        if (text != NULL && text[0] != '\0' && g_utf8_validate (text, -1, NULL))
          {
            g_autofree char *first = g_utf8_substring (text, 0, 1);
            letter = g_utf8_strup (first, -1);
          }
        if (obeya_set_str (&self->letter, letter))
          g_object_notify_by_pspec (object, pspec);
      }
      break;
    case PROP_BUILTIN:
      self->builtin = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
obeya_metric_category_class_init (ObeyaMetricCategoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = obeya_metric_category_finalize;
  object_class->get_property = obeya_metric_category_get_property;
  object_class->set_property = obeya_metric_category_set_property;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, rw);
  properties[PROP_LETTER] = g_param_spec_string ("letter", NULL, NULL, NULL, rw);
  properties[PROP_BUILTIN] =
    g_param_spec_boolean ("builtin", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
obeya_metric_category_init (ObeyaMetricCategory *self)
{
}

const char *
obeya_metric_category_get_name (ObeyaMetricCategory *self)
{
  g_return_val_if_fail (OBEYA_IS_METRIC_CATEGORY (self), NULL);
  return self->name;
}

const char *
obeya_metric_category_get_letter (ObeyaMetricCategory *self)
{
  g_return_val_if_fail (OBEYA_IS_METRIC_CATEGORY (self), NULL);
  return self->letter;
}

gboolean
obeya_metric_category_get_builtin (ObeyaMetricCategory *self)
{
  g_return_val_if_fail (OBEYA_IS_METRIC_CATEGORY (self), FALSE);
  return self->builtin;
}
