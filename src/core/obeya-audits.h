/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaAudits: the 5S part of a workspace (obeya_workspace_get_audits()):
 * its audit templates, areas and audits as list models, the commands that
 * add and remove them, and what the 5S overview, the stand-up page and the
 * reports read: latest score per area, trends, next due dates and overdue
 * areas, the previous audit to compare with, and the CSV export.
 *
 * In the workspace file these are the top-level members "audit_templates",
 * "areas" and "audits" (each written only when not empty). Areas name their
 * template; audits their area and template, so references are checked on
 * load. Person ids (area owner, auditor, who reopened) are kept as they are:
 * an audit still names its auditor after that person left the workspace.
 * Card ids of corrective actions are kept even when the card is deleted
 * (obeya_audit_list_actions() reports it missing).
 */
#pragma once

#include <gio/gio.h>

#include "obeya-audit-enums.h"
#include "obeya-audit-score.h"
#include "obeya-time.h"
#include "obeya-types.h"

G_BEGIN_DECLS

#define OBEYA_TYPE_AUDITS (obeya_audits_get_type ())
G_DECLARE_FINAL_TYPE (ObeyaAudits, obeya_audits, OBEYA, AUDITS, GObject)

ObeyaWorkspace     *obeya_audits_get_workspace     (ObeyaAudits *self);
GListModel         *obeya_audits_get_templates     (ObeyaAudits *self);
GListModel         *obeya_audits_get_areas         (ObeyaAudits *self);
/* Every audit, in the order they were started. */
GListModel         *obeya_audits_get_audits        (ObeyaAudits *self);
ObeyaAuditTemplate *obeya_audits_find_template     (ObeyaAudits *self,
                                                    const char  *id);
ObeyaArea          *obeya_audits_find_area         (ObeyaAudits *self,
                                                    const char  *id);
ObeyaAudit         *obeya_audits_find_audit        (ObeyaAudits *self,
                                                    const char  *id);

/* ---- commands (undoable) ------------------------------------------------- */

/* Adds a template built elsewhere (obeya_audit_template_new(), _copy(),
 * _new_builtin()). */
void                obeya_audits_add_template      (ObeyaAudits        *self,
                                                    ObeyaAuditTemplate *template_);
/* Adds the built-in template @builtin_id ("office"), translated. */
ObeyaAuditTemplate *obeya_audits_add_builtin_template (ObeyaAudits  *self,
                                                       const char   *builtin_id,
                                                       GError      **error);
/* Adds a copy of @template_ named @name (new ids, version 1, no retired items). */
ObeyaAuditTemplate *obeya_audits_copy_template     (ObeyaAudits        *self,
                                                    ObeyaAuditTemplate *template_,
                                                    const char         *name);
/* Imports a standalone template file. When its id (or any item id) is
 * already in use, the template comes in as a copy with new ids (the version
 * is kept); otherwise with the ids of the file. */
ObeyaAuditTemplate *obeya_audits_import_template   (ObeyaAudits  *self,
                                                    GBytes       *bytes,
                                                    GError      **error);
/* Fails (G_IO_ERROR_BUSY) while an area or an audit uses the template. */
gboolean            obeya_audits_remove_template   (ObeyaAudits         *self,
                                                    ObeyaAuditTemplate  *template_,
                                                    GError             **error);

ObeyaArea          *obeya_audits_add_area          (ObeyaAudits        *self,
                                                    const char         *name,
                                                    ObeyaAuditTemplate *template_,
                                                    ObeyaAuditCadence   cadence);
/* Removes the area and all its audits, as one command. */
void                obeya_audits_remove_area       (ObeyaAudits *self,
                                                    ObeyaArea   *area);

/* A new draft of @area on @date (the area's template, its current version). */
ObeyaAudit         *obeya_audits_start_audit       (ObeyaAudits *self,
                                                    ObeyaArea   *area,
                                                    ObeyaDay     date,
                                                    const char  *auditor_id);
void                obeya_audits_delete_audit      (ObeyaAudits *self,
                                                    ObeyaAudit  *audit);

/* ---- queries -------------------------------------------------------------- */

/* @area's audits by date (then in the order they were started); only the
 * finished ones when @finished_only. A new array of references. */
GPtrArray          *obeya_audits_list_for_area     (ObeyaAudits *self,
                                                    ObeyaArea   *area,
                                                    gboolean     finished_only);
/* The latest finished audit of @area, or NULL. */
ObeyaAudit         *obeya_audits_get_latest        (ObeyaAudits *self,
                                                    ObeyaArea   *area);
/* The finished audit of the same area just before @audit (by date), the
 * one to compare it with, or NULL. */
ObeyaAudit         *obeya_audits_get_previous      (ObeyaAudits *self,
                                                    ObeyaAudit  *audit);
/* obeya_audit_score_compare() of @audit and its previous audit. */
ObeyaAuditComparison *obeya_audits_compare_with_previous (ObeyaAudits *self,
                                                          ObeyaAudit  *audit);

/* The run chart of an area: one point per finished audit, by date. */
typedef struct
{
  ObeyaAudit      *audit; /* borrowed */
  ObeyaDay         date;
  ObeyaAuditScore  score;
} ObeyaTrendPoint;

GArray             *obeya_audits_get_trend         (ObeyaAudits *self,
                                                    ObeyaArea   *area);

/* One point per calendar month from @from to @to (inclusive) that has
 * finished audits: for each area (or only @area) the mean of its audits'
 * percentages in the month, then the mean across areas. */
typedef struct
{
  int             year;
  int             month;    /* 1–12 */
  guint           n_audits;
  guint           n_areas;
  ObeyaAuditScore score;
} ObeyaMonthScore;

GArray             *obeya_audits_get_monthly       (ObeyaAudits *self,
                                                    ObeyaArea   *area,
                                                    ObeyaDay     from,
                                                    ObeyaDay     to);

typedef enum
{
  OBEYA_AREA_OK,       /* next audit due later */
  OBEYA_AREA_DUE,      /* due today, or never audited */
  OBEYA_AREA_OVERDUE,  /* due date passed */
} ObeyaAreaDue;

/* An area in the 5S overview. */
typedef struct
{
  ObeyaArea       *area;     /* borrowed */
  ObeyaAudit      *latest;   /* latest finished audit, or NULL */
  ObeyaAudit      *draft;    /* the newest open draft, or NULL */
  ObeyaAuditScore  score;    /* of the latest (no score when there is none) */
  ObeyaDay         next_due; /* from the latest finished audit and the cadence; @today if never */
  ObeyaAreaDue     due;
  guint            days_overdue;
} ObeyaAreaStatus;

/* Every area, in order. */
GArray             *obeya_audits_get_overview      (ObeyaAudits *self,
                                                    ObeyaDay     today);
/* Only the areas due or overdue, most overdue first (for the stand-up page). */
GArray             *obeya_audits_list_due          (ObeyaAudits *self,
                                                    ObeyaDay     today);
/* Average of the latest scores across areas (areas never audited skipped). */
void                obeya_audits_get_latest_average (ObeyaAudits     *self,
                                                     ObeyaAuditScore *out);

/* The audit a card was raised from (its "audit" link), and the item id. */
ObeyaAudit         *obeya_audits_find_audit_for_card (ObeyaAudits  *self,
                                                      ObeyaCard    *card,
                                                      const char  **item_id);

/* CSV, one row per audit by date then area: area, date, auditor, state,
 * overall, then the five S in percent (one decimal, "." as decimal mark);
 * empty cells where there is no score. Header row first, RFC 4180 quoting,
 * CRLF line ends. */
char               *obeya_audits_export_csv        (ObeyaAudits *self);

G_END_DECLS
