/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaPeopleDialog: the workspace's people and tags (add, rename, remove,
 * tag colours) and who "I" am in this workspace, for "My cards".
 *
 * "Who I am" is one person's choice on one computer, so it lives in
 * GSettings, not in the shared file: the key "workspace-me" of the schema
 * org.obeya.Obeya maps a workspace key (its URI) to a person id.
 */
#pragma once

#include <adwaita.h>

#include "obeya-types.h"

G_BEGIN_DECLS

#define OBEYA_TYPE_PEOPLE_DIALOG (obeya_people_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ObeyaPeopleDialog, obeya_people_dialog, OBEYA, PEOPLE_DIALOG, AdwWindow)

/* @workspace_key identifies the workspace in the "workspace-me" setting (the
 * window passes the file's URI); NULL hides the "This is me" choice. */
ObeyaPeopleDialog *obeya_people_dialog_new (GtkWindow      *parent,
                                            ObeyaWorkspace *workspace,
                                            const char     *workspace_key);

/* The person id stored for @workspace_key, or NULL (free it). */
char              *obeya_people_dialog_dup_me (const char *workspace_key);

G_END_DECLS
