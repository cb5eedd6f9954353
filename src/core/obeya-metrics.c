/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-core"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "obeya-board.h"
#include "obeya-card.h"
#include "obeya-column.h"
#include "obeya-history.h"
#include "obeya-huddle.h"
#include "obeya-metric-category.h"
#include "obeya-metrics.h"
#include "obeya-metrics-private.h"
#include "obeya-miss-reason.h"
#include "obeya-util.h"
#include "obeya-workspace.h"

struct _ObeyaMetrics
{
  GObject         parent_instance;

  ObeyaWorkspace *workspace;    /* unowned: the workspace owns us */

  GListStore     *metrics;      /* of ObeyaMetric */
  GListStore     *categories;   /* of ObeyaMetricCategory, built-in first */
  GListStore     *reasons;      /* of ObeyaMissReason */
  GListStore     *huddles;      /* of ObeyaHuddle, by start */
  GHashTable     *metric_index; /* id → ObeyaMetric (unowned) */
  GHashTable     *reason_index; /* id → ObeyaMissReason (unowned) */

  char           *action_board; /* board id */
  GArray         *agenda;       /* of ObeyaAgendaItem */
  JsonObject     *huddle_extra; /* unknown members of "huddle" */
};

G_DEFINE_FINAL_TYPE (ObeyaMetrics, obeya_metrics, G_TYPE_OBJECT)

G_DEFINE_QUARK (obeya-metrics-error-quark, obeya_metrics_error)

enum {
  PROP_0,
  PROP_ACTION_BOARD,
  N_PROPS
};

enum {
  AGENDA_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const struct
{
  const char *id;
  const char *name;
  const char *letter;
} builtin_categories[] = {
  /* Translators: the SQDCP categories of huddle metrics; the letters stay S, Q, D, C, P */
  { OBEYA_CATEGORY_SAFETY, N_("Safety"), "S" },
  { OBEYA_CATEGORY_QUALITY, N_("Quality"), "Q" },
  { OBEYA_CATEGORY_DELIVERY, N_("Delivery"), "D" },
  { OBEYA_CATEGORY_COST, N_("Cost"), "C" },
  { OBEYA_CATEGORY_PEOPLE, N_("People"), "P" },
};

static void
agenda_item_clear (gpointer data)
{
  ObeyaAgendaItem *item = data;

  g_clear_pointer (&item->title, g_free);
}

static GArray *
agenda_new (void)
{
  GArray *agenda = g_array_new (FALSE, FALSE, sizeof (ObeyaAgendaItem));

  g_array_set_clear_func (agenda, agenda_item_clear);
  return agenda;
}

static void
agenda_append (GArray     *agenda,
               const char *title,
               guint       minutes)
{
  ObeyaAgendaItem item = { g_strdup (title ? title : ""), minutes };

  g_array_append_val (agenda, item);
}

static void
obeya_metrics_dispose (GObject *object)
{
  ObeyaMetrics *self = OBEYA_METRICS (object);

  g_clear_object (&self->metrics);
  g_clear_object (&self->categories);
  g_clear_object (&self->reasons);
  g_clear_object (&self->huddles);

  G_OBJECT_CLASS (obeya_metrics_parent_class)->dispose (object);
}

static void
obeya_metrics_finalize (GObject *object)
{
  ObeyaMetrics *self = OBEYA_METRICS (object);

  g_clear_pointer (&self->metric_index, g_hash_table_unref);
  g_clear_pointer (&self->reason_index, g_hash_table_unref);
  g_clear_pointer (&self->action_board, g_free);
  g_clear_pointer (&self->agenda, g_array_unref);
  g_clear_pointer (&self->huddle_extra, json_object_unref);

  G_OBJECT_CLASS (obeya_metrics_parent_class)->finalize (object);
}

static void
obeya_metrics_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ObeyaMetrics *self = OBEYA_METRICS (object);

  switch (prop_id)
    {
    case PROP_ACTION_BOARD:
      g_value_set_string (value, self->action_board);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
obeya_metrics_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  ObeyaMetrics *self = OBEYA_METRICS (object);

  switch (prop_id)
    {
    case PROP_ACTION_BOARD:
      if (obeya_set_str (&self->action_board, g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
obeya_metrics_class_init (ObeyaMetricsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = obeya_metrics_dispose;
  object_class->finalize = obeya_metrics_finalize;
  object_class->get_property = obeya_metrics_get_property;
  object_class->set_property = obeya_metrics_set_property;

  /* The id of the board that receives the actions raised in the huddle. */
  properties[PROP_ACTION_BOARD] =
    g_param_spec_string ("action-board", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ObeyaMetrics::agenda-changed:
   *
   * Emitted when the huddle agenda changed (edit, undo, redo).
   */
  signals[AGENDA_CHANGED] =
    g_signal_new ("agenda-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
set_parents (GListModel   *model,
             guint         position,
             guint         added,
             ObeyaMetrics *self)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(ObeyaEntity) entity = g_list_model_get_item (model, i);
      obeya_entity_set_parent (entity, G_OBJECT (self->workspace));
    }
}

static void
metrics_changed_cb (GListModel   *model,
                    guint         position,
                    guint         removed,
                    guint         added,
                    ObeyaMetrics *self)
{
  set_parents (model, position, added, self);
  _obeya_list_index_ids (model, self->metric_index);
}

static void
reasons_changed_cb (GListModel   *model,
                    guint         position,
                    guint         removed,
                    guint         added,
                    ObeyaMetrics *self)
{
  set_parents (model, position, added, self);
  _obeya_list_index_ids (model, self->reason_index);
}

static void
parents_changed_cb (GListModel   *model,
                    guint         position,
                    guint         removed,
                    guint         added,
                    ObeyaMetrics *self)
{
  set_parents (model, position, added, self);
}

static void
obeya_metrics_init (ObeyaMetrics *self)
{
  self->metrics = g_list_store_new (OBEYA_TYPE_METRIC);
  self->categories = g_list_store_new (OBEYA_TYPE_METRIC_CATEGORY);
  self->reasons = g_list_store_new (OBEYA_TYPE_MISS_REASON);
  self->huddles = g_list_store_new (OBEYA_TYPE_HUDDLE);
  self->metric_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->reason_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->agenda = agenda_new ();

  g_signal_connect_object (self->metrics, "items-changed", G_CALLBACK (metrics_changed_cb),
                           self, 0);
  g_signal_connect_object (self->reasons, "items-changed", G_CALLBACK (reasons_changed_cb),
                           self, 0);
  g_signal_connect_object (self->categories, "items-changed", G_CALLBACK (parents_changed_cb),
                           self, 0);
  g_signal_connect_object (self->huddles, "items-changed", G_CALLBACK (parents_changed_cb),
                           self, 0);
}

ObeyaMetrics *
_obeya_metrics_new (ObeyaWorkspace *workspace)
{
  ObeyaMetrics *self = g_object_new (OBEYA_TYPE_METRICS, NULL);

  self->workspace = workspace;
  for (guint i = 0; i < G_N_ELEMENTS (builtin_categories); i++)
    {
      g_autoptr(ObeyaMetricCategory) category =
        g_object_new (OBEYA_TYPE_METRIC_CATEGORY,
                      "id", builtin_categories[i].id,
                      "name", _(builtin_categories[i].name),
                      "letter", builtin_categories[i].letter,
                      "builtin", TRUE,
                      NULL);
      g_list_store_append (self->categories, category);
    }
  return self;
}

/* ---- lookups ------------------------------------------------------------- */

ObeyaWorkspace *
obeya_metrics_get_workspace (ObeyaMetrics *self)
{
  g_return_val_if_fail (OBEYA_IS_METRICS (self), NULL);
  return self->workspace;
}

GListModel *
obeya_metrics_get_metrics (ObeyaMetrics *self)
{
  g_return_val_if_fail (OBEYA_IS_METRICS (self), NULL);
  return G_LIST_MODEL (self->metrics);
}

GListModel *
obeya_metrics_get_categories (ObeyaMetrics *self)
{
  g_return_val_if_fail (OBEYA_IS_METRICS (self), NULL);
  return G_LIST_MODEL (self->categories);
}

GListModel *
obeya_metrics_get_miss_reasons (ObeyaMetrics *self)
{
  g_return_val_if_fail (OBEYA_IS_METRICS (self), NULL);
  return G_LIST_MODEL (self->reasons);
}

GListModel *
obeya_metrics_get_huddles (ObeyaMetrics *self)
{
  g_return_val_if_fail (OBEYA_IS_METRICS (self), NULL);
  return G_LIST_MODEL (self->huddles);
}

guint
_obeya_metrics_count (ObeyaMetrics *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->metrics));
}

ObeyaMetric *
obeya_metrics_find_metric (ObeyaMetrics *self,
                           const char   *id)
{
  g_return_val_if_fail (OBEYA_IS_METRICS (self), NULL);
  return id ? g_hash_table_lookup (self->metric_index, id) : NULL;
}

ObeyaMetric *
obeya_metrics_find_metric_by_name (ObeyaMetrics *self,
                                   const char   *name)
{
  g_return_val_if_fail (OBEYA_IS_METRICS (self), NULL);
  return _obeya_list_find_by_name (G_LIST_MODEL (self->metrics), name);
}

ObeyaMetricCategory *
obeya_metrics_find_category (ObeyaMetrics *self,
                             const char   *id)
{
  guint n;

  g_return_val_if_fail (OBEYA_IS_METRICS (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->categories));
  for (guint i = 0; id != NULL && i < n; i++)
    {
      g_autoptr(ObeyaEntity) category = g_list_model_get_item (G_LIST_MODEL (self->categories), i);

      if (g_strcmp0 (obeya_entity_get_id (category), id) == 0)
        return OBEYA_METRIC_CATEGORY (category);
    }
  return NULL;
}

ObeyaMissReason *
obeya_metrics_find_miss_reason (ObeyaMetrics *self,
                                const char   *id)
{
  g_return_val_if_fail (OBEYA_IS_METRICS (self), NULL);
  return id ? g_hash_table_lookup (self->reason_index, id) : NULL;
}

ObeyaMissReason *
obeya_metrics_find_miss_reason_by_name (ObeyaMetrics *self,
                                        const char   *name)
{
  g_return_val_if_fail (OBEYA_IS_METRICS (self), NULL);
  return _obeya_list_find_by_name (G_LIST_MODEL (self->reasons), name);
}

GPtrArray *
obeya_metrics_dup_category_metrics (ObeyaMetrics *self,
                                    const char   *category_id)
{
  GPtrArray *result;
  guint n;

  g_return_val_if_fail (OBEYA_IS_METRICS (self), NULL);

  result = g_ptr_array_new ();
  n = g_list_model_get_n_items (G_LIST_MODEL (self->metrics));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ObeyaMetric) metric = g_list_model_get_item (G_LIST_MODEL (self->metrics), i);

      if (g_strcmp0 (obeya_metric_get_category (metric), category_id) == 0)
        g_ptr_array_add (result, metric);
    }
  return result;
}

/* ---- settings ------------------------------------------------------------ */

const char *
obeya_metrics_get_action_board_id (ObeyaMetrics *self)
{
  g_return_val_if_fail (OBEYA_IS_METRICS (self), NULL);
  return self->action_board;
}

ObeyaBoard *
obeya_metrics_get_action_board (ObeyaMetrics *self)
{
  g_return_val_if_fail (OBEYA_IS_METRICS (self), NULL);
  return self->action_board ? obeya_workspace_find_board (self->workspace, self->action_board)
                            : NULL;
}

const ObeyaAgendaItem *
obeya_metrics_get_agenda (ObeyaMetrics *self,
                          guint        *n_items)
{
  g_return_val_if_fail (OBEYA_IS_METRICS (self), NULL);
  if (n_items)
    *n_items = self->agenda->len;
  return (const ObeyaAgendaItem *) self->agenda->data;
}

guint
obeya_metrics_get_agenda_minutes (ObeyaMetrics *self)
{
  guint total = 0;

  g_return_val_if_fail (OBEYA_IS_METRICS (self), 0);

  for (guint i = 0; i < self->agenda->len; i++)
    total += g_array_index (self->agenda, ObeyaAgendaItem, i).minutes;
  return total;
}

/* ---- commands ------------------------------------------------------------ */

static ObeyaHistory *
history (ObeyaMetrics *self)
{
  return obeya_workspace_get_history (self->workspace);
}

void
obeya_metrics_insert_metric (ObeyaMetrics *self,
                             ObeyaMetric  *metric,
                             int           position)
{
  guint n;

  g_return_if_fail (OBEYA_IS_METRICS (self));
  g_return_if_fail (OBEYA_IS_METRIC (metric));
  g_return_if_fail (obeya_metrics_find_metric (self, obeya_entity_get_id (OBEYA_ENTITY (metric)))
                    == NULL);
  /* The file must never name a category or reason it does not define. */
  g_return_if_fail (obeya_metrics_find_category (self, obeya_metric_get_category (metric)) != NULL);
  {
    guint n_entries;
    const ObeyaMetricEntry *entries = obeya_metric_get_entries (metric, &n_entries);

    for (guint i = 0; i < n_entries; i++)
      g_return_if_fail (entries[i].reason == NULL ||
                        obeya_metrics_find_miss_reason (self, entries[i].reason) != NULL);
  }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->metrics));
  if (position < 0 || (guint) position > n)
    position = n;

  obeya_history_begin (history (self), _("Add metric"));
  obeya_history_insert (history (self), self->metrics, position, metric);
  obeya_history_end (history (self));
}

ObeyaMetric *
obeya_metrics_add_metric (ObeyaMetrics         *self,
                          const char           *name,
                          const char           *category_id,
                          ObeyaMetricDirection  direction)
{
  g_autoptr(ObeyaMetric) metric = NULL;

  g_return_val_if_fail (OBEYA_IS_METRICS (self), NULL);
  g_return_val_if_fail (category_id == NULL || obeya_metrics_find_category (self, category_id),
                        NULL);

  metric = obeya_metric_new (name, category_id, direction);
  obeya_metrics_insert_metric (self, metric, -1);
  return metric;
}

void
obeya_metrics_move_metric (ObeyaMetrics *self,
                           ObeyaMetric  *metric,
                           guint         position)
{
  guint from;

  g_return_if_fail (OBEYA_IS_METRICS (self));

  if (!_obeya_list_find_position (G_LIST_MODEL (self->metrics), metric, &from))
    g_return_if_reached ();
  position = MIN (position, g_list_model_get_n_items (G_LIST_MODEL (self->metrics)) - 1);

  obeya_history_begin (history (self), _("Move metric"));
  obeya_history_move (history (self), self->metrics, from, position);
  obeya_history_end (history (self));
}

void
obeya_metrics_delete_metric (ObeyaMetrics *self,
                             ObeyaMetric  *metric)
{
  guint position;

  g_return_if_fail (OBEYA_IS_METRICS (self));

  if (!_obeya_list_find_position (G_LIST_MODEL (self->metrics), metric, &position))
    g_return_if_reached ();

  obeya_history_begin (history (self), _("Delete metric"));
  obeya_history_remove (history (self), self->metrics, position);
  obeya_history_end (history (self));
}

void
obeya_metrics_set_day_entries (ObeyaMetrics               *self,
                               ObeyaDay                    day,
                               const ObeyaMetricEntryEdit *edits,
                               guint                       n_edits)
{
  char buf[OBEYA_DAY_BUF_SIZE];
  g_autofree char *label = NULL;

  g_return_if_fail (OBEYA_IS_METRICS (self));
  g_return_if_fail (day != OBEYA_DAY_NONE);
  g_return_if_fail (edits != NULL || n_edits == 0);

  for (guint i = 0; i < n_edits; i++)
    {
      g_return_if_fail (OBEYA_IS_METRIC (edits[i].metric));
      g_return_if_fail (obeya_entity_get_workspace (OBEYA_ENTITY (edits[i].metric)) ==
                        self->workspace);
      g_return_if_fail (edits[i].clear ||
                        (isfinite (edits[i].value) &&
                         fabs (edits[i].value) <= OBEYA_METRIC_VALUE_MAX));
      g_return_if_fail (edits[i].reason_id == NULL ||
                        obeya_metrics_find_miss_reason (self, edits[i].reason_id) != NULL);
    }

  /* Translators: %s is a date (YYYY-MM-DD) */
  label = g_strdup_printf (_("Enter the numbers of %s"), obeya_day_format (day, buf));
  obeya_history_begin (history (self), label);
  for (guint i = 0; i < n_edits; i++)
    {
      ObeyaMetricEntry entry;

      entry.day = obeya_metric_normalize_day (edits[i].metric, day);
      entry.value = edits[i].value;
      entry.note = (char *) edits[i].note;
      entry.reason = edits[i].reason_id;
      _obeya_metric_record_entry (edits[i].metric, history (self), entry.day,
                                  edits[i].clear ? NULL : &entry);
    }
  obeya_history_end (history (self));
}

ObeyaMissReason *
obeya_metrics_add_miss_reason (ObeyaMetrics *self,
                               const char   *name)
{
  g_autoptr(ObeyaMissReason) reason = NULL;

  g_return_val_if_fail (OBEYA_IS_METRICS (self), NULL);
  g_return_val_if_fail (name != NULL && name[0] != '\0', NULL);

  reason = g_object_new (OBEYA_TYPE_MISS_REASON, "name", name, NULL);
  obeya_history_begin (history (self), _("Add miss reason"));
  obeya_history_insert (history (self), self->reasons,
                        g_list_model_get_n_items (G_LIST_MODEL (self->reasons)), reason);
  obeya_history_end (history (self));
  return reason;
}

void
obeya_metrics_rename_miss_reason (ObeyaMetrics    *self,
                                  ObeyaMissReason *reason,
                                  const char      *name)
{
  g_return_if_fail (OBEYA_IS_METRICS (self));
  g_return_if_fail (OBEYA_IS_MISS_REASON (reason));
  g_return_if_fail (name != NULL && name[0] != '\0');

  obeya_entity_edit (OBEYA_ENTITY (reason), _("Rename miss reason"), "name", name, NULL);
}

void
obeya_metrics_remove_miss_reason (ObeyaMetrics    *self,
                                  ObeyaMissReason *reason)
{
  guint position, n;

  g_return_if_fail (OBEYA_IS_METRICS (self));

  if (!_obeya_list_find_position (G_LIST_MODEL (self->reasons), reason, &position))
    g_return_if_reached ();

  obeya_history_begin (history (self), _("Remove miss reason"));
  n = g_list_model_get_n_items (G_LIST_MODEL (self->metrics));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ObeyaMetric) metric = g_list_model_get_item (G_LIST_MODEL (self->metrics), i);
      _obeya_metric_strip_reason (metric, history (self),
                                  obeya_entity_get_id (OBEYA_ENTITY (reason)));
    }
  obeya_history_remove (history (self), self->reasons, position);
  obeya_history_end (history (self));
}

ObeyaMetricCategory *
obeya_metrics_add_category (ObeyaMetrics *self,
                            const char   *name,
                            const char   *letter)
{
  g_autoptr(ObeyaMetricCategory) category = NULL;

  g_return_val_if_fail (OBEYA_IS_METRICS (self), NULL);
  g_return_val_if_fail (name != NULL && name[0] != '\0', NULL);

  category = g_object_new (OBEYA_TYPE_METRIC_CATEGORY,
                           "name", name,
                           "letter", letter != NULL && letter[0] != '\0' ? letter : name,
                           NULL);
  obeya_history_begin (history (self), _("Add category"));
  obeya_history_insert (history (self), self->categories,
                        g_list_model_get_n_items (G_LIST_MODEL (self->categories)), category);
  obeya_history_end (history (self));
  return category;
}

gboolean
obeya_metrics_remove_category (ObeyaMetrics        *self,
                               ObeyaMetricCategory *category)
{
  g_autoptr(GPtrArray) used = NULL;
  guint position;

  g_return_val_if_fail (OBEYA_IS_METRICS (self), FALSE);
  g_return_val_if_fail (OBEYA_IS_METRIC_CATEGORY (category), FALSE);

  if (obeya_metric_category_get_builtin (category))
    return FALSE;
  used = obeya_metrics_dup_category_metrics (self, obeya_entity_get_id (OBEYA_ENTITY (category)));
  if (used->len > 0)
    return FALSE;
  if (!_obeya_list_find_position (G_LIST_MODEL (self->categories), category, &position))
    g_return_val_if_reached (FALSE);

  obeya_history_begin (history (self), _("Remove category"));
  obeya_history_remove (history (self), self->categories, position);
  obeya_history_end (history (self));
  return TRUE;
}

/* Position of a huddle starting at @start in the log (after equal ones). */
static guint
huddle_position (ObeyaMetrics   *self,
                 ObeyaTimestamp  start)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->huddles));

  for (guint i = n; i > 0; i--)
    {
      g_autoptr(ObeyaHuddle) other = g_list_model_get_item (G_LIST_MODEL (self->huddles), i - 1);

      if (obeya_huddle_get_start (other).seconds <= start.seconds)
        return i;
    }
  return 0;
}

ObeyaHuddle *
obeya_metrics_record_huddle (ObeyaMetrics       *self,
                             ObeyaTimestamp      start,
                             guint               duration_seconds,
                             const char * const *attendee_ids,
                             const char * const *action_card_ids)
{
  g_autoptr(ObeyaHuddle) huddle = NULL;

  g_return_val_if_fail (OBEYA_IS_METRICS (self), NULL);
  g_return_val_if_fail (OBEYA_TIMESTAMP_IS_SET (start), NULL);

  huddle = obeya_huddle_new (start, duration_seconds, attendee_ids, action_card_ids);
  obeya_history_begin (history (self), _("Record huddle"));
  obeya_history_insert (history (self), self->huddles, huddle_position (self, start), huddle);
  obeya_history_end (history (self));
  return huddle;
}

void
obeya_metrics_delete_huddle (ObeyaMetrics *self,
                             ObeyaHuddle  *huddle)
{
  guint position;

  g_return_if_fail (OBEYA_IS_METRICS (self));

  if (!_obeya_list_find_position (G_LIST_MODEL (self->huddles), huddle, &position))
    g_return_if_reached ();

  obeya_history_begin (history (self), _("Delete huddle"));
  obeya_history_remove (history (self), self->huddles, position);
  obeya_history_end (history (self));
}

void
obeya_metrics_set_action_board (ObeyaMetrics *self,
                                ObeyaBoard   *board)
{
  GValue value = G_VALUE_INIT;

  g_return_if_fail (OBEYA_IS_METRICS (self));
  g_return_if_fail (board == NULL || OBEYA_IS_BOARD (board));

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, board ? obeya_entity_get_id (OBEYA_ENTITY (board)) : NULL);
  obeya_history_begin (history (self), _("Choose the action board"));
  obeya_history_set_property (history (self), G_OBJECT (self), "action-board", &value);
  obeya_history_end (history (self));
  g_value_unset (&value);
}

typedef struct
{
  ObeyaMetrics *metrics;
  GArray       *old_agenda;
  GArray       *new_agenda;
} AgendaChange;

static void
agenda_change_free (gpointer data)
{
  AgendaChange *change = data;

  g_object_unref (change->metrics);
  g_array_unref (change->old_agenda);
  g_array_unref (change->new_agenda);
  g_free (change);
}

static void
copy_agenda (GArray *to,
             GArray *from)
{
  g_array_set_size (to, 0);
  for (guint i = 0; i < from->len; i++)
    {
      const ObeyaAgendaItem *item = &g_array_index (from, ObeyaAgendaItem, i);
      agenda_append (to, item->title, item->minutes);
    }
}

static void
agenda_apply (gpointer data)
{
  AgendaChange *change = data;

  copy_agenda (change->metrics->agenda, change->new_agenda);
  g_signal_emit (change->metrics, signals[AGENDA_CHANGED], 0);
}

static void
agenda_revert (gpointer data)
{
  AgendaChange *change = data;

  copy_agenda (change->metrics->agenda, change->old_agenda);
  g_signal_emit (change->metrics, signals[AGENDA_CHANGED], 0);
}

void
obeya_metrics_set_agenda (ObeyaMetrics          *self,
                          const ObeyaAgendaItem *items,
                          guint                  n_items)
{
  AgendaChange *change;

  g_return_if_fail (OBEYA_IS_METRICS (self));
  g_return_if_fail (items != NULL || n_items == 0);

  change = g_new0 (AgendaChange, 1);
  change->metrics = g_object_ref (self);
  change->old_agenda = agenda_new ();
  copy_agenda (change->old_agenda, self->agenda);
  change->new_agenda = agenda_new ();
  for (guint i = 0; i < n_items; i++)
    agenda_append (change->new_agenda, items[i].title, MIN (items[i].minutes, 600));

  obeya_history_begin (history (self), _("Change the huddle agenda"));
  obeya_history_custom (history (self), agenda_apply, agenda_revert, change, agenda_change_free);
  obeya_history_end (history (self));
}

static ObeyaColumn *
action_column (ObeyaBoard *board)
{
  ObeyaColumn *column = obeya_board_get_first_column_with_role (board, OBEYA_COLUMN_ROLE_BACKLOG);
  GListModel *columns = obeya_board_get_columns (board);

  if (column == NULL && g_list_model_get_n_items (columns) > 0)
    {
      column = g_list_model_get_item (columns, 0);
      g_object_unref (column); /* the board keeps it */
    }
  return column;
}

ObeyaCard *
obeya_metrics_raise_action (ObeyaMetrics *self,
                            const char   *title,
                            const char   *owner_id,
                            ObeyaDay      due,
                            ObeyaMetric  *metric,
                            ObeyaDay      miss_day,
                            GError      **error)
{
  g_autoptr(ObeyaCard) card = NULL;
  ObeyaBoard *board;
  ObeyaColumn *column;

  g_return_val_if_fail (OBEYA_IS_METRICS (self), NULL);
  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (metric == NULL || OBEYA_IS_METRIC (metric), NULL);
  /* An unknown assignee would make the file fail to load. */
  g_return_val_if_fail (owner_id == NULL ||
                        obeya_workspace_find_person (self->workspace, owner_id) != NULL, NULL);

  board = obeya_metrics_get_action_board (self);
  column = board ? action_column (board) : NULL;
  if (column == NULL)
    {
      g_set_error (error, OBEYA_METRICS_ERROR, OBEYA_METRICS_ERROR_NO_ACTION_BOARD,
                   board == NULL ? _("Choose the board that receives the huddle's actions first")
                                 : _("The action board has no columns"));
      return NULL;
    }

  card = obeya_card_new (title);
  if (owner_id != NULL)
    {
      const char *owners[] = { owner_id, NULL };
      g_object_set (card, "assignees", owners, NULL);
    }
  if (due != OBEYA_DAY_NONE)
    {
      char buf[OBEYA_DAY_BUF_SIZE];
      g_object_set (card, "due", obeya_day_format (due, buf), NULL);
    }
  if (metric != NULL)
    {
      g_autofree char *target = obeya_metric_dup_miss_link_target (metric, miss_day);
      char buf[OBEYA_DAY_BUF_SIZE];
      g_autofree char *label = g_strdup_printf ("%s, %s", obeya_metric_get_name (metric),
                                                obeya_day_format (miss_day, buf));

      /* The card is detached: this goes into a throwaway history; the
       * insertion below is what the workspace history records. */
      obeya_card_add_link (card, OBEYA_LINK_KIND_METRIC, target, label);
    }
  else
    {
      char buf[OBEYA_DAY_BUF_SIZE];
      const char *today = obeya_day_format (obeya_day_today (), buf);
      /* Translators: the link of an action raised in the huddle without a metric, with the date */
      g_autofree char *label = g_strdup_printf (_("Daily huddle, %s"), today);

      obeya_card_add_link (card, OBEYA_LINK_KIND_HUDDLE, today, label);
    }

  obeya_history_begin (history (self), _("Raise action"));
  obeya_board_insert_card (board, card, column, NULL, -1);
  obeya_history_end (history (self));
  return card;
}

/* ---- computed ------------------------------------------------------------ */

static int
status_rank (ObeyaMetricStatus status)
{
  switch (status)
    {
    case OBEYA_METRIC_STATUS_MISSED:
      return 3;
    case OBEYA_METRIC_STATUS_AMBER:
      return 2;
    case OBEYA_METRIC_STATUS_NO_DATA:
    case OBEYA_METRIC_STATUS_NO_TARGET:
      return 1;
    case OBEYA_METRIC_STATUS_MET:
      return 0;
    case OBEYA_METRIC_STATUS_FUTURE:
    case OBEYA_METRIC_STATUS_NON_WORKING:
    default:
      return -1;
    }
}

void
obeya_metrics_get_category_statuses (ObeyaMetrics      *self,
                                     const char        *category_id,
                                     ObeyaDay           first,
                                     guint              n_days,
                                     ObeyaDay           today,
                                     ObeyaMetricStatus *out)
{
  g_autoptr(GPtrArray) metrics = NULL;
  g_autofree ObeyaMetricStatus *one = NULL;
  g_autofree gboolean *any_due = NULL;
  g_autofree int *worst = NULL;

  g_return_if_fail (OBEYA_IS_METRICS (self));
  g_return_if_fail (out != NULL || n_days == 0);

  metrics = obeya_metrics_dup_category_metrics (self, category_id);
  if (metrics->len == 0)
    {
      for (guint i = 0; i < n_days; i++)
        {
          ObeyaDay day = first + i;

          if (!obeya_workspace_is_working_day (self->workspace, day))
            out[i] = OBEYA_METRIC_STATUS_NON_WORKING;
          else
            out[i] = day > today ? OBEYA_METRIC_STATUS_FUTURE : OBEYA_METRIC_STATUS_NO_DATA;
        }
      return;
    }

  one = g_new (ObeyaMetricStatus, MAX (n_days, 1));
  any_due = g_new0 (gboolean, MAX (n_days, 1));
  worst = g_new (int, MAX (n_days, 1));
  for (guint i = 0; i < n_days; i++)
    worst[i] = -1;

  for (guint m = 0; m < metrics->len; m++)
    {
      ObeyaMetric *metric = metrics->pdata[m];

      obeya_metric_get_statuses (metric, first, n_days, today, one);
      for (guint i = 0; i < n_days; i++)
        {
          if (one[i] == OBEYA_METRIC_STATUS_NON_WORKING)
            continue;
          any_due[i] = TRUE;
          if (status_rank (one[i]) > worst[i])
            worst[i] = status_rank (one[i]);
        }
    }

  for (guint i = 0; i < n_days; i++)
    {
      if (!any_due[i])
        out[i] = OBEYA_METRIC_STATUS_NON_WORKING;
      else if (first + i > today)
        out[i] = OBEYA_METRIC_STATUS_FUTURE;
      else if (worst[i] == 3)
        out[i] = OBEYA_METRIC_STATUS_MISSED;
      else if (worst[i] == 2)
        out[i] = OBEYA_METRIC_STATUS_AMBER;
      else if (worst[i] == 1)
        out[i] = OBEYA_METRIC_STATUS_NO_DATA;
      else
        out[i] = OBEYA_METRIC_STATUS_MET;
    }
}

ObeyaMetricStatus
obeya_metrics_get_category_status (ObeyaMetrics *self,
                                   const char   *category_id,
                                   ObeyaDay      day,
                                   ObeyaDay      today)
{
  ObeyaMetricStatus status = OBEYA_METRIC_STATUS_NO_DATA;

  g_return_val_if_fail (OBEYA_IS_METRICS (self), OBEYA_METRIC_STATUS_NO_DATA);

  obeya_metrics_get_category_statuses (self, category_id, day, 1, today, &status);
  return status;
}

typedef struct
{
  GHashTable *order; /* reason id → position + 1 */
} ReasonSort;

static int
compare_reason_counts (gconstpointer a,
                       gconstpointer b,
                       gpointer      user_data)
{
  const ObeyaReasonCount *ra = a, *rb = b;
  ReasonSort *sort = user_data;
  guint pa, pb;

  if (ra->count != rb->count)
    return ra->count > rb->count ? -1 : 1;
  /* "No reason" last, then the order of the list. */
  pa = ra->reason_id ? GPOINTER_TO_UINT (g_hash_table_lookup (sort->order, ra->reason_id))
                     : G_MAXUINT;
  pb = rb->reason_id ? GPOINTER_TO_UINT (g_hash_table_lookup (sort->order, rb->reason_id))
                     : G_MAXUINT;
  return pa < pb ? -1 : pa > pb ? 1 : 0;
}

GArray *
obeya_metrics_count_misses_by_reason (ObeyaMetrics *self,
                                      ObeyaMetric  *metric,
                                      const char   *category_id,
                                      ObeyaDay      first,
                                      ObeyaDay      last,
                                      ObeyaDay      today)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) order = g_hash_table_new (g_str_hash, g_str_equal);
  GArray *result;
  GHashTableIter iter;
  gpointer key, value;
  ReasonSort sort;
  guint n;

  g_return_val_if_fail (OBEYA_IS_METRICS (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->metrics));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ObeyaMetric) each = g_list_model_get_item (G_LIST_MODEL (self->metrics), i);

      if (metric != NULL && each != metric)
        continue;
      if (category_id != NULL && g_strcmp0 (obeya_metric_get_category (each), category_id) != 0)
        continue;
      obeya_metric_count_misses_by_reason (each, first, last, today, counts);
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->reasons));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ObeyaEntity) reason = g_list_model_get_item (G_LIST_MODEL (self->reasons), i);
      g_hash_table_insert (order, (gpointer) g_intern_string (obeya_entity_get_id (reason)),
                           GUINT_TO_POINTER (i + 1));
    }

  result = g_array_new (FALSE, FALSE, sizeof (ObeyaReasonCount));
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      ObeyaReasonCount count;

      count.reason_id = ((const char *) key)[0] != '\0' ? key : NULL;
      count.count = GPOINTER_TO_UINT (value);
      g_array_append_val (result, count);
    }
  sort.order = order;
  g_array_sort_with_data (result, compare_reason_counts, &sort);
  return result;
}

void
obeya_metrics_get_huddle_stats (ObeyaMetrics     *self,
                                ObeyaDay          first,
                                ObeyaDay          last,
                                ObeyaDay          today,
                                ObeyaHuddleStats *stats)
{
  guint64 seconds = 0, attendees = 0;
  guint n;

  g_return_if_fail (OBEYA_IS_METRICS (self));
  g_return_if_fail (stats != NULL);

  memset (stats, 0, sizeof *stats);
  last = MIN (last, today);
  for (ObeyaDay day = first; day != OBEYA_DAY_NONE && day <= last; day++)
    if (obeya_workspace_is_working_day (self->workspace, day))
      stats->n_working_days++;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->huddles));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ObeyaHuddle) huddle = g_list_model_get_item (G_LIST_MODEL (self->huddles), i);
      ObeyaDay day = obeya_huddle_get_day (huddle);

      if (day < first || day > last)
        continue;
      stats->n_huddles++;
      stats->n_actions += obeya_huddle_get_n_actions (huddle);
      seconds += obeya_huddle_get_duration (huddle);
      attendees += obeya_huddle_get_n_attendees (huddle);
    }

  stats->average_minutes = stats->n_huddles ? seconds / 60.0 / stats->n_huddles : -1;
  stats->average_attendees = stats->n_huddles ? (double) attendees / stats->n_huddles : -1;
}

/* ---- sample -------------------------------------------------------------- */

gboolean
_obeya_metrics_has_sample (ObeyaMetrics *self)
{
  GListModel *lists[] = {
    G_LIST_MODEL (self->metrics), G_LIST_MODEL (self->reasons), G_LIST_MODEL (self->huddles)
  };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
      {
        g_autoptr(GObject) item = g_list_model_get_item (lists[l], i);
        if (_obeya_item_is_sample (item))
          return TRUE;
      }
  return FALSE;
}

void
_obeya_metrics_clear_sample (ObeyaMetrics *self)
{
  GListStore *stores[] = { self->metrics, self->huddles };

  for (guint s = 0; s < G_N_ELEMENTS (stores); s++)
    for (guint i = g_list_model_get_n_items (G_LIST_MODEL (stores[s])); i > 0; i--)
      {
        g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (stores[s]), i - 1);
        if (_obeya_item_is_sample (item))
          obeya_history_remove (history (self), stores[s], i - 1);
      }
  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (self->reasons)); i > 0; i--)
    {
      g_autoptr(ObeyaMissReason) reason = g_list_model_get_item (G_LIST_MODEL (self->reasons),
                                                                 i - 1);
      if (obeya_miss_reason_get_sample (reason))
        obeya_metrics_remove_miss_reason (self, reason);
    }
  if (self->action_board != NULL && obeya_metrics_get_action_board (self) == NULL)
    obeya_metrics_set_action_board (self, NULL);
}

/* ---- JSON ---------------------------------------------------------------- */

static const char * const category_members[] = { "id", "name", "letter", NULL };
static const char * const reason_members[] = { "id", "name", "sample", NULL };
static const char * const huddle_members[] = {
  "id", "start", "duration", "attendees", "actions", "sample", NULL
};
static const char * const settings_members[] = { "action_board", "agenda", NULL };

static void
read_category (ObeyaLoadContext *ctx,
               JsonObject       *object,
               gpointer          user_data)
{
  ObeyaMetrics *self = user_data;
  ObeyaJsonReader *r = ctx->reader;
  const char *id = _obeya_load_context_read_id (ctx, object);
  const char *letter;
  g_autoptr(ObeyaMetricCategory) category = NULL;

  if (id == NULL)
    return;
  if (obeya_metrics_find_category (self, id) != NULL)
    {
      obeya_json_reader_fail (r, "id", _("“%s” is the id of a built-in category"), id);
      return;
    }
  letter = obeya_json_reader_get_string (r, object, "letter", TRUE);
  if (letter != NULL && g_utf8_strlen (letter, -1) != 1)
    obeya_json_reader_fail (r, "letter", _("expected one letter"));
  category = g_object_new (OBEYA_TYPE_METRIC_CATEGORY,
                           "id", id,
                           "name", obeya_json_reader_get_string (r, object, "name", TRUE),
                           "letter", letter,
                           NULL);
  obeya_entity_take_extra (OBEYA_ENTITY (category),
                           obeya_json_collect_unknown (object, category_members));
  g_list_store_append (self->categories, category);
}

static void
read_reason (ObeyaLoadContext *ctx,
             JsonObject       *object,
             gpointer          user_data)
{
  ObeyaMetrics *self = user_data;
  ObeyaJsonReader *r = ctx->reader;
  const char *id = _obeya_load_context_read_id (ctx, object);
  g_autoptr(ObeyaMissReason) reason = NULL;

  if (id == NULL)
    return;
  reason = g_object_new (OBEYA_TYPE_MISS_REASON,
                         "id", id,
                         "name", obeya_json_reader_get_string (r, object, "name", TRUE),
                         "sample", obeya_json_reader_get_boolean (r, object, "sample", FALSE),
                         NULL);
  obeya_entity_take_extra (OBEYA_ENTITY (reason),
                           obeya_json_collect_unknown (object, reason_members));
  g_list_store_append (self->reasons, reason);
}

typedef struct
{
  ObeyaMetrics *self;
  GHashTable   *categories;
  GPtrArray    *metrics;
} MetricLoad;

static void
read_metric (ObeyaLoadContext *ctx,
             JsonObject       *object,
             gpointer          user_data)
{
  MetricLoad *load = user_data;
  ObeyaMetric *metric = _obeya_metric_read (ctx, object, load->categories,
                                            load->self->reason_index);

  if (metric != NULL)
    g_ptr_array_add (load->metrics, metric);
}

static void
read_huddle (ObeyaLoadContext *ctx,
             JsonObject       *object,
             gpointer          user_data)
{
  ObeyaMetrics *self = user_data;
  ObeyaJsonReader *r = ctx->reader;
  const char *id = _obeya_load_context_read_id (ctx, object);
  g_autoptr(ObeyaHuddle) huddle = NULL;
  g_auto(GStrv) attendees = NULL;
  g_auto(GStrv) actions = NULL;
  ObeyaTimestamp start;
  guint duration;

  if (id == NULL)
    return;
  start = _obeya_read_timestamp_member (ctx, object, "start", TRUE);
  duration = obeya_json_reader_get_int (r, object, "duration", FALSE, 0, 24 * 3600, 0);
  /* Kept even when the person or card is gone since: the log is a record. */
  attendees = _obeya_read_id_list (ctx, object, "attendees", NULL, NULL);
  actions = _obeya_read_id_list (ctx, object, "actions", NULL, NULL);
  huddle = g_object_new (OBEYA_TYPE_HUDDLE,
                         "id", id,
                         "duration", duration,
                         "attendees", attendees,
                         "actions", actions,
                         "sample", obeya_json_reader_get_boolean (r, object, "sample", FALSE),
                         NULL);
  if (obeya_json_reader_failed (r))
    return;
  {
    g_autofree char *text = obeya_timestamp_to_string (start);
    g_object_set (huddle, "start", text, NULL);
  }
  obeya_entity_take_extra (OBEYA_ENTITY (huddle),
                           obeya_json_collect_unknown (object, huddle_members));
  g_list_store_insert (self->huddles, huddle_position (self, start), huddle);
}

static void
read_settings (ObeyaMetrics     *self,
               ObeyaLoadContext *ctx,
               JsonObject       *object)
{
  ObeyaJsonReader *r = ctx->reader;
  JsonObject *settings = obeya_json_reader_get_object (r, object, "huddle", FALSE);
  JsonArray *agenda;

  if (settings == NULL)
    return;

  obeya_json_reader_push_member (r, "huddle");
  /* Kept even when the board is gone: then there is simply no action board. */
  obeya_set_str (&self->action_board,
                 obeya_json_reader_get_string (r, settings, "action_board", FALSE));
  agenda = obeya_json_reader_get_array (r, settings, "agenda", FALSE);
  if (agenda != NULL)
    {
      guint n = json_array_get_length (agenda);

      obeya_json_reader_push_member (r, "agenda");
      for (guint i = 0; i < n && !obeya_json_reader_failed (r); i++)
        {
          JsonArray *item = obeya_json_reader_array_array (r, agenda, i);
          const char *title;
          guint minutes;

          if (item == NULL)
            break;
          obeya_json_reader_push_index (r, i);
          title = obeya_json_reader_array_string (r, item, 0, FALSE);
          minutes = obeya_json_reader_array_int (r, item, 1, 0, 600);
          if (json_array_get_length (item) != 2)
            obeya_json_reader_fail (r, NULL, _("expected [title, minutes]"));
          obeya_json_reader_pop (r);
          agenda_append (self->agenda, title, minutes);
        }
      obeya_json_reader_pop (r);
    }
  self->huddle_extra = obeya_json_collect_unknown (settings, settings_members);
  obeya_json_reader_pop (r);
}

void
_obeya_metrics_read (ObeyaMetrics     *self,
                     ObeyaLoadContext *ctx,
                     JsonObject       *object)
{
  g_autoptr(GHashTable) categories = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) metrics = g_ptr_array_new_with_free_func (g_object_unref);
  MetricLoad load = { self, categories, metrics };
  guint n;

  _obeya_read_object_array (ctx, object, "categories", read_category, self);
  _obeya_read_object_array (ctx, object, "miss_reasons", read_reason, self);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->categories));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ObeyaEntity) category = g_list_model_get_item (G_LIST_MODEL (self->categories), i);
      g_hash_table_add (categories, (gpointer) obeya_entity_get_id (category));
    }
  _obeya_read_object_array (ctx, object, "metrics", read_metric, &load);
  /* One splice: the index is rebuilt once, not once per metric. */
  g_list_store_splice (self->metrics, 0, 0, metrics->pdata, metrics->len);

  read_settings (self, ctx, object);
  _obeya_read_object_array (ctx, object, "huddles", read_huddle, self);
}

void
_obeya_metrics_write (ObeyaMetrics    *self,
                      ObeyaJsonWriter *writer)
{
  GListModel *categories = G_LIST_MODEL (self->categories);
  GListModel *reasons = G_LIST_MODEL (self->reasons);
  GListModel *metrics = G_LIST_MODEL (self->metrics);
  GListModel *huddles = G_LIST_MODEL (self->huddles);
  guint n = g_list_model_get_n_items (categories);

  if (n > G_N_ELEMENTS (builtin_categories))
    {
      obeya_json_writer_member (writer, "categories");
      obeya_json_writer_begin_array (writer, OBEYA_JSON_MULTILINE);
      for (guint i = G_N_ELEMENTS (builtin_categories); i < n; i++)
        {
          g_autoptr(ObeyaMetricCategory) category = g_list_model_get_item (categories, i);
          JsonObject *extra = obeya_entity_get_extra (OBEYA_ENTITY (category));

          obeya_json_writer_begin_object (writer);
          obeya_json_writer_member_string (writer, "id",
                                           obeya_entity_get_id (OBEYA_ENTITY (category)));
          obeya_json_writer_member_string (writer, "name",
                                           obeya_metric_category_get_name (category));
          obeya_json_writer_member_string (writer, "letter",
                                           obeya_metric_category_get_letter (category));
          if (extra != NULL)
            obeya_json_writer_members_of (writer, extra);
          obeya_json_writer_end_object (writer);
        }
      obeya_json_writer_end_array (writer);
    }

  n = g_list_model_get_n_items (reasons);
  if (n > 0)
    {
      obeya_json_writer_member (writer, "miss_reasons");
      obeya_json_writer_begin_array (writer, OBEYA_JSON_MULTILINE);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ObeyaMissReason) reason = g_list_model_get_item (reasons, i);
          JsonObject *extra = obeya_entity_get_extra (OBEYA_ENTITY (reason));

          obeya_json_writer_begin_object (writer);
          obeya_json_writer_member_string (writer, "id",
                                           obeya_entity_get_id (OBEYA_ENTITY (reason)));
          obeya_json_writer_member_string (writer, "name", obeya_miss_reason_get_name (reason));
          if (obeya_miss_reason_get_sample (reason))
            obeya_json_writer_member_boolean (writer, "sample", TRUE);
          if (extra != NULL)
            obeya_json_writer_members_of (writer, extra);
          obeya_json_writer_end_object (writer);
        }
      obeya_json_writer_end_array (writer);
    }

  n = g_list_model_get_n_items (metrics);
  if (n > 0)
    {
      obeya_json_writer_member (writer, "metrics");
      obeya_json_writer_begin_array (writer, OBEYA_JSON_MULTILINE);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ObeyaMetric) metric = g_list_model_get_item (metrics, i);
          _obeya_metric_write (metric, writer);
        }
      obeya_json_writer_end_array (writer);
    }

  if (self->action_board != NULL || self->agenda->len > 0 || self->huddle_extra != NULL)
    {
      obeya_json_writer_member (writer, "huddle");
      obeya_json_writer_begin_object (writer);
      if (self->action_board != NULL)
        obeya_json_writer_member_string (writer, "action_board", self->action_board);
      if (self->agenda->len > 0)
        {
          obeya_json_writer_member (writer, "agenda");
          obeya_json_writer_begin_array (writer, OBEYA_JSON_MULTILINE);
          for (guint i = 0; i < self->agenda->len; i++)
            {
              const ObeyaAgendaItem *item = &g_array_index (self->agenda, ObeyaAgendaItem, i);

              obeya_json_writer_begin_array (writer, OBEYA_JSON_INLINE);
              obeya_json_writer_string (writer, item->title);
              obeya_json_writer_int (writer, item->minutes);
              obeya_json_writer_end_array (writer);
            }
          obeya_json_writer_end_array (writer);
        }
      if (self->huddle_extra != NULL)
        obeya_json_writer_members_of (writer, self->huddle_extra);
      obeya_json_writer_end_object (writer);
    }

  n = g_list_model_get_n_items (huddles);
  if (n > 0)
    {
      obeya_json_writer_member (writer, "huddles");
      obeya_json_writer_begin_array (writer, OBEYA_JSON_MULTILINE);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ObeyaHuddle) huddle = g_list_model_get_item (huddles, i);
          JsonObject *extra = obeya_entity_get_extra (OBEYA_ENTITY (huddle));

          obeya_json_writer_begin_object (writer);
          obeya_json_writer_member_string (writer, "id",
                                           obeya_entity_get_id (OBEYA_ENTITY (huddle)));
          _obeya_write_timestamp_member (writer, "start", obeya_huddle_get_start (huddle));
          obeya_json_writer_member_int (writer, "duration", obeya_huddle_get_duration (huddle));
          _obeya_write_string_list (writer, "attendees", obeya_huddle_get_attendees (huddle));
          _obeya_write_string_list (writer, "actions", obeya_huddle_get_actions (huddle));
          if (obeya_huddle_get_sample (huddle))
            obeya_json_writer_member_boolean (writer, "sample", TRUE);
          if (extra != NULL)
            obeya_json_writer_members_of (writer, extra);
          obeya_json_writer_end_object (writer);
        }
      obeya_json_writer_end_array (writer);
    }
}
