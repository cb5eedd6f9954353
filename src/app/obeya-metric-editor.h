/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaMetricEditor: creates a metric or edits one: name, description,
 * category (the SQDCP ones, custom ones, or a new one with its letter),
 * unit and decimals, direction (higher, lower, within a band), the amber
 * margin, cadence, and the target: a changed target applies from a chosen
 * day on, so the earlier days keep the target they had (the history is
 * listed, and a step can be removed). Save applies everything as one
 * undoable command; Cancel changes nothing.
 */
#pragma once

#include <adwaita.h>

#include "obeya-metric.h"
#include "obeya-types.h"

G_BEGIN_DECLS

#define OBEYA_TYPE_METRIC_EDITOR (obeya_metric_editor_get_type ())
G_DECLARE_FINAL_TYPE (ObeyaMetricEditor, obeya_metric_editor, OBEYA, METRIC_EDITOR, AdwWindow)

/* @metric NULL: a new metric. */
GtkWidget   *obeya_metric_editor_new        (GtkWindow         *parent,
                                             ObeyaWorkspace    *workspace,
                                             ObeyaMetric       *metric);
/* Applies the form (the Save/Add button); returns the metric, or NULL when
 * the form is not complete (the rows say why). */
ObeyaMetric *obeya_metric_editor_save       (ObeyaMetricEditor *self);

G_END_DECLS
