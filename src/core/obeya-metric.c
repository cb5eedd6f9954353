/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-core"

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include <glib/gi18n.h>

#include "obeya-enums.h"
#include "obeya-history.h"
#include "obeya-metric.h"
#include "obeya-metrics.h"
#include "obeya-metrics-private.h"
#include "obeya-util.h"
#include "obeya-workspace.h"

#define MAX_DECIMALS 6

struct _ObeyaMetric
{
  ObeyaEntity           parent_instance;

  char                 *name;
  char                 *description;
  char                 *category;
  char                 *unit;
  guint                 decimals;
  ObeyaMetricDirection  direction;
  ObeyaMetricCadence    cadence;
  gboolean              sample;

  GArray               *targets; /* of ObeyaMetricTarget, sorted by from */
  GArray               *entries; /* of ObeyaMetricEntry, sorted by day, one per day */
};

G_DEFINE_FINAL_TYPE (ObeyaMetric, obeya_metric, OBEYA_TYPE_ENTITY)

G_DEFINE_ENUM_TYPE (ObeyaMetricDirection, obeya_metric_direction,
  G_DEFINE_ENUM_VALUE (OBEYA_METRIC_HIGHER_IS_BETTER, "higher"),
  G_DEFINE_ENUM_VALUE (OBEYA_METRIC_LOWER_IS_BETTER, "lower"),
  G_DEFINE_ENUM_VALUE (OBEYA_METRIC_WITHIN_BAND, "band"))

G_DEFINE_ENUM_TYPE (ObeyaMetricCadence, obeya_metric_cadence,
  G_DEFINE_ENUM_VALUE (OBEYA_METRIC_CADENCE_WORKING_DAYS, "working-days"),
  G_DEFINE_ENUM_VALUE (OBEYA_METRIC_CADENCE_DAILY, "daily"),
  G_DEFINE_ENUM_VALUE (OBEYA_METRIC_CADENCE_WEEKLY, "weekly"))

G_DEFINE_ENUM_TYPE (ObeyaMetricStatus, obeya_metric_status,
  G_DEFINE_ENUM_VALUE (OBEYA_METRIC_STATUS_MET, "met"),
  G_DEFINE_ENUM_VALUE (OBEYA_METRIC_STATUS_AMBER, "amber"),
  G_DEFINE_ENUM_VALUE (OBEYA_METRIC_STATUS_MISSED, "missed"),
  G_DEFINE_ENUM_VALUE (OBEYA_METRIC_STATUS_NO_DATA, "no-data"),
  G_DEFINE_ENUM_VALUE (OBEYA_METRIC_STATUS_NO_TARGET, "no-target"),
  G_DEFINE_ENUM_VALUE (OBEYA_METRIC_STATUS_FUTURE, "future"),
  G_DEFINE_ENUM_VALUE (OBEYA_METRIC_STATUS_NON_WORKING, "non-working"))

enum {
  PROP_0,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_CATEGORY,
  PROP_UNIT,
  PROP_DECIMALS,
  PROP_DIRECTION,
  PROP_CADENCE,
  PROP_SAMPLE,
  N_PROPS
};

enum {
  DATA_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
entry_clear (gpointer data)
{
  ObeyaMetricEntry *entry = data;

  g_clear_pointer (&entry->note, g_free);
}

/* A copy owning its note; an empty note becomes none. */
static ObeyaMetricEntry
entry_copy (const ObeyaMetricEntry *entry)
{
  ObeyaMetricEntry copy = *entry;

  copy.note = entry->note != NULL && entry->note[0] != '\0' ? g_strdup (entry->note) : NULL;
  copy.reason = g_intern_string (entry->reason);
  return copy;
}

static void
obeya_metric_finalize (GObject *object)
{
  ObeyaMetric *self = OBEYA_METRIC (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->category, g_free);
  g_clear_pointer (&self->unit, g_free);
  g_clear_pointer (&self->targets, g_array_unref);
  g_clear_pointer (&self->entries, g_array_unref);

  G_OBJECT_CLASS (obeya_metric_parent_class)->finalize (object);
}

static void
obeya_metric_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  ObeyaMetric *self = OBEYA_METRIC (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_CATEGORY:
      g_value_set_string (value, self->category);
      break;
    case PROP_UNIT:
      g_value_set_string (value, self->unit);
      break;
    case PROP_DECIMALS:
      g_value_set_uint (value, self->decimals);
      break;
    case PROP_DIRECTION:
      g_value_set_enum (value, self->direction);
      break;
    case PROP_CADENCE:
      g_value_set_enum (value, self->cadence);
      break;
    case PROP_SAMPLE:
      g_value_set_boolean (value, self->sample);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Empty strings are stored as NULL, so "" and none write the same file. */
static gboolean
set_optional_str (char       **field,
                  const char  *value)
{
  return obeya_set_str (field, value != NULL && value[0] != '\0' ? value : NULL);
}

static void
obeya_metric_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  ObeyaMetric *self = OBEYA_METRIC (object);

  switch (prop_id)
    {
    case PROP_NAME:
      if (obeya_set_str (&self->name, g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_DESCRIPTION:
      if (set_optional_str (&self->description, g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_CATEGORY:
      {
        const char *category = g_value_get_string (value);
        ObeyaWorkspace *workspace = obeya_entity_get_workspace (OBEYA_ENTITY (self));

        /* A file must never name a category it does not define. */
        if (category == NULL ||
            (workspace != NULL &&
             obeya_metrics_find_category (obeya_workspace_get_metrics (workspace),
                                          category) == NULL))
          {
            g_critical ("Metric category “%s” does not exist", category ? category : "(null)");
            break;
          }
        if (obeya_set_str (&self->category, category))
          g_object_notify_by_pspec (object, pspec);
      }
      break;
    case PROP_UNIT:
      if (set_optional_str (&self->unit, g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_DECIMALS:
      if (self->decimals != g_value_get_uint (value))
        {
          self->decimals = g_value_get_uint (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_DIRECTION:
      if (self->direction != (ObeyaMetricDirection) g_value_get_enum (value))
        {
          self->direction = g_value_get_enum (value);
          g_object_notify_by_pspec (object, pspec);
          /* Every status may have changed. */
          g_signal_emit (self, signals[DATA_CHANGED], 0);
        }
      break;
    case PROP_CADENCE:
      if (self->cadence != (ObeyaMetricCadence) g_value_get_enum (value))
        {
          self->cadence = g_value_get_enum (value);
          g_object_notify_by_pspec (object, pspec);
          g_signal_emit (self, signals[DATA_CHANGED], 0);
        }
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
obeya_metric_class_init (ObeyaMetricClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = obeya_metric_finalize;
  object_class->get_property = obeya_metric_get_property;
  object_class->set_property = obeya_metric_set_property;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, rw);
  /* What is measured and how; NULL for none. */
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, rw);
  /* A category id: "safety", "quality", "delivery", "cost", "people" or a custom one. */
  properties[PROP_CATEGORY] = g_param_spec_string ("category", NULL, NULL, NULL, rw);
  /* "%", "invoices", "h"…; NULL for none. */
  properties[PROP_UNIT] = g_param_spec_string ("unit", NULL, NULL, NULL, rw);
  properties[PROP_DECIMALS] = g_param_spec_uint ("decimals", NULL, NULL, 0, MAX_DECIMALS, 0, rw);
  properties[PROP_DIRECTION] =
    g_param_spec_enum ("direction", NULL, NULL, OBEYA_TYPE_METRIC_DIRECTION,
                       OBEYA_METRIC_HIGHER_IS_BETTER, rw);
  properties[PROP_CADENCE] =
    g_param_spec_enum ("cadence", NULL, NULL, OBEYA_TYPE_METRIC_CADENCE,
                       OBEYA_METRIC_CADENCE_WORKING_DAYS, rw);
  properties[PROP_SAMPLE] = g_param_spec_boolean ("sample", NULL, NULL, FALSE, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ObeyaMetric::data-changed:
   *
   * Emitted when entries or targets changed (or the direction or cadence,
   * which change every status): charts, tiles and calendars redraw.
   */
  signals[DATA_CHANGED] =
    g_signal_new ("data-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
obeya_metric_init (ObeyaMetric *self)
{
  self->category = g_strdup ("delivery");
  self->targets = g_array_new (FALSE, FALSE, sizeof (ObeyaMetricTarget));
  self->entries = g_array_new (FALSE, FALSE, sizeof (ObeyaMetricEntry));
  g_array_set_clear_func (self->entries, entry_clear);
}

ObeyaMetric *
obeya_metric_new (const char           *name,
                  const char           *category_id,
                  ObeyaMetricDirection  direction)
{
  return g_object_new (OBEYA_TYPE_METRIC,
                       "name", name,
                       "category", category_id ? category_id : "delivery",
                       "direction", direction,
                       NULL);
}

/* ---- getters ------------------------------------------------------------- */

const char *
obeya_metric_get_name (ObeyaMetric *self)
{
  g_return_val_if_fail (OBEYA_IS_METRIC (self), NULL);
  return self->name;
}

const char *
obeya_metric_get_description (ObeyaMetric *self)
{
  g_return_val_if_fail (OBEYA_IS_METRIC (self), NULL);
  return self->description;
}

const char *
obeya_metric_get_category (ObeyaMetric *self)
{
  g_return_val_if_fail (OBEYA_IS_METRIC (self), NULL);
  return self->category;
}

const char *
obeya_metric_get_unit (ObeyaMetric *self)
{
  g_return_val_if_fail (OBEYA_IS_METRIC (self), NULL);
  return self->unit;
}

guint
obeya_metric_get_decimals (ObeyaMetric *self)
{
  g_return_val_if_fail (OBEYA_IS_METRIC (self), 0);
  return self->decimals;
}

ObeyaMetricDirection
obeya_metric_get_direction (ObeyaMetric *self)
{
  g_return_val_if_fail (OBEYA_IS_METRIC (self), OBEYA_METRIC_HIGHER_IS_BETTER);
  return self->direction;
}

ObeyaMetricCadence
obeya_metric_get_cadence (ObeyaMetric *self)
{
  g_return_val_if_fail (OBEYA_IS_METRIC (self), OBEYA_METRIC_CADENCE_WORKING_DAYS);
  return self->cadence;
}

gboolean
obeya_metric_get_sample (ObeyaMetric *self)
{
  g_return_val_if_fail (OBEYA_IS_METRIC (self), FALSE);
  return self->sample;
}

char *
obeya_metric_format_value (ObeyaMetric *self,
                           double       value)
{
  g_return_val_if_fail (OBEYA_IS_METRIC (self), NULL);

  if (self->unit == NULL)
    return g_strdup_printf ("%.*f", (int) self->decimals, value);
  return g_strdup_printf ("%.*f %s", (int) self->decimals, value, self->unit);
}

/* ---- searching ----------------------------------------------------------- */

/* Index of the first entry whose day is ≥ @day. */
static guint
entry_lower_bound (GArray   *entries,
                   ObeyaDay  day)
{
  guint lo = 0, hi = entries->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (entries, ObeyaMetricEntry, mid).day < day)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static const ObeyaMetricEntry *
find_entry (ObeyaMetric *self,
            ObeyaDay     day)
{
  guint i = entry_lower_bound (self->entries, day);

  if (i < self->entries->len && g_array_index (self->entries, ObeyaMetricEntry, i).day == day)
    return &g_array_index (self->entries, ObeyaMetricEntry, i);
  return NULL;
}

/* Number of targets whose from-day is ≤ @day (so the one in force is at
 * the returned index − 1). */
static guint
target_upper_bound (GArray   *targets,
                    ObeyaDay  day)
{
  guint lo = 0, hi = targets->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (targets, ObeyaMetricTarget, mid).from <= day)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

const ObeyaMetricTarget *
obeya_metric_get_targets (ObeyaMetric *self,
                          guint       *n_targets)
{
  g_return_val_if_fail (OBEYA_IS_METRIC (self), NULL);
  if (n_targets)
    *n_targets = self->targets->len;
  return (const ObeyaMetricTarget *) self->targets->data;
}

const ObeyaMetricTarget *
obeya_metric_get_target_at (ObeyaMetric *self,
                            ObeyaDay     day)
{
  guint n;

  g_return_val_if_fail (OBEYA_IS_METRIC (self), NULL);

  n = target_upper_bound (self->targets, day);
  return n > 0 ? &g_array_index (self->targets, ObeyaMetricTarget, n - 1) : NULL;
}

const ObeyaMetricEntry *
obeya_metric_get_entries (ObeyaMetric *self,
                          guint       *n_entries)
{
  g_return_val_if_fail (OBEYA_IS_METRIC (self), NULL);
  if (n_entries)
    *n_entries = self->entries->len;
  return (const ObeyaMetricEntry *) self->entries->data;
}

ObeyaDay
obeya_metric_normalize_day (ObeyaMetric *self,
                            ObeyaDay     day)
{
  g_return_val_if_fail (OBEYA_IS_METRIC (self), day);

  if (self->cadence == OBEYA_METRIC_CADENCE_WEEKLY && day != OBEYA_DAY_NONE)
    return day - (ObeyaDay) (obeya_day_get_weekday (day) - 1);
  return day;
}

const ObeyaMetricEntry *
obeya_metric_get_entry (ObeyaMetric *self,
                        ObeyaDay     day)
{
  g_return_val_if_fail (OBEYA_IS_METRIC (self), NULL);
  return find_entry (self, obeya_metric_normalize_day (self, day));
}

/* ---- status -------------------------------------------------------------- */

gboolean
obeya_metric_is_due (ObeyaMetric *self,
                     ObeyaDay     day)
{
  ObeyaWorkspace *workspace;

  g_return_val_if_fail (OBEYA_IS_METRIC (self), FALSE);

  switch (self->cadence)
    {
    case OBEYA_METRIC_CADENCE_DAILY:
      return TRUE;
    case OBEYA_METRIC_CADENCE_WEEKLY:
      return obeya_day_get_weekday (day) == 1;
    case OBEYA_METRIC_CADENCE_WORKING_DAYS:
    default:
      workspace = obeya_entity_get_workspace (OBEYA_ENTITY (self));
      if (workspace != NULL)
        return obeya_workspace_is_working_day (workspace, day);
      return obeya_day_get_weekday (day) <= 5;
    }
}

/* Rule 5 of the header: a value against a target. */
static ObeyaMetricStatus
judge_value (ObeyaMetricDirection     direction,
             const ObeyaMetricTarget *target,
             double                   value)
{
  double amber;

  if (target == NULL)
    return OBEYA_METRIC_STATUS_NO_TARGET;

  amber = target->amber > 0 ? target->amber : 0;
  switch (direction)
    {
    case OBEYA_METRIC_LOWER_IS_BETTER:
      if (value <= target->target)
        return OBEYA_METRIC_STATUS_MET;
      if (amber > 0 && value <= target->target + amber)
        return OBEYA_METRIC_STATUS_AMBER;
      return OBEYA_METRIC_STATUS_MISSED;

    case OBEYA_METRIC_WITHIN_BAND:
      if (value >= target->min && value <= target->max)
        return OBEYA_METRIC_STATUS_MET;
      if (amber > 0 && value >= target->min - amber && value <= target->max + amber)
        return OBEYA_METRIC_STATUS_AMBER;
      return OBEYA_METRIC_STATUS_MISSED;

    case OBEYA_METRIC_HIGHER_IS_BETTER:
    default:
      if (value >= target->target)
        return OBEYA_METRIC_STATUS_MET;
      if (amber > 0 && value >= target->target - amber)
        return OBEYA_METRIC_STATUS_AMBER;
      return OBEYA_METRIC_STATUS_MISSED;
    }
}

/* Rules 1–4 of the header, then rule 5: the only place they are applied. */
static ObeyaMetricStatus
status_of (ObeyaMetric             *self,
           ObeyaDay                 day,
           ObeyaDay                 today,
           gboolean                 due,
           const ObeyaMetricEntry  *entry,
           const ObeyaMetricTarget *target)
{
  if (!due && entry == NULL)
    return OBEYA_METRIC_STATUS_NON_WORKING;
  if (day > today)
    return OBEYA_METRIC_STATUS_FUTURE;
  if (entry == NULL)
    return OBEYA_METRIC_STATUS_NO_DATA;
  return judge_value (self->direction, target, entry->value);
}

ObeyaMetricStatus
obeya_metric_judge (ObeyaMetric *self,
                    ObeyaDay     day,
                    double       value)
{
  g_return_val_if_fail (OBEYA_IS_METRIC (self), OBEYA_METRIC_STATUS_NO_TARGET);
  return judge_value (self->direction, obeya_metric_get_target_at (self, day), value);
}

ObeyaMetricStatus
obeya_metric_get_status (ObeyaMetric *self,
                         ObeyaDay     day,
                         ObeyaDay     today)
{
  g_return_val_if_fail (OBEYA_IS_METRIC (self), OBEYA_METRIC_STATUS_NO_DATA);

  return status_of (self, day, today, obeya_metric_is_due (self, day), find_entry (self, day),
                    obeya_metric_get_target_at (self, day));
}

void
obeya_metric_get_statuses (ObeyaMetric       *self,
                           ObeyaDay           first,
                           guint              n_days,
                           ObeyaDay           today,
                           ObeyaMetricStatus *out)
{
  const ObeyaMetricEntry *entries;
  const ObeyaMetricTarget *targets;
  guint e, t;

  g_return_if_fail (OBEYA_IS_METRIC (self));
  g_return_if_fail (out != NULL || n_days == 0);

  entries = (const ObeyaMetricEntry *) self->entries->data;
  targets = (const ObeyaMetricTarget *) self->targets->data;
  e = entry_lower_bound (self->entries, first);
  t = target_upper_bound (self->targets, first); /* targets[t - 1] is in force */

  for (guint i = 0; i < n_days; i++)
    {
      ObeyaDay day = first + i;
      const ObeyaMetricEntry *entry = NULL;

      while (e < self->entries->len && entries[e].day < day)
        e++;
      if (e < self->entries->len && entries[e].day == day)
        entry = &entries[e];
      while (t < self->targets->len && targets[t].from <= day)
        t++;

      out[i] = status_of (self, day, today, obeya_metric_is_due (self, day), entry,
                          t > 0 ? &targets[t - 1] : NULL);
    }
}

/* ---- aggregates ---------------------------------------------------------- */

gboolean
obeya_metric_get_latest (ObeyaMetric *self,
                         ObeyaDay     today,
                         ObeyaDay    *day,
                         double      *value)
{
  guint i;
  const ObeyaMetricEntry *entry;

  g_return_val_if_fail (OBEYA_IS_METRIC (self), FALSE);

  i = entry_lower_bound (self->entries, today + 1);
  if (i == 0)
    return FALSE;
  entry = &g_array_index (self->entries, ObeyaMetricEntry, i - 1);
  if (day)
    *day = entry->day;
  if (value)
    *value = entry->value;
  return TRUE;
}

guint
obeya_metric_get_average (ObeyaMetric *self,
                          ObeyaDay     first,
                          ObeyaDay     last,
                          double      *average)
{
  double sum = 0;
  guint n = 0;

  g_return_val_if_fail (OBEYA_IS_METRIC (self), 0);

  for (guint i = entry_lower_bound (self->entries, first); i < self->entries->len; i++)
    {
      const ObeyaMetricEntry *entry = &g_array_index (self->entries, ObeyaMetricEntry, i);

      if (entry->day > last)
        break;
      sum += entry->value;
      n++;
    }
  if (n > 0 && average != NULL)
    *average = sum / n;
  return n;
}

guint
obeya_metric_get_week_average (ObeyaMetric *self,
                               ObeyaDay     today,
                               double      *average)
{
  ObeyaDay monday = today - (ObeyaDay) (obeya_day_get_weekday (today) - 1);

  return obeya_metric_get_average (self, monday, today, average);
}

guint
obeya_metric_get_month_average (ObeyaMetric *self,
                                ObeyaDay     today,
                                double      *average)
{
  int y, m, d;

  obeya_day_to_ymd (today, &y, &m, &d);
  return obeya_metric_get_average (self, obeya_day_from_ymd (y, m, 1), today, average);
}

void
obeya_metric_count_statuses (ObeyaMetric       *self,
                             ObeyaDay           first,
                             ObeyaDay           last,
                             ObeyaDay           today,
                             ObeyaMetricCounts *counts)
{
  g_autofree ObeyaMetricStatus *statuses = NULL;
  guint n;

  g_return_if_fail (OBEYA_IS_METRIC (self));
  g_return_if_fail (counts != NULL);

  memset (counts, 0, sizeof *counts);
  last = MIN (last, today);
  if (first == OBEYA_DAY_NONE || last < first)
    return;

  n = last - first + 1;
  statuses = g_new (ObeyaMetricStatus, n);
  obeya_metric_get_statuses (self, first, n, today, statuses);
  for (guint i = 0; i < n; i++)
    {
      if (!obeya_metric_is_due (self, first + i))
        continue;
      counts->due++;
      switch (statuses[i])
        {
        case OBEYA_METRIC_STATUS_MET:
          counts->met++;
          break;
        case OBEYA_METRIC_STATUS_AMBER:
          counts->amber++;
          break;
        case OBEYA_METRIC_STATUS_MISSED:
          counts->missed++;
          break;
        case OBEYA_METRIC_STATUS_NO_TARGET:
          counts->no_target++;
          break;
        case OBEYA_METRIC_STATUS_NO_DATA:
        case OBEYA_METRIC_STATUS_FUTURE:
        case OBEYA_METRIC_STATUS_NON_WORKING:
        default:
          counts->no_data++;
          break;
        }
    }
}

double
obeya_metric_counts_percent_met (const ObeyaMetricCounts *counts)
{
  guint judged;

  g_return_val_if_fail (counts != NULL, -1);

  judged = counts->met + counts->amber + counts->missed + counts->no_data;
  return judged > 0 ? 100.0 * counts->met / judged : -1;
}

guint
obeya_metric_get_streak (ObeyaMetric       *self,
                         ObeyaDay           today,
                         ObeyaMetricStatus *status)
{
  ObeyaMetricStatus first_status = OBEYA_METRIC_STATUS_NO_DATA;
  ObeyaDay start, floor_day = G_MAXUINT32;
  guint n = 0;

  g_return_val_if_fail (OBEYA_IS_METRIC (self), 0);

  /* Nothing before the first entry or target: the metric did not exist. */
  if (self->entries->len > 0)
    floor_day = g_array_index (self->entries, ObeyaMetricEntry, 0).day;
  if (self->targets->len > 0)
    floor_day = MIN (floor_day, g_array_index (self->targets, ObeyaMetricTarget, 0).from);
  if (floor_day == G_MAXUINT32 || today < floor_day)
    return 0;

  start = obeya_metric_is_due (self, today) && find_entry (self, today) != NULL ? today : today - 1;
  for (ObeyaDay day = start; day >= floor_day && day > OBEYA_DAY_NONE; day--)
    {
      ObeyaMetricStatus s;

      if (!obeya_metric_is_due (self, day))
        continue;
      s = obeya_metric_get_status (self, day, today);
      if (n == 0)
        first_status = s;
      else if (s != first_status)
        break;
      n++;
    }

  if (status)
    *status = first_status;
  return n;
}

void
obeya_metric_count_misses_by_reason (ObeyaMetric *self,
                                     ObeyaDay     first,
                                     ObeyaDay     last,
                                     ObeyaDay     today,
                                     GHashTable  *counts)
{
  g_return_if_fail (OBEYA_IS_METRIC (self));
  g_return_if_fail (counts != NULL);

  last = MIN (last, today);
  for (guint i = entry_lower_bound (self->entries, first); i < self->entries->len; i++)
    {
      const ObeyaMetricEntry *entry = &g_array_index (self->entries, ObeyaMetricEntry, i);
      const char *key;
      guint n;

      if (entry->day > last)
        break;
      if (judge_value (self->direction, obeya_metric_get_target_at (self, entry->day),
                       entry->value) != OBEYA_METRIC_STATUS_MISSED)
        continue;
      key = entry->reason ? entry->reason : "";
      n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, key));
      g_hash_table_insert (counts, (gpointer) key, GUINT_TO_POINTER (n + 1));
    }
}

const char *
obeya_metric_direction_get_label (ObeyaMetricDirection direction)
{
  switch (direction)
    {
    case OBEYA_METRIC_HIGHER_IS_BETTER:
      return _("Higher is better");
    case OBEYA_METRIC_LOWER_IS_BETTER:
      return _("Lower is better");
    case OBEYA_METRIC_WITHIN_BAND:
      return _("Within a band");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
obeya_metric_cadence_get_label (ObeyaMetricCadence cadence)
{
  switch (cadence)
    {
    case OBEYA_METRIC_CADENCE_WORKING_DAYS:
      return _("Every working day");
    case OBEYA_METRIC_CADENCE_DAILY:
      return _("Every day");
    case OBEYA_METRIC_CADENCE_WEEKLY:
      return _("Weekly");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
obeya_metric_status_get_label (ObeyaMetricStatus status)
{
  switch (status)
    {
    case OBEYA_METRIC_STATUS_MET:
      return _("Met");
    case OBEYA_METRIC_STATUS_AMBER:
      return _("Close to target");
    case OBEYA_METRIC_STATUS_MISSED:
      return _("Missed");
    case OBEYA_METRIC_STATUS_NO_DATA:
      return _("No data");
    case OBEYA_METRIC_STATUS_NO_TARGET:
      return _("No target");
    case OBEYA_METRIC_STATUS_FUTURE:
      return _("Not yet");
    case OBEYA_METRIC_STATUS_NON_WORKING:
      return _("Non-working day");
    default:
      g_return_val_if_reached (NULL);
    }
}

char *
obeya_metric_dup_streak_text (ObeyaMetric *self,
                              ObeyaDay     today)
{
  ObeyaMetricStatus status;
  guint n;
  gboolean weeks;

  g_return_val_if_fail (OBEYA_IS_METRIC (self), NULL);

  n = obeya_metric_get_streak (self, today, &status);
  if (n == 0)
    return NULL;
  weeks = self->cadence == OBEYA_METRIC_CADENCE_WEEKLY;
  switch (status)
    {
    case OBEYA_METRIC_STATUS_MET:
      return g_strdup_printf (weeks ? g_dngettext (GETTEXT_PACKAGE, "Met %u week running",
                                                   "Met %u weeks running", n)
                                    : g_dngettext (GETTEXT_PACKAGE, "Met %u day running",
                                                   "Met %u days running", n), n);
    case OBEYA_METRIC_STATUS_AMBER:
      return g_strdup_printf (weeks ? g_dngettext (GETTEXT_PACKAGE,
                                                   "Close to target %u week running",
                                                   "Close to target %u weeks running", n)
                                    : g_dngettext (GETTEXT_PACKAGE,
                                                   "Close to target %u day running",
                                                   "Close to target %u days running", n), n);
    case OBEYA_METRIC_STATUS_MISSED:
      return g_strdup_printf (weeks ? g_dngettext (GETTEXT_PACKAGE, "Missed %u week running",
                                                   "Missed %u weeks running", n)
                                    : g_dngettext (GETTEXT_PACKAGE, "Missed %u day running",
                                                   "Missed %u days running", n), n);
    case OBEYA_METRIC_STATUS_NO_DATA:
    case OBEYA_METRIC_STATUS_NO_TARGET:
    case OBEYA_METRIC_STATUS_FUTURE:
    case OBEYA_METRIC_STATUS_NON_WORKING:
    default:
      return g_strdup_printf (weeks ? g_dngettext (GETTEXT_PACKAGE, "No data for %u week",
                                                   "No data for %u weeks", n)
                                    : g_dngettext (GETTEXT_PACKAGE, "No data for %u day",
                                                   "No data for %u days", n), n);
    }
}

char *
obeya_metric_dup_miss_link_target (ObeyaMetric *self,
                                   ObeyaDay     day)
{
  char buf[OBEYA_DAY_BUF_SIZE];

  g_return_val_if_fail (OBEYA_IS_METRIC (self), NULL);
  return g_strdup_printf ("%s/%s", obeya_entity_get_id (OBEYA_ENTITY (self)),
                          obeya_day_format (day, buf));
}

gboolean
obeya_metric_parse_miss_link_target (const char  *target,
                                     char       **metric_id,
                                     ObeyaDay    *day)
{
  const char *slash = target ? strrchr (target, '/') : NULL;
  ObeyaDay parsed;

  if (slash == NULL || slash == target || !obeya_day_parse (slash + 1, &parsed))
    return FALSE;
  if (metric_id)
    *metric_id = g_strndup (target, slash - target);
  if (day)
    *day = parsed;
  return TRUE;
}

/* ---- raw changes ----------------------------------------------------------- */

/* Sets (@entry non-NULL, copied) or clears the entry of @day. */
static void
put_entry (ObeyaMetric            *self,
           ObeyaDay                day,
           const ObeyaMetricEntry *entry)
{
  guint i = entry_lower_bound (self->entries, day);
  gboolean found = i < self->entries->len &&
                   g_array_index (self->entries, ObeyaMetricEntry, i).day == day;

  if (entry == NULL)
    {
      if (found)
        g_array_remove_index (self->entries, i);
      return;
    }

  if (found)
    {
      ObeyaMetricEntry *slot = &g_array_index (self->entries, ObeyaMetricEntry, i);

      entry_clear (slot);
      *slot = entry_copy (entry);
      slot->day = day;
    }
  else
    {
      ObeyaMetricEntry copy = entry_copy (entry);

      copy.day = day;
      g_array_insert_val (self->entries, i, copy);
    }
}

typedef struct
{
  ObeyaDay         day;
  gboolean         had_old;
  gboolean         has_new;
  ObeyaMetricEntry old_entry;
  ObeyaMetricEntry new_entry;
} EntryEdit;

typedef struct
{
  ObeyaMetric *metric;
  GArray      *edits; /* of EntryEdit */
} EntriesChange;

static void
entry_edit_clear (gpointer data)
{
  EntryEdit *edit = data;

  entry_clear (&edit->old_entry);
  entry_clear (&edit->new_entry);
}

static void
entries_change_free (gpointer data)
{
  EntriesChange *change = data;

  g_object_unref (change->metric);
  g_array_unref (change->edits);
  g_free (change);
}

static void
entries_apply (gpointer data)
{
  EntriesChange *change = data;

  for (guint i = 0; i < change->edits->len; i++)
    {
      EntryEdit *edit = &g_array_index (change->edits, EntryEdit, i);
      put_entry (change->metric, edit->day, edit->has_new ? &edit->new_entry : NULL);
    }
  g_signal_emit (change->metric, signals[DATA_CHANGED], 0);
}

static void
entries_revert (gpointer data)
{
  EntriesChange *change = data;

  for (guint i = change->edits->len; i > 0; i--)
    {
      EntryEdit *edit = &g_array_index (change->edits, EntryEdit, i - 1);
      put_entry (change->metric, edit->day, edit->had_old ? &edit->old_entry : NULL);
    }
  g_signal_emit (change->metric, signals[DATA_CHANGED], 0);
}

static EntriesChange *
entries_change_new (ObeyaMetric *self)
{
  EntriesChange *change = g_new0 (EntriesChange, 1);

  change->metric = g_object_ref (self);
  change->edits = g_array_new (FALSE, TRUE, sizeof (EntryEdit));
  g_array_set_clear_func (change->edits, entry_edit_clear);
  return change;
}

static gboolean
entries_equal (const ObeyaMetricEntry *a,
               const ObeyaMetricEntry *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return a->value == b->value && g_strcmp0 (a->note, b->note) == 0 &&
         g_strcmp0 (a->reason, b->reason) == 0;
}

/* Adds the edit of @day to @change (against the current state); FALSE when
 * it changes nothing. */
static gboolean
add_edit (ObeyaMetric            *self,
          EntriesChange          *change,
          ObeyaDay                day,
          const ObeyaMetricEntry *entry)
{
  const ObeyaMetricEntry *old = find_entry (self, day);
  EntryEdit edit = { 0, };

  if (entry != NULL)
    {
      ObeyaMetricEntry normalized = entry_copy (entry);
      gboolean same = entries_equal (old, &normalized);

      if (same)
        {
          entry_clear (&normalized);
          return FALSE;
        }
      edit.has_new = TRUE;
      edit.new_entry = normalized;
      edit.new_entry.day = day;
    }
  else if (old == NULL)
    return FALSE;

  edit.day = day;
  if (old != NULL)
    {
      edit.had_old = TRUE;
      edit.old_entry = entry_copy (old);
    }
  g_array_append_val (change->edits, edit);
  return TRUE;
}

static void
record_change (ObeyaHistory  *history,
               EntriesChange *change)
{
  if (change->edits->len == 0)
    {
      entries_change_free (change);
      return;
    }
  obeya_history_custom (history, entries_apply, entries_revert, change, entries_change_free);
}

void
_obeya_metric_record_entry (ObeyaMetric            *self,
                            ObeyaHistory           *history,
                            ObeyaDay                day,
                            const ObeyaMetricEntry *entry)
{
  EntriesChange *change = entries_change_new (self);

  add_edit (self, change, obeya_metric_normalize_day (self, entry ? entry->day : day), entry);
  record_change (history, change);
}

static int
compare_entry_days (gconstpointer a,
                    gconstpointer b)
{
  ObeyaDay da = ((const ObeyaMetricEntry *) a)->day, db = ((const ObeyaMetricEntry *) b)->day;

  return da < db ? -1 : da > db ? 1 : 0;
}

void
_obeya_metric_record_entries (ObeyaMetric            *self,
                              ObeyaHistory           *history,
                              const ObeyaMetricEntry *entries,
                              guint                   n_entries)
{
  g_autoptr(GArray) sorted = g_array_sized_new (FALSE, FALSE, sizeof (ObeyaMetricEntry), n_entries);
  EntriesChange *change = entries_change_new (self);

  /* Normalise, sort (stable), and let the last of several for one day win. */
  for (guint i = 0; i < n_entries; i++)
    {
      ObeyaMetricEntry entry = entries[i];

      entry.day = obeya_metric_normalize_day (self, entry.day);
      g_array_append_val (sorted, entry);
    }
  g_array_sort (sorted, compare_entry_days); /* g_array_sort is stable (merge sort) */
  for (guint i = 0; i < sorted->len; i++)
    {
      const ObeyaMetricEntry *entry = &g_array_index (sorted, ObeyaMetricEntry, i);

      if (i + 1 < sorted->len && g_array_index (sorted, ObeyaMetricEntry, i + 1).day == entry->day)
        continue;
      add_edit (self, change, entry->day, entry);
    }
  record_change (history, change);
}

void
_obeya_metric_strip_reason (ObeyaMetric  *self,
                            ObeyaHistory *history,
                            const char   *reason_id)
{
  EntriesChange *change = entries_change_new (self);
  const char *interned = g_intern_string (reason_id);

  for (guint i = 0; i < self->entries->len; i++)
    {
      const ObeyaMetricEntry *entry = &g_array_index (self->entries, ObeyaMetricEntry, i);
      ObeyaMetricEntry stripped;

      if (entry->reason != interned)
        continue;
      stripped = *entry;
      stripped.reason = NULL;
      add_edit (self, change, entry->day, &stripped);
    }
  record_change (history, change);
}

/* ---- targets ------------------------------------------------------------- */

typedef struct
{
  ObeyaMetric *metric;
  GArray      *old_targets;
  GArray      *new_targets;
} TargetsChange;

static void
targets_change_free (gpointer data)
{
  TargetsChange *change = data;

  g_object_unref (change->metric);
  g_array_unref (change->old_targets);
  g_array_unref (change->new_targets);
  g_free (change);
}

static void
set_targets (ObeyaMetric *self,
             GArray      *targets)
{
  g_array_set_size (self->targets, 0);
  g_array_append_vals (self->targets, targets->data, targets->len);
  g_signal_emit (self, signals[DATA_CHANGED], 0);
}

static void
targets_apply (gpointer data)
{
  TargetsChange *change = data;

  set_targets (change->metric, change->new_targets);
}

static void
targets_revert (gpointer data)
{
  TargetsChange *change = data;

  set_targets (change->metric, change->old_targets);
}

static ObeyaHistory *
metric_history (ObeyaMetric *self)
{
  ObeyaHistory *history = obeya_entity_get_history (OBEYA_ENTITY (self));

  /* A detached metric records into a throwaway history. */
  return history ? g_object_ref (history) : obeya_history_new ();
}

static void
record_targets (ObeyaMetric *self,
                const char  *label,
                GArray      *new_targets)
{
  g_autoptr(ObeyaHistory) history = metric_history (self);
  TargetsChange *change = g_new0 (TargetsChange, 1);

  change->metric = g_object_ref (self);
  change->old_targets = g_array_copy (self->targets);
  change->new_targets = new_targets;
  obeya_history_begin (history, label);
  obeya_history_custom (history, targets_apply, targets_revert, change, targets_change_free);
  obeya_history_end (history);
}

static gboolean
target_is_valid (const ObeyaMetricTarget *target)
{
  return target->from != OBEYA_DAY_NONE &&
         isfinite (target->target) && fabs (target->target) <= OBEYA_METRIC_VALUE_MAX &&
         isfinite (target->min) && fabs (target->min) <= OBEYA_METRIC_VALUE_MAX &&
         isfinite (target->max) && fabs (target->max) <= OBEYA_METRIC_VALUE_MAX &&
         isfinite (target->amber) && target->amber >= 0 &&
         target->amber <= OBEYA_METRIC_VALUE_MAX && target->min <= target->max;
}

void
obeya_metric_set_target (ObeyaMetric             *self,
                         const ObeyaMetricTarget *target)
{
  GArray *targets;
  guint n;

  g_return_if_fail (OBEYA_IS_METRIC (self));
  g_return_if_fail (target != NULL && target_is_valid (target));

  targets = g_array_copy (self->targets);
  n = target_upper_bound (targets, target->from);
  if (n > 0 && g_array_index (targets, ObeyaMetricTarget, n - 1).from == target->from)
    {
      ObeyaMetricTarget *slot = &g_array_index (targets, ObeyaMetricTarget, n - 1);

      if (slot->target == target->target && slot->min == target->min &&
          slot->max == target->max && slot->amber == target->amber)
        {
          g_array_unref (targets);
          return;
        }
      *slot = *target;
    }
  else
    g_array_insert_val (targets, n, *target);

  record_targets (self, _("Change target"), targets);
}

void
obeya_metric_remove_target (ObeyaMetric *self,
                            ObeyaDay     from)
{
  GArray *targets;
  guint n;

  g_return_if_fail (OBEYA_IS_METRIC (self));

  n = target_upper_bound (self->targets, from);
  if (n == 0 || g_array_index (self->targets, ObeyaMetricTarget, n - 1).from != from)
    return;
  targets = g_array_copy (self->targets);
  g_array_remove_index (targets, n - 1);
  record_targets (self, _("Remove target"), targets);
}

/* ---- entry commands ------------------------------------------------------ */

void
obeya_metric_set_entry (ObeyaMetric *self,
                        ObeyaDay     day,
                        double       value,
                        const char  *note,
                        const char  *reason_id)
{
  g_autoptr(ObeyaHistory) history = NULL;
  ObeyaMetricEntry entry;
  ObeyaWorkspace *workspace;

  g_return_if_fail (OBEYA_IS_METRIC (self));
  g_return_if_fail (day != OBEYA_DAY_NONE);
  g_return_if_fail (isfinite (value) && fabs (value) <= OBEYA_METRIC_VALUE_MAX);

  workspace = obeya_entity_get_workspace (OBEYA_ENTITY (self));
  g_return_if_fail (reason_id == NULL || workspace == NULL ||
                    obeya_metrics_find_miss_reason (obeya_workspace_get_metrics (workspace),
                                                    reason_id) != NULL);

  entry.day = day;
  entry.value = value;
  entry.note = (char *) note;
  entry.reason = reason_id;
  history = metric_history (self);
  obeya_history_begin (history, _("Enter value"));
  _obeya_metric_record_entry (self, history, day, &entry);
  obeya_history_end (history);
}

void
obeya_metric_clear_entry (ObeyaMetric *self,
                          ObeyaDay     day)
{
  g_autoptr(ObeyaHistory) history = NULL;

  g_return_if_fail (OBEYA_IS_METRIC (self));

  history = metric_history (self);
  obeya_history_begin (history, _("Clear value"));
  _obeya_metric_record_entry (self, history, day, NULL);
  obeya_history_end (history);
}

/* ---- JSON ---------------------------------------------------------------- */

static const char * const metric_members[] = {
  "id", "name", "description", "category", "unit", "decimals", "direction", "cadence",
  "sample", "targets", "entries", NULL
};

void
_obeya_metric_write (ObeyaMetric     *self,
                     ObeyaJsonWriter *writer)
{
  JsonObject *extra = obeya_entity_get_extra (OBEYA_ENTITY (self));
  char day[OBEYA_DAY_BUF_SIZE];

  obeya_json_writer_begin_object (writer);
  obeya_json_writer_member_string (writer, "id", obeya_entity_get_id (OBEYA_ENTITY (self)));
  obeya_json_writer_member_string (writer, "name", self->name ? self->name : "");
  if (self->description != NULL)
    obeya_json_writer_member_string (writer, "description", self->description);
  obeya_json_writer_member_string (writer, "category", self->category);
  if (self->unit != NULL)
    obeya_json_writer_member_string (writer, "unit", self->unit);
  if (self->decimals > 0)
    obeya_json_writer_member_int (writer, "decimals", self->decimals);
  obeya_json_writer_member_string (writer, "direction",
                                   obeya_enum_to_nick (OBEYA_TYPE_METRIC_DIRECTION,
                                                       self->direction));
  obeya_json_writer_member_string (writer, "cadence",
                                   obeya_enum_to_nick (OBEYA_TYPE_METRIC_CADENCE, self->cadence));
  if (self->sample)
    obeya_json_writer_member_boolean (writer, "sample", TRUE);

  /* [from, target(, amber)] or, for a band, [from, min, max(, amber)]. */
  obeya_json_writer_member (writer, "targets");
  obeya_json_writer_begin_array (writer, OBEYA_JSON_MULTILINE);
  for (guint i = 0; i < self->targets->len; i++)
    {
      const ObeyaMetricTarget *target = &g_array_index (self->targets, ObeyaMetricTarget, i);

      obeya_json_writer_begin_array (writer, OBEYA_JSON_INLINE);
      obeya_json_writer_string (writer, obeya_day_format (target->from, day));
      if (self->direction == OBEYA_METRIC_WITHIN_BAND)
        {
          obeya_json_writer_double (writer, target->min);
          obeya_json_writer_double (writer, target->max);
        }
      else
        obeya_json_writer_double (writer, target->target);
      if (target->amber > 0)
        obeya_json_writer_double (writer, target->amber);
      obeya_json_writer_end_array (writer);
    }
  obeya_json_writer_end_array (writer);

  /* [day, value(, note or null(, reason id))] */
  obeya_json_writer_member (writer, "entries");
  obeya_json_writer_begin_array (writer, OBEYA_JSON_MULTILINE);
  for (guint i = 0; i < self->entries->len; i++)
    {
      const ObeyaMetricEntry *entry = &g_array_index (self->entries, ObeyaMetricEntry, i);

      obeya_json_writer_begin_array (writer, OBEYA_JSON_INLINE);
      obeya_json_writer_string (writer, obeya_day_format (entry->day, day));
      obeya_json_writer_double (writer, entry->value);
      if (entry->note != NULL || entry->reason != NULL)
        obeya_json_writer_string (writer, entry->note);
      if (entry->reason != NULL)
        obeya_json_writer_string (writer, entry->reason);
      obeya_json_writer_end_array (writer);
    }
  obeya_json_writer_end_array (writer);

  if (extra != NULL)
    obeya_json_writer_members_of (writer, extra);
  obeya_json_writer_end_object (writer);
}

/* A number within ±OBEYA_METRIC_VALUE_MAX at @index of @array. */
static double
read_value (ObeyaJsonReader *r,
            JsonArray       *array,
            guint            index)
{
  double value = obeya_json_reader_array_double (r, array, index);

  if (!obeya_json_reader_failed (r) && fabs (value) > OBEYA_METRIC_VALUE_MAX)
    {
      obeya_json_reader_push_index (r, index);
      obeya_json_reader_fail (r, NULL, _("the number is too large"));
      obeya_json_reader_pop (r);
    }
  return value;
}

static ObeyaDay
read_day_element (ObeyaJsonReader *r,
                  JsonArray       *array,
                  guint            index)
{
  const char *text = obeya_json_reader_array_string (r, array, index, FALSE);
  ObeyaDay day = OBEYA_DAY_NONE;

  if (text != NULL && !obeya_day_parse (text, &day))
    {
      obeya_json_reader_push_index (r, index);
      obeya_json_reader_fail (r, NULL, _("“%s” is not a date (YYYY-MM-DD)"), text);
      obeya_json_reader_pop (r);
    }
  return day;
}

static void
read_targets (ObeyaMetric      *self,
              ObeyaLoadContext *ctx,
              JsonObject       *object)
{
  ObeyaJsonReader *r = ctx->reader;
  JsonArray *array = obeya_json_reader_get_array (r, object, "targets", FALSE);
  guint n = array ? json_array_get_length (array) : 0;
  gboolean band = self->direction == OBEYA_METRIC_WITHIN_BAND;

  obeya_json_reader_push_member (r, "targets");
  for (guint i = 0; i < n && !obeya_json_reader_failed (r); i++)
    {
      JsonArray *element = obeya_json_reader_array_array (r, array, i);
      ObeyaMetricTarget target = { 0, };
      guint length, n_values = band ? 2 : 1;

      if (element == NULL)
        break;
      obeya_json_reader_push_index (r, i);
      length = json_array_get_length (element);
      if (length != 1 + n_values && length != 2 + n_values)
        obeya_json_reader_fail (r, NULL, "%s",
                                band ? _("expected [from, min, max] or [from, min, max, amber]")
                                     : _("expected [from, target] or [from, target, amber]"));
      target.from = read_day_element (r, element, 0);
      if (band)
        {
          target.min = read_value (r, element, 1);
          target.max = read_value (r, element, 2);
          if (!obeya_json_reader_failed (r) && target.min > target.max)
            obeya_json_reader_fail (r, NULL, _("the band's minimum is above its maximum"));
        }
      else
        target.target = read_value (r, element, 1);
      if (length == 2 + n_values)
        {
          target.amber = read_value (r, element, 1 + n_values);
          if (!obeya_json_reader_failed (r) && target.amber < 0)
            obeya_json_reader_fail (r, NULL, _("the amber margin must not be negative"));
        }
      if (!obeya_json_reader_failed (r) && self->targets->len > 0 &&
          g_array_index (self->targets, ObeyaMetricTarget,
                         self->targets->len - 1).from >= target.from)
        obeya_json_reader_fail (r, NULL, _("targets must be in date order, one per date"));
      obeya_json_reader_pop (r);
      g_array_append_val (self->targets, target);
    }
  obeya_json_reader_pop (r);
}

/* The common case of an entry, read without the reader's bookkeeping (a
 * path printed for every element would cost more than the parse): FALSE
 * for anything unusual, which the validating path then reads again and
 * reports with its exact path. */
static gboolean
read_entry_fast (ObeyaMetric      *self,
                 JsonNode         *node,
                 GHashTable       *reasons,
                 ObeyaDay          previous,
                 ObeyaMetricEntry *entry)
{
  JsonArray *element;
  JsonNode *value, *note = NULL, *reason = NULL;
  const char *reason_id = NULL;
  guint length;
  GType type;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;
  element = json_node_get_array (node);
  length = json_array_get_length (element);
  if (length < 2 || length > 4)
    return FALSE;

  node = json_array_get_element (element, 0);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
      !obeya_day_parse (json_node_get_string (node), &entry->day) || entry->day <= previous)
    return FALSE;
  if (self->cadence == OBEYA_METRIC_CADENCE_WEEKLY && obeya_day_get_weekday (entry->day) != 1)
    return FALSE;

  value = json_array_get_element (element, 1);
  if (!JSON_NODE_HOLDS_VALUE (value))
    return FALSE;
  type = json_node_get_value_type (value);
  if (type == G_TYPE_INT64)
    entry->value = (double) json_node_get_int (value);
  else if (type == G_TYPE_DOUBLE)
    entry->value = json_node_get_double (value);
  else
    return FALSE;
  if (!isfinite (entry->value) || fabs (entry->value) > OBEYA_METRIC_VALUE_MAX)
    return FALSE;

  if (length > 2)
    {
      note = json_array_get_element (element, 2);
      if (!JSON_NODE_HOLDS_NULL (note) &&
          (!JSON_NODE_HOLDS_VALUE (note) || json_node_get_value_type (note) != G_TYPE_STRING ||
           !g_utf8_validate (json_node_get_string (note), -1, NULL)))
        return FALSE;
    }
  if (length > 3)
    {
      reason = json_array_get_element (element, 3);
      if (!JSON_NODE_HOLDS_NULL (reason))
        {
          if (!JSON_NODE_HOLDS_VALUE (reason) || json_node_get_value_type (reason) != G_TYPE_STRING)
            return FALSE;
          reason_id = json_node_get_string (reason);
          if (reasons != NULL && !g_hash_table_contains (reasons, reason_id))
            return FALSE;
        }
    }

  entry->note = NULL;
  if (note != NULL && !JSON_NODE_HOLDS_NULL (note) && json_node_get_string (note)[0] != '\0')
    entry->note = g_strdup (json_node_get_string (note));
  entry->reason = g_intern_string (reason_id);
  return TRUE;
}

static void
read_entries (ObeyaMetric      *self,
              ObeyaLoadContext *ctx,
              JsonObject       *object,
              GHashTable       *reasons)
{
  ObeyaJsonReader *r = ctx->reader;
  JsonArray *array = obeya_json_reader_get_array (r, object, "entries", FALSE);
  guint n = array ? json_array_get_length (array) : 0;
  ObeyaDay previous = OBEYA_DAY_NONE;

  g_array_set_size (self->entries, 0);
  obeya_json_reader_push_member (r, "entries");
  for (guint i = 0; i < n && !obeya_json_reader_failed (r); i++)
    {
      JsonArray *element;
      ObeyaMetricEntry entry = { 0, };
      guint length;

      if (read_entry_fast (self, json_array_get_element (array, i), reasons, previous, &entry))
        {
          previous = entry.day;
          g_array_append_val (self->entries, entry);
          continue;
        }

      element = obeya_json_reader_array_array (r, array, i);
      if (element == NULL)
        break;
      obeya_json_reader_push_index (r, i);
      length = json_array_get_length (element);
      if (length < 2 || length > 4)
        obeya_json_reader_fail (r, NULL, _("expected [date, value, note, reason id]"));
      entry.day = read_day_element (r, element, 0);
      entry.value = read_value (r, element, 1);
      if (length > 2)
        {
          const char *note = obeya_json_reader_array_string (r, element, 2, TRUE);
          entry.note = note != NULL && note[0] != '\0' ? g_strdup (note) : NULL;
        }
      if (length > 3)
        {
          const char *reason = obeya_json_reader_array_string (r, element, 3, TRUE);

          if (reason != NULL && reasons != NULL && !g_hash_table_contains (reasons, reason))
            {
              obeya_json_reader_push_index (r, 3);
              obeya_json_reader_fail (r, NULL, _("no miss reason with id “%s”"), reason);
              obeya_json_reader_pop (r);
            }
          entry.reason = g_intern_string (reason);
        }
      if (!obeya_json_reader_failed (r) && entry.day <= previous)
        obeya_json_reader_fail (r, NULL, _("entries must be in date order, one per date"));
      if (!obeya_json_reader_failed (r) && self->cadence == OBEYA_METRIC_CADENCE_WEEKLY &&
          obeya_day_get_weekday (entry.day) != 1)
        obeya_json_reader_fail (r, NULL, _("a weekly metric's entries are dated on Mondays"));
      obeya_json_reader_pop (r);
      previous = entry.day;
      g_array_append_val (self->entries, entry);
    }
  obeya_json_reader_pop (r);
}

ObeyaMetric *
_obeya_metric_read (ObeyaLoadContext *ctx,
                    JsonObject       *object,
                    GHashTable       *categories,
                    GHashTable       *reasons)
{
  ObeyaJsonReader *r = ctx->reader;
  g_autoptr(ObeyaMetric) self = NULL;
  const char *id, *nick, *category;
  int value;

  id = _obeya_load_context_read_id (ctx, object);
  if (id == NULL)
    return NULL;

  self = g_object_new (OBEYA_TYPE_METRIC, "id", id, NULL);
  obeya_entity_set_parent (OBEYA_ENTITY (self), G_OBJECT (ctx->workspace));
  self->name = g_strdup (obeya_json_reader_get_string (r, object, "name", TRUE));
  set_optional_str (&self->description,
                    obeya_json_reader_get_string (r, object, "description", FALSE));
  category = obeya_json_reader_get_string (r, object, "category", TRUE);
  if (category != NULL && categories != NULL && !g_hash_table_contains (categories, category))
    obeya_json_reader_fail (r, "category", _("no category with id “%s”"), category);
  obeya_set_str (&self->category, category);
  set_optional_str (&self->unit, obeya_json_reader_get_string (r, object, "unit", FALSE));
  self->decimals = obeya_json_reader_get_int (r, object, "decimals", FALSE, 0, MAX_DECIMALS, 0);

  nick = obeya_json_reader_get_string (r, object, "direction", TRUE);
  if (nick != NULL)
    {
      if (obeya_enum_from_nick (OBEYA_TYPE_METRIC_DIRECTION, nick, &value))
        self->direction = value;
      else
        obeya_json_reader_fail (r, "direction",
                                _("unknown direction “%s” (expected higher, lower or band)"), nick);
    }
  nick = obeya_json_reader_get_string (r, object, "cadence", FALSE);
  if (nick != NULL)
    {
      if (obeya_enum_from_nick (OBEYA_TYPE_METRIC_CADENCE, nick, &value))
        self->cadence = value;
      else
        obeya_json_reader_fail (r, "cadence",
                                _("unknown cadence “%s” (expected working-days, daily or weekly)"),
                                nick);
    }
  self->sample = obeya_json_reader_get_boolean (r, object, "sample", FALSE);

  read_targets (self, ctx, object);
  read_entries (self, ctx, object, reasons);
  obeya_entity_take_extra (OBEYA_ENTITY (self),
                           obeya_json_collect_unknown (object, metric_members));

  if (obeya_json_reader_failed (r))
    return NULL;
  return g_steal_pointer (&self);
}
