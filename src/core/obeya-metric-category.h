/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaMetricCategory: a category of huddle metrics, shown as one letter of
 * the letter calendar. The five SQDCP categories are built in (ids
 * "safety", "quality", "delivery", "cost", "people"; translated names;
 * never written to the file); a workspace may add custom ones (id, name,
 * letter), which the file keeps in "categories".
 */
#pragma once

#include "obeya-entity.h"

G_BEGIN_DECLS

#define OBEYA_TYPE_METRIC_CATEGORY (obeya_metric_category_get_type ())
G_DECLARE_FINAL_TYPE (ObeyaMetricCategory, obeya_metric_category, OBEYA, METRIC_CATEGORY,
                      ObeyaEntity)

const char *obeya_metric_category_get_name    (ObeyaMetricCategory *self);
/* One character (a UTF-8 string of one letter): "S", "Q", "D", "C", "P"… */
const char *obeya_metric_category_get_letter  (ObeyaMetricCategory *self);
gboolean    obeya_metric_category_get_builtin (ObeyaMetricCategory *self);

G_END_DECLS
