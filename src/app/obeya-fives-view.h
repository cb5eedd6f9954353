/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaFivesView: the "5S Audits" page of the main window.
 *
 * The overview is what a manager reads: drafts to resume, every area with
 * its latest overall score, a small picture of its five S, its cadence and
 * when the next audit is due (overdue in red, never audited "due now"), and
 * across areas a bar chart and a table of the latest scores with their
 * average (the mean of the areas' percentages). Empty workspaces say what to
 * do first: "Start with a Template", then "Add an Area".
 *
 * An area's page shows its trend (overall or one S, over its finished
 * audits), its audits (a click opens the results, or resumes a draft), its
 * details (name, template, owner, cadence, and for digital workplaces the
 * folder, naming pattern and stale days) and starts or resumes an audit.
 *
 * Keys: Ctrl+N starts an audit (on the overview, after choosing the area:
 * the most overdue is offered first), Alt+Left goes back to the overview.
 * The window shows the "title" in its header and a back button while
 * "can-go-back" is TRUE.
 */
#pragma once

#include <gtk/gtk.h>

#include "obeya-types.h"

G_BEGIN_DECLS

#define OBEYA_TYPE_FIVES_VIEW (obeya_fives_view_get_type ())
G_DECLARE_FINAL_TYPE (ObeyaFivesView, obeya_fives_view, OBEYA, FIVES_VIEW, GtkWidget)

GtkWidget  *obeya_fives_view_new             (void);
void        obeya_fives_view_set_workspace   (ObeyaFivesView *self,
                                              ObeyaWorkspace *workspace);
const char *obeya_fives_view_get_title       (ObeyaFivesView *self);
gboolean    obeya_fives_view_get_can_go_back (ObeyaFivesView *self);
void        obeya_fives_view_go_back         (ObeyaFivesView *self);
/* Shows @area's page (NULL: the overview). */
void        obeya_fives_view_show_area       (ObeyaFivesView *self,
                                              ObeyaArea      *area);
ObeyaArea  *obeya_fives_view_get_area        (ObeyaFivesView *self);

G_END_DECLS
