/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaEntryItem: one day of a metric, a row of the entries table of
 * ObeyaMetricWindow. Entries are plain structs in the metric (not one
 * object each); an item only names the day, and the cells read the entry
 * (or its absence) from the metric when they are bound.
 */
#pragma once

#include <glib-object.h>

#include "obeya-metric.h"

G_BEGIN_DECLS

#define OBEYA_TYPE_ENTRY_ITEM (obeya_entry_item_get_type ())
G_DECLARE_FINAL_TYPE (ObeyaEntryItem, obeya_entry_item, OBEYA, ENTRY_ITEM, GObject)

ObeyaEntryItem         *obeya_entry_item_new        (ObeyaMetric    *metric,
                                                     ObeyaDay        day);
ObeyaMetric            *obeya_entry_item_get_metric (ObeyaEntryItem *self);
ObeyaDay                obeya_entry_item_get_day    (ObeyaEntryItem *self);
/* The metric's entry of the day, or NULL. */
const ObeyaMetricEntry *obeya_entry_item_get_entry  (ObeyaEntryItem *self);

G_END_DECLS
