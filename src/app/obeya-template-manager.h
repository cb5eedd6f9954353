/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaTemplateManager: the 5S audit templates of a workspace: the list
 * (built-in Office and Digital workplace, and custom ones) beside the
 * template being edited. A template can be created, copied, renamed,
 * exported to and imported from a JSON file, and deleted while nothing
 * uses it. Its items, grouped by S, are edited in place: question, the
 * five anchors, guidance, whether N/A is allowed, the folder-scan evidence;
 * moved up and down; added; removed. Removing an item that past audits
 * used retires it instead (they keep its text and their scores), which the
 * manager explains; a retired item can be restored.
 *
 * Every edit is one core command (undoable from the main window).
 */
#pragma once

#include <adwaita.h>

#include "obeya-types.h"

G_BEGIN_DECLS

#define OBEYA_TYPE_TEMPLATE_MANAGER (obeya_template_manager_get_type ())
G_DECLARE_FINAL_TYPE (ObeyaTemplateManager, obeya_template_manager, OBEYA, TEMPLATE_MANAGER,
                      AdwWindow)

ObeyaTemplateManager *obeya_template_manager_new          (GtkWindow            *parent,
                                                           ObeyaWorkspace       *workspace);
/* The template shown (NULL when there is none). */
ObeyaAuditTemplate   *obeya_template_manager_get_template (ObeyaTemplateManager *self);
void                  obeya_template_manager_set_template (ObeyaTemplateManager *self,
                                                           ObeyaAuditTemplate   *template_);

G_END_DECLS
