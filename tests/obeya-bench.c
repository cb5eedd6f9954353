/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * obeya-bench: generates the "large workspace" of DESIGN.md section 5 and
 * prints the numbers the quality bars are about. It is a benchmark, not a
 * test: it measures and prints, it does not judge (the bars are printed
 * beside the numbers for the reader).
 *
 *   make bench                      (release build, runs this)
 *   obeya-bench [--keep FILE] [--gui APP-BINARY] [--skip-gui]
 *
 * The large workspace: 20 boards, 10,000 cards (2,000 on one board) with
 * about 5 moves each, 30 people, 12 tags; 50 huddle metrics with three
 * years of daily entries (every working day, every day or every week by
 * cadence; target changes, a few missed days, notes and miss reasons).
 * 300 finished 5S audits of a 40-item template across 30 areas (ten months
 * each, notes on some items, a few N/A); the latest audit of the last area
 * has a long note on every item and 12 corrective actions (cards on team
 * board 2), so its printable report runs to about 20 pages.
 * Later modules add their parts in the marked section below.
 *
 * Metrics: the status of every metric on every day of the three years
 * through the API the huddle view uses, and a three-year run chart drawn
 * to PNG through obeya-metric-charts and the chart library (filling the
 * chart, drawing it, encoding the PNG, each timed), as the app and
 * `obeya chart` do it.
 *
 * 5S audits: every audit's score, every area's trend and the monthly
 * average, the overview, and each audit compared with its previous one, as
 * the 5S views do it; then the ~20-page report of the long audit laid out
 * (ObeyaAuditReport) and rendered to PDF, as Save as PDF and `obeya
 * audit-report` do it.
 *
 * Load and memory are measured in a forked child, so its peak RSS is the
 * load's own. The GUI numbers come from running the app on the file with
 * OBEYA_BENCH=1 (it prints its own timings: first frame, board drawn,
 * frame times while scrolling the 2,000-card column and moving cards);
 * without a display the app is run under xvfb-run.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>
#include <time.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "obeya-area.h"
#include "obeya-audit-item.h"
#include "obeya-audit-report.h"
#include "obeya-audit-template.h"
#include "obeya-audit.h"
#include "obeya-audits-private.h"
#include "obeya-audits.h"
#include "obeya-board.h"
#include "obeya-card.h"
#include "obeya-charts.h"
#include "obeya-checklist-item.h"
#include "obeya-column.h"
#include "obeya-file.h"
#include "obeya-history.h"
#include "obeya-json.h"
#include "obeya-lane.h"
#include "obeya-metric-charts.h"
#include "obeya-metric.h"
#include "obeya-metrics-private.h"
#include "obeya-metrics.h"
#include "obeya-miss-reason.h"
#include "obeya-model-private.h"
#include "obeya-person.h"
#include "obeya-tag.h"
#include "obeya-workspace.h"

#define N_BOARDS       20
#define N_CARDS        10000
#define BIG_BOARD      2000
#define N_PEOPLE       30
#define N_TAGS         12
#define N_METRICS      50
#define METRIC_DAYS    (3 * 365 + 1)
#define N_AREAS        30
#define N_AUDIT_ITEMS  40
#define AUDITS_PER_AREA 10
#define LONG_AREA      "Records room (long report)"
#define N_LONG_ACTIONS 12

static const char *words[] = {
  "invoice", "vendor", "payment", "reconcile", "statement", "credit", "note", "purchase",
  "order", "approval", "month-end", "accrual", "journal", "ledger", "VAT", "return",
  "expense", "claim", "audit", "sample", "supplier", "onboarding", "master", "data",
  "duplicate", "query", "bank", "transfer", "refund", "customer", "dispute", "contract",
  "renewal", "budget", "forecast", "report", "payroll", "overtime", "travel", "policy",
};

static const char *first_names[] = {
  "Ana", "Ben", "Chen", "Dana", "Eva", "Farid", "Gina", "Hugo", "Ines", "Jonas",
  "Kemal", "Lena", "Marta", "Nils", "Olga", "Pavel", "Quinn", "Rosa", "Sami", "Tara",
  "Uma", "Viktor", "Wen", "Ximena", "Yusuf", "Zoe", "Arno", "Bea", "Carl", "Dora",
};

static char *
random_text (GRand *rand,
             guint  min_words,
             guint  max_words)
{
  GString *s = g_string_new (NULL);
  guint n = g_rand_int_range (rand, min_words, max_words + 1);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (s, ' ');
      g_string_append (s, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
    }
  if (s->len > 0)
    s->str[0] = g_ascii_toupper (s->str[0]);
  g_string_append_printf (s, " %u", g_rand_int_range (rand, 1000, 99999));
  return g_string_free (s, FALSE);
}

/* ---- huddle metrics ---------------------------------------------------------- */

/* What a back-office team measures; each kind is used for several teams. */
typedef struct
{
  const char           *name;
  const char           *category;
  const char           *unit;
  guint                 decimals;
  ObeyaMetricDirection  direction;
  ObeyaMetricCadence    cadence;
  double                target;  /* the first year's; a band's middle */
  double                amber;   /* 0: no amber */
  double                spread;  /* day-to-day noise; a band's half width */
  double                yearly;  /* the target's change each year */
} MetricKind;

static const MetricKind metric_kinds[] = {
  { "Invoices processed", OBEYA_CATEGORY_DELIVERY, "invoices", 0,
    OBEYA_METRIC_HIGHER_IS_BETTER, OBEYA_METRIC_CADENCE_WORKING_DAYS, 400, 20, 30, 10 },
  { "First-pass yield", OBEYA_CATEGORY_QUALITY, "%", 1,
    OBEYA_METRIC_HIGHER_IS_BETTER, OBEYA_METRIC_CADENCE_WORKING_DAYS, 94, 2, 2.5, 1 },
  { "Items older than 5 days", OBEYA_CATEGORY_DELIVERY, "items", 0,
    OBEYA_METRIC_LOWER_IS_BETTER, OBEYA_METRIC_CADENCE_WORKING_DAYS, 12, 4, 4, -2 },
  { "Overtime hours", OBEYA_CATEGORY_COST, "h", 1,
    OBEYA_METRIC_LOWER_IS_BETTER, OBEYA_METRIC_CADENCE_DAILY, 8, 4, 3, -1 },
  { "Cash position", OBEYA_CATEGORY_COST, "M€", 2,
    OBEYA_METRIC_WITHIN_BAND, OBEYA_METRIC_CADENCE_WORKING_DAYS, 3.5, 0.3, 1, 0 },
  { "Staff present", OBEYA_CATEGORY_PEOPLE, "%", 0,
    OBEYA_METRIC_HIGHER_IS_BETTER, OBEYA_METRIC_CADENCE_WORKING_DAYS, 90, 5, 5, 0 },
  { "Training hours", OBEYA_CATEGORY_PEOPLE, "h", 1,
    OBEYA_METRIC_HIGHER_IS_BETTER, OBEYA_METRIC_CADENCE_WEEKLY, 4, 1, 1.5, 0.5 },
  { "Data-security incidents", OBEYA_CATEGORY_SAFETY, "incidents", 0,
    OBEYA_METRIC_LOWER_IS_BETTER, OBEYA_METRIC_CADENCE_DAILY, 0, 0, 0, 0 },
};

static const char *miss_reasons[] = {
  "System outage", "Missing purchase order", "Staff absence", "Wrong supplier master data",
  "Late bank statement", "Manual workaround",
};

/* Roughly normal noise in [-1.5, 1.5] × @spread. */
static double
noise (GRand  *rand,
       double  spread)
{
  return (g_rand_double (rand) + g_rand_double (rand) + g_rand_double (rand) - 1.5) * spread;
}

static double
round_to (double value,
          guint  decimals)
{
  double scale = pow (10, decimals);

  return round (value * scale) / scale;
}

/* 50 metrics with three years of entries up to @today. */
static void
generate_metrics (ObeyaWorkspace *ws,
                  GRand          *rand,
                  ObeyaDay        today)
{
  ObeyaMetrics *metrics = obeya_workspace_get_metrics (ws);
  ObeyaHistory *history = obeya_workspace_get_history (ws);
  ObeyaDay first = today - METRIC_DAYS + 1;
  const char *reason_ids[G_N_ELEMENTS (miss_reasons)];
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (ObeyaMetricEntry));

  for (guint r = 0; r < G_N_ELEMENTS (miss_reasons); r++)
    reason_ids[r] = g_intern_string (obeya_entity_get_id (
      OBEYA_ENTITY (obeya_metrics_add_miss_reason (metrics, miss_reasons[r]))));

  for (guint m = 0; m < N_METRICS; m++)
    {
      const MetricKind *kind = &metric_kinds[m % G_N_ELEMENTS (metric_kinds)];
      g_autofree char *name = g_strdup_printf ("%s (team %u)", kind->name,
                                               (guint) (m / G_N_ELEMENTS (metric_kinds)) + 1);
      ObeyaMetric *metric = obeya_metrics_add_metric (metrics, name, kind->category,
                                                      kind->direction);
      /* Bad weeks (a system outage, month-end backlog): about four in three years. */
      ObeyaDay bad_start[4];

      obeya_entity_edit (OBEYA_ENTITY (metric), "Metric", "unit", kind->unit,
                         "decimals", kind->decimals, "cadence", kind->cadence, NULL);
      for (guint year = 0; year < 3; year++)
        {
          double target = kind->target + year * kind->yearly;
          ObeyaMetricTarget t = { first + year * 365 + g_rand_int_range (rand, 0, 30),
                                  target, target - kind->spread, target + kind->spread,
                                  kind->amber };

          if (year == 0)
            t.from = first;
          obeya_metric_set_target (metric, &t);
        }
      for (guint b = 0; b < G_N_ELEMENTS (bad_start); b++)
        bad_start[b] = first + g_rand_int_range (rand, 0, METRIC_DAYS);

      g_array_set_size (entries, 0);
      for (ObeyaDay day = first; day <= today; day++)
        {
          const ObeyaMetricTarget *t;
          ObeyaMetricEntry entry = { day, 0, NULL, NULL };
          gboolean bad = FALSE;
          double value;

          if (!obeya_metric_is_due (metric, day) || g_rand_int_range (rand, 0, 100) < 2)
            continue; /* not due, or forgotten: a grey day */
          for (guint b = 0; b < G_N_ELEMENTS (bad_start); b++)
            bad |= day >= bad_start[b] && day < bad_start[b] + 7;

          t = obeya_metric_get_target_at (metric, day);
          if (kind->spread == 0)
            value = g_rand_int_range (rand, 0, 100) < (bad ? 30 : 2) ? 1 : 0;
          else if (kind->direction == OBEYA_METRIC_WITHIN_BAND)
            value = (t->min + t->max) / 2 + noise (rand, kind->spread * (bad ? 2 : 1));
          else
            {
              double worse = kind->direction == OBEYA_METRIC_HIGHER_IS_BETTER ? -1 : 1;

              /* A little better than the target on average; much worse in a bad week. */
              value = t->target - worse * kind->spread * 0.3 + noise (rand, kind->spread) +
                      (bad ? worse * kind->spread * 2 : 0);
            }
          value = round_to (MAX (value, 0), kind->decimals);
          entry.value = value;

          if (obeya_metric_judge (metric, day, value) == OBEYA_METRIC_STATUS_MISSED &&
              g_rand_int_range (rand, 0, 100) < 70)
            {
              guint r = bad ? 0 : g_rand_int_range (rand, 1, G_N_ELEMENTS (reason_ids));

              entry.reason = reason_ids[r];
              if (g_rand_int_range (rand, 0, 100) < 30)
                entry.note = random_text (rand, 2, 6);
            }
          else if (g_rand_int_range (rand, 0, 100) < 1)
            entry.note = random_text (rand, 2, 6);
          g_array_append_val (entries, entry);
        }

      obeya_history_begin (history, "Entries");
      _obeya_metric_record_entries (metric, history, (const ObeyaMetricEntry *) entries->data,
                                    entries->len);
      obeya_history_end (history);
      for (guint i = 0; i < entries->len; i++)
        g_free (g_array_index (entries, ObeyaMetricEntry, i).note);
    }
}

/* ---- 5S audits ----------------------------------------------------------------- */

static const char *audit_anchors[] = {
  "No record checked is where the standard says, or no standard exists.",
  "Some records follow the standard; most are filed by habit.",
  "Half of the records checked are filed, named and dated as agreed.",
  "Nearly every record follows the standard; the exceptions are known.",
  "Every record checked follows the standard, and the team checks it weekly.",
  NULL
};

/* N_AREAS areas with AUDITS_PER_AREA finished monthly audits each of a
 * template of N_AUDIT_ITEMS items; the last area's latest audit has a long
 * note on every item and N_LONG_ACTIONS actions on @action_board. */
static void
generate_audits (ObeyaWorkspace *ws,
                 GRand          *rand,
                 ObeyaDay        today,
                 GPtrArray      *people,
                 ObeyaBoard     *action_board)
{
  ObeyaAudits *audits = obeya_workspace_get_audits (ws);
  ObeyaAuditTemplate *template_ = obeya_audit_template_new ("Back-office 5S");
  g_autoptr(GPtrArray) items = NULL;

  obeya_audits_add_template (audits, template_);
  g_object_unref (template_);
  for (guint i = 0; i < N_AUDIT_ITEMS; i++)
    {
      g_autofree char *question = g_strdup_printf ("Are the %s and %s records kept to the "
                                                   "standard (check %u)?",
                                                   words[g_rand_int_range (rand, 0,
                                                                           G_N_ELEMENTS (words))],
                                                   words[g_rand_int_range (rand, 0,
                                                                           G_N_ELEMENTS (words))],
                                                   i + 1);
      ObeyaAuditItem *item = obeya_audit_template_add_item (template_, i % OBEYA_FIVE_S_N,
                                                            question, audit_anchors, -1);

      if (i % 10 == 3)
        obeya_audit_template_edit_item (template_, item, "allows-na", TRUE, NULL);
    }
  items = obeya_audit_template_dup_active_items (template_);

  for (guint a = 0; a < N_AREAS; a++)
    {
      g_autofree char *name = a + 1 == N_AREAS ? g_strdup (LONG_AREA)
                                                : g_strdup_printf ("Area %u: %s desks", a + 1,
                                                                   words[a % G_N_ELEMENTS (words)]);
      ObeyaArea *area = obeya_audits_add_area (audits, name, template_,
                                               OBEYA_AUDIT_CADENCE_MONTHLY);
      double start = g_rand_double_range (rand, 0.8, 2.2);
      double end = g_rand_double_range (rand, 2.4, 3.6);

      for (guint m = 0; m < AUDITS_PER_AREA; m++)
        {
          ObeyaDay date = obeya_day_add_months (today - a % 20, -(int) (AUDITS_PER_AREA - m));
          const char *auditor = obeya_entity_get_id (people->pdata[(a + m) % people->len]);
          ObeyaAudit *audit = obeya_audits_start_audit (audits, area, date, auditor);
          gboolean long_report = a + 1 == N_AREAS && m + 1 == AUDITS_PER_AREA;
          double mean = start + (end - start) * m / (AUDITS_PER_AREA - 1);

          for (guint i = 0; i < items->len; i++)
            {
              const char *id = obeya_entity_get_id (items->pdata[i]);
              int score = CLAMP ((int) lround (mean + noise (rand, 0.8)), 0, OBEYA_SCORE_MAX);

              if (obeya_audit_item_get_allows_na (items->pdata[i]) && (a + i) % 3 == 0)
                score = OBEYA_SCORE_NA;
              obeya_audit_set_score (audit, id, score);
              if (long_report)
                {
                  g_autofree char *note = random_text (rand, 150, 160);
                  obeya_audit_set_note (audit, id, note);
                }
              else if (score >= 0 && score <= 1 && g_rand_int_range (rand, 0, 100) < 30)
                {
                  g_autofree char *note = random_text (rand, 4, 14);
                  obeya_audit_set_note (audit, id, note);
                }
            }
          {
            g_autofree char *summary = random_text (rand, 8, 20);
            obeya_audit_set_summary (audit, summary);
          }
          if (!_obeya_audit_finish_at (audit, obeya_timestamp_from_day (date, 16, 0, 3600), NULL))
            g_error ("could not finish a generated audit");
          for (guint k = 0; long_report && k < N_LONG_ACTIONS; k++)
            {
              g_autofree char *title = random_text (rand, 3, 8);
              const char *item = obeya_entity_get_id (items->pdata[k * 3 % items->len]);

              obeya_audit_raise_action (audit, item, action_board, title, NULL,
                                        today + g_rand_int_range (rand, 3, 30),
                                        obeya_entity_get_id (people->pdata[k % people->len]));
            }
        }
    }
}

/* The generated workspace's "today". */
#define BENCH_TODAY obeya_day_from_ymd (2026, 11, 25)

static ObeyaWorkspace *
generate_workspace (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261125);
  ObeyaWorkspace *ws = obeya_workspace_new ();
  g_autoptr(GPtrArray) people = g_ptr_array_new ();
  g_autoptr(GPtrArray) tags = g_ptr_array_new ();
  ObeyaDay today = BENCH_TODAY;
  guint cards_left = N_CARDS;

  obeya_workspace_set_name (ws, "Large benchmark workspace");
  for (guint i = 0; i < N_PEOPLE; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s %c.", first_names[i], 'A' + i % 26);
      g_ptr_array_add (people, obeya_workspace_add_person (ws, name));
    }
  for (guint i = 0; i < N_TAGS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Tag %u", i + 1);
      g_ptr_array_add (tags, obeya_workspace_add_tag (ws, name, obeya_tag_colors ()[i % 8]));
    }

  for (guint b = 0; b < N_BOARDS; b++)
    {
      g_autofree char *name = g_strdup_printf ("Team board %u", b + 1);
      g_autoptr(ObeyaBoard) board = obeya_board_new (name, OBEYA_BOARD_TEAM,
                                                     OBEYA_BOARD_TEMPLATE_BACK_OFFICE);
      guint n_cards = b == 0 ? BIG_BOARD : cards_left / (N_BOARDS - b);
      ObeyaColumn *columns[5];
      ObeyaLane *lanes[2];

      cards_left -= n_cards;
      for (guint c = 0; c < 5; c++)
        {
          columns[c] = g_list_model_get_item (obeya_board_get_columns (board), c);
          g_object_unref (columns[c]);
        }
      g_object_set (columns[2], "wip-limit", 12, NULL);
      lanes[0] = obeya_board_add_lane (board, "Expedite", 0);
      lanes[1] = g_list_model_get_item (obeya_board_get_lanes (board), 1);
      g_object_unref (lanes[1]);

      for (guint i = 0; i < n_cards; i++)
        {
          g_autofree char *title = random_text (rand, 2, 6);
          g_autoptr(ObeyaCard) card = obeya_card_new (title);
          /* Most cards are done: the board's history. */
          guint target = g_rand_int_range (rand, 0, 100) < 60 ? 4 : g_rand_int_range (rand, 0, 4);
          ObeyaLane *lane = lanes[g_rand_int_range (rand, 0, 100) < 5 ? 0 : 1];
          int created_ago = g_rand_int_range (rand, 1, 700);
          ObeyaTimestamp t = obeya_timestamp_from_day (today - created_ago, 9, 0, 3600);
          const char *assignees[3] = { NULL, NULL, NULL };
          const char *card_tags[3] = { NULL, NULL, NULL };
          guint n_assignees = g_rand_int_range (rand, 0, 3);
          guint n_tags = g_rand_int_range (rand, 0, 3);

          _obeya_card_set_created (card, t);
          _obeya_card_append_move (card, t, obeya_entity_get_id (OBEYA_ENTITY (columns[0])),
                                   obeya_entity_get_id (OBEYA_ENTITY (lane)));
          for (guint c = 1; c <= target; c++)
            {
              t.seconds += g_rand_int_range (rand, 3600, 5 * 86400);
              _obeya_card_append_move (card, t, obeya_entity_get_id (OBEYA_ENTITY (columns[c])),
                                       obeya_entity_get_id (OBEYA_ENTITY (lane)));
            }
          for (guint k = 0; k < n_assignees; k++)
            assignees[k] = obeya_entity_get_id (people->pdata[g_rand_int_range (rand, 0, N_PEOPLE)]);
          for (guint k = 0; k < n_tags; k++)
            card_tags[k] = obeya_entity_get_id (tags->pdata[g_rand_int_range (rand, 0, N_TAGS)]);
          if (n_assignees == 2 && g_strcmp0 (assignees[0], assignees[1]) == 0)
            assignees[1] = NULL;
          if (n_tags == 2 && g_strcmp0 (card_tags[0], card_tags[1]) == 0)
            card_tags[1] = NULL;
          g_object_set (card,
                        "assignees", n_assignees ? assignees : NULL,
                        "tags", n_tags ? card_tags : NULL,
                        NULL);
          if (g_rand_int_range (rand, 0, 100) < 40)
            {
              g_autofree char *description = random_text (rand, 8, 30);
              g_object_set (card, "description", description, NULL);
            }
          if (g_rand_int_range (rand, 0, 100) < 30)
            {
              g_autofree char *due = obeya_day_to_string (today - 30 + g_rand_int_range (rand, 0, 90));
              g_object_set (card, "due", due, NULL);
            }
          if (g_rand_int_range (rand, 0, 100) < 20)
            for (guint k = 0, n = g_rand_int_range (rand, 3, 6); k < n; k++)
              {
                g_autofree char *text = random_text (rand, 2, 4);
                ObeyaChecklistItem *item = obeya_card_add_checklist_item (card, text, -1);
                g_object_set (item, "done", g_rand_boolean (rand), NULL);
              }
          if (target < 4 && g_rand_int_range (rand, 0, 100) < 8)
            obeya_card_block (card, "Waiting for an answer from the supplier");

          obeya_board_insert_card (board, card, columns[target], lane, -1);
        }
      obeya_workspace_insert_board (ws, board, -1);
    }

  /* ---- later modules: metrics and audits are added here ---- */
  generate_metrics (ws, rand, today);
  {
    g_autoptr(ObeyaBoard) second = g_list_model_get_item (obeya_workspace_get_boards (ws), 1);

    generate_audits (ws, rand, today, people, second);
  }

  obeya_history_clear (obeya_workspace_get_history (ws));
  return ws;
}

static double
now_s (void)
{
  return g_get_monotonic_time () / 1e6;
}

/* CPU time of this process: the load comparisons use it, so that other
 * work on a shared machine does not decide the ratio. */
static double
cpu_s (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static long
rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmRSS:");
  return line ? strtol (line + 6, NULL, 10) : -1;
}

/* Runs of each load measurement, the best kept: more for the small files
 * of print_part_load(), whose few milliseconds vary more. */
static int load_runs = 5;

/* A bare JsonParser load: map the file, parse it, and (the second number)
 * drop the tree, as any program that builds its own model must. */
static void
bare_parse (const char *path)
{
  g_autoptr(GError) error = NULL;
  double best = G_MAXDOUBLE, best_with_free = G_MAXDOUBLE;

  for (int run = 0; run < load_runs; run++)
    {
      double t0 = cpu_s (), t1;
      g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, &error);
      JsonParser *parser = json_parser_new_immutable ();

      g_assert_no_error (error);
      if (!json_parser_load_from_data (parser, g_mapped_file_get_contents (mapped),
                                       g_mapped_file_get_length (mapped), &error))
        g_error ("%s", error->message);
      t1 = cpu_s ();
      g_object_unref (parser);
      best = MIN (best, t1 - t0);
      best_with_free = MIN (best_with_free, cpu_s () - t0);
    }
  printf ("bare-jsonparser-load-s %.4f\nbare-jsonparser-load-free-s %.4f\n", best, best_with_free);
}

static void
model_load (const char *path)
{
  g_autoptr(GError) error = NULL;
  double best = G_MAXDOUBLE;
  long steady = 0;

  for (int run = 0; run < load_runs; run++)
    {
      double t0 = cpu_s ();
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(ObeyaWorkspace) ws = NULL;

      if (!obeya_file_load (path, &bytes, NULL, &error))
        g_error ("%s", error->message);
      ws = obeya_workspace_load (bytes, &error);
      if (ws == NULL)
        g_error ("%s", error->message);
      g_clear_pointer (&bytes, g_bytes_unref);
      best = MIN (best, cpu_s () - t0);
      if (run == load_runs - 1)
        steady = rss_kb ();
    }
  printf ("obeya-load-s %.4f\nsteady-rss-kb %ld\n", best, steady);
}

static void
model_save (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(ObeyaWorkspace) ws = NULL;
  g_autofree char *out = g_strconcat (path, ".resaved", NULL);
  double serialise = G_MAXDOUBLE, write = G_MAXDOUBLE;

  if (!obeya_file_load (path, &bytes, NULL, &error))
    g_error ("%s", error->message);
  ws = obeya_workspace_load (bytes, &error);
  g_clear_pointer (&bytes, g_bytes_unref);
  for (int run = 0; run < 3; run++)
    {
      double t0 = now_s (), t1;
      g_autoptr(GBytes) data = obeya_workspace_save (ws, &error);

      g_assert_no_error (error);
      t1 = now_s ();
      if (!obeya_file_save (out, data, NULL, 0, NULL, &error))
        g_error ("%s", error->message);
      serialise = MIN (serialise, t1 - t0);
      write = MIN (write, now_s () - t1);
    }
  g_unlink (out);
  printf ("save-serialise-s %.3f\nsave-write-s %.3f\n", serialise, write);
}

static ObeyaWorkspace *
load_workspace (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  ObeyaWorkspace *ws;

  if (!obeya_file_load (path, &bytes, NULL, &error))
    g_error ("%s", error->message);
  ws = obeya_workspace_load (bytes, &error);
  if (ws == NULL)
    g_error ("%s", error->message);
  return ws;
}


/* A three-year daily run chart of @metric at @width x @height: filled by
 * obeya-metric-charts, drawn into an image surface, encoded as PNG; the
 * best of several runs of each step, and of obeya_chart_render_bytes(),
 * the whole of it as `obeya chart` does it. */
static void
time_run_chart (ObeyaMetric *metric,
                int          width,
                int          height)
{
  const ObeyaChartPalette *palette = obeya_chart_palette_get (OBEYA_CHART_STYLE_LIGHT);
  ObeyaDay today = BENCH_TODAY;
  double fill = G_MAXDOUBLE, draw = G_MAXDOUBLE, encode = G_MAXDOUBLE, total = G_MAXDOUBLE;
  double bytes_s = G_MAXDOUBLE;
  g_autoptr(GArray) points = obeya_metric_charts_dup_run_points (metric, today - METRIC_DAYS + 1,
                                                                 today, today);
  gsize png_size = 0;

  for (int run = 0; run < 10; run++)
    {
      g_autoptr(ObeyaRunChart) chart = NULL;
      cairo_surface_t *surface;
      cairo_t *cr;
      double t0 = now_s (), t1, t2, t3;

      chart = obeya_run_chart_new ();
      obeya_metric_charts_fill_run_chart (chart, metric, today - METRIC_DAYS + 1, today, today);
      t1 = now_s ();
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
      cr = cairo_create (surface);
      obeya_chart_draw (OBEYA_CHART (chart), cr, width, height, palette);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      t2 = now_s ();
      t3 = t2;
      cairo_surface_destroy (surface);

      fill = MIN (fill, t1 - t0);
      draw = MIN (draw, t2 - t1);
      total = MIN (total, t3 - t0);
    }
  for (int run = 0; run < 5; run++)
    {
      g_autoptr(ObeyaRunChart) chart = obeya_run_chart_new ();
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      double t0 = now_s ();

      obeya_metric_charts_fill_run_chart (chart, metric, today - METRIC_DAYS + 1, today, today);
      bytes = obeya_chart_render_bytes (OBEYA_CHART (chart), OBEYA_CHART_FORMAT_PNG, width, height,
                                        palette, &error);
      g_assert_no_error (error);
      bytes_s = MIN (bytes_s, now_s () - t0);
      png_size = g_bytes_get_size (bytes);
    }
  /* The encoder is the chart library's (obeya-png.c): what is left of the
   * whole render once filling and drawing are taken out. */
  encode = MAX (0, bytes_s - total);
  total = bytes_s;
  printf ("run-chart-%dx%d-points %u\nrun-chart-%dx%d-fill-s %.6f\n"
          "run-chart-%dx%d-draw-s %.6f\nrun-chart-%dx%d-encode-s %.6f\n"
          "run-chart-%dx%d-total-s %.6f\nrun-chart-%dx%d-render-bytes-s %.6f\n"
          "run-chart-%dx%d-png-bytes %zu\n",
          width, height, points->len, width, height, fill, width, height, draw, width, height,
          encode, width, height, total, width, height, bytes_s, width, height, png_size);
}

/* The huddle metrics: the status of every metric on every day (the run
 * charts' and calendars' call, and one call a day as a naive view would),
 * the letter calendars of every category, and the run chart. */
static void
metric_timings (const char *path)
{
  g_autoptr(ObeyaWorkspace) ws = load_workspace (path);
  ObeyaMetrics *metrics = obeya_workspace_get_metrics (ws);
  GListModel *list = obeya_metrics_get_metrics (metrics);
  guint n = g_list_model_get_n_items (list);
  ObeyaDay today = BENCH_TODAY, first = today - METRIC_DAYS + 1;
  g_autofree ObeyaMetricStatus *statuses = g_new (ObeyaMetricStatus, METRIC_DAYS);
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  static const char *categories[] = {
    OBEYA_CATEGORY_SAFETY, OBEYA_CATEGORY_QUALITY, OBEYA_CATEGORY_DELIVERY, OBEYA_CATEGORY_COST,
    OBEYA_CATEGORY_PEOPLE,
  };
  double range = G_MAXDOUBLE, each = G_MAXDOUBLE, calendars = G_MAXDOUBLE;
  guint n_entries = 0, n_met = 0;
  ObeyaMetric *daily = NULL;

  for (guint i = 0; i < n; i++)
    {
      ObeyaMetric *metric = g_list_model_get_item (list, i);
      guint count;

      g_ptr_array_add (all, metric);
      obeya_metric_get_entries (metric, &count);
      n_entries += count;
      if (daily == NULL && obeya_metric_get_cadence (metric) == OBEYA_METRIC_CADENCE_DAILY)
        daily = metric;
    }

  for (int run = 0; run < 5; run++)
    {
      double t0 = now_s ();

      n_met = 0;
      for (guint i = 0; i < all->len; i++)
        {
          obeya_metric_get_statuses (all->pdata[i], first, METRIC_DAYS, today, statuses);
          for (guint d = 0; d < METRIC_DAYS; d++)
            n_met += statuses[d] == OBEYA_METRIC_STATUS_MET;
        }
      range = MIN (range, now_s () - t0);
    }
  for (int run = 0; run < 3; run++)
    {
      double t0 = now_s ();
      guint met = 0;

      for (guint i = 0; i < all->len; i++)
        for (ObeyaDay day = first; day <= today; day++)
          met += obeya_metric_get_status (all->pdata[i], day, today) == OBEYA_METRIC_STATUS_MET;
      each = MIN (each, now_s () - t0);
      g_assert_cmpuint (met, ==, n_met);
    }
  for (int run = 0; run < 5; run++)
    {
      double t0 = now_s ();

      for (guint c = 0; c < G_N_ELEMENTS (categories); c++)
        obeya_metrics_get_category_statuses (metrics, categories[c], first, METRIC_DAYS, today,
                                             statuses);
      calendars = MIN (calendars, now_s () - t0);
    }
  printf ("metrics %u\nmetric-entries %u\nmetric-days-met %u\n"
          "statuses-range-s %.6f\nstatuses-each-s %.6f\ncategory-statuses-s %.6f\n",
          n, n_entries, n_met, range, each, calendars);

  g_assert_nonnull (daily);
  printf ("run-chart-metric %s\n", obeya_metric_get_name (daily));
  time_run_chart (daily, 1280, 720);
  time_run_chart (daily, 1920, 1080);
}

/* The 5S audits: scores, trends, overview and comparisons as the 5S views
 * compute them, then the long audit's report laid out and rendered to PDF. */
static void
audit_timings (const char *path)
{
  g_autoptr(ObeyaWorkspace) ws = load_workspace (path);
  ObeyaAudits *audits = obeya_workspace_get_audits (ws);
  GListModel *list = obeya_audits_get_audits (audits);
  GListModel *areas = obeya_audits_get_areas (audits);
  guint n = g_list_model_get_n_items (list), n_areas = g_list_model_get_n_items (areas);
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  double scores = G_MAXDOUBLE, trends = G_MAXDOUBLE, overview = G_MAXDOUBLE;
  double all_three = G_MAXDOUBLE, compare = G_MAXDOUBLE;
  double layout = G_MAXDOUBLE, pdf = G_MAXDOUBLE, report_total = G_MAXDOUBLE;
  ObeyaAudit *long_audit = NULL;
  guint n_pages = 0, n_items = 0;
  gsize pdf_size = 0;
  double sum = 0.;

  for (guint i = 0; i < n; i++)
    {
      ObeyaAudit *audit = g_list_model_get_item (list, i);

      g_ptr_array_add (all, audit);
      if (g_str_equal (obeya_area_get_name (obeya_audit_get_area (audit)), LONG_AREA) &&
          (long_audit == NULL || obeya_audit_get_date (audit) > obeya_audit_get_date (long_audit)))
        long_audit = audit;
    }
  g_assert_nonnull (long_audit);

  for (int run = 0; run < 5; run++)
    {
      double t0 = now_s (), t1, t2, t3;

      for (guint i = 0; i < all->len; i++)
        {
          ObeyaAuditScore score;

          obeya_audit_score_of_audit (all->pdata[i], &score);
          sum += score.overall.percent;
        }
      t1 = now_s ();
      for (guint a = 0; a < n_areas; a++)
        {
          g_autoptr(ObeyaArea) area = g_list_model_get_item (areas, a);
          g_autoptr(GArray) trend = obeya_audits_get_trend (audits, area);

          sum += trend->len;
        }
      {
        g_autoptr(GArray) months = obeya_audits_get_monthly (audits, NULL, BENCH_TODAY - 400,
                                                             BENCH_TODAY);
        sum += months->len;
      }
      t2 = now_s ();
      {
        g_autoptr(GArray) areas_status = obeya_audits_get_overview (audits, BENCH_TODAY);
        g_autoptr(GArray) due = obeya_audits_list_due (audits, BENCH_TODAY);
        ObeyaAuditScore average;

        obeya_audits_get_latest_average (audits, &average);
        sum += areas_status->len + due->len + average.overall.percent;
      }
      t3 = now_s ();
      scores = MIN (scores, t1 - t0);
      trends = MIN (trends, t2 - t1);
      overview = MIN (overview, t3 - t2);
      all_three = MIN (all_three, t3 - t0);
    }
  for (int run = 0; run < 3; run++)
    {
      double t0 = now_s ();

      for (guint i = 0; i < all->len; i++)
        {
          g_autoptr(ObeyaAuditComparison) comparison =
            obeya_audits_compare_with_previous (audits, all->pdata[i]);

          sum += comparison->items->len;
        }
      compare = MIN (compare, now_s () - t0);
    }

  for (int run = 0; run < 5; run++)
    {
      g_autoptr(ObeyaAuditReport) report = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) items = obeya_audit_dup_items (long_audit);
      double t0 = now_s (), t1;

      report = obeya_audit_report_new (audits, long_audit, OBEYA_PAPER_A4);
      t1 = now_s ();
      bytes = obeya_audit_report_render_pdf (report, &error);
      g_assert_no_error (error);
      layout = MIN (layout, t1 - t0);
      pdf = MIN (pdf, now_s () - t1);
      report_total = MIN (report_total, now_s () - t0);
      n_pages = obeya_audit_report_get_n_pages (report);
      n_items = items->len;
      pdf_size = g_bytes_get_size (bytes);
    }

  printf ("audits %u\naudit-areas %u\naudit-checksum %.1f\n"
          "audit-scores-s %.6f\naudit-trends-s %.6f\naudit-overview-s %.6f\naudit-all-s %.6f\n"
          "audit-compare-s %.6f\nreport-items %u\nreport-pages %u\nreport-pdf-bytes %zu\n"
          "report-layout-s %.6f\nreport-pdf-s %.6f\nreport-total-s %.6f\n",
          n, n_areas, sum, scores, trends, overview, all_three, compare, n_items, n_pages,
          pdf_size, layout, pdf, report_total);
}

static GHashTable *
parse_child_output (const char *text)
{
  GHashTable *values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) kv = g_strsplit (lines[i], " ", 2);
      if (kv[0] != NULL && kv[1] != NULL)
        g_hash_table_insert (values, g_strdup (kv[0]), g_strdup (kv[1]));
    }
  return values;
}

/* Runs @func in a child with stdout captured. */
static char *
capture_child (void (*func) (const char *path),
               const char *path,
               long       *peak_kb)
{
  int fds[2];
  pid_t pid;
  int status;
  struct rusage usage;
  GString *out = g_string_new (NULL);
  char buf[4096];
  ssize_t n;

  if (pipe (fds) != 0)
    g_error ("pipe");
  fflush (stdout);
  pid = fork ();
  if (pid == 0)
    {
      dup2 (fds[1], STDOUT_FILENO);
      close (fds[0]);
      func (path);
      fflush (stdout);
      _exit (0);
    }
  close (fds[1]);
  while ((n = read (fds[0], buf, sizeof buf)) > 0)
    g_string_append_len (out, buf, n);
  close (fds[0]);
  if (wait4 (pid, &status, 0, &usage) < 0 || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("benchmark child failed");
  if (peak_kb)
    *peak_kb = usage.ru_maxrss;
  return g_string_free (out, FALSE);
}

static void
run_gui (const char *app,
         const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  int status = 0;
  gboolean headless = g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL;
  g_autofree char *start = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_monotonic_time ());

  if (headless)
    {
      g_ptr_array_add (argv, "xvfb-run");
      g_ptr_array_add (argv, "-a");
      g_ptr_array_add (argv, "-s");
      g_ptr_array_add (argv, "-screen 0 1920x1080x24");
    }
  g_ptr_array_add (argv, (char *) app);
  g_ptr_array_add (argv, (char *) path);
  g_ptr_array_add (argv, NULL);

  env = g_environ_setenv (env, "OBEYA_BENCH", start, TRUE);
  env = g_environ_setenv (env, "GSK_RENDERER", "cairo", TRUE);
  env = g_environ_setenv (env, "GSETTINGS_BACKEND", "memory", TRUE);
  env = g_environ_setenv (env, "NO_AT_BRIDGE", "1", TRUE);
  env = g_environ_setenv (env, "GTK_A11Y", "none", TRUE);

  if (!g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_SEARCH_PATH, NULL, NULL,
                     &out, &err, &status, &error))
    {
      printf ("gui: not run: %s\n", error->message);
      return;
    }
  if (!g_spawn_check_wait_status (status, NULL))
    printf ("gui: the app failed:\n%s\n", err);
  /* The app prints "bench: name value" lines. */
  {
    g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
    for (guint i = 0; lines[i] != NULL; i++)
      if (g_str_has_prefix (lines[i], "bench: "))
        printf ("%s\n", lines[i] + 7);
  }
}

/* The file size of the metrics alone: the same 50 metrics in an empty
 * workspace, saved (to @path, for their own load ratio). */
static gsize
metrics_section_size (const char *path)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261125);
  g_autoptr(ObeyaWorkspace) ws = obeya_workspace_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  generate_metrics (ws, rand, BENCH_TODAY);
  bytes = obeya_workspace_save (ws, &error);
  g_assert_no_error (error);
  if (!obeya_file_save (path, bytes, NULL, 0, NULL, &error))
    g_error ("%s", error->message);
  return g_bytes_get_size (bytes);
}

/* The load of a part of the workspace saved alone, against a bare parse of
 * that file: how each kind of data contributes to the whole load's ratio. */
static void
print_part_load (const char *label,
                 const char *path)
{
  g_autofree char *bare_out = NULL;
  g_autofree char *load_out = NULL;
  g_autoptr(GHashTable) bare = NULL;
  g_autoptr(GHashTable) load = NULL;
  double bare_s, load_s;

  load_runs = 25;
  bare_out = capture_child (bare_parse, path, NULL);
  load_out = capture_child (model_load, path, NULL);
  load_runs = 5;
  bare = parse_child_output (bare_out);
  load = parse_child_output (load_out);
  bare_s = g_ascii_strtod (g_hash_table_lookup (bare, "bare-jsonparser-load-free-s"), NULL);
  load_s = g_ascii_strtod (g_hash_table_lookup (load, "obeya-load-s"), NULL);
  printf ("%-44s %8.3f s    %.2fx its bare parse + drop (%.3f s), best of 25\n", label, load_s,
          load_s / bare_s, bare_s);
}

/* The file size of the audits alone: the same generator in a workspace
 * with the people and a board for the actions, saved (to @path), less that
 * workspace saved without them. */
static gsize
audits_section_size (const char *path)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261125);
  g_autoptr(ObeyaWorkspace) ws = obeya_workspace_new ();
  g_autoptr(GPtrArray) people = g_ptr_array_new ();
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  ObeyaBoard *board;

  for (guint i = 0; i < N_PEOPLE; i++)
    g_ptr_array_add (people, obeya_workspace_add_person (ws, first_names[i]));
  board = obeya_workspace_add_board (ws, "Actions", OBEYA_BOARD_TEAM,
                                     OBEYA_BOARD_TEMPLATE_BACK_OFFICE);
  before = obeya_workspace_save (ws, &error);
  g_assert_no_error (error);
  generate_audits (ws, rand, BENCH_TODAY, people, board);
  after = obeya_workspace_save (ws, &error);
  g_assert_no_error (error);
  if (!obeya_file_save (path, after, NULL, 0, NULL, &error))
    g_error ("%s", error->message);
  return g_bytes_get_size (after) - g_bytes_get_size (before);
}

/* One line of the report: @key's seconds as milliseconds. */
static void
print_ms (GHashTable *values,
          const char *key,
          const char *label,
          const char *note)
{
  const char *value = g_hash_table_lookup (values, key);

  if (value == NULL)
    g_error ("the benchmark child printed no %s", key);
  printf ("%-44s %8.2f ms%s%s\n", label, g_ascii_strtod (value, NULL) * 1000,
          note[0] != '\0' ? "   " : "", note);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("- measure Obeya on a large workspace");
  g_autoptr(GError) error = NULL;
  g_autofree char *keep = NULL;
  g_autofree char *app = NULL;
  gboolean skip_gui = FALSE;
  const GOptionEntry entries[] = {
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, "Write the workspace to FILE and keep it", "FILE" },
    { "gui", 0, 0, G_OPTION_ARG_FILENAME, &app, "The obeya binary for the GUI numbers", "APP" },
    { "skip-gui", 0, 0, G_OPTION_ARG_NONE, &skip_gui, "Do not run the app", NULL },
    { NULL }
  };
  g_autoptr(ObeyaWorkspace) ws = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GHashTable) bare = NULL, load = NULL, save = NULL, metrics = NULL, audits = NULL;
  g_autofree char *bare_out = NULL, *load_out = NULL, *save_out = NULL, *metrics_out = NULL;
  g_autofree char *audits_out = NULL;
  g_autofree char *metrics_path = NULL, *audits_path = NULL;
  static const char *chart_sizes[] = { "1280x720", "1920x1080" };
  gsize metrics_size, audits_size;
  long load_peak = 0;
  double t0, bare_s, load_s;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  printf ("Obeya benchmark: the large workspace of DESIGN.md section 5\n");
  printf ("  %u boards, %u cards (%u on one board), ~5 moves per card\n",
          N_BOARDS, N_CARDS, BIG_BOARD);
  printf ("  %u metrics with 3 years of entries\n", N_METRICS);
  printf ("  %u 5S audits of %u items in %u areas\n\n", N_AREAS * AUDITS_PER_AREA, N_AUDIT_ITEMS,
          N_AREAS);

  t0 = now_s ();
  ws = generate_workspace ();
  printf ("%-44s %8.3f s\n", "generate (not a bar)", now_s () - t0);
  dir = g_dir_make_tmp ("obeya-bench-XXXXXX", &error);
  g_assert_no_error (error);
  metrics_path = g_build_filename (dir, "metrics.obeya", NULL);
  audits_path = g_build_filename (dir, "audits.obeya", NULL);
  metrics_size = metrics_section_size (metrics_path);
  audits_size = audits_section_size (audits_path);
  bytes = obeya_workspace_save (ws, &error);
  g_assert_no_error (error);
  g_clear_object (&ws);

  if (keep != NULL)
    path = g_strdup (keep);
  else
    path = g_build_filename (dir, "large.obeya", NULL);
  if (!obeya_file_save (path, bytes, NULL, 0, NULL, &error))
    g_error ("%s", error->message);
  printf ("%-44s %8.2f MB   (bar < 12 MB)\n", "file size", g_bytes_get_size (bytes) / 1e6);
  g_clear_pointer (&bytes, g_bytes_unref);

  bare_out = capture_child (bare_parse, path, NULL);
  load_out = capture_child (model_load, path, &load_peak);
  save_out = capture_child (model_save, path, NULL);
  bare = parse_child_output (bare_out);
  load = parse_child_output (load_out);
  save = parse_child_output (save_out);

  bare_s = g_ascii_strtod (g_hash_table_lookup (bare, "bare-jsonparser-load-free-s"), NULL);
  load_s = g_ascii_strtod (g_hash_table_lookup (load, "obeya-load-s"), NULL);
  printf ("(load times below are CPU time of the loading process, best of 5)\n");
  printf ("%-44s %8.3f s\n", "bare JsonParser load (mapped file, parse)",
          g_ascii_strtod (g_hash_table_lookup (bare, "bare-jsonparser-load-s"), NULL));
  printf ("%-44s %8.3f s\n", "bare JsonParser load, parse + drop the tree", bare_s);
  printf ("%-44s %8.3f s    %.2fx bare parse + drop (bar < 1.25x)\n",
          "load: read + check + parse + model", load_s, load_s / bare_s);
  printf ("%-44s %8.3f s\n", "save: serialise (main thread)",
          g_ascii_strtod (g_hash_table_lookup (save, "save-serialise-s"), NULL));
  printf ("%-44s %8.3f s    (serialise + write: bar < 150 ms)\n",
          "save: atomic write (worker thread)",
          g_ascii_strtod (g_hash_table_lookup (save, "save-write-s"), NULL));
  printf ("%-44s %8.1f MB   (bar < 200 MB)\n", "peak RSS of a process loading it 5 times",
          load_peak / 1024.0);
  printf ("%-44s %8.1f MB   (bar < 120 MB, without the GUI)\n", "steady RSS with it loaded",
          g_ascii_strtod (g_hash_table_lookup (load, "steady-rss-kb"), NULL) / 1024.0);

  /* Huddle metrics. */
  metrics_out = capture_child (metric_timings, path, NULL);
  metrics = parse_child_output (metrics_out);
  printf ("\nHuddle metrics: %s metrics, %s entries over %d days (3 years)\n",
          (char *) g_hash_table_lookup (metrics, "metrics"),
          (char *) g_hash_table_lookup (metrics, "metric-entries"), METRIC_DAYS);
  printf ("%-44s %8.2f MB   (part of the file size above)\n", "the metrics alone, saved",
          metrics_size / 1e6);
  print_part_load ("  loaded alone", metrics_path);
  print_ms (metrics, "statuses-range-s", "status of every metric, every day",
            "(bar < 50 ms; obeya_metric_get_statuses)");
  print_ms (metrics, "statuses-each-s", "  the same, one call per metric and day",
            "(obeya_metric_get_status)");
  print_ms (metrics, "category-statuses-s", "SQDCP calendars, 5 categories x 3 years",
            "(obeya_metrics_get_category_statuses)");
  printf ("Three-year daily run chart to PNG (\"%s\", %s points):\n",
          (char *) g_hash_table_lookup (metrics, "run-chart-metric"),
          (char *) g_hash_table_lookup (metrics, "run-chart-1280x720-points"));
  for (guint s = 0; s < G_N_ELEMENTS (chart_sizes); s++)
    {
      g_autofree char *fill = g_strdup_printf ("run-chart-%s-fill-s", chart_sizes[s]);
      g_autofree char *draw = g_strdup_printf ("run-chart-%s-draw-s", chart_sizes[s]);
      g_autofree char *encode = g_strdup_printf ("run-chart-%s-encode-s", chart_sizes[s]);
      g_autofree char *total = g_strdup_printf ("run-chart-%s-total-s", chart_sizes[s]);
      g_autofree char *bytes_key = g_strdup_printf ("run-chart-%s-render-bytes-s", chart_sizes[s]);
      g_autofree char *size_key = g_strdup_printf ("run-chart-%s-png-bytes", chart_sizes[s]);
      g_autofree char *label = g_strdup_printf ("  %s: fill (obeya-metric-charts)", chart_sizes[s]);
      g_autofree char *note = g_strdup_printf ("(PNG of %.0f kB)",
                                               g_ascii_strtod (g_hash_table_lookup (metrics,
                                                                                    size_key),
                                                               NULL) / 1e3);

      print_ms (metrics, fill, label, "");
      print_ms (metrics, draw, "    draw (cairo image surface)", "");
      print_ms (metrics, encode, "    PNG encode", note);
      print_ms (metrics, total, "    fill + draw + encode", "(bar < 20 ms)");
      print_ms (metrics, bytes_key, "    obeya_chart_render_bytes, as obeya chart",
                "(fill + render + encode)");
    }

  /* 5S audits. */
  audits_out = capture_child (audit_timings, path, NULL);
  audits = parse_child_output (audits_out);
  printf ("\n5S audits: %s audits of %d items in %s areas\n",
          (char *) g_hash_table_lookup (audits, "audits"), N_AUDIT_ITEMS,
          (char *) g_hash_table_lookup (audits, "audit-areas"));
  printf ("%-44s %8.2f MB   (part of the file size above)\n", "the audits alone, saved",
          audits_size / 1e6);
  print_part_load ("  loaded alone (with the people and a board)", audits_path);
  print_ms (audits, "audit-scores-s", "score of every audit, per S and overall",
            "(obeya_audit_score_of_audit)");
  print_ms (audits, "audit-trends-s", "trend of every area + monthly average",
            "(obeya_audits_get_trend, _get_monthly)");
  print_ms (audits, "audit-overview-s", "overview, due areas, latest average",
            "(obeya_audits_get_overview, _list_due)");
  print_ms (audits, "audit-all-s", "  scores + trends + overview",
            "(no bar in DESIGN.md; a frame is 16 ms)");
  print_ms (audits, "audit-compare-s", "every audit compared with its previous",
            "(obeya_audits_compare_with_previous)");
  printf ("Report of the long audit (%s items, %s pages, PDF of %.0f kB):\n",
          (char *) g_hash_table_lookup (audits, "report-items"),
          (char *) g_hash_table_lookup (audits, "report-pages"),
          g_ascii_strtod (g_hash_table_lookup (audits, "report-pdf-bytes"), NULL) / 1e3);
  print_ms (audits, "report-layout-s", "  read + measure + paginate",
            "(obeya_audit_report_new)");
  print_ms (audits, "report-pdf-s", "  draw every page to PDF", "(obeya_audit_report_render_pdf)");
  print_ms (audits, "report-total-s", "  the whole report",
            "(no bar in DESIGN.md; Save as PDF, obeya audit-report)");

  if (!skip_gui)
    {
      if (app == NULL)
        {
          g_autofree char *self_dir = g_path_get_dirname (argv[0]);
          app = g_build_filename (self_dir, "..", "src", "obeya", NULL);
        }
      printf ("\nGUI (%s):\n", app);
      run_gui (app, path);
    }

  if (keep == NULL)
    g_unlink (path);
  g_unlink (metrics_path);
  g_unlink (audits_path);
  g_rmdir (dir);
  return 0;
}
