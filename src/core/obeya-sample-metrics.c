/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-core"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "obeya-board.h"
#include "obeya-card.h"
#include "obeya-column.h"
#include "obeya-history.h"
#include "obeya-metrics.h"
#include "obeya-metrics-private.h"
#include "obeya-miss-reason.h"
#include "obeya-person.h"
#include "obeya-sample-metrics.h"
#include "obeya-workspace.h"

#define SAMPLE_SEED 20261103
#define SAMPLE_DAYS 91

/* Where a working day falls in the story, counted back from yesterday. */
typedef enum
{
  PHASE_BEFORE,   /* steady, a little below what the team can do */
  PHASE_BAD,      /* the outage week */
  PHASE_RECOVERY, /* catching up after the action */
  PHASE_AFTER,    /* better than before */
} Phase;

/* Working days back from the last one: the bad week is 26 to 30 working
 * days before yesterday, the recovery the 5 after it. */
#define BAD_FIRST    30
#define BAD_LAST     26
#define RECOVERY_END 21

typedef struct
{
  ObeyaMetrics     *metrics;
  ObeyaHistory     *history;
  GRand            *rand;
  GArray           *days;    /* working days from the start to yesterday */
  ObeyaMissReason  *outage;
  ObeyaMissReason  *purchase_order;
  ObeyaMissReason  *absence;
  ObeyaMissReason  *vendor_data;
  ObeyaMissReason  *workaround;
} Sample;

static Phase
phase_of (Sample *s,
          guint   i)
{
  guint back = s->days->len - 1 - i;

  if (back > BAD_FIRST)
    return PHASE_BEFORE;
  if (back >= BAD_LAST)
    return PHASE_BAD;
  if (back >= RECOVERY_END)
    return PHASE_RECOVERY;
  return PHASE_AFTER;
}

static ObeyaDay
working_day (Sample *s,
             guint   i)
{
  return g_array_index (s->days, ObeyaDay, i);
}

/* A value rounded to @decimals exactly as a person would type it. */
static double
typed (double value,
       guint  decimals)
{
  double scale = pow (10, decimals);

  return round (value * scale) / scale;
}

static double
between (Sample *s,
         double  low,
         double  high)
{
  return g_rand_double_range (s->rand, low, high);
}

static const char *
id_of (gpointer entity)
{
  return entity ? obeya_entity_get_id (OBEYA_ENTITY (entity)) : NULL;
}

/* Marks an object added by a command as sample content, in the command. */
static void
mark_sample (Sample  *s,
             gpointer object)
{
  GValue value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_BOOLEAN);
  g_value_set_boolean (&value, TRUE);
  obeya_history_set_property (s->history, G_OBJECT (object), "sample", &value);
  g_value_unset (&value);
}

static ObeyaMissReason *
add_reason (Sample     *s,
            const char *name)
{
  ObeyaMissReason *reason = obeya_metrics_add_miss_reason (s->metrics, name);

  mark_sample (s, reason);
  return reason;
}

static ObeyaMetric *
add_metric (Sample               *s,
            const char           *name,
            const char           *description,
            const char           *category,
            const char           *unit,
            guint                 decimals,
            ObeyaMetricDirection  direction,
            ObeyaMetricCadence    cadence,
            double                target,
            double                amber)
{
  g_autoptr(ObeyaMetric) metric = obeya_metric_new (name, category, direction);
  ObeyaMetricTarget first = { working_day (s, 0), target, 0, 0, amber };

  g_object_set (metric,
                "description", description,
                "unit", unit,
                "decimals", decimals,
                "cadence", cadence,
                "sample", TRUE,
                NULL);
  obeya_metrics_insert_metric (s->metrics, metric, -1);
  obeya_metric_set_target (metric, &first);
  return metric;
}

static void
append (GArray          *entries,
        ObeyaDay         day,
        double           value,
        const char      *note,
        ObeyaMissReason *reason)
{
  ObeyaMetricEntry entry = { day, value, (char *) note, id_of (reason) };

  g_array_append_val (entries, entry);
}

static void
record (Sample      *s,
        ObeyaMetric *metric,
        GArray      *entries)
{
  _obeya_metric_record_entries (metric, s->history, (const ObeyaMetricEntry *) entries->data,
                                entries->len);
  g_array_set_size (entries, 0);
}

static void
add_invoices (Sample *s,
              GArray *entries)
{
  ObeyaMetric *metric = add_metric (s, _("Invoices processed"),
                                    _("Supplier invoices posted to the ledger by the end of the "
                                      "day, against the daily plan"),
                                    OBEYA_CATEGORY_DELIVERY,
                                    _("invoices"), 0, OBEYA_METRIC_HIGHER_IS_BETTER,
                                    OBEYA_METRIC_CADENCE_WORKING_DAYS, 400, 30);
  /* Caught up and steadier: the plan goes up. */
  ObeyaMetricTarget raised = { working_day (s, s->days->len - RECOVERY_END + 1), 420, 0, 0, 30 };

  obeya_metric_set_target (metric, &raised);

  for (guint i = 0; i < s->days->len; i++)
    {
      ObeyaDay day = working_day (s, i);
      guint back = s->days->len - 1 - i;

      if (back == 44 || back == 12)
        continue; /* forgotten: grey, not green */
      switch (phase_of (s, i))
        {
        case PHASE_BEFORE:
          if (back % 9 == 4)
            append (entries, day, typed (between (s, 350, 368), 0), NULL, s->purchase_order);
          else
            append (entries, day, typed (between (s, 385, 440), 0), NULL, NULL);
          break;
        case PHASE_BAD:
          if (back == BAD_FIRST)
            append (entries, day, 212, _("Invoice system down from 10:00 to 15:30"), s->outage);
          else if (back == BAD_FIRST - 1)
            append (entries, day, 298, _("System slow all day"), s->outage);
          else if (back == BAD_FIRST - 2)
            append (entries, day, 335, NULL, s->outage);
          else if (back == BAD_FIRST - 3)
            append (entries, day, 351, _("Two people off sick"), s->absence);
          else
            append (entries, day, 372, NULL, s->purchase_order);
          break;
        case PHASE_RECOVERY:
          append (entries, day, typed (between (s, 455, 490), 0), _("Working off the backlog"),
                  NULL);
          break;
        case PHASE_AFTER:
        default:
          append (entries, day, typed (between (s, 415, 460), 0), NULL, NULL);
          break;
        }
    }
  record (s, metric, entries);
}

static void
add_first_pass_yield (Sample *s,
                      GArray *entries)
{
  ObeyaMetric *metric = add_metric (s, _("First-pass yield"),
                                    _("Share of invoices posted without rework or a query to "
                                      "the supplier"),
                                    OBEYA_CATEGORY_QUALITY,
                                    "%", 1, OBEYA_METRIC_HIGHER_IS_BETTER,
                                    OBEYA_METRIC_CADENCE_WORKING_DAYS, 95, 2);

  for (guint i = 0; i < s->days->len; i++)
    {
      ObeyaDay day = working_day (s, i);
      guint back = s->days->len - 1 - i;

      if (back == 44)
        continue;
      switch (phase_of (s, i))
        {
        case PHASE_BEFORE:
          if (back % 11 == 7)
            append (entries, day, typed (between (s, 90.5, 92.5), 1), NULL, s->vendor_data);
          else
            append (entries, day, typed (between (s, 94, 98), 1), NULL, NULL);
          break;
        case PHASE_BAD:
          append (entries, day, typed (between (s, 86, 91), 1),
                  back == BAD_FIRST - 1 ? _("Manual keying while the system was down") : NULL,
                  back >= BAD_FIRST - 2 ? s->workaround : s->vendor_data);
          break;
        case PHASE_RECOVERY:
          append (entries, day, typed (between (s, 93, 95.5), 1), NULL, NULL);
          break;
        case PHASE_AFTER:
        default:
          append (entries, day, typed (between (s, 95.5, 98.8), 1), NULL, NULL);
          break;
        }
    }
  record (s, metric, entries);
}

static void
add_old_items (Sample *s,
               GArray *entries)
{
  ObeyaMetric *metric = add_metric (s, _("Items older than 5 days"),
                                    _("Open invoices and queries received more than five "
                                      "working days ago"),
                                    OBEYA_CATEGORY_DELIVERY,
                                    _("items"), 0, OBEYA_METRIC_LOWER_IS_BETTER,
                                    OBEYA_METRIC_CADENCE_WORKING_DAYS, 10, 5);
  double backlog = 0;

  for (guint i = 0; i < s->days->len; i++)
    {
      ObeyaDay day = working_day (s, i);
      guint back = s->days->len - 1 - i;

      switch (phase_of (s, i))
        {
        case PHASE_BEFORE:
          append (entries, day, typed (between (s, 5, 13.4), 0), NULL, NULL);
          break;
        case PHASE_BAD:
          backlog += between (s, 4, 7);
          append (entries, day, typed (11 + backlog, 0), NULL,
                  back >= BAD_FIRST - 2 ? s->outage : s->absence);
          break;
        case PHASE_RECOVERY:
          backlog *= 0.55;
          append (entries, day, typed (6 + backlog, 0), NULL,
                  6 + backlog > 15 ? s->outage : NULL);
          break;
        case PHASE_AFTER:
        default:
          append (entries, day, typed (between (s, 2, 8.4), 0), NULL, NULL);
          break;
        }
    }
  record (s, metric, entries);
}

static void
add_overtime (Sample *s,
              GArray *entries)
{
  ObeyaMetric *metric = add_metric (s, _("Overtime hours"), NULL, OBEYA_CATEGORY_COST,
                                    _("h"), 1, OBEYA_METRIC_LOWER_IS_BETTER,
                                    OBEYA_METRIC_CADENCE_WORKING_DAYS, 8, 4);

  for (guint i = 0; i < s->days->len; i++)
    {
      ObeyaDay day = working_day (s, i);
      int y, m, d;

      obeya_day_to_ymd (day, &y, &m, &d);
      switch (phase_of (s, i))
        {
        case PHASE_BEFORE:
          /* Month-end peaks. */
          if (d >= obeya_days_in_month (y, m) - 2)
            append (entries, day, typed (between (s, 10, 13.5), 1), NULL, NULL);
          else
            append (entries, day, typed (between (s, 2, 8), 1), NULL, NULL);
          break;
        case PHASE_BAD:
          append (entries, day, typed (between (s, 12, 19), 1), NULL, s->outage);
          break;
        case PHASE_RECOVERY:
          append (entries, day, typed (between (s, 9, 12.5), 1), _("Backlog"), NULL);
          break;
        case PHASE_AFTER:
        default:
          append (entries, day, typed (between (s, 1, 6.5), 1), NULL, NULL);
          break;
        }
    }
  record (s, metric, entries);
}

static void
add_training (Sample   *s,
              GArray   *entries,
              ObeyaDay  today)
{
  ObeyaMetric *metric = add_metric (s, _("Training hours"), NULL, OBEYA_CATEGORY_PEOPLE,
                                    _("h"), 1, OBEYA_METRIC_HIGHER_IS_BETTER,
                                    OBEYA_METRIC_CADENCE_WEEKLY, 4, 1);
  ObeyaDay bad_monday = obeya_metric_normalize_day (metric,
                                                    working_day (s, s->days->len - 1 - BAD_FIRST));

  /* One entry a week, on Monday; the current week is not over yet. */
  for (ObeyaDay monday = obeya_metric_normalize_day (metric, working_day (s, 0));
       monday + 7 <= today; monday += 7)
    {
      if (monday == bad_monday)
        append (entries, monday, 0.5, _("Course cancelled: everyone on the backlog"), s->outage);
      else if (monday == bad_monday + 7)
        continue; /* nobody entered it */
      else
        append (entries, monday, typed (between (s, 3.5, 6.5), 1), NULL, NULL);
    }
  record (s, metric, entries);
}

static void
add_incidents (Sample *s,
               GArray *entries)
{
  ObeyaMetric *metric = add_metric (s, _("Data-security incidents"),
                                    _("Personal or payment data sent to the wrong recipient "
                                      "or left unprotected"),
                                    OBEYA_CATEGORY_SAFETY,
                                    _("incidents"), 0, OBEYA_METRIC_LOWER_IS_BETTER,
                                    OBEYA_METRIC_CADENCE_WORKING_DAYS, 0, 0);

  for (guint i = 0; i < s->days->len; i++)
    {
      guint back = s->days->len - 1 - i;

      if (back == BAD_FIRST - 1)
        append (entries, working_day (s, i), 1,
                _("Bank details e-mailed to the wrong supplier during the manual workaround"),
                s->workaround);
      else if (back == 58)
        append (entries, working_day (s, i), 1, _("Unlocked screen in the shared office"), NULL);
      else
        append (entries, working_day (s, i), 0, NULL, NULL);
    }
  record (s, metric, entries);
}

static ObeyaBoard *
sample_team_board (ObeyaWorkspace *workspace)
{
  GListModel *boards = obeya_workspace_get_boards (workspace);

  for (guint i = 0; i < g_list_model_get_n_items (boards); i++)
    {
      g_autoptr(ObeyaBoard) board = g_list_model_get_item (boards, i);

      if (obeya_board_get_sample (board) && !obeya_board_get_archived (board) &&
          obeya_board_get_kind (board) == OBEYA_BOARD_TEAM)
        return board;
    }
  return NULL;
}

/* The action raised on the first bad day, done since: created in the
 * backlog at the huddle, started the next day, done five days later. */
static ObeyaCard *
add_action (Sample         *s,
            ObeyaWorkspace *workspace,
            ObeyaPerson    *owner,
            gint32          offset)
{
  ObeyaBoard *board = obeya_metrics_get_action_board (s->metrics);
  ObeyaMetric *invoices = obeya_metrics_find_metric_by_name (s->metrics, _("Invoices processed"));
  ObeyaDay outage = working_day (s, s->days->len - 1 - BAD_FIRST);
  ObeyaDay raised = working_day (s, s->days->len - 1 - BAD_FIRST + 1);
  ObeyaColumn *backlog, *active, *done;
  g_autoptr(ObeyaCard) card = NULL;
  g_autofree char *target = NULL;
  char buf[OBEYA_DAY_BUF_SIZE];

  /* Only on the sample's own board: never put sample cards on the user's. */
  if (board == NULL || !obeya_board_get_sample (board))
    return NULL;
  backlog = obeya_board_get_first_column_with_role (board, OBEYA_COLUMN_ROLE_BACKLOG);
  active = obeya_board_get_first_column_with_role (board, OBEYA_COLUMN_ROLE_ACTIVE);
  done = obeya_board_get_first_column_with_role (board, OBEYA_COLUMN_ROLE_DONE);
  if (backlog == NULL || active == NULL || done == NULL)
    return NULL;

  card = obeya_card_new (_("Agree a fallback with IT for invoice system outages"));
  if (owner != NULL)
    {
      const char *owners[] = { id_of (owner), NULL };
      g_object_set (card, "assignees", owners, NULL);
    }
  g_object_set (card, "due", obeya_day_format (raised + 7, buf), NULL);
  target = obeya_metric_dup_miss_link_target (invoices, outage);
  obeya_card_add_link (card, OBEYA_LINK_KIND_METRIC, target, _("Invoices processed"));
  _obeya_card_set_created (card, obeya_timestamp_from_day (raised, 9, 10, offset));
  _obeya_card_append_move (card, obeya_timestamp_from_day (raised, 9, 10, offset),
                           id_of (backlog), NULL);
  _obeya_card_append_move (card, obeya_timestamp_from_day (raised + 1, 10, 0, offset),
                           id_of (active), NULL);
  _obeya_card_append_move (card, obeya_timestamp_from_day (raised + 6, 16, 30, offset),
                           id_of (done), NULL);
  obeya_board_insert_card (board, card, done, NULL, -1);
  return card;
}

static void
add_huddles (Sample         *s,
             ObeyaWorkspace *workspace,
             ObeyaCard      *action,
             gint32          offset)
{
  GListModel *people = obeya_workspace_get_people (workspace);
  g_autoptr(GPtrArray) attendees = g_ptr_array_new ();
  const char *actions[] = { id_of (action), NULL };
  const struct { guint back; guint minutes; gboolean one_missing; gboolean with_action; } log[] = {
    { BAD_FIRST - 1, 17, FALSE, TRUE },
    { 1, 14, TRUE, FALSE },
    { 0, 12, FALSE, FALSE },
  };

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(ObeyaPerson) person = g_list_model_get_item (people, i);

      if (obeya_person_get_sample (person))
        g_ptr_array_add (attendees, (gpointer) id_of (person));
    }

  for (guint i = 0; i < G_N_ELEMENTS (log); i++)
    {
      ObeyaDay day;
      ObeyaHuddle *huddle;
      guint n = attendees->len;

      if (log[i].back >= s->days->len)
        continue;
      day = working_day (s, s->days->len - 1 - log[i].back);
      if (log[i].one_missing && n > 1)
        n--;
      {
        g_autofree const char **present = g_new0 (const char *, n + 1);

        memcpy (present, attendees->pdata, n * sizeof (char *));
        huddle = obeya_metrics_record_huddle (s->metrics,
                                              obeya_timestamp_from_day (day, 9, 0, offset),
                                              log[i].minutes * 60 + (i * 37) % 60,
                                              present,
                                              log[i].with_action && action ? actions : NULL);
      }
      mark_sample (s, huddle);
    }
}

void
obeya_sample_add_huddle_metrics (ObeyaWorkspace *workspace,
                                 ObeyaDay        today)
{
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (ObeyaMetricEntry));
  ObeyaBoard *board;
  ObeyaPerson *owner = NULL;
  ObeyaCard *action;
  GListModel *people;
  gint32 offset;
  Sample s = { NULL, };

  g_return_if_fail (OBEYA_IS_WORKSPACE (workspace));
  g_return_if_fail (today > SAMPLE_DAYS);

  s.metrics = obeya_workspace_get_metrics (workspace);
  s.history = obeya_workspace_get_history (workspace);
  s.rand = g_rand_new_with_seed (SAMPLE_SEED);
  s.days = g_array_new (FALSE, FALSE, sizeof (ObeyaDay));
  for (ObeyaDay day = today - SAMPLE_DAYS; day < today; day++)
    if (obeya_workspace_is_working_day (workspace, day))
      g_array_append_val (s.days, day);
  if (s.days->len <= BAD_FIRST + 1)
    {
      g_rand_free (s.rand);
      g_array_unref (s.days);
      g_return_if_reached ();
    }
  offset = obeya_timestamp_now ().offset;

  obeya_history_begin (s.history, _("Add sample metrics"));

  s.outage = add_reason (&s, _("System outage"));
  s.purchase_order = add_reason (&s, _("Missing purchase order"));
  s.absence = add_reason (&s, _("Staff absence"));
  s.vendor_data = add_reason (&s, _("Wrong supplier master data"));
  s.workaround = add_reason (&s, _("Manual workaround"));

  add_invoices (&s, entries);
  add_first_pass_yield (&s, entries);
  add_old_items (&s, entries);
  add_overtime (&s, entries);
  add_training (&s, entries, today);
  add_incidents (&s, entries);

  board = sample_team_board (workspace);
  if (board != NULL && obeya_metrics_get_action_board_id (s.metrics) == NULL)
    obeya_metrics_set_action_board (s.metrics, board);
  people = obeya_workspace_get_people (workspace);
  for (guint i = 0; owner == NULL && i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(ObeyaPerson) person = g_list_model_get_item (people, i);

      if (obeya_person_get_sample (person))
        owner = person;
    }
  action = add_action (&s, workspace, owner, offset);
  add_huddles (&s, workspace, action, offset);

  {
    guint n_agenda;

    obeya_metrics_get_agenda (s.metrics, &n_agenda);
    if (n_agenda == 0)
      {
        ObeyaAgendaItem agenda[] = {
          { _("Safety and well-being"), 1 },
          { _("Yesterday’s numbers"), 4 },
          { _("Walk the board, right to left"), 7 },
          { _("Actions and escalations"), 3 },
        };
        obeya_metrics_set_agenda (s.metrics, agenda, G_N_ELEMENTS (agenda));
      }
  }

  obeya_history_end (s.history);

  g_rand_free (s.rand);
  g_array_unref (s.days);
}
