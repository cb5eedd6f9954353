/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 5S audits: the scoring rules with worked examples, comparison, templates
 * (edit, retire, files, built-ins), drafts, finish and reopen, corrective
 * actions, due dates, CSV, the sample, and the file format.
 */
#include "config.h"

#include <math.h>

#include "obeya-area.h"
#include "obeya-audit.h"
#include "obeya-audit-item.h"
#include "obeya-audit-score.h"
#include "obeya-audit-template.h"
#include "obeya-audits.h"
#include "obeya-board.h"
#include "obeya-card.h"
#include "obeya-column.h"
#include "obeya-folder-scan.h"
#include "obeya-history.h"
#include "obeya-json.h"
#include "obeya-link.h"
#include "obeya-person.h"
#include "obeya-sample-5s.h"
#include "obeya-tag.h"
#include "obeya-workspace.h"

static const char * const anchors[] = { "zero", "one", "two", "three", "four", NULL };

typedef struct
{
  ObeyaWorkspace     *ws;
  ObeyaHistory       *history;
  ObeyaAudits        *audits;
  ObeyaAuditTemplate *template_;
  ObeyaArea          *area;
  ObeyaPerson        *ana;
  /* Items of the template: two Sort (the second allows N/A), one of each other S. */
  const char         *sort1, *sort2, *order, *shine, *standard, *sustain;
} Fixture;

static const char *
add_item (ObeyaAuditTemplate *template_,
          ObeyaFiveS          s,
          const char         *question)
{
  ObeyaAuditItem *item = obeya_audit_template_add_item (template_, s, question, anchors, -1);

  return obeya_entity_get_id (OBEYA_ENTITY (item));
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  ObeyaAuditItem *item;

  obeya_time_set_fake_now ("2026-11-02T09:00:00+01:00");
  f->ws = obeya_workspace_new ();
  f->history = obeya_workspace_get_history (f->ws);
  f->audits = obeya_workspace_get_audits (f->ws);
  f->ana = obeya_workspace_add_person (f->ws, "Ana López");
  f->template_ = obeya_audit_template_new ("Desks");
  obeya_audits_add_template (f->audits, f->template_);
  g_object_unref (f->template_);
  /* Added out of S order on purpose: -1 keeps the items grouped by S. */
  f->shine = add_item (f->template_, OBEYA_FIVE_S_SHINE, "Desks clean?");
  f->sort1 = add_item (f->template_, OBEYA_FIVE_S_SORT, "Only needed items?");
  f->order = add_item (f->template_, OBEYA_FIVE_S_SET_IN_ORDER, "Labelled places?");
  f->sort2 = add_item (f->template_, OBEYA_FIVE_S_SORT, "Archive cleared?");
  f->standard = add_item (f->template_, OBEYA_FIVE_S_STANDARDIZE, "Photo standard?");
  f->sustain = add_item (f->template_, OBEYA_FIVE_S_SUSTAIN, "Actions closed?");
  item = obeya_audit_template_find_item (f->template_, f->sort2);
  obeya_audit_template_edit_item (f->template_, item, "allows-na", TRUE, NULL);
  f->area = obeya_audits_add_area (f->audits, "AP desks", f->template_,
                                   OBEYA_AUDIT_CADENCE_MONTHLY);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->ws);
  obeya_time_set_fake_now (NULL);
}

static GBytes *
save_ok (ObeyaWorkspace *ws)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = obeya_workspace_save (ws, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  return bytes;
}

static ObeyaWorkspace *
load_ok (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  ObeyaWorkspace *ws = obeya_workspace_load (bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ws);
  return ws;
}

/* Scores every active item: @scores in template order (sort1, sort2, order,
 * shine, standard, sustain). */
static ObeyaAudit *
scored_audit (Fixture    *f,
              ObeyaDay    date,
              const int  *scores,
              gboolean    finish)
{
  ObeyaAudit *audit = obeya_audits_start_audit (f->audits, f->area, date,
                                                obeya_entity_get_id (OBEYA_ENTITY (f->ana)));
  const char *ids[] = { f->sort1, f->sort2, f->order, f->shine, f->standard, f->sustain };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_true (obeya_audit_set_score (audit, ids[i], scores[i]));
  if (finish)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (obeya_audit_finish (audit, &error));
      g_assert_no_error (error);
    }
  return audit;
}

#define assert_percent(score, expected) \
  G_STMT_START { \
    g_assert_true ((score).has_score); \
    g_assert_cmpfloat_with_epsilon ((score).percent, (expected), 1e-9); \
  } G_STMT_END

#define assert_no_score(score) \
  G_STMT_START { \
    g_assert_false ((score).has_score); \
    g_assert_cmpfloat ((score).percent, ==, 0.0); \
  } G_STMT_END

/* ---- scoring: worked examples ------------------------------------------- */

static void
test_score_worked_examples (void)
{
  ObeyaAuditScore score;
  g_autofree char *text = NULL;
  g_autofree char *dash = NULL;

  /* A single item scored 3: 100 × 3 ÷ (4 × 1) = 75 %, for its S and overall;
   * every other S has no score (not 0, not 100). */
  {
    const ObeyaScoredItem items[] = { { OBEYA_FIVE_S_SHINE, 3 } };

    obeya_audit_score_from_items (items, G_N_ELEMENTS (items), &score);
    assert_percent (score.overall, 75.0);
    assert_percent (score.s[OBEYA_FIVE_S_SHINE], 75.0);
    assert_no_score (score.s[OBEYA_FIVE_S_SORT]);
    assert_no_score (score.s[OBEYA_FIVE_S_SUSTAIN]);
    g_assert_cmpuint (score.overall.points, ==, 3);
    g_assert_cmpuint (score.overall.n_scored, ==, 1);
  }

  /* N/A leaves the denominator: 4 + 2 over two scored items = 6 ÷ 8 = 75 %,
   * not 6 ÷ 12 = 50 %. Unscored items leave it too. */
  {
    const ObeyaScoredItem items[] = {
      { OBEYA_FIVE_S_SORT, 4 }, { OBEYA_FIVE_S_SORT, OBEYA_SCORE_NA },
      { OBEYA_FIVE_S_SORT, 2 }, { OBEYA_FIVE_S_SORT, OBEYA_SCORE_UNSCORED },
    };

    obeya_audit_score_from_items (items, G_N_ELEMENTS (items), &score);
    assert_percent (score.s[OBEYA_FIVE_S_SORT], 75.0);
    g_assert_cmpuint (score.s[OBEYA_FIVE_S_SORT].n_na, ==, 1);
    g_assert_cmpuint (score.s[OBEYA_FIVE_S_SORT].n_scored, ==, 2);
  }

  /* An S with every item N/A has no score; the overall score ignores it. */
  {
    const ObeyaScoredItem items[] = {
      { OBEYA_FIVE_S_SHINE, OBEYA_SCORE_NA }, { OBEYA_FIVE_S_SHINE, OBEYA_SCORE_NA },
      { OBEYA_FIVE_S_SORT, 1 },
    };

    obeya_audit_score_from_items (items, G_N_ELEMENTS (items), &score);
    assert_no_score (score.s[OBEYA_FIVE_S_SHINE]);
    g_assert_cmpuint (score.s[OBEYA_FIVE_S_SHINE].n_na, ==, 2);
    assert_percent (score.overall, 25.0);
    dash = obeya_audit_score_format (&score.s[OBEYA_FIVE_S_SHINE]);
    g_assert_cmpstr (dash, ==, "—");
  }

  /* Everything N/A: no overall score either. Nothing at all: the same. */
  {
    const ObeyaScoredItem items[] = { { OBEYA_FIVE_S_SORT, OBEYA_SCORE_NA } };

    obeya_audit_score_from_items (items, G_N_ELEMENTS (items), &score);
    assert_no_score (score.overall);
    obeya_audit_score_from_items (NULL, 0, &score);
    assert_no_score (score.overall);
    for (guint s = 0; s < OBEYA_FIVE_S_N; s++)
      assert_no_score (score.s[s]);
  }

  /* Within one audit the overall score pools the items: Sort 4 and Shine
   * 0, 0, 0 give 4 ÷ 16 = 25 % (not the mean of 100 % and 0 %). */
  {
    const ObeyaScoredItem items[] = {
      { OBEYA_FIVE_S_SORT, 4 },
      { OBEYA_FIVE_S_SHINE, 0 }, { OBEYA_FIVE_S_SHINE, 0 }, { OBEYA_FIVE_S_SHINE, 0 },
    };

    obeya_audit_score_from_items (items, G_N_ELEMENTS (items), &score);
    assert_percent (score.s[OBEYA_FIVE_S_SORT], 100.0);
    assert_percent (score.s[OBEYA_FIVE_S_SHINE], 0.0);
    assert_percent (score.overall, 25.0);
  }

  /* Two thirds: 2 of 3 points of a Sort item… formatted to a whole percent. */
  {
    const ObeyaScoredItem items[] = {
      { OBEYA_FIVE_S_SORT, 4 }, { OBEYA_FIVE_S_SORT, 4 }, { OBEYA_FIVE_S_SORT, 0 },
    };

    obeya_audit_score_from_items (items, G_N_ELEMENTS (items), &score);
    assert_percent (score.overall, 200.0 / 3.0);
    text = obeya_audit_score_format (&score.overall);
    g_assert_cmpstr (text, ==, "67 %");
  }
}

static void
test_score_average_not_pooled (void)
{
  /* Area A: one item scored 4 (100 %). Area B: three items scored 0 (0 %).
   * Across areas the percentages are averaged: 50 %. Pooling the raw
   * points would give 4 ÷ 16 = 25 %, which is the rule's wrong answer. */
  const ObeyaScoredItem a_items[] = { { OBEYA_FIVE_S_SORT, 4 } };
  const ObeyaScoredItem b_items[] = {
    { OBEYA_FIVE_S_SORT, 0 }, { OBEYA_FIVE_S_SORT, 0 }, { OBEYA_FIVE_S_SORT, 0 },
  };
  const ObeyaScoredItem pooled_items[] = {
    { OBEYA_FIVE_S_SORT, 4 },
    { OBEYA_FIVE_S_SORT, 0 }, { OBEYA_FIVE_S_SORT, 0 }, { OBEYA_FIVE_S_SORT, 0 },
  };
  ObeyaAuditScore scores[2], average, pooled;
  ObeyaScore values[3];
  ObeyaScore mean;

  obeya_audit_score_from_items (a_items, G_N_ELEMENTS (a_items), &scores[0]);
  obeya_audit_score_from_items (b_items, G_N_ELEMENTS (b_items), &scores[1]);
  obeya_audit_score_average (scores, 2, &average);
  assert_percent (average.overall, 50.0);
  assert_percent (average.s[OBEYA_FIVE_S_SORT], 50.0);
  assert_no_score (average.s[OBEYA_FIVE_S_SHINE]);

  obeya_audit_score_from_items (pooled_items, G_N_ELEMENTS (pooled_items), &pooled);
  assert_percent (pooled.overall, 25.0);
  g_assert_cmpfloat (pooled.overall.percent, !=, average.overall.percent);

  /* "No score" is skipped, not counted as 0: (80 + 40) ÷ 2 = 60. */
  values[0] = (ObeyaScore) { TRUE, 80.0, 0, 0, 0 };
  values[1] = (ObeyaScore) { FALSE, 0.0, 0, 0, 3 };
  values[2] = (ObeyaScore) { TRUE, 40.0, 0, 0, 0 };
  mean = obeya_audit_score_average_values (values, 3);
  assert_percent (mean, 60.0);
  g_assert_cmpuint (mean.n_scored, ==, 2);
  mean = obeya_audit_score_average_values (&values[1], 1);
  assert_no_score (mean);
  mean = obeya_audit_score_average_values (NULL, 0);
  assert_no_score (mean);
}

/* A template that changed between two audits: an item retired (the old
 * audit still reads it and keeps its score), an item added (new in the
 * comparison). */
static void
test_score_template_changed (Fixture       *f,
                             gconstpointer  data)
{
  /* sort1, sort2, order, shine, standard, sustain */
  const int first[] = { 4, 2, 3, 1, 2, 0 };
  const int second[] = { 3, 2, 3, 4, 2, 0 };
  ObeyaAudit *june, *july;
  ObeyaAuditItem *shine_item, *new_item;
  ObeyaAuditScore score;
  g_autoptr(ObeyaAuditComparison) comparison = NULL;
  const ObeyaItemComparison *rows;
  const char *new_id;

  june = scored_audit (f, obeya_day_from_ymd (2026, 6, 3), first, TRUE);
  g_assert_cmpuint (obeya_audit_get_template_version (june), ==, 8);

  /* June: Sort (4 + 2) ÷ 8 = 75 %, Shine 1 ÷ 4 = 25 %, Sustain 0 %,
   * overall 12 ÷ 24 = 50 %. */
  obeya_audit_score_of_audit (june, &score);
  assert_percent (score.s[OBEYA_FIVE_S_SORT], 75.0);
  assert_percent (score.s[OBEYA_FIVE_S_SHINE], 25.0);
  assert_percent (score.s[OBEYA_FIVE_S_SUSTAIN], 0.0);
  assert_percent (score.overall, 50.0);

  /* The Shine item is replaced by a better one: used, so retired. */
  shine_item = obeya_audit_template_find_item (f->template_, f->shine);
  g_assert_true (obeya_audit_template_remove_item (f->template_, shine_item));
  g_assert_true (obeya_audit_item_get_retired (shine_item));
  new_item = obeya_audit_template_add_item (f->template_, OBEYA_FIVE_S_SHINE,
                                            "Screens and keyboards clean?", anchors, -1);
  new_id = obeya_entity_get_id (OBEYA_ENTITY (new_item));
  g_assert_cmpuint (obeya_audit_template_get_version (f->template_), ==, 10);

  /* July scores the new item instead; the retired one takes no new score. */
  july = obeya_audits_start_audit (f->audits, f->area, obeya_day_from_ymd (2026, 7, 1), NULL);
  g_assert_false (obeya_audit_set_score (july, f->shine, 2));
  g_assert_true (obeya_audit_set_score (july, f->sort1, second[0]));
  g_assert_true (obeya_audit_set_score (july, f->sort2, second[1]));
  g_assert_true (obeya_audit_set_score (july, f->order, second[2]));
  g_assert_true (obeya_audit_set_score (july, new_id, second[3]));
  g_assert_true (obeya_audit_set_score (july, f->standard, second[4]));
  g_assert_true (obeya_audit_set_score (july, f->sustain, second[5]));
  g_assert_true (obeya_audit_finish (july, NULL));
  g_assert_cmpuint (obeya_audit_get_template_version (july), ==, 10);

  /* June still reads the retired item's text and keeps its scores. */
  g_assert_cmpstr (obeya_audit_item_get_question (obeya_audit_template_find_item (
                     obeya_audit_get_template (june), f->shine)), ==, "Desks clean?");
  obeya_audit_score_of_audit (june, &score);
  assert_percent (score.s[OBEYA_FIVE_S_SHINE], 25.0);
  assert_percent (score.overall, 50.0);
  g_assert_cmpuint (obeya_audit_get_template_version (june), ==, 8);

  /* July: Sort 5 ÷ 8 = 62.5 %, Shine 4 ÷ 4 = 100 %, overall 14 ÷ 24. */
  obeya_audit_score_of_audit (july, &score);
  assert_percent (score.s[OBEYA_FIVE_S_SORT], 62.5);
  assert_percent (score.s[OBEYA_FIVE_S_SHINE], 100.0);
  assert_percent (score.overall, 100.0 * 14 / 24);

  g_assert_true (obeya_audits_get_previous (f->audits, july) == june);
  comparison = obeya_audits_compare_with_previous (f->audits, july);
  g_assert_true (comparison->previous == june);
  g_assert_cmpint (comparison->s[OBEYA_FIVE_S_SORT].change, ==, OBEYA_CHANGE_DOWN);
  g_assert_cmpfloat_with_epsilon (comparison->s[OBEYA_FIVE_S_SORT].delta, -12.5, 1e-9);
  g_assert_cmpint (comparison->s[OBEYA_FIVE_S_SHINE].change, ==, OBEYA_CHANGE_UP);
  g_assert_cmpint (comparison->s[OBEYA_FIVE_S_SET_IN_ORDER].change, ==, OBEYA_CHANGE_SAME);
  g_assert_cmpint (comparison->overall.change, ==, OBEYA_CHANGE_UP);

  /* Items: the drop first, then July's items in template order (the new
   * one where it sits), the retired one last. */
  g_assert_cmpuint (comparison->items->len, ==, 7);
  rows = (const ObeyaItemComparison *) comparison->items->data;
  g_assert_cmpstr (rows[0].item_id, ==, f->sort1);
  g_assert_cmpint (rows[0].change, ==, OBEYA_CHANGE_DOWN);
  g_assert_cmpint (rows[0].before, ==, 4);
  g_assert_cmpint (rows[0].after, ==, 3);
  g_assert_cmpstr (rows[1].item_id, ==, f->sort2);
  g_assert_cmpint (rows[1].change, ==, OBEYA_CHANGE_SAME);
  g_assert_cmpstr (rows[2].item_id, ==, f->order);
  g_assert_cmpstr (rows[3].item_id, ==, new_id);
  g_assert_cmpint (rows[3].change, ==, OBEYA_CHANGE_NEW);
  g_assert_cmpint (rows[3].after, ==, 4);
  g_assert_cmpstr (rows[4].item_id, ==, f->standard);
  g_assert_cmpstr (rows[5].item_id, ==, f->sustain);
  g_assert_cmpstr (rows[6].item_id, ==, f->shine);
  g_assert_cmpint (rows[6].change, ==, OBEYA_CHANGE_REMOVED);
  g_assert_cmpint (rows[6].before, ==, 1);
}

static void
test_compare_dropped_first (Fixture       *f,
                            gconstpointer  data)
{
  const int before[] = { 1, 4, 2, 4, 3, 3 };
  const int after[] = { 2, OBEYA_SCORE_NA, 0, 1, 3, 2 };
  ObeyaAudit *previous, *current;
  g_autoptr(ObeyaAuditComparison) comparison = NULL;
  g_autoptr(ObeyaAuditComparison) first = NULL;
  const ObeyaItemComparison *rows;

  previous = scored_audit (f, obeya_day_from_ymd (2026, 9, 1), before, TRUE);
  current = scored_audit (f, obeya_day_from_ymd (2026, 10, 1), after, FALSE);

  /* A draft compares with the latest finished audit before it. */
  comparison = obeya_audits_compare_with_previous (f->audits, current);
  g_assert_true (comparison->previous == previous);
  rows = (const ObeyaItemComparison *) comparison->items->data;
  g_assert_cmpuint (comparison->items->len, ==, 6);
  /* Drops, largest first: shine 4 → 1 (−3), order 2 → 0 (−2), sustain 3 → 2. */
  g_assert_cmpstr (rows[0].item_id, ==, f->shine);
  g_assert_cmpstr (rows[1].item_id, ==, f->order);
  g_assert_cmpstr (rows[2].item_id, ==, f->sustain);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (rows[i].change, ==, OBEYA_CHANGE_DOWN);
  /* Then the rest in template order: sort1 up, sort2 N/A (not comparable),
   * standard same. */
  g_assert_cmpstr (rows[3].item_id, ==, f->sort1);
  g_assert_cmpint (rows[3].change, ==, OBEYA_CHANGE_UP);
  g_assert_cmpstr (rows[4].item_id, ==, f->sort2);
  g_assert_cmpint (rows[4].change, ==, OBEYA_CHANGE_NOT_COMPARABLE);
  g_assert_cmpstr (rows[5].item_id, ==, f->standard);
  g_assert_cmpint (rows[5].change, ==, OBEYA_CHANGE_SAME);

  /* Sort: before (1 + 4) ÷ 8 = 62.5 %, after 2 ÷ 4 = 50 % (N/A left out). */
  g_assert_cmpint (comparison->s[OBEYA_FIVE_S_SORT].change, ==, OBEYA_CHANGE_DOWN);
  assert_percent (comparison->s[OBEYA_FIVE_S_SORT].before, 62.5);
  assert_percent (comparison->s[OBEYA_FIVE_S_SORT].after, 50.0);

  /* The first audit has nothing before it: everything is new. */
  first = obeya_audits_compare_with_previous (f->audits, previous);
  g_assert_null (first->previous);
  g_assert_cmpint (first->overall.change, ==, OBEYA_CHANGE_NOT_COMPARABLE);
  for (guint i = 0; i < first->items->len; i++)
    g_assert_cmpint (g_array_index (first->items, ObeyaItemComparison, i).change, ==,
                     OBEYA_CHANGE_NEW);
}

/* ---- templates ----------------------------------------------------------- */

static void
test_template_edit (Fixture       *f,
                    gconstpointer  data)
{
  GListModel *items = obeya_audit_template_get_items (f->template_);
  ObeyaAuditItem *item, *unused;
  guint version;
  const int scores[] = { 1, 1, 1, 1, 1, 1 };
  const char *new_anchors[] = { "A", "B", "C", "D", "E", NULL };
  g_autoptr(GPtrArray) active = NULL;

  /* Grouped by S although added out of order. */
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 6);
  for (guint i = 0; i + 1 < 6; i++)
    {
      g_autoptr(ObeyaAuditItem) a = g_list_model_get_item (items, i);
      g_autoptr(ObeyaAuditItem) b = g_list_model_get_item (items, i + 1);

      g_assert_cmpint (obeya_audit_item_get_s (a), <=, obeya_audit_item_get_s (b));
    }
  g_assert_cmpuint (obeya_audit_template_count_active (f->template_, OBEYA_FIVE_S_SORT), ==, 2);

  /* Each edit is one undo step and bumps the version; undo restores both. */
  item = obeya_audit_template_find_item (f->template_, f->order);
  version = obeya_audit_template_get_version (f->template_);
  g_assert_true (obeya_audit_template_edit_item (f->template_, item,
                                                 "question", "Everything labelled?",
                                                 "anchors", new_anchors,
                                                 "guidance", "Open three cupboards.",
                                                 NULL));
  g_assert_cmpuint (obeya_audit_template_get_version (f->template_), ==, version + 1);
  g_assert_cmpstr (obeya_audit_item_get_question (item), ==, "Everything labelled?");
  g_assert_cmpstr (obeya_audit_item_get_anchor (item, 4), ==, "E");
  g_assert_cmpstr (obeya_history_get_undo_label (f->history), ==, "Edit audit item");
  g_assert_true (obeya_history_undo (f->history));
  g_assert_cmpstr (obeya_audit_item_get_question (item), ==, "Labelled places?");
  g_assert_cmpstr (obeya_audit_item_get_anchor (item, 4), ==, "four");
  g_assert_null (obeya_audit_item_get_guidance (item));
  g_assert_cmpuint (obeya_audit_template_get_version (f->template_), ==, version);
  g_assert_true (obeya_history_redo (f->history));
  g_assert_cmpstr (obeya_audit_item_get_guidance (item), ==, "Open three cupboards.");

  /* An edit that changes nothing records nothing. */
  version = obeya_audit_template_get_version (f->template_);
  g_assert_true (obeya_audit_template_edit_item (f->template_, item, "question",
                                                 "Everything labelled?", NULL));
  g_assert_cmpuint (obeya_audit_template_get_version (f->template_), ==, version);

  /* Moving an item to another S is fine while no audit used it… */
  g_assert_true (obeya_audit_template_edit_item (f->template_, item,
                                                 "s", OBEYA_FIVE_S_STANDARDIZE, NULL));
  g_assert_true (obeya_history_undo (f->history));
  /* …but refused once one did (it would change past scores). */
  scored_audit (f, obeya_day_from_ymd (2026, 10, 5), scores, TRUE);
  g_assert_false (obeya_audit_template_edit_item (f->template_, item,
                                                  "s", OBEYA_FIVE_S_STANDARDIZE, NULL));
  g_assert_cmpint (obeya_audit_item_get_s (item), ==, OBEYA_FIVE_S_SET_IN_ORDER);

  /* Reorder. */
  obeya_audit_template_move_item (f->template_, item, 0);
  {
    g_autoptr(ObeyaAuditItem) first = g_list_model_get_item (items, 0);
    g_assert_true (first == item);
  }
  g_assert_true (obeya_history_undo (f->history));

  /* An unused item is deleted; a used one retired, then restored. */
  unused = obeya_audit_template_add_item (f->template_, OBEYA_FIVE_S_SUSTAIN, "Unused?",
                                          anchors, -1);
  g_object_ref (unused);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 7);
  g_assert_false (obeya_audit_template_remove_item (f->template_, unused));
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 6);
  g_assert_null (obeya_audit_template_find_item (f->template_,
                                                 obeya_entity_get_id (OBEYA_ENTITY (unused))));
  g_assert_true (obeya_history_undo (f->history));
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 7);
  g_object_unref (unused);

  g_assert_true (obeya_audit_template_remove_item (f->template_, item));
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 7);
  active = obeya_audit_template_dup_active_items (f->template_);
  g_assert_cmpuint (active->len, ==, 6);
  g_assert_cmpuint (obeya_audit_template_count_active (f->template_,
                                                       OBEYA_FIVE_S_SET_IN_ORDER), ==, 0);
  obeya_audit_template_restore_item (f->template_, item);
  g_assert_false (obeya_audit_item_get_retired (item));
}

static void
test_template_copy_and_remove (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ObeyaAuditTemplate *copy;
  ObeyaAuditItem *item = obeya_audit_template_find_item (f->template_, f->sustain);
  const int scores[] = { 1, 1, 1, 1, 1, 1 };

  scored_audit (f, obeya_day_from_ymd (2026, 10, 5), scores, TRUE);
  obeya_audit_template_remove_item (f->template_, item); /* retired */

  copy = obeya_audits_copy_template (f->audits, f->template_, "Desks (copy)");
  g_assert_cmpstr (obeya_audit_template_get_name (copy), ==, "Desks (copy)");
  g_assert_cmpuint (obeya_audit_template_get_version (copy), ==, 1);
  /* New ids, no retired items. */
  g_assert_cmpuint (g_list_model_get_n_items (obeya_audit_template_get_items (copy)), ==, 5);
  g_assert_null (obeya_audit_template_find_item (copy, f->sort1));
  g_assert_cmpstr (obeya_entity_get_id (OBEYA_ENTITY (copy)), !=,
                   obeya_entity_get_id (OBEYA_ENTITY (f->template_)));
  g_assert_cmpstr (obeya_history_get_undo_label (f->history), ==, "Copy 5S template");

  /* A template in use cannot be removed; an unused copy can. */
  g_assert_false (obeya_audits_remove_template (f->audits, f->template_, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_BUSY);
  g_assert_true (obeya_audits_remove_template (f->audits, copy, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (obeya_audits_get_templates (f->audits)), ==, 1);
  g_assert_true (obeya_history_undo (f->history));
  g_assert_cmpuint (g_list_model_get_n_items (obeya_audits_get_templates (f->audits)), ==, 2);
}

static void
test_template_files (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) exported = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(ObeyaWorkspace) other = obeya_workspace_new ();
  ObeyaAudits *other_audits = obeya_workspace_get_audits (other);
  ObeyaAuditTemplate *imported, *second;
  ObeyaAuditItem *item = obeya_audit_template_find_item (f->template_, f->order);
  const char *text;

  obeya_audit_template_edit_item (f->template_, item, "guidance", "Look in “every” drawer",
                                  "evidence", OBEYA_SCAN_EVIDENCE_DEPTH, NULL);
  exported = obeya_audit_template_export (f->template_, &error);
  g_assert_no_error (error);
  text = g_bytes_get_data (exported, NULL);
  g_assert_true (g_str_has_prefix (text, "{\n  \"format\": \"obeya-5s-template\",\n"
                                         "  \"version\": 1,\n  \"template\": {\n"));

  /* Into another workspace: the ids of the file. */
  imported = obeya_audits_import_template (other_audits, exported, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (obeya_entity_get_id (OBEYA_ENTITY (imported)), ==,
                   obeya_entity_get_id (OBEYA_ENTITY (f->template_)));
  g_assert_nonnull (obeya_audit_template_find_item (imported, f->order));
  g_assert_cmpuint (obeya_audit_template_get_version (imported), ==,
                    obeya_audit_template_get_version (f->template_));
  again = obeya_audit_template_export (imported, NULL);
  g_assert_true (g_bytes_equal (exported, again));

  /* Again: the ids are taken, so it comes in as a copy with new ids. */
  second = obeya_audits_import_template (other_audits, exported, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (obeya_entity_get_id (OBEYA_ENTITY (second)), !=,
                   obeya_entity_get_id (OBEYA_ENTITY (imported)));
  g_assert_null (obeya_audit_template_find_item (second, f->order));
  g_assert_cmpuint (g_list_model_get_n_items (obeya_audit_template_get_items (second)), ==, 6);
  g_assert_cmpuint (g_list_model_get_n_items (obeya_audits_get_templates (other_audits)), ==, 2);

  /* Both survive a save and load of the workspace (ids unique). */
  {
    g_autoptr(GBytes) bytes = save_ok (other);
    g_autoptr(ObeyaWorkspace) reloaded = load_ok (bytes);
    g_autoptr(GBytes) resaved = save_ok (reloaded);

    g_assert_true (g_bytes_equal (bytes, resaved));
  }

  /* Not a template file. */
  {
    g_autoptr(GBytes) bytes = g_bytes_new_static ("{\"format\": \"obeya-workspace\"}", 29);

    g_assert_null (obeya_audits_import_template (other_audits, bytes, &error));
    g_assert_error (error, OBEYA_WORKSPACE_ERROR, OBEYA_WORKSPACE_ERROR_NOT_A_WORKSPACE);
    g_clear_error (&error);
  }
  /* Four anchors: the error names the member. */
  {
    const char *bad = "{\"format\": \"obeya-5s-template\", \"version\": 1, \"template\": "
                      "{\"id\": \"t\", \"name\": \"T\", \"version\": 1, \"items\": ["
                      "{\"id\": \"i\", \"s\": \"sort\", \"question\": \"Q?\", "
                      "\"anchors\": [\"a\", \"b\", \"c\", \"d\"]}]}}";
    g_autoptr(GBytes) bytes = g_bytes_new_static (bad, strlen (bad));

    g_assert_null (obeya_audits_import_template (other_audits, bytes, &error));
    g_assert_error (error, OBEYA_JSON_ERROR, OBEYA_JSON_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "template.items[0].anchors"));
    g_clear_error (&error);
  }
  /* Unknown S; a newer file version. */
  {
    const char *bad = "{\"format\": \"obeya-5s-template\", \"version\": 1, \"template\": "
                      "{\"id\": \"t\", \"name\": \"T\", \"version\": 1, \"items\": ["
                      "{\"id\": \"i\", \"s\": \"seiri\", \"question\": \"Q?\", "
                      "\"anchors\": [\"a\", \"b\", \"c\", \"d\", \"e\"]}]}}";
    const char *newer = "{\"format\": \"obeya-5s-template\", \"version\": 2, \"template\": "
                        "{\"id\": \"t\", \"name\": \"T\", \"version\": 1, \"items\": []}}";
    g_autoptr(GBytes) bytes = g_bytes_new_static (bad, strlen (bad));
    g_autoptr(GBytes) newer_bytes = g_bytes_new_static (newer, strlen (newer));

    g_assert_null (obeya_audits_import_template (other_audits, bytes, &error));
    g_assert_error (error, OBEYA_JSON_ERROR, OBEYA_JSON_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "template.items[0].s"));
    g_clear_error (&error);
    g_assert_null (obeya_audits_import_template (other_audits, newer_bytes, &error));
    g_assert_error (error, OBEYA_JSON_ERROR, OBEYA_JSON_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "version"));
    g_clear_error (&error);
  }
  g_assert_cmpuint (g_list_model_get_n_items (obeya_audits_get_templates (other_audits)), ==, 2);
}

static void
test_builtin_templates (void)
{
  const char * const *ids = obeya_audit_template_get_builtin_ids ();
  guint per_s[OBEYA_FIVE_S_N] = { 0, };
  guint total = 0;
  g_autoptr(GError) error = NULL;
  g_autoptr(ObeyaWorkspace) ws = obeya_workspace_new ();
  ObeyaAuditTemplate *first, *second;

  g_assert_cmpstr (ids[0], ==, "office");
  g_assert_cmpstr (ids[1], ==, "digital-workplace");
  g_assert_null (ids[2]);

  for (guint t = 0; ids[t] != NULL; t++)
    {
      g_autoptr(ObeyaAuditTemplate) template_ = obeya_audit_template_new_builtin (ids[t], &error);
      GListModel *items;

      g_assert_no_error (error);
      g_assert_cmpstr (obeya_audit_template_get_origin (template_), ==, ids[t]);
      items = obeya_audit_template_get_items (template_);
      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(ObeyaAuditItem) item = g_list_model_get_item (items, i);
          const char * const *a = obeya_audit_item_get_anchors (item);
          const char *question = obeya_audit_item_get_question (item);

          g_assert_true (g_str_has_suffix (question, "?"));
          g_assert_false (obeya_audit_item_get_retired (item));
          /* Five anchors, each a real description (not "good" / "bad"),
           * all different. */
          for (guint k = 0; k < OBEYA_AUDIT_N_ANCHORS; k++)
            {
              g_assert_cmpuint (strlen (a[k]), >=, 20);
              for (guint m = 0; m < k; m++)
                g_assert_cmpstr (a[k], !=, a[m]);
            }
          per_s[obeya_audit_item_get_s (item)]++;
          total++;
        }
    }

  g_assert_cmpuint (total, >=, 30);
  for (guint s = 0; s < OBEYA_FIVE_S_N; s++)
    g_assert_cmpuint (per_s[s], >=, 6);

  /* The digital template points its Sort and Set-in-order items at the scan. */
  {
    g_autoptr(ObeyaAuditTemplate) digital = obeya_audit_template_new_builtin ("digital-workplace",
                                                                             NULL);
    guint with_evidence = 0;
    GListModel *items = obeya_audit_template_get_items (digital);

    for (guint i = 0; i < g_list_model_get_n_items (items); i++)
      {
        g_autoptr(ObeyaAuditItem) item = g_list_model_get_item (items, i);

        if (obeya_audit_item_get_evidence (item) != OBEYA_SCAN_EVIDENCE_NONE)
          {
            g_assert_cmpint (obeya_audit_item_get_s (item), <=, OBEYA_FIVE_S_SET_IN_ORDER);
            with_evidence++;
          }
      }
    g_assert_cmpuint (with_evidence, ==, 5);
  }

  g_assert_null (obeya_audit_template_new_builtin ("factory", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Added twice to one workspace: the second gets new ids. */
  first = obeya_audits_add_builtin_template (obeya_workspace_get_audits (ws), "office", NULL);
  second = obeya_audits_add_builtin_template (obeya_workspace_get_audits (ws), "office", NULL);
  g_assert_cmpstr (obeya_entity_get_id (OBEYA_ENTITY (first)), ==, "office");
  g_assert_cmpstr (obeya_entity_get_id (OBEYA_ENTITY (second)), !=, "office");
  g_assert_cmpstr (obeya_audit_template_get_origin (second), ==, "office");
  {
    g_autoptr(GBytes) bytes = save_ok (ws);
    g_autoptr(ObeyaWorkspace) reloaded = load_ok (bytes);

    g_assert_cmpuint (g_list_model_get_n_items (obeya_audits_get_templates (
                        obeya_workspace_get_audits (reloaded))), ==, 2);
  }
}

/* ---- audits -------------------------------------------------------------- */

static void
test_each_score_one_undo_step (Fixture       *f,
                               gconstpointer  data)
{
  ObeyaAudit *audit = obeya_audits_start_audit (f->audits, f->area,
                                                obeya_day_from_ymd (2026, 11, 2), NULL);
  const char *photos[] = { "photos/desk 1.jpg", "photos/desk2.jpg", NULL };
  const char *absolute[] = { "/home/ana/desk.jpg", NULL };
  const ObeyaAuditEntry *entry;

  g_assert_cmpstr (obeya_history_get_undo_label (f->history), ==, "Start audit");
  g_assert_true (obeya_audit_set_score (audit, f->sort1, 2));
  g_assert_true (obeya_audit_set_score (audit, f->sort1, 3));
  g_assert_true (obeya_audit_set_note (audit, f->sort1, "Two old binders"));
  g_assert_true (obeya_audit_set_photos (audit, f->sort1, photos));
  g_assert_false (obeya_audit_set_photos (audit, f->sort1, absolute));
  g_assert_true (obeya_audit_set_score (audit, f->sort2, OBEYA_SCORE_NA));
  /* Out of range, N/A where not allowed, unknown item: refused. */
  g_assert_false (obeya_audit_set_score (audit, f->order, 5));
  g_assert_false (obeya_audit_set_score (audit, f->order, -3));
  g_assert_false (obeya_audit_set_score (audit, f->order, OBEYA_SCORE_NA));
  g_assert_false (obeya_audit_set_score (audit, "no-such-item", 1));
  g_assert_cmpint (obeya_audit_get_score (audit, f->order), ==, OBEYA_SCORE_UNSCORED);

  entry = obeya_audit_get_entry (audit, f->sort1);
  g_assert_cmpint (entry->score, ==, 3);
  g_assert_cmpstr (entry->note, ==, "Two old binders");
  g_assert_cmpstrv (entry->photos, photos);
  g_assert_cmpuint (obeya_audit_count_unscored (audit), ==, 4);

  /* Undo walks back one step at a time. */
  g_assert_cmpstr (obeya_history_get_undo_label (f->history), ==, "Score audit item");
  g_assert_true (obeya_history_undo (f->history)); /* N/A */
  g_assert_cmpint (obeya_audit_get_score (audit, f->sort2), ==, OBEYA_SCORE_UNSCORED);
  g_assert_null (obeya_audit_get_entry (audit, f->sort2));
  g_assert_true (obeya_history_undo (f->history)); /* photos */
  g_assert_null (obeya_audit_get_entry (audit, f->sort1)->photos);
  g_assert_true (obeya_history_undo (f->history)); /* note */
  g_assert_null (obeya_audit_get_entry (audit, f->sort1)->note);
  g_assert_true (obeya_history_undo (f->history)); /* 3 */
  g_assert_cmpint (obeya_audit_get_score (audit, f->sort1), ==, 2);
  g_assert_true (obeya_history_undo (f->history)); /* 2 */
  g_assert_null (obeya_audit_get_entry (audit, f->sort1));
  g_assert_true (obeya_history_redo (f->history));
  g_assert_true (obeya_history_redo (f->history));
  g_assert_cmpint (obeya_audit_get_score (audit, f->sort1), ==, 3);

  /* Clearing the score of an entry with nothing else removes the entry. */
  g_assert_true (obeya_audit_set_score (audit, f->sort1, OBEYA_SCORE_UNSCORED));
  g_assert_null (obeya_audit_get_entry (audit, f->sort1));
}

static void
test_draft_survives_reload (Fixture       *f,
                            gconstpointer  data)
{
  ObeyaAudit *audit = obeya_audits_start_audit (f->audits, f->area,
                                                obeya_day_from_ymd (2026, 11, 2),
                                                obeya_entity_get_id (OBEYA_ENTITY (f->ana)));
  const char *photos[] = { "photos/a.jpg", NULL };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) bytes2 = NULL;
  g_autoptr(ObeyaWorkspace) copy = NULL;
  ObeyaAudit *draft;
  ObeyaAudits *audits;
  const ObeyaAuditEntry *entry;
  const char *ids[] = { f->sort2, f->order, f->shine, f->standard, f->sustain };

  obeya_audit_set_score (audit, f->sort1, 1);
  obeya_audit_set_note (audit, f->sort1, "Line 1\nline “2”");
  obeya_audit_set_photos (audit, f->sort1, photos);
  obeya_audit_set_note (audit, f->order, "Not scored yet, but noted");
  obeya_audit_set_summary (audit, "Walked half the floor");

  bytes = save_ok (f->ws);
  copy = load_ok (bytes);
  audits = obeya_workspace_get_audits (copy);
  draft = obeya_audits_find_audit (audits, obeya_entity_get_id (OBEYA_ENTITY (audit)));
  g_assert_nonnull (draft);
  g_assert_cmpint (obeya_audit_get_state (draft), ==, OBEYA_AUDIT_DRAFT);
  g_assert_cmpstr (obeya_audit_get_summary (draft), ==, "Walked half the floor");
  g_assert_cmpstr (obeya_audit_get_auditor (draft), ==, obeya_entity_get_id (OBEYA_ENTITY (f->ana)));
  g_assert_cmpuint (obeya_audit_get_date (draft), ==, obeya_day_from_ymd (2026, 11, 2));
  entry = obeya_audit_get_entry (draft, f->sort1);
  g_assert_cmpint (entry->score, ==, 1);
  g_assert_cmpstr (entry->note, ==, "Line 1\nline “2”");
  g_assert_cmpstrv (entry->photos, photos);
  entry = obeya_audit_get_entry (draft, f->order);
  g_assert_cmpint (entry->score, ==, OBEYA_SCORE_UNSCORED);
  g_assert_cmpstr (entry->note, ==, "Not scored yet, but noted");
  g_assert_true (obeya_audit_get_area (draft) == obeya_audits_find_area (
                   audits, obeya_entity_get_id (OBEYA_ENTITY (f->area))));

  /* Finished later, in the reloaded workspace. */
  g_assert_false (obeya_audit_finish (draft, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_true (obeya_audit_set_score (draft, ids[i], 3));
  g_assert_true (obeya_audit_finish (draft, NULL));

  /* Saving twice gives the same bytes. */
  bytes2 = save_ok (copy);
  {
    g_autoptr(ObeyaWorkspace) copy2 = load_ok (bytes2);
    g_autoptr(GBytes) bytes3 = save_ok (copy2);

    g_assert_true (g_bytes_equal (bytes2, bytes3));
  }
}

static void
test_finish_and_reopen (Fixture       *f,
                        gconstpointer  data)
{
  const int scores[] = { 4, 3, 2, 1, 0, 4 };
  ObeyaAudit *audit;
  g_autoptr(GError) error = NULL;
  g_autoptr(ObeyaPerson) ben = NULL;
  const ObeyaAuditEvent *log;
  guint n_log;
  const char *ids[] = { f->sort1, f->sort2, f->order, f->shine, f->standard, f->sustain };

  audit = obeya_audits_start_audit (f->audits, f->area, obeya_day_from_ymd (2026, 11, 2),
                                    obeya_entity_get_id (OBEYA_ENTITY (f->ana)));
  ben = g_object_ref (obeya_workspace_add_person (f->ws, "Ben Okafor"));

  /* Not finished while items are unscored. */
  obeya_audit_set_score (audit, f->sort1, 4);
  g_assert_false (obeya_audit_finish (audit, &error));
  g_assert_error (error, OBEYA_AUDIT_ERROR, OBEYA_AUDIT_ERROR_INCOMPLETE);
  g_assert_nonnull (strstr (error->message, "5 items"));
  g_clear_error (&error);
  for (guint i = 1; i < G_N_ELEMENTS (ids); i++)
    obeya_audit_set_score (audit, ids[i], scores[i]);

  obeya_time_set_fake_now ("2026-11-02T16:30:00+01:00");
  g_assert_true (obeya_audit_finish (audit, &error));
  g_assert_no_error (error);
  g_assert_true (obeya_audit_is_finished (audit));
  g_assert_cmpstr (obeya_history_get_undo_label (f->history), ==, "Finish audit");

  /* Read-only now: every edit is refused and changes nothing. */
  g_assert_false (obeya_audit_set_score (audit, f->sort1, 0));
  g_assert_false (obeya_audit_set_note (audit, f->sort1, "late note"));
  g_assert_false (obeya_audit_set_summary (audit, "changed"));
  g_assert_false (obeya_audit_set_auditor (audit, NULL));
  g_assert_false (obeya_audit_set_date (audit, obeya_day_from_ymd (2026, 11, 3)));
  g_assert_false (obeya_audit_finish (audit, &error));
  g_assert_error (error, OBEYA_AUDIT_ERROR, OBEYA_AUDIT_ERROR_FINISHED);
  g_clear_error (&error);
  g_assert_cmpint (obeya_audit_get_score (audit, f->sort1), ==, 4);
  g_assert_cmpstr (obeya_history_get_undo_label (f->history), ==, "Finish audit");

  /* Reopening is explicit and recorded: when, who, why. */
  obeya_time_set_fake_now ("2026-11-03T10:00:00+01:00");
  g_assert_true (obeya_audit_reopen (audit, obeya_entity_get_id (OBEYA_ENTITY (ben)),
                                     "Shine scored on the wrong item"));
  g_assert_false (obeya_audit_is_finished (audit));
  g_assert_false (obeya_audit_reopen (audit, NULL, NULL));
  log = obeya_audit_get_log (audit, &n_log);
  g_assert_cmpuint (n_log, ==, 2);
  g_assert_cmpint (log[0].kind, ==, OBEYA_AUDIT_EVENT_FINISHED);
  g_assert_cmpstr (log[0].person_id, ==, obeya_entity_get_id (OBEYA_ENTITY (f->ana)));
  g_assert_cmpint (log[1].kind, ==, OBEYA_AUDIT_EVENT_REOPENED);
  g_assert_cmpstr (log[1].person_id, ==, obeya_entity_get_id (OBEYA_ENTITY (ben)));
  g_assert_cmpstr (log[1].reason, ==, "Shine scored on the wrong item");
  {
    g_autofree char *finished = obeya_timestamp_to_string (log[0].time);
    g_autofree char *reopened = obeya_timestamp_to_string (log[1].time);

    g_assert_cmpstr (finished, ==, "2026-11-02T16:30:00+01:00");
    g_assert_cmpstr (reopened, ==, "2026-11-03T10:00:00+01:00");
  }
  g_assert_true (obeya_audit_set_score (audit, f->shine, 3));

  /* Undo: the score, then the reopen (finished again, log back to one). */
  g_assert_true (obeya_history_undo (f->history));
  g_assert_true (obeya_history_undo (f->history));
  g_assert_true (obeya_audit_is_finished (audit));
  obeya_audit_get_log (audit, &n_log);
  g_assert_cmpuint (n_log, ==, 1);
  g_assert_true (obeya_history_redo (f->history));
  obeya_audit_get_log (audit, &n_log);
  g_assert_cmpuint (n_log, ==, 2);

  /* The log survives a round trip. */
  {
    g_autoptr(GBytes) bytes = save_ok (f->ws);
    g_autoptr(ObeyaWorkspace) copy = load_ok (bytes);
    ObeyaAudit *loaded = obeya_audits_find_audit (obeya_workspace_get_audits (copy),
                                                  obeya_entity_get_id (OBEYA_ENTITY (audit)));
    g_autofree char *reopened = NULL;

    log = obeya_audit_get_log (loaded, &n_log);
    g_assert_cmpuint (n_log, ==, 2);
    reopened = obeya_timestamp_to_string (log[1].time);
    g_assert_cmpstr (reopened, ==, "2026-11-03T10:00:00+01:00");
    g_assert_cmpstr (log[1].reason, ==, "Shine scored on the wrong item");
  }
}

static void
test_actions_linked_both_ways (Fixture       *f,
                               gconstpointer  data)
{
  const int scores[] = { 1, 3, 0, 2, 2, 1 };
  ObeyaBoard *board = obeya_workspace_add_board (f->ws, "AP team", OBEYA_BOARD_TEAM,
                                                 OBEYA_BOARD_TEMPLATE_BACK_OFFICE);
  ObeyaColumn *done = obeya_board_get_first_column_with_role (board, OBEYA_COLUMN_ROLE_DONE);
  ObeyaAudit *audit = scored_audit (f, obeya_day_from_ymd (2026, 11, 2), scores, TRUE);
  g_autoptr(GArray) actions = NULL;
  g_autoptr(ObeyaCard) card = NULL;
  const ObeyaAuditAction *action;
  const char *item_id = NULL;
  ObeyaTag *tag;
  ObeyaLink *link;
  g_autofree char *card_id = NULL;

  g_assert_null (obeya_workspace_find_tag_by_name (f->ws, "5S"));

  /* One step, allowed on a finished audit. */
  card = g_object_ref (obeya_audit_raise_action (audit, f->order, board, NULL,
                                                 "Cupboard 3 has no labels",
                                                 obeya_day_from_ymd (2026, 11, 16),
                                                 obeya_entity_get_id (OBEYA_ENTITY (f->ana))));
  card_id = g_strdup (obeya_entity_get_id (OBEYA_ENTITY (card)));
  g_assert_cmpstr (obeya_history_get_undo_label (f->history), ==, "Raise corrective action");
  g_assert_cmpstr (obeya_card_get_title (card), ==, "Labelled places?");
  g_assert_cmpstr (obeya_card_get_description (card), ==, "Cupboard 3 has no labels");
  g_assert_cmpuint (obeya_card_get_due (card), ==, obeya_day_from_ymd (2026, 11, 16));
  g_assert_true (obeya_card_has_assignee (card, obeya_entity_get_id (OBEYA_ENTITY (f->ana))));
  tag = obeya_workspace_find_tag_by_name (f->ws, "5S");
  g_assert_nonnull (tag);
  g_assert_true (obeya_card_has_tag (card, obeya_entity_get_id (OBEYA_ENTITY (tag))));
  g_assert_cmpint (obeya_column_get_role (obeya_card_get_column (card)), ==,
                   OBEYA_COLUMN_ROLE_BACKLOG);

  /* Card → audit. */
  link = g_list_model_get_item (obeya_card_get_links (card), 0);
  g_assert_cmpstr (obeya_link_get_kind (link), ==, "audit");
  g_assert_cmpstr (obeya_link_get_target (link), ==, obeya_entity_get_id (OBEYA_ENTITY (audit)));
  g_assert_cmpstr (obeya_link_get_label (link), ==, f->order);
  g_object_unref (link);
  g_assert_true (obeya_audits_find_audit_for_card (f->audits, card, &item_id) == audit);
  g_assert_cmpstr (item_id, ==, f->order);

  /* Audit → card, with its column and done state. */
  actions = obeya_audit_list_actions (audit);
  g_assert_cmpuint (actions->len, ==, 1);
  action = &g_array_index (actions, ObeyaAuditAction, 0);
  g_assert_true (action->card == card);
  g_assert_cmpstr (action->item_id, ==, f->order);
  g_assert_cmpstr (action->column_name, ==, "Backlog");
  g_assert_false (action->done);
  g_clear_pointer (&actions, g_array_unref);

  obeya_board_move_card (board, card, done, NULL, -1);
  actions = obeya_audit_list_actions (audit);
  action = &g_array_index (actions, ObeyaAuditAction, 0);
  g_assert_cmpstr (action->column_name, ==, "Done");
  g_assert_true (action->done);
  g_clear_pointer (&actions, g_array_unref);

  /* A second action reuses the tag. */
  obeya_audit_raise_action (audit, f->sort1, board, "Clear the binders", NULL, OBEYA_DAY_NONE,
                            NULL);
  g_assert_cmpuint (g_list_model_get_n_items (obeya_workspace_get_tags (f->ws)), ==, 1);

  /* The links survive a save and load. */
  {
    g_autoptr(GBytes) bytes = save_ok (f->ws);
    g_autoptr(ObeyaWorkspace) copy = load_ok (bytes);
    ObeyaAudits *audits = obeya_workspace_get_audits (copy);
    ObeyaCard *loaded_card = obeya_workspace_find_card (copy, card_id);
    ObeyaAudit *loaded = obeya_audits_find_audit (audits, obeya_entity_get_id (OBEYA_ENTITY (audit)));
    g_autoptr(GArray) loaded_actions = obeya_audit_list_actions (loaded);

    g_assert_true (obeya_audits_find_audit_for_card (audits, loaded_card, NULL) == loaded);
    g_assert_cmpuint (loaded_actions->len, ==, 2);
    g_assert_true (g_array_index (loaded_actions, ObeyaAuditAction, 0).done);
  }

  /* Undo: the second action, the move, the first action (card, link, tag). */
  g_assert_true (obeya_history_undo (f->history));
  g_assert_true (obeya_history_undo (f->history));
  g_assert_true (obeya_history_undo (f->history));
  g_assert_null (obeya_workspace_find_card (f->ws, card_id));
  g_assert_null (obeya_workspace_find_tag_by_name (f->ws, "5S"));
  actions = obeya_audit_list_actions (audit);
  g_assert_cmpuint (actions->len, ==, 0);
  g_clear_pointer (&actions, g_array_unref);

  g_assert_true (obeya_history_redo (f->history));
  g_assert_true (obeya_workspace_find_card (f->ws, card_id) == card);
  actions = obeya_audit_list_actions (audit);
  g_assert_cmpuint (actions->len, ==, 1);
  g_assert_cmpstr (g_array_index (actions, ObeyaAuditAction, 0).column_name, ==, "Backlog");
  g_clear_pointer (&actions, g_array_unref);

  /* A deleted card is reported missing, never a crash. */
  obeya_board_delete_card (board, card);
  actions = obeya_audit_list_actions (audit);
  g_assert_cmpuint (actions->len, ==, 1);
  g_assert_null (g_array_index (actions, ObeyaAuditAction, 0).card);
  g_assert_null (g_array_index (actions, ObeyaAuditAction, 0).column_name);
  {
    g_autoptr(GBytes) bytes = save_ok (f->ws);
    g_autoptr(ObeyaWorkspace) copy = load_ok (bytes);
    g_autoptr(GBytes) again = save_ok (copy);

    g_assert_true (g_bytes_equal (bytes, again));
  }
}

static void
test_due_dates (Fixture       *f,
                gconstpointer  data)
{
  const int scores[] = { 2, 2, 2, 2, 2, 2 };
  ObeyaDay today = obeya_day_from_ymd (2026, 11, 2);
  ObeyaArea *weekly, *quarterly, *never;
  g_autoptr(GArray) overview = NULL;
  g_autoptr(GArray) due = NULL;
  const ObeyaAreaStatus *status;

  /* Cadence arithmetic: calendar months, clamped to the month's end. */
  g_assert_cmpuint (obeya_area_next_due (f->area, obeya_day_from_ymd (2026, 1, 31), today), ==,
                    obeya_day_from_ymd (2026, 2, 28));
  g_assert_cmpuint (obeya_area_next_due (f->area, obeya_day_from_ymd (2028, 1, 31), today), ==,
                    obeya_day_from_ymd (2028, 2, 29));
  g_assert_cmpuint (obeya_area_next_due (f->area, obeya_day_from_ymd (2026, 12, 15), today), ==,
                    obeya_day_from_ymd (2027, 1, 15));
  g_assert_cmpuint (obeya_area_next_due (f->area, OBEYA_DAY_NONE, today), ==, today);

  weekly = obeya_audits_add_area (f->audits, "Printer corner", f->template_,
                                  OBEYA_AUDIT_CADENCE_WEEKLY);
  quarterly = obeya_audits_add_area (f->audits, "Archive room", f->template_,
                                     OBEYA_AUDIT_CADENCE_QUARTERLY);
  never = obeya_audits_add_area (f->audits, "New hot desks", f->template_,
                                 OBEYA_AUDIT_CADENCE_MONTHLY);
  g_assert_cmpuint (obeya_area_next_due (quarterly, obeya_day_from_ymd (2026, 11, 30), today), ==,
                    obeya_day_from_ymd (2027, 2, 28));

  /* Monthly, last finished 2 October: due 2 November = today. A later draft
   * does not count. */
  scored_audit (f, obeya_day_from_ymd (2026, 10, 2), scores, TRUE);
  scored_audit (f, obeya_day_from_ymd (2026, 10, 20), scores, FALSE);
  /* Weekly, last 20 October: due 27 October, 6 days overdue. */
  f->area = weekly;
  scored_audit (f, obeya_day_from_ymd (2026, 10, 20), scores, TRUE);
  /* Quarterly, last 1 September: due 1 December. */
  f->area = quarterly;
  scored_audit (f, obeya_day_from_ymd (2026, 9, 1), scores, TRUE);

  overview = obeya_audits_get_overview (f->audits, today);
  g_assert_cmpuint (overview->len, ==, 4);
  status = &g_array_index (overview, ObeyaAreaStatus, 0);
  g_assert_cmpint (status->due, ==, OBEYA_AREA_DUE);
  g_assert_cmpuint (status->next_due, ==, today);
  g_assert_nonnull (status->draft);
  g_assert_cmpuint (obeya_audit_get_date (status->latest), ==, obeya_day_from_ymd (2026, 10, 2));
  assert_percent (status->score.overall, 50.0);
  status = &g_array_index (overview, ObeyaAreaStatus, 1);
  g_assert_cmpint (status->due, ==, OBEYA_AREA_OVERDUE);
  g_assert_cmpuint (status->next_due, ==, obeya_day_from_ymd (2026, 10, 27));
  g_assert_cmpuint (status->days_overdue, ==, 6);
  status = &g_array_index (overview, ObeyaAreaStatus, 2);
  g_assert_cmpint (status->due, ==, OBEYA_AREA_OK);
  g_assert_cmpuint (status->next_due, ==, obeya_day_from_ymd (2026, 12, 1));
  status = &g_array_index (overview, ObeyaAreaStatus, 3);
  g_assert_true (status->area == never);
  g_assert_null (status->latest);
  assert_no_score (status->score.overall);
  g_assert_cmpint (status->due, ==, OBEYA_AREA_DUE);
  g_assert_cmpuint (status->next_due, ==, today);

  /* For the stand-up page: due and overdue only, most overdue first. */
  due = obeya_audits_list_due (f->audits, today);
  g_assert_cmpuint (due->len, ==, 3);
  g_assert_true (g_array_index (due, ObeyaAreaStatus, 0).area == weekly);
  g_assert_cmpint (g_array_index (due, ObeyaAreaStatus, 1).due, ==, OBEYA_AREA_DUE);
  g_assert_cmpint (g_array_index (due, ObeyaAreaStatus, 2).due, ==, OBEYA_AREA_DUE);
}

static void
test_trend_and_months (Fixture       *f,
                       gconstpointer  data)
{
  /* sort1, sort2, order, shine, standard, sustain */
  const int low[] = { 0, 0, 0, 0, 0, 0 };        /* 0 % */
  const int mid[] = { 2, 2, 2, 2, 2, 2 };        /* 50 % */
  const int high[] = { 4, 4, 4, 4, 4, 4 };       /* 100 % */
  const int one[] = { 4, OBEYA_SCORE_NA, 4, 4, 4, 4 };
  g_autoptr(GArray) trend = NULL;
  g_autoptr(GArray) months = NULL;
  ObeyaArea *desks = f->area, *room;
  ObeyaAuditScore average;
  const ObeyaMonthScore *month;

  scored_audit (f, obeya_day_from_ymd (2026, 10, 3), low, TRUE);
  scored_audit (f, obeya_day_from_ymd (2026, 10, 20), high, TRUE);
  scored_audit (f, obeya_day_from_ymd (2026, 9, 1), mid, TRUE);
  scored_audit (f, obeya_day_from_ymd (2026, 11, 1), mid, FALSE); /* draft: not in trends */
  room = obeya_audits_add_area (f->audits, "Meeting room", f->template_,
                                OBEYA_AUDIT_CADENCE_MONTHLY);
  f->area = room;
  scored_audit (f, obeya_day_from_ymd (2026, 10, 9), one, TRUE);

  /* The run chart: finished audits by date. */
  trend = obeya_audits_get_trend (f->audits, desks);
  g_assert_cmpuint (trend->len, ==, 3);
  g_assert_cmpuint (g_array_index (trend, ObeyaTrendPoint, 0).date, ==,
                    obeya_day_from_ymd (2026, 9, 1));
  assert_percent (g_array_index (trend, ObeyaTrendPoint, 0).score.overall, 50.0);
  assert_percent (g_array_index (trend, ObeyaTrendPoint, 1).score.overall, 0.0);
  assert_percent (g_array_index (trend, ObeyaTrendPoint, 2).score.overall, 100.0);
  g_assert_true (obeya_audits_get_latest (f->audits, desks) ==
                 g_array_index (trend, ObeyaTrendPoint, 2).audit);

  /* By month across areas: October = mean of (desks: mean of 0 and 100 =
   * 50) and (room: 100) = 75, not the mean of the three audits (66.7). */
  months = obeya_audits_get_monthly (f->audits, NULL, obeya_day_from_ymd (2026, 8, 1),
                                     obeya_day_from_ymd (2026, 11, 30));
  g_assert_cmpuint (months->len, ==, 2);
  month = &g_array_index (months, ObeyaMonthScore, 0);
  g_assert_cmpint (month->month, ==, 9);
  g_assert_cmpuint (month->n_audits, ==, 1);
  assert_percent (month->score.overall, 50.0);
  month = &g_array_index (months, ObeyaMonthScore, 1);
  g_assert_cmpint (month->year, ==, 2026);
  g_assert_cmpint (month->month, ==, 10);
  g_assert_cmpuint (month->n_audits, ==, 3);
  g_assert_cmpuint (month->n_areas, ==, 2);
  assert_percent (month->score.overall, 75.0);
  /* Sort in the room is 4 ÷ 4 (N/A left out): (50 + 100) ÷ 2. */
  assert_percent (month->score.s[OBEYA_FIVE_S_SORT], 75.0);
  g_clear_pointer (&months, g_array_unref);

  months = obeya_audits_get_monthly (f->audits, room, obeya_day_from_ymd (2026, 1, 1),
                                     obeya_day_from_ymd (2026, 12, 31));
  g_assert_cmpuint (months->len, ==, 1);

  /* Latest scores across areas: desks 100, room 100. */
  obeya_audits_get_latest_average (f->audits, &average);
  assert_percent (average.overall, 100.0);
}

static void
test_csv (Fixture       *f,
          gconstpointer  data)
{
  const int first[] = { 4, OBEYA_SCORE_NA, 3, 2, 1, 0 };
  const int second[] = { 1, 1, 1, 1, 1, 1 };
  g_autofree char *csv = NULL;
  ObeyaArea *room;

  scored_audit (f, obeya_day_from_ymd (2026, 10, 1), first, TRUE);
  room = obeya_audits_add_area (f->audits, "Room \"2\", east", f->template_,
                                OBEYA_AUDIT_CADENCE_WEEKLY);
  f->area = room;
  /* A draft with one Sort score: the other S are empty cells. */
  {
    ObeyaAudit *draft = obeya_audits_start_audit (f->audits, room,
                                                  obeya_day_from_ymd (2026, 10, 1), NULL);
    obeya_audit_set_score (draft, f->sort1, 3);
  }
  scored_audit (f, obeya_day_from_ymd (2026, 9, 15), second, TRUE);

  csv = obeya_audits_export_csv (f->audits);
  g_assert_cmpstr (csv, ==,
                   "area,date,auditor,state,overall,sort,set_in_order,shine,standardize,sustain\r\n"
                   "\"Room \"\"2\"\", east\",2026-09-15,Ana López,finished,25.0,25.0,25.0,25.0,25.0,25.0\r\n"
                   "AP desks,2026-10-01,Ana López,finished,50.0,100.0,75.0,50.0,25.0,0.0\r\n"
                   "\"Room \"\"2\"\", east\",2026-10-01,,draft,75.0,75.0,,,,\r\n");
}

static void
test_photos (void)
{
  g_autoptr(GFile) workspace = g_file_new_for_path ("/srv/team/obeya/team.obeya");
  g_autoptr(GFile) inside = g_file_new_for_path ("/srv/team/obeya/photos/desk 1.jpg");
  g_autoptr(GFile) beside = g_file_new_for_path ("/srv/team/pictures/5s/desk.jpg");
  g_autoptr(GFile) resolved = NULL;
  g_autofree char *path1 = obeya_audit_make_photo_path (workspace, inside);
  g_autofree char *path2 = obeya_audit_make_photo_path (workspace, beside);
  g_autofree char *resolved_path = NULL;

  g_assert_cmpstr (path1, ==, "photos/desk 1.jpg");
  g_assert_cmpstr (path2, ==, "../pictures/5s/desk.jpg");
  resolved = obeya_audit_resolve_photo (workspace, path2);
  resolved_path = g_file_get_path (resolved);
  g_assert_cmpstr (resolved_path, ==, "/srv/team/pictures/5s/desk.jpg");
}

static void
test_remove_area (Fixture       *f,
                  gconstpointer  data)
{
  const int scores[] = { 1, 1, 1, 1, 1, 1 };
  GListModel *audits = obeya_audits_get_audits (f->audits);
  GListModel *areas = obeya_audits_get_areas (f->audits);
  ObeyaArea *desks = f->area;
  ObeyaArea *other = obeya_audits_add_area (f->audits, "Other", f->template_,
                                            OBEYA_AUDIT_CADENCE_MONTHLY);
  ObeyaAudit *audit;

  scored_audit (f, obeya_day_from_ymd (2026, 10, 1), scores, TRUE);
  scored_audit (f, obeya_day_from_ymd (2026, 11, 1), scores, FALSE);
  f->area = other;
  audit = scored_audit (f, obeya_day_from_ymd (2026, 11, 1), scores, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (audits), ==, 3);

  obeya_audits_remove_area (f->audits, desks);
  g_assert_cmpuint (g_list_model_get_n_items (areas), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (audits), ==, 1);
  g_assert_true (obeya_audits_find_audit (f->audits, obeya_entity_get_id (OBEYA_ENTITY (audit)))
                 == audit);
  g_assert_true (obeya_history_undo (f->history));
  g_assert_cmpuint (g_list_model_get_n_items (areas), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (audits), ==, 3);

  /* A single audit can be deleted too (undoable). */
  obeya_audits_delete_audit (f->audits, audit);
  g_assert_null (obeya_audits_find_audit (f->audits, obeya_entity_get_id (OBEYA_ENTITY (audit))));
  g_assert_true (obeya_history_undo (f->history));
  g_assert_nonnull (obeya_audits_find_audit (f->audits,
                                             obeya_entity_get_id (OBEYA_ENTITY (audit))));
}

static void
test_edit_area_and_template (Fixture       *f,
                             gconstpointer  data)
{
  const int scores[] = { 2, 2, 2, 2, 2, 2 };
  ObeyaAuditTemplate *other = obeya_audits_copy_template (f->audits, f->template_, "Other");
  ObeyaAudit *audit = scored_audit (f, obeya_day_from_ymd (2026, 10, 1), scores, TRUE);
  guint version = obeya_audit_template_get_version (f->template_);

  /* Areas and templates are edited with the generic undoable edit. */
  obeya_entity_edit (OBEYA_ENTITY (f->area), "Edit area",
                     "name", "AP desks, 3rd floor",
                     "cadence", OBEYA_AUDIT_CADENCE_WEEKLY,
                     "owner", obeya_entity_get_id (OBEYA_ENTITY (f->ana)),
                     "template", other,
                     NULL);
  g_assert_cmpstr (obeya_area_get_name (f->area), ==, "AP desks, 3rd floor");
  g_assert_cmpint (obeya_area_get_cadence (f->area), ==, OBEYA_AUDIT_CADENCE_WEEKLY);
  g_assert_true (obeya_area_get_template (f->area) == other);
  /* Past audits keep the template they were scored with. */
  g_assert_true (obeya_audit_get_template (audit) == f->template_);
  g_assert_true (obeya_history_undo (f->history));
  g_assert_cmpstr (obeya_area_get_name (f->area), ==, "AP desks");
  g_assert_cmpint (obeya_area_get_cadence (f->area), ==, OBEYA_AUDIT_CADENCE_MONTHLY);
  g_assert_null (obeya_area_get_owner (f->area));
  g_assert_true (obeya_area_get_template (f->area) == f->template_);

  /* Renaming a template does not change its version (its items did not). */
  obeya_entity_edit (OBEYA_ENTITY (f->template_), "Rename template", "name", "Desks v2", NULL);
  g_assert_cmpstr (obeya_audit_template_get_name (f->template_), ==, "Desks v2");
  g_assert_cmpuint (obeya_audit_template_get_version (f->template_), ==, version);
  g_assert_true (obeya_history_undo (f->history));
  g_assert_cmpstr (obeya_audit_template_get_name (f->template_), ==, "Desks");
}

/* ---- the file ------------------------------------------------------------ */

static ObeyaScanResult *
small_scan (void)
{
  ObeyaScanResult *scan = obeya_scan_result_new ();
  ObeyaScanPath deep = { g_strdup ("a/b/c"), 3 };
  ObeyaScanPath old = { g_strdup ("a/old.txt"), obeya_day_from_ymd (2019, 3, 1) };
  ObeyaScanPath bad = { g_strdup ("a/Final FINAL.docx"), 0 };
  ObeyaScanDuplicates dup = { 1024, g_strdupv ((char *[]) { "a/x.pdf", "b/x.pdf", NULL }) };

  scan->folder = g_strdup ("/srv/finance");
  scan->pattern = g_strdup ("[a-z]+");
  scan->stale_days = 180;
  obeya_timestamp_parse ("2026-11-02T09:30:00+01:00", &scan->time);
  scan->n_files = 12;
  scan->n_folders = 4;
  scan->total_bytes = 123456;
  scan->max_depth = 3;
  scan->average_depth = 1.75;
  scan->n_stale = 3;
  scan->n_empty_folders = 1;
  scan->n_duplicate_groups = 1;
  scan->n_duplicate_files = 1;
  scan->duplicate_bytes = 1024;
  scan->n_bad_names = 2;
  g_array_append_val (scan->deepest, deep);
  g_array_append_val (scan->oldest, old);
  g_array_append_val (scan->bad_names, bad);
  g_array_append_val (scan->duplicates, dup);
  return scan;
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  const int scores[] = { 4, OBEYA_SCORE_NA, 3, 2, 1, 0 };
  ObeyaBoard *board = obeya_workspace_add_board (f->ws, "AP team", OBEYA_BOARD_TEAM,
                                                 OBEYA_BOARD_TEMPLATE_BACK_OFFICE);
  g_autoptr(ObeyaScanResult) scan = small_scan ();
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(ObeyaWorkspace) copy = NULL;
  ObeyaAudit *audit, *loaded;
  ObeyaScanResult *loaded_scan;
  const char *photos[] = { "photos/a.jpg", "../b.png", NULL };
  const char *text;

  g_object_set (f->area,
                "owner", obeya_entity_get_id (OBEYA_ENTITY (f->ana)),
                "folder", "/srv/finance",
                "name-pattern", obeya_name_pattern_get_presets (NULL)[0].pattern,
                "stale-days", 180,
                NULL);
  audit = obeya_audits_start_audit (f->audits, f->area, obeya_day_from_ymd (2026, 11, 2),
                                    obeya_entity_get_id (OBEYA_ENTITY (f->ana)));
  obeya_audit_set_scan (audit, scan);
  obeya_audit_set_note (audit, f->order, "Tab\there, quote \" and ünïcödé ✓");
  obeya_audit_set_photos (audit, f->shine, photos);
  obeya_audit_set_summary (audit, "Better than last month");
  {
    const char *ids[] = { f->sort1, f->sort2, f->order, f->shine, f->standard, f->sustain };
    for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
      obeya_audit_set_score (audit, ids[i], scores[i]);
  }
  obeya_audit_finish (audit, NULL);
  obeya_audit_raise_action (audit, f->sustain, board, "Close last month's actions", NULL,
                            obeya_day_from_ymd (2026, 11, 9), NULL);
  obeya_audit_reopen (audit, NULL, NULL);

  first = save_ok (f->ws);
  text = g_bytes_get_data (first, NULL);
  if (g_test_verbose ())
    g_printerr ("%.*s", (int) g_bytes_get_size (first), text);

  /* The sections follow "boards", scores are compact inline rows. */
  g_assert_nonnull (strstr (text, "  ],\n  \"audit_templates\": [\n"));
  g_assert_nonnull (strstr (text, "\n  \"areas\": [\n"));
  g_assert_nonnull (strstr (text, "\n  \"audits\": [\n"));
  g_assert_nonnull (strstr (text, "[\"photos/a.jpg\", \"../b.png\"]"));
  g_assert_nonnull (strstr (text, "\"na\"]"));
  g_assert_nonnull (strstr (text, "\"average_depth\": 1.75,"));
  g_assert_null (strstr (text, "nan.0"));
  g_assert_null (strstr (text, "inf.0"));

  copy = load_ok (first);
  second = save_ok (copy);
  g_assert_true (g_bytes_equal (first, second));

  loaded = obeya_audits_find_audit (obeya_workspace_get_audits (copy),
                                    obeya_entity_get_id (OBEYA_ENTITY (audit)));
  loaded_scan = obeya_audit_get_scan (loaded);
  g_assert_nonnull (loaded_scan);
  g_assert_cmpuint (loaded_scan->n_files, ==, 12);
  g_assert_cmpfloat (loaded_scan->average_depth, ==, 1.75);
  g_assert_cmpstr (g_array_index (loaded_scan->duplicates, ObeyaScanDuplicates, 0).paths[1], ==,
                   "b/x.pdf");
  g_assert_cmpuint (g_array_index (loaded_scan->oldest, ObeyaScanPath, 0).value, ==,
                    obeya_day_from_ymd (2019, 3, 1));
  g_assert_cmpstr (obeya_area_get_owner (obeya_audit_get_area (loaded)), ==,
                   obeya_entity_get_id (OBEYA_ENTITY (f->ana)));
  g_assert_cmpuint (obeya_area_get_stale_days (obeya_audit_get_area (loaded)), ==, 180);

  /* Evidence lines for the items that name a scan number. */
  {
    ObeyaAuditItem *item = obeya_audit_template_find_item (obeya_audit_get_template (loaded),
                                                           f->sort1);
    g_autofree char *none = NULL;
    g_autofree char *stale = NULL;

    none = obeya_audit_describe_evidence (loaded, item);
    g_assert_null (none);
    obeya_audit_template_edit_item (obeya_audit_get_template (loaded), item,
                                    "evidence", OBEYA_SCAN_EVIDENCE_STALE_FILES, NULL);
    stale = obeya_audit_describe_evidence (loaded, item);
    g_assert_cmpstr (stale, ==, "3 of 12 files (25 %) not modified for 180 days");
  }
}

static void
test_unknown_members_kept (void)
{
  const char *text =
    "{\n"
    "  \"format\": \"obeya-workspace\",\n"
    "  \"version\": 1,\n"
    "  \"audit_templates\": [\n"
    "    {\n"
    "      \"id\": \"t1\",\n"
    "      \"name\": \"T\",\n"
    "      \"version\": 2,\n"
    "      \"items\": [\n"
    "        {\n"
    "          \"id\": \"i1\",\n"
    "          \"s\": \"shine\",\n"
    "          \"question\": \"Clean?\",\n"
    "          \"anchors\": [\n"
    "            \"a\",\n"
    "            \"b\",\n"
    "            \"c\",\n"
    "            \"d\",\n"
    "            \"e\"\n"
    "          ],\n"
    "          \"future_item\": 1\n"
    "        }\n"
    "      ],\n"
    "      \"future_template\": [1, 2]\n"
    "    }\n"
    "  ],\n"
    "  \"areas\": [\n"
    "    {\n"
    "      \"id\": \"a1\",\n"
    "      \"name\": \"Desks\",\n"
    "      \"template\": \"t1\",\n"
    "      \"cadence\": \"weekly\",\n"
    "      \"future_area\": \"x\"\n"
    "    }\n"
    "  ],\n"
    "  \"audits\": [\n"
    "    {\n"
    "      \"id\": \"u1\",\n"
    "      \"area\": \"a1\",\n"
    "      \"template\": \"t1\",\n"
    "      \"template_version\": 2,\n"
    "      \"date\": \"2026-11-02\",\n"
    "      \"state\": \"finished\",\n"
    "      \"scores\": [\n"
    "        [\"i1\", 3]\n"
    "      ],\n"
    "      \"scan\": {\n"
    "        \"folder\": \"/srv\",\n"
    "        \"stale_days\": 365,\n"
    "        \"time\": \"2026-11-02T09:00:00+01:00\",\n"
    "        \"files\": 0,\n"
    "        \"folders\": 0,\n"
    "        \"bytes\": 0,\n"
    "        \"max_depth\": 0,\n"
    "        \"average_depth\": 0,\n"
    "        \"stale_files\": 0,\n"
    "        \"empty_folders\": 0,\n"
    "        \"duplicate_groups\": 0,\n"
    "        \"duplicate_files\": 0,\n"
    "        \"duplicate_bytes\": 0,\n"
    "        \"bad_names\": 0,\n"
    "        \"symlinks\": 0,\n"
    "        \"unreadable\": 0,\n"
    "        \"deepest\": [],\n"
    "        \"oldest\": [],\n"
    "        \"bad_name_examples\": [],\n"
    "        \"largest_duplicates\": [],\n"
    "        \"future_scan\": true\n"
    "      },\n"
    "      \"future_audit\": {\n"
    "        \"k\": \"v\"\n"
    "      }\n"
    "    }\n"
    "  ],\n"
    "  \"future_top\": 7\n"
    "}\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(ObeyaWorkspace) ws = load_ok (bytes);
  g_autoptr(GBytes) saved = save_ok (ws);
  g_autofree char *summary = obeya_workspace_dup_summary (ws);

  g_assert_cmpstr (g_bytes_get_data (saved, NULL), ==, text);
  g_assert_cmpstr (summary, ==, "0 boards, 0 cards, 0 people, 0 tags, 1 5S area, 1 audit");
}

static void
expect_load_error (const char *audits_json,
                   const char *path)
{
  g_autofree char *text = g_strdup_printf (
    "{\"format\": \"obeya-workspace\", \"version\": 1, \"people\": [{\"id\": \"p1\", \"name\": \"P\"}],"
    " \"audit_templates\": [{\"id\": \"t1\", \"name\": \"T\", \"version\": 1, \"items\": ["
    "{\"id\": \"i1\", \"s\": \"sort\", \"question\": \"Q?\", \"anchors\": [\"a\", \"b\", \"c\", \"d\", \"e\"]},"
    "{\"id\": \"i2\", \"s\": \"sort\", \"question\": \"Q2?\", \"anchors\": [\"a\", \"b\", \"c\", \"d\", \"e\"]}]}],"
    " \"areas\": [{\"id\": \"a1\", \"name\": \"A\", \"template\": \"t1\", \"cadence\": \"monthly\"}],"
    " \"audits\": [%s]}", audits_json);
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(ObeyaWorkspace) ws = obeya_workspace_load (bytes, &error);

  g_assert_null (ws);
  g_assert_error (error, OBEYA_JSON_ERROR, OBEYA_JSON_ERROR_INVALID);
  if (g_test_verbose ())
    g_printerr ("%s\n", error->message);
  if (strstr (error->message, path) == NULL)
    g_error ("expected the path “%s” in: %s", path, error->message);
}

#define AUDIT_HEAD "{\"id\": \"u1\", \"area\": \"a1\", \"template\": \"t1\", \"template_version\": 1, " \
                   "\"date\": \"2026-11-02\", \"state\": \"draft\", "

static void
test_bad_files (void)
{
  /* A valid one first, so the cases below fail for their own reason. */
  {
    const char *good = "{\"format\": \"obeya-workspace\", \"version\": 1,"
                       " \"audit_templates\": [{\"id\": \"t1\", \"name\": \"T\", \"version\": 1,"
                       " \"items\": []}]}";
    g_autoptr(GBytes) bytes = g_bytes_new_static (good, strlen (good));
    g_autoptr(ObeyaWorkspace) ws = load_ok (bytes);

    g_assert_nonnull (ws);
  }
  expect_load_error ("{\"id\": \"u1\", \"area\": \"nope\", \"template\": \"t1\", "
                     "\"template_version\": 1, \"date\": \"2026-11-02\", \"state\": \"draft\"}",
                     "audits[0].area");
  expect_load_error ("{\"id\": \"u1\", \"area\": \"a1\", \"template\": \"t9\", "
                     "\"template_version\": 1, \"date\": \"2026-11-02\", \"state\": \"draft\"}",
                     "audits[0].template");
  expect_load_error (AUDIT_HEAD "\"scores\": [[\"i1\", 5]]}", "audits[0].scores[0][1]");
  expect_load_error (AUDIT_HEAD "\"scores\": [[\"i1\", 2.5]]}", "audits[0].scores[0][1]");
  expect_load_error (AUDIT_HEAD "\"scores\": [[\"i1\", \"n/a\"]]}", "audits[0].scores[0]");
  expect_load_error (AUDIT_HEAD "\"scores\": [[\"i1\", 1], [\"i9\", 1]]}", "audits[0].scores[1]");
  expect_load_error (AUDIT_HEAD "\"scores\": [[\"i1\", 1], [\"i1\", 2]]}", "audits[0].scores[1]");
  expect_load_error (AUDIT_HEAD "\"scores\": [[\"i1\", 1, null, [\"/etc/passwd\"]]]}",
                     "audits[0].scores[0][3][0]");
  expect_load_error (AUDIT_HEAD "\"log\": [[\"yesterday\", \"finished\", null]]}", "audits[0].log[0]");
  expect_load_error (AUDIT_HEAD "\"log\": [[\"2026-11-02T10:00:00Z\", \"deleted\", null]]}",
                     "audits[0].log[0]");
  expect_load_error ("{\"id\": \"u1\", \"area\": \"a1\", \"template\": \"t1\", "
                     "\"template_version\": 1, \"date\": \"2026-13-02\", \"state\": \"draft\"}",
                     "audits[0].date");
  expect_load_error ("{\"id\": \"u1\", \"area\": \"a1\", \"template\": \"t1\", "
                     "\"template_version\": 1, \"date\": \"2026-11-02\", \"state\": \"closed\"}",
                     "audits[0].state");
  /* Ids are unique across the whole file. */
  expect_load_error ("{\"id\": \"i1\", \"area\": \"a1\", \"template\": \"t1\", "
                     "\"template_version\": 1, \"date\": \"2026-11-02\", \"state\": \"draft\"}",
                     "audits[0].id");
  expect_load_error (AUDIT_HEAD "\"scan\": {\"folder\": \"/srv\"}}", "audits[0].scan.stale_days");
}

/* ---- the sample ---------------------------------------------------------- */

static void
test_sample (void)
{
  g_autoptr(ObeyaWorkspace) ws = obeya_workspace_new ();
  ObeyaAudits *audits = obeya_workspace_get_audits (ws);
  ObeyaDay today = obeya_day_from_ymd (2026, 11, 2);
  ObeyaBoard *board;
  guint n_drafts = 0, n_finished = 0, open_actions = 0;
  g_autoptr(GArray) due = NULL;
  g_autoptr(GBytes) first = NULL;

  obeya_time_set_fake_now ("2026-11-02T09:00:00+01:00");
  board = obeya_workspace_add_board (ws, "Team board", OBEYA_BOARD_TEAM,
                                     OBEYA_BOARD_TEMPLATE_BACK_OFFICE);
  g_object_set (board, "sample", TRUE, NULL);
  obeya_sample_add_5s (ws, board, today);

  g_assert_cmpuint (g_list_model_get_n_items (obeya_audits_get_templates (audits)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (obeya_audits_get_areas (audits)), ==, 3);
  for (guint i = 0; i < g_list_model_get_n_items (obeya_audits_get_audits (audits)); i++)
    {
      g_autoptr(ObeyaAudit) audit = g_list_model_get_item (obeya_audits_get_audits (audits), i);

      g_assert_true (obeya_audit_get_sample (audit));
      if (obeya_audit_is_finished (audit))
        n_finished++;
      else
        n_drafts++;
    }
  if (g_test_verbose ())
    {
      g_autofree char *csv = obeya_audits_export_csv (audits);
      g_printerr ("%s", csv);
    }
  g_assert_cmpuint (n_finished, ==, 18);
  g_assert_cmpuint (n_drafts, ==, 1);

  /* Six months per area, a believable improvement: the last audit beats the
   * first by at least 20 points, and the trend mostly rises. */
  for (guint a = 0; a < 3; a++)
    {
      g_autoptr(ObeyaArea) area = g_list_model_get_item (obeya_audits_get_areas (audits), a);
      g_autoptr(GArray) trend = obeya_audits_get_trend (audits, area);
      const ObeyaTrendPoint *points = (const ObeyaTrendPoint *) trend->data;
      guint rises = 0;

      g_assert_true (obeya_area_get_sample (area));
      g_assert_cmpuint (trend->len, ==, 6);
      g_assert_cmpuint (today - points[0].date, >, 150);
      g_assert_cmpuint (today - points[0].date, <, 220);
      g_assert_cmpfloat (points[5].score.overall.percent - points[0].score.overall.percent, >=,
                         20.0);
      for (guint i = 1; i < trend->len; i++)
        rises += points[i].score.overall.percent > points[i - 1].score.overall.percent;
      g_assert_cmpuint (rises, >=, 3);
      for (guint i = 0; i < trend->len; i++)
        {
          g_assert_nonnull (obeya_audit_get_summary (points[i].audit));
          g_assert_cmpint (obeya_audit_get_score (points[i].audit, "no-such"), ==,
                           OBEYA_SCORE_UNSCORED);
        }
    }

  /* One area overdue for the stand-up page. */
  due = obeya_audits_list_due (audits, today);
  g_assert_cmpuint (due->len, >=, 1);
  g_assert_cmpint (g_array_index (due, ObeyaAreaStatus, 0).due, ==, OBEYA_AREA_OVERDUE);

  /* Open 5S actions on the board, linked to their audits. */
  for (guint i = 0; i < obeya_board_get_cards (board)->len; i++)
    {
      ObeyaCard *card = obeya_board_get_cards (board)->pdata[i];

      if (obeya_audits_find_audit_for_card (audits, card, NULL) != NULL && !obeya_card_is_done (card))
        open_actions++;
    }
  g_assert_cmpuint (open_actions, ==, 3);

  /* Round trip, then clear: nothing of it is left. */
  first = save_ok (ws);
  {
    g_autoptr(ObeyaWorkspace) copy = load_ok (first);
    g_autoptr(GBytes) second = save_ok (copy);

    g_assert_true (g_bytes_equal (first, second));
    g_assert_cmpuint (g_bytes_get_size (first), <, 400000);
  }
  g_assert_true (obeya_workspace_has_sample (ws));
  obeya_workspace_clear_sample (ws);
  g_assert_false (obeya_workspace_has_sample (ws));
  g_assert_cmpuint (g_list_model_get_n_items (obeya_audits_get_templates (audits)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (obeya_audits_get_areas (audits)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (obeya_audits_get_audits (audits)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (obeya_workspace_get_people (ws)), ==, 0);
  g_assert_null (obeya_workspace_find_tag_by_name (ws, "5S"));

  /* …and one undo brings it all back. */
  g_assert_true (obeya_history_undo (obeya_workspace_get_history (ws)));
  g_assert_cmpuint (g_list_model_get_n_items (obeya_audits_get_audits (audits)), ==, 19);
  obeya_time_set_fake_now (NULL);
}

static void
test_sample_keeps_adopted_template (void)
{
  g_autoptr(ObeyaWorkspace) ws = obeya_workspace_new ();
  ObeyaAudits *audits = obeya_workspace_get_audits (ws);
  g_autoptr(ObeyaAuditTemplate) office = NULL;

  obeya_time_set_fake_now ("2026-11-02T09:00:00+01:00");
  obeya_sample_add_5s (ws, NULL, obeya_day_from_ymd (2026, 11, 2));
  office = g_list_model_get_item (obeya_audits_get_templates (audits), 0);
  /* The user's own area on the sample's Office template. */
  obeya_audits_add_area (audits, "Our desks", office, OBEYA_AUDIT_CADENCE_WEEKLY);
  obeya_workspace_clear_sample (ws);
  g_assert_cmpuint (g_list_model_get_n_items (obeya_audits_get_areas (audits)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (obeya_audits_get_templates (audits)), ==, 1);
  g_assert_false (obeya_audit_template_get_sample (office));
  g_assert_false (obeya_workspace_has_sample (ws));
  obeya_time_set_fake_now (NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/audits/score/worked-examples", test_score_worked_examples);
  g_test_add_func ("/audits/score/average-not-pooled", test_score_average_not_pooled);
  g_test_add ("/audits/score/template-changed", Fixture, NULL, fixture_setup,
              test_score_template_changed, fixture_teardown);
  g_test_add ("/audits/compare/dropped-first", Fixture, NULL, fixture_setup,
              test_compare_dropped_first, fixture_teardown);
  g_test_add ("/audits/template/edit", Fixture, NULL, fixture_setup,
              test_template_edit, fixture_teardown);
  g_test_add ("/audits/template/copy-and-remove", Fixture, NULL, fixture_setup,
              test_template_copy_and_remove, fixture_teardown);
  g_test_add ("/audits/template/files", Fixture, NULL, fixture_setup,
              test_template_files, fixture_teardown);
  g_test_add_func ("/audits/template/builtin", test_builtin_templates);
  g_test_add ("/audits/audit/one-undo-step-per-score", Fixture, NULL, fixture_setup,
              test_each_score_one_undo_step, fixture_teardown);
  g_test_add ("/audits/audit/draft-survives-reload", Fixture, NULL, fixture_setup,
              test_draft_survives_reload, fixture_teardown);
  g_test_add ("/audits/audit/finish-and-reopen", Fixture, NULL, fixture_setup,
              test_finish_and_reopen, fixture_teardown);
  g_test_add ("/audits/audit/actions", Fixture, NULL, fixture_setup,
              test_actions_linked_both_ways, fixture_teardown);
  g_test_add_func ("/audits/audit/photos", test_photos);
  g_test_add ("/audits/areas/due", Fixture, NULL, fixture_setup,
              test_due_dates, fixture_teardown);
  g_test_add ("/audits/areas/trend-and-months", Fixture, NULL, fixture_setup,
              test_trend_and_months, fixture_teardown);
  g_test_add ("/audits/areas/remove", Fixture, NULL, fixture_setup,
              test_remove_area, fixture_teardown);
  g_test_add ("/audits/areas/edit", Fixture, NULL, fixture_setup,
              test_edit_area_and_template, fixture_teardown);
  g_test_add ("/audits/csv", Fixture, NULL, fixture_setup, test_csv, fixture_teardown);
  g_test_add ("/audits/file/round-trip", Fixture, NULL, fixture_setup,
              test_round_trip, fixture_teardown);
  g_test_add_func ("/audits/file/unknown-members", test_unknown_members_kept);
  g_test_add_func ("/audits/file/bad", test_bad_files);
  g_test_add_func ("/audits/sample", test_sample);
  g_test_add_func ("/audits/sample/adopted-template", test_sample_keeps_adopted_template);

  return g_test_run ();
}
