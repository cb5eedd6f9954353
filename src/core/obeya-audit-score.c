/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-core"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "obeya-audit.h"
#include "obeya-audit-item.h"
#include "obeya-audit-score.h"
#include "obeya-audit-template.h"

/* Both operands are exact integers, so equal fractions give equal doubles
 * (2/4 and 4/8 both 50.0): comparisons between scores are exact. */
static void
finish_score (ObeyaScore *score)
{
  score->has_score = score->n_scored > 0;
  score->percent = score->has_score
                   ? 100.0 * (double) score->points / (4.0 * (double) score->n_scored)
                   : 0.0;
}

static void
add_item (ObeyaAuditScore *out,
          ObeyaFiveS       s,
          int              score)
{
  ObeyaScore *per_s;

  g_return_if_fail ((guint) s < OBEYA_FIVE_S_N);

  per_s = &out->s[s];
  if (score == OBEYA_SCORE_NA)
    {
      per_s->n_na++;
      out->overall.n_na++;
    }
  else if (score >= 0 && score <= OBEYA_SCORE_MAX)
    {
      per_s->points += score;
      per_s->n_scored++;
      out->overall.points += score;
      out->overall.n_scored++;
    }
}

static void
finish_audit_score (ObeyaAuditScore *out)
{
  finish_score (&out->overall);
  for (guint s = 0; s < OBEYA_FIVE_S_N; s++)
    finish_score (&out->s[s]);
}

void
obeya_audit_score_from_items (const ObeyaScoredItem *items,
                              guint                  n_items,
                              ObeyaAuditScore       *out)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (items != NULL || n_items == 0);

  memset (out, 0, sizeof *out);
  for (guint i = 0; i < n_items; i++)
    add_item (out, items[i].s, items[i].score);
  finish_audit_score (out);
}

void
obeya_audit_score_of_audit (ObeyaAudit      *audit,
                            ObeyaAuditScore *out)
{
  ObeyaAuditTemplate *template_;
  const ObeyaAuditEntry *entries;
  guint n;

  g_return_if_fail (OBEYA_IS_AUDIT (audit));
  g_return_if_fail (out != NULL);

  memset (out, 0, sizeof *out);
  template_ = obeya_audit_get_template (audit);
  entries = obeya_audit_get_entries (audit, &n);
  for (guint i = 0; i < n; i++)
    {
      ObeyaAuditItem *item = obeya_audit_template_find_item (template_, entries[i].item_id);

      if (item != NULL)
        add_item (out, obeya_audit_item_get_s (item), entries[i].score);
    }
  finish_audit_score (out);
}

ObeyaScore
obeya_audit_score_average_values (const ObeyaScore *values,
                                  guint             n_values)
{
  ObeyaScore average = { FALSE, 0.0, 0, 0, 0 };
  double sum = 0.0;

  g_return_val_if_fail (values != NULL || n_values == 0, average);

  for (guint i = 0; i < n_values; i++)
    if (values[i].has_score)
      {
        sum += values[i].percent;
        average.n_scored++;
      }
  if (average.n_scored > 0)
    {
      average.has_score = TRUE;
      average.percent = sum / (double) average.n_scored;
    }
  return average;
}

void
obeya_audit_score_average (const ObeyaAuditScore *scores,
                           guint                  n_scores,
                           ObeyaAuditScore       *out)
{
  g_autofree ObeyaScore *column = NULL;

  g_return_if_fail (out != NULL);
  g_return_if_fail (scores != NULL || n_scores == 0);

  column = g_new0 (ObeyaScore, MAX (n_scores, 1));
  for (guint i = 0; i < n_scores; i++)
    column[i] = scores[i].overall;
  out->overall = obeya_audit_score_average_values (column, n_scores);
  for (guint s = 0; s < OBEYA_FIVE_S_N; s++)
    {
      for (guint i = 0; i < n_scores; i++)
        column[i] = scores[i].s[s];
      out->s[s] = obeya_audit_score_average_values (column, n_scores);
    }
}

char *
obeya_audit_score_format (const ObeyaScore *score)
{
  g_return_val_if_fail (score != NULL, NULL);

  if (!score->has_score)
    return g_strdup ("—");
  /* Translators: a 5S score in percent, e.g. "75 %" */
  return g_strdup_printf (_("%d %%"), (int) round (score->percent));
}

/* ---- comparison ---------------------------------------------------------- */

ObeyaScoreComparison
obeya_audit_score_compare_values (const ObeyaScore *before,
                                  const ObeyaScore *after)
{
  ObeyaScoreComparison comparison = { *before, *after, OBEYA_CHANGE_NOT_COMPARABLE, 0.0 };

  if (before->has_score && after->has_score)
    {
      comparison.delta = after->percent - before->percent;
      comparison.change = after->percent > before->percent ? OBEYA_CHANGE_UP
                          : after->percent < before->percent ? OBEYA_CHANGE_DOWN
                          : OBEYA_CHANGE_SAME;
    }
  return comparison;
}

static ObeyaChange
compare_item_scores (int before,
                     int after)
{
  if (before >= 0 && after >= 0)
    return after > before ? OBEYA_CHANGE_UP : after < before ? OBEYA_CHANGE_DOWN : OBEYA_CHANGE_SAME;
  if (before == OBEYA_SCORE_NA && after == OBEYA_SCORE_NA)
    return OBEYA_CHANGE_SAME;
  return OBEYA_CHANGE_NOT_COMPARABLE;
}

static int
compare_dropped_first (gconstpointer a,
                       gconstpointer b)
{
  const ObeyaItemComparison *ia = a, *ib = b;
  gboolean da = ia->change == OBEYA_CHANGE_DOWN, db = ib->change == OBEYA_CHANGE_DOWN;
  gboolean ra = ia->change == OBEYA_CHANGE_REMOVED, rb = ib->change == OBEYA_CHANGE_REMOVED;

  if (da != db)
    return da ? -1 : 1;
  if (da && db && (ia->before - ia->after) != (ib->before - ib->after))
    return (ia->before - ia->after) > (ib->before - ib->after) ? -1 : 1;
  if (ra != rb)
    return ra ? 1 : -1;
  return 0;
}

/* Ties keep their original order (template order, then removed items). */
typedef struct
{
  ObeyaItemComparison item;
  guint               index;
} Indexed;

static int
compare_indexed (gconstpointer a,
                 gconstpointer b)
{
  const Indexed *ia = a, *ib = b;
  int cmp = compare_dropped_first (&ia->item, &ib->item);

  if (cmp != 0)
    return cmp;
  return ia->index < ib->index ? -1 : ia->index > ib->index ? 1 : 0;
}

ObeyaAuditComparison *
obeya_audit_score_compare (ObeyaAudit *previous,
                           ObeyaAudit *current)
{
  ObeyaAuditComparison *comparison;
  ObeyaAuditScore before = { { 0, }, }, after;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GArray) indexed = NULL;

  g_return_val_if_fail (OBEYA_IS_AUDIT (current), NULL);
  g_return_val_if_fail (previous == NULL || OBEYA_IS_AUDIT (previous), NULL);

  comparison = g_new0 (ObeyaAuditComparison, 1);
  comparison->previous = previous ? g_object_ref (previous) : NULL;
  comparison->current = g_object_ref (current);

  if (previous != NULL)
    obeya_audit_score_of_audit (previous, &before);
  obeya_audit_score_of_audit (current, &after);
  comparison->overall = obeya_audit_score_compare_values (&before.overall, &after.overall);
  for (guint s = 0; s < OBEYA_FIVE_S_N; s++)
    comparison->s[s] = obeya_audit_score_compare_values (&before.s[s], &after.s[s]);

  indexed = g_array_new (FALSE, TRUE, sizeof (Indexed));
  items = obeya_audit_dup_items (current);
  for (guint i = 0; i < items->len; i++)
    {
      ObeyaAuditItem *item = items->pdata[i];
      const char *id = obeya_entity_get_id (OBEYA_ENTITY (item));
      Indexed row = { { item, id, obeya_audit_item_get_s (item), OBEYA_SCORE_UNSCORED,
                        obeya_audit_get_score (current, id), OBEYA_CHANGE_NEW }, indexed->len };

      if (previous != NULL && obeya_audit_get_entry (previous, id) != NULL)
        {
          row.item.before = obeya_audit_get_score (previous, id);
          row.item.change = compare_item_scores (row.item.before, row.item.after);
        }
      g_array_append_val (indexed, row);
    }

  if (previous != NULL)
    {
      g_autoptr(GPtrArray) old_items = obeya_audit_dup_items (previous);

      for (guint i = 0; i < old_items->len; i++)
        {
          ObeyaAuditItem *item = old_items->pdata[i];
          const char *id = obeya_entity_get_id (OBEYA_ENTITY (item));
          gboolean found = FALSE;
          Indexed row = { { item, id, obeya_audit_item_get_s (item),
                            obeya_audit_get_score (previous, id), OBEYA_SCORE_UNSCORED,
                            OBEYA_CHANGE_REMOVED }, indexed->len };

          for (guint k = 0; k < items->len && !found; k++)
            found = items->pdata[k] == item;
          /* An item of another template (the area changed templates) with
           * the same id would be found by id, not by pointer. */
          for (guint k = 0; k < items->len && !found; k++)
            found = g_str_equal (obeya_entity_get_id (items->pdata[k]), id);
          if (!found)
            g_array_append_val (indexed, row);
        }
    }

  g_array_sort (indexed, compare_indexed);
  comparison->items = g_array_sized_new (FALSE, FALSE, sizeof (ObeyaItemComparison), indexed->len);
  for (guint i = 0; i < indexed->len; i++)
    g_array_append_val (comparison->items, g_array_index (indexed, Indexed, i).item);
  return comparison;
}

void
obeya_audit_comparison_free (ObeyaAuditComparison *comparison)
{
  if (comparison == NULL)
    return;
  g_clear_object (&comparison->previous);
  g_clear_object (&comparison->current);
  g_clear_pointer (&comparison->items, g_array_unref);
  g_free (comparison);
}
