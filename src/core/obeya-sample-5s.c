/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-core"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "obeya-area.h"
#include "obeya-audit.h"
#include "obeya-audit-item.h"
#include "obeya-audit-template.h"
#include "obeya-audits.h"
#include "obeya-audits-private.h"
#include "obeya-board.h"
#include "obeya-folder-scan.h"
#include "obeya-history.h"
#include "obeya-person.h"
#include "obeya-sample-5s.h"
#include "obeya-tag.h"
#include "obeya-workspace.h"

#define N_MONTHS 6

typedef struct
{
  const char        *name;
  const char        *template_;     /* built-in id */
  ObeyaAuditCadence  cadence;
  double             start, end;    /* mean score 0–4 in the first and the last month */
  int                last_days_ago; /* the latest finished audit */
  const char        *na_items[4];   /* items that do not apply here */
  const char        *summaries[N_MONTHS];
} SampleArea;

static const SampleArea sample_areas[] = {
  {
    N_("AP team desks"), "office", OBEYA_AUDIT_CADENCE_MONTHLY, 1.5, 3.4, 12,
    { "office-set-meeting", "office-sustain-rooms", NULL },
    {
      N_("First audit. Desks and drawers full of old supplier statements; no standard yet."),
      N_("Red-tag day held: 14 boxes of paper archived. Supplies still everywhere."),
      N_("Supplies cupboard labelled with min/max. Filing labels half done."),
      N_("Photo standard of a desk agreed and posted. Cleaning rota started."),
      N_("Rota followed all month. Two drawers still hold old manuals."),
      N_("Best result so far: desks clear every evening, actions from last month closed."),
    },
  },
  {
    N_("Finance shared drive"), "digital-workplace", OBEYA_AUDIT_CADENCE_MONTHLY, 1.0, 2.9, 40,
    { "digital-set-inbox", NULL },
    {
      N_("Baseline scan: 9 levels deep, a third of the files untouched for a year."),
      N_("Folder map drafted. Naming convention agreed: YYYY-MM-DD_topic_vN."),
      N_("2019–2022 archived to read-only storage. Duplicates still high."),
      N_("Access groups cleaned up with IT; leavers removed."),
      N_("New structure live for AP and AR; GL folders still old style."),
      N_("Depth down to 5 levels. Next: duplicates in the month-end folders."),
    },
  },
  {
    N_("Meeting room 2"), "office", OBEYA_AUDIT_CADENCE_MONTHLY, 1.8, 3.4, 20,
    { "office-sort-drawers", "office-sort-archive", "office-set-printer", "office-shine-kitchen" },
    {
      N_("Whiteboard markers missing, cables in a heap. Room often left untidy."),
      N_("Shadow board for remote and adapters installed."),
      N_("Room checklist posted by the door."),
      N_("Mostly reset after meetings; whiteboard often left written."),
      N_("Reset checklist working. Notice board still has old posters."),
      N_("Room left in standard state after every meeting checked."),
    },
  },
};

/* A note for a low score on some items, so the audits read like real ones. */
static const struct
{
  const char *item;
  const char *note;
} sample_notes[] = {
  { "office-sort-desks", N_("Old supplier statements piled on three desks.") },
  { "office-sort-drawers", N_("Two drawers hold manuals for printers we no longer have.") },
  { "office-set-supplies", N_("Staples and envelopes found in four different places.") },
  { "office-set-filing", N_("Cabinet 3 has no label; it took 6 minutes to find the 2024 contracts.") },
  { "office-shine-floors", N_("Loose cables under the window desks.") },
  { "office-std-board", N_("Notices from last year's summer party still up.") },
  { "office-sustain-actions", N_("Two actions from last month not started.") },
  { "office-set-meeting", N_("HDMI adapter missing again.") },
  { "office-sustain-rooms", N_("Whiteboard left full after the 10:00 meeting.") },
  { "digital-sort-stale", N_("Whole 2019 folder untouched since it was created.") },
  { "digital-sort-duplicates", N_("Month-end packs copied into every team member's folder.") },
  { "digital-set-structure", N_("Deepest path is 9 levels: AP/Vendors/2021/Q3/Statements/…") },
  { "digital-set-naming", N_("Names like “final_v2_FINAL.xlsx” in the close folder.") },
  { "digital-std-access", N_("Three people who left last year still have access.") },
};

/* Items that become corrective actions (area index, item, due in days). */
static const struct
{
  guint       area;
  const char *item;
  const char *title;
  int         due_in;
} sample_actions[] = {
  { 0, "office-sort-drawers", N_("Clear the last drawers of obsolete manuals"), 9 },
  { 1, "digital-sort-duplicates", N_("Replace copied month-end packs with links"), 14 },
  { 2, "office-std-board", N_("Take expired posters off the meeting room board"), 5 },
};

/* Weekends move back to Friday. */
static ObeyaDay
working_day (ObeyaDay day)
{
  int weekday = obeya_day_get_weekday (day);

  return weekday > 5 ? day - (weekday - 5) : day;
}

/* A small deterministic generator (no g_random: the sample is the same each time). */
static guint32
next_random (guint32 *state)
{
  *state = *state * 1103515245u + 12345u;
  return (*state >> 16) & 0x7fff;
}

static ObeyaPerson *
sample_person (ObeyaWorkspace *workspace,
               guint           index)
{
  static const char * const names[] = { "Ana López", "Ben Okafor", "Chloé Martin" };
  GListModel *people = obeya_workspace_get_people (workspace);
  ObeyaPerson *person;

  if (index < g_list_model_get_n_items (people))
    {
      person = g_list_model_get_item (people, index);
      g_object_unref (person); /* the workspace keeps it */
      return person;
    }
  person = obeya_workspace_add_person (workspace, names[index % G_N_ELEMENTS (names)]);
  g_object_set (person, "sample", TRUE, NULL);
  return person;
}

static gboolean
is_na_item (const SampleArea *area,
            const char       *item_id)
{
  for (guint i = 0; i < G_N_ELEMENTS (area->na_items) && area->na_items[i] != NULL; i++)
    if (g_str_equal (area->na_items[i], item_id))
      return TRUE;
  return FALSE;
}

static const char *
note_for (const char *item_id)
{
  for (guint i = 0; i < G_N_ELEMENTS (sample_notes); i++)
    if (g_str_equal (sample_notes[i].item, item_id))
      return _(sample_notes[i].note);
  return NULL;
}

/* Plausible scan numbers for the shared drive, improving month by month. */
static ObeyaScanResult *
sample_scan (ObeyaArea      *area,
             guint           month,
             ObeyaTimestamp  time)
{
  ObeyaScanResult *scan = obeya_scan_result_new ();
  double progress = (double) month / (N_MONTHS - 1);
  /* Paths relative to the scanned folder, cut to the depth of the month. */
  static const char * const deep[] = {
    "AP/Vendors/2021/Q3/Statements/Reconciled/Old/Copies/Backup",
    "GL/Close/2022/12/Working/Backup/Copy/Old/Archive",
    "AR/Customers/Key accounts/2022/Disputes/Closed/Old/Notes/Misc",
  };
  static const char * const bad[] = {
    "AP/final_v2_FINAL.xlsx",
    "GL/Close/Copy of accruals (3).xlsx",
    "AR/New Microsoft Excel Worksheet.xlsx",
  };
  ObeyaScanDuplicates group = { 4200000, NULL };

  scan->folder = g_strdup (obeya_area_get_folder (area));
  scan->pattern = g_strdup (obeya_area_get_name_pattern (area));
  scan->stale_days = obeya_area_get_stale_days (area);
  scan->time = time;
  scan->n_files = 8310 - (guint64) (1900 * progress);
  scan->n_folders = 1240 - (guint64) (520 * progress);
  scan->total_bytes = G_GUINT64_CONSTANT (21400000000) - (guint64) (6.1e9 * progress);
  scan->max_depth = 9 - (guint) round (4 * progress);
  scan->average_depth = round ((5.3 - 1.6 * progress) * 100) / 100;
  scan->n_stale = (guint64) (scan->n_files * (0.34 - 0.22 * progress));
  scan->n_empty_folders = 96 - (guint64) (80 * progress);
  scan->n_duplicate_groups = 410 - (guint64) (190 * progress);
  scan->n_duplicate_files = 690 - (guint64) (330 * progress);
  scan->duplicate_bytes = G_GUINT64_CONSTANT (2900000000) - (guint64) (1.4e9 * progress);
  scan->n_bad_names = (guint64) (scan->n_files * (0.41 - 0.24 * progress));
  scan->n_symlinks = 3;

  for (guint i = 0; i < G_N_ELEMENTS (deep); i++)
    {
      g_auto(GStrv) parts = g_strsplit (deep[i], "/", -1);
      guint depth = scan->max_depth - (i > 0);
      g_autoptr(GString) text = g_string_new (parts[0]);
      ObeyaScanPath path = { NULL, depth };

      for (guint k = 1; k < depth && parts[k] != NULL; k++)
        g_string_append_printf (text, "/%s", parts[k]);
      path.path = g_strdup (text->str);
      g_array_append_val (scan->deepest, path);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      ObeyaScanPath path = { g_strdup (bad[i]), 0 };
      g_array_append_val (scan->bad_names, path);
    }
  {
    ObeyaScanPath path = { g_strdup ("AP/2019/Vendor master export.csv"),
                           obeya_day_from_ymd (2019, 3, 14) };
    g_array_append_val (scan->oldest, path);
  }
  group.paths = g_strdupv ((char *[]) { "GL/Close/Month-end pack.pdf",
                                        "Users/Ana/Month-end pack.pdf",
                                        "Users/Ben/Month-end pack.pdf", NULL });
  g_array_append_val (scan->duplicates, group);
  return scan;
}

static ObeyaAudit *
add_audit (ObeyaAudits      *audits,
           const SampleArea *spec,
           ObeyaArea        *area,
           ObeyaDay          date,
           const char       *auditor,
           guint             month,
           guint32          *seed,
           gboolean          finish)
{
  ObeyaAudit *audit = obeya_audits_start_audit (audits, area, date, auditor);
  g_autoptr(GPtrArray) items = obeya_audit_template_dup_active_items (obeya_area_get_template (area));
  double mean = spec->start + (spec->end - spec->start) * month / (N_MONTHS - 1);
  guint n_items = finish ? items->len : items->len / 3;

  g_object_set (audit, "sample", TRUE, NULL);
  for (guint i = 0; i < n_items; i++)
    {
      const char *id = obeya_entity_get_id (items->pdata[i]);
      static const double spread[] = { -1.0, -0.4, 0.0, 0.4, 1.0 };
      double noise = spread[next_random (seed) % G_N_ELEMENTS (spread)];
      int score;

      if (is_na_item (spec, id) && obeya_audit_item_get_allows_na (items->pdata[i]))
        {
          obeya_audit_set_score (audit, id, OBEYA_SCORE_NA);
          continue;
        }
      score = CLAMP ((int) round (mean + noise), 0, OBEYA_SCORE_MAX);
      obeya_audit_set_score (audit, id, score);
      /* Auditors write a note where it is bad, and early on where it is weak. */
      if ((score <= 1 || (score == 2 && month < 2)) && note_for (id) != NULL)
        obeya_audit_set_note (audit, id, note_for (id));
    }

  if (finish)
    {
      obeya_audit_set_summary (audit, _(spec->summaries[month]));
      if (obeya_area_get_folder (area) != NULL && month >= N_MONTHS - 2)
        {
          g_autoptr(ObeyaScanResult) scan =
            sample_scan (area, month, obeya_timestamp_from_day (date, 9, 30, 3600));
          obeya_audit_set_scan (audit, scan);
        }
      _obeya_audit_finish_at (audit, obeya_timestamp_from_day (date, 16, 0, 3600), NULL);
    }
  return audit;
}

void
obeya_sample_add_5s (ObeyaWorkspace *workspace,
                     ObeyaBoard     *action_board,
                     ObeyaDay        today)
{
  ObeyaAudits *audits;
  ObeyaHistory *history;
  ObeyaAuditTemplate *templates[2];
  ObeyaAudit *latest[G_N_ELEMENTS (sample_areas)];
  ObeyaArea *areas[G_N_ELEMENTS (sample_areas)];
  ObeyaPerson *people[3];
  gboolean had_tag;
  guint32 seed = 5;

  g_return_if_fail (OBEYA_IS_WORKSPACE (workspace));
  g_return_if_fail (action_board == NULL || obeya_board_get_workspace (action_board) == workspace);
  g_return_if_fail (today != OBEYA_DAY_NONE);

  audits = obeya_workspace_get_audits (workspace);
  history = obeya_workspace_get_history (workspace);
  obeya_history_begin (history, _("Add 5S sample"));

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    people[i] = sample_person (workspace, i);
  for (guint i = 0; i < G_N_ELEMENTS (templates); i++)
    {
      templates[i] = obeya_audits_add_builtin_template (audits,
                                                        obeya_audit_template_get_builtin_ids ()[i],
                                                        NULL);
      g_return_if_fail (templates[i] != NULL);
      _obeya_audit_template_set_sample (templates[i], TRUE);
    }

  for (guint a = 0; a < G_N_ELEMENTS (sample_areas); a++)
    {
      const SampleArea *spec = &sample_areas[a];
      ObeyaAuditTemplate *template_ = g_str_equal (spec->template_, "office") ? templates[0]
                                                                                : templates[1];
      ObeyaArea *area = obeya_audits_add_area (audits, _(spec->name), template_, spec->cadence);
      ObeyaDay last = working_day (today - spec->last_days_ago);

      areas[a] = area;
      g_object_set (area,
                    "owner", obeya_entity_get_id (OBEYA_ENTITY (people[a])),
                    "sample", TRUE,
                    NULL);
      if (g_str_equal (spec->template_, "digital-workplace"))
        g_object_set (area,
                      "folder", "/srv/shared/Finance",
                      "name-pattern", obeya_name_pattern_get_presets (NULL)[0].pattern,
                      NULL);

      for (guint m = 0; m < N_MONTHS; m++)
        {
          ObeyaDay date = working_day (obeya_day_add_months (last, -(int) (N_MONTHS - 1 - m)));
          const char *auditor = obeya_entity_get_id (OBEYA_ENTITY (people[(a + m + 1) % 3]));

          latest[a] = add_audit (audits, spec, area, date, auditor, m, &seed, TRUE);
        }
    }

  /* A draft in progress: the meeting room, walked this morning. */
  add_audit (audits, &sample_areas[2], areas[2], today,
             obeya_entity_get_id (OBEYA_ENTITY (people[0])), N_MONTHS - 1, &seed, FALSE);

  had_tag = obeya_workspace_find_tag_by_name (workspace, "5S") != NULL;
  for (guint i = 0; action_board != NULL && i < G_N_ELEMENTS (sample_actions); i++)
    {
      ObeyaAudit *audit = latest[sample_actions[i].area];
      const ObeyaAuditEntry *entry = obeya_audit_get_entry (audit, sample_actions[i].item);

      obeya_audit_raise_action (audit, sample_actions[i].item, action_board,
                                _(sample_actions[i].title), entry ? entry->note : NULL,
                                today + sample_actions[i].due_in,
                                obeya_area_get_owner (obeya_audit_get_area (audit)));
    }
  if (!had_tag && obeya_workspace_find_tag_by_name (workspace, "5S") != NULL)
    g_object_set (obeya_workspace_find_tag_by_name (workspace, "5S"), "sample", TRUE, NULL);

  obeya_history_end (history);
}
