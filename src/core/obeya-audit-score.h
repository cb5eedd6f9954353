/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 5S scoring, in one place (DESIGN.md section 2, "5S audits"):
 *
 *  - per S and overall: 100 × sum of scores ÷ (4 × items scored). N/A and
 *    unscored items are left out of the denominator. The overall score of
 *    one audit pools its items (it is not the mean of its five S).
 *  - an S (or an audit) with no item scored has no score: has_score is
 *    FALSE and the UI shows "—", never 0 or 100. No NaN is ever produced,
 *    so nothing that might be written can hold one.
 *  - across areas or months, average the percentages of the scores that
 *    exist, never pool raw points: an area of 1 item at 4 (100 %) and one
 *    of 3 items at 0 (0 %) average 50 %, where pooling would say 25 %.
 *  - comparison with the previous audit of the same area: per S (up, down,
 *    same) and per item, items matched by id; an item only in the current
 *    audit is new, only in the previous one removed; one with N/A or no
 *    score on either side cannot be compared. Items that dropped come
 *    first (the largest drop first), then the current audit's items in
 *    template order, then the removed ones.
 *
 * Worked examples are pinned in tests/test-audits.c.
 */
#pragma once

#include "obeya-audit-enums.h"
#include "obeya-types.h"

G_BEGIN_DECLS

typedef struct
{
  gboolean has_score;
  double   percent;   /* 0–100; 0 when !has_score */
  guint    points;    /* sum of the 0–4 scores (for an average: 0) */
  guint    n_scored;  /* items scored 0–4 (for an average: the values averaged) */
  guint    n_na;      /* items marked N/A */
} ObeyaScore;

typedef struct
{
  ObeyaScore overall;
  ObeyaScore s[OBEYA_FIVE_S_N];
} ObeyaAuditScore;

/* One item's contribution: its S and its score (0–4, OBEYA_SCORE_NA or
 * OBEYA_SCORE_UNSCORED from obeya-audit.h). */
typedef struct
{
  ObeyaFiveS s;
  int        score;
} ObeyaScoredItem;

void        obeya_audit_score_from_items  (const ObeyaScoredItem *items,
                                           guint                  n_items,
                                           ObeyaAuditScore       *out);
/* The score of @audit: its entries, each item's S read from the audit's
 * template (retired items included). */
void        obeya_audit_score_of_audit    (ObeyaAudit            *audit,
                                           ObeyaAuditScore       *out);
/* The mean of the percentages that exist; no score when none does. */
ObeyaScore  obeya_audit_score_average_values (const ObeyaScore   *values,
                                              guint               n_values);
/* Each S and the overall score averaged separately. */
void        obeya_audit_score_average     (const ObeyaAuditScore *scores,
                                           guint                  n_scores,
                                           ObeyaAuditScore       *out);
/* "75 %" (rounded to a whole percent) or "—". */
char       *obeya_audit_score_format      (const ObeyaScore      *score);

/* ---- comparison ------------------------------------------------------- */

typedef enum
{
  OBEYA_CHANGE_DOWN,
  OBEYA_CHANGE_UP,
  OBEYA_CHANGE_SAME,
  OBEYA_CHANGE_NOT_COMPARABLE, /* N/A or no score on one side (or both without a score) */
  OBEYA_CHANGE_NEW,            /* only in the current audit */
  OBEYA_CHANGE_REMOVED,        /* only in the previous audit */
} ObeyaChange;

typedef struct
{
  ObeyaScore  before;
  ObeyaScore  after;
  ObeyaChange change;
  double      delta;  /* after − before, in percentage points; 0 when not comparable */
} ObeyaScoreComparison;

typedef struct
{
  ObeyaAuditItem *item;    /* borrowed from the template */
  const char     *item_id;
  ObeyaFiveS      s;
  int             before;  /* score in the previous audit (OBEYA_SCORE_UNSCORED if absent) */
  int             after;   /* score in the current audit */
  ObeyaChange     change;
} ObeyaItemComparison;

typedef struct
{
  ObeyaAudit           *previous; /* NULL: nothing to compare with, everything is new */
  ObeyaAudit           *current;
  ObeyaScoreComparison  overall;
  ObeyaScoreComparison  s[OBEYA_FIVE_S_N];
  GArray               *items;    /* of ObeyaItemComparison, dropped first */
} ObeyaAuditComparison;

ObeyaScoreComparison  obeya_audit_score_compare_values (const ObeyaScore *before,
                                                        const ObeyaScore *after);
/* @previous may be NULL. Free with obeya_audit_comparison_free(). */
ObeyaAuditComparison *obeya_audit_score_compare (ObeyaAudit *previous,
                                                 ObeyaAudit *current);
void                  obeya_audit_comparison_free (ObeyaAuditComparison *comparison);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ObeyaAuditComparison, obeya_audit_comparison_free)

G_END_DECLS
