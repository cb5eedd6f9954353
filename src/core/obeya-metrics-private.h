/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Internal API of the huddle metrics (ObeyaMetric, ObeyaMetrics and their
 * small entities): raw mutators recorded in the history, and the JSON
 * readers and writers the workspace calls.
 */
#pragma once

#include "obeya-metric.h"
#include "obeya-model-private.h"

G_BEGIN_DECLS

/* One entry edit inside a command: sets (@entry non-NULL) or clears the
 * entry of @entry->day / @day. Records into @history. */
void         _obeya_metric_record_entry (ObeyaMetric            *metric,
                                         ObeyaHistory           *history,
                                         ObeyaDay                day,
                                         const ObeyaMetricEntry *entry);
/* Clears @reason_id from every entry of @metric (one recorded change). */
void         _obeya_metric_strip_reason (ObeyaMetric  *metric,
                                         ObeyaHistory *history,
                                         const char   *reason_id);
/* Sets many entries in one recorded change (@entries sorted or not; each
 * replaces the entry of its day). */
void         _obeya_metric_record_entries (ObeyaMetric            *metric,
                                           ObeyaHistory           *history,
                                           const ObeyaMetricEntry *entries,
                                           guint                   n_entries);

void         _obeya_metric_write        (ObeyaMetric     *metric,
                                         ObeyaJsonWriter *writer);
/* @categories: category id → anything; @reasons: reason id → anything. */
ObeyaMetric *_obeya_metric_read         (ObeyaLoadContext *ctx,
                                         JsonObject       *object,
                                         GHashTable       *categories,
                                         GHashTable       *reasons);

/* ObeyaMetrics, owned by the workspace. */
ObeyaMetrics *_obeya_metrics_new          (ObeyaWorkspace   *workspace);
/* Reads "categories", "miss_reasons", "metrics", "huddle" and "huddles" of
 * the workspace object (after people and boards). */
void          _obeya_metrics_read         (ObeyaMetrics     *self,
                                           ObeyaLoadContext *ctx,
                                           JsonObject       *object);
/* Writes the same members; empty sections are omitted. */
void          _obeya_metrics_write        (ObeyaMetrics     *self,
                                           ObeyaJsonWriter  *writer);
gboolean      _obeya_metrics_has_sample   (ObeyaMetrics     *self);
/* Inside the caller's command. */
void          _obeya_metrics_clear_sample (ObeyaMetrics     *self);
guint         _obeya_metrics_count        (ObeyaMetrics     *self);

G_END_DECLS
