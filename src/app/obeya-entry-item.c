/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-app"

#include "config.h"

#include "obeya-entry-item.h"

struct _ObeyaEntryItem
{
  GObject      parent_instance;

  ObeyaMetric *metric;
  ObeyaDay     day;
};

G_DEFINE_FINAL_TYPE (ObeyaEntryItem, obeya_entry_item, G_TYPE_OBJECT)

static void
obeya_entry_item_dispose (GObject *object)
{
  ObeyaEntryItem *self = OBEYA_ENTRY_ITEM (object);

  g_clear_object (&self->metric);

  G_OBJECT_CLASS (obeya_entry_item_parent_class)->dispose (object);
}

static void
obeya_entry_item_class_init (ObeyaEntryItemClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = obeya_entry_item_dispose;
}

static void
obeya_entry_item_init (ObeyaEntryItem *self)
{
}

ObeyaEntryItem *
obeya_entry_item_new (ObeyaMetric *metric,
                      ObeyaDay     day)
{
  ObeyaEntryItem *self;

  g_return_val_if_fail (OBEYA_IS_METRIC (metric), NULL);

  self = g_object_new (OBEYA_TYPE_ENTRY_ITEM, NULL);
  self->metric = g_object_ref (metric);
  self->day = day;
  return self;
}

ObeyaMetric *
obeya_entry_item_get_metric (ObeyaEntryItem *self)
{
  g_return_val_if_fail (OBEYA_IS_ENTRY_ITEM (self), NULL);
  return self->metric;
}

ObeyaDay
obeya_entry_item_get_day (ObeyaEntryItem *self)
{
  g_return_val_if_fail (OBEYA_IS_ENTRY_ITEM (self), OBEYA_DAY_NONE);
  return self->day;
}

const ObeyaMetricEntry *
obeya_entry_item_get_entry (ObeyaEntryItem *self)
{
  g_return_val_if_fail (OBEYA_IS_ENTRY_ITEM (self), NULL);
  /* Exact days only: a weekly metric's rows are its Mondays. */
  if (obeya_metric_normalize_day (self->metric, self->day) != self->day)
    return NULL;
  return obeya_metric_get_entry (self->metric, self->day);
}
