/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Helpers shared by the kanban dialogs (card editor, archive, board
 * settings, people and tags, new board): window set-up, localised dates and
 * durations, tag colour swatches, and confirmation dialogs.
 */
#pragma once

#include <adwaita.h>

#include "obeya-time.h"
#include "obeya-types.h"

G_BEGIN_DECLS

/* Makes @dialog modal and transient for @parent, destroyed with it, and gives
 * it a default size of @width × @height, shrunk to fit inside @parent (or
 * the monitor) so that it works on a 1024×600 screen. Escape closes it: see
 * obeya_dialog_class_add_escape(). */
void              obeya_dialog_init_window      (GtkWindow  *dialog,
                                                 GtkWindow  *parent,
                                                 int         width,
                                                 int         height);
/* Hides @window now and destroys it from an idle: for a dialog that learns,
 * inside a signal (perhaps of its own confirmation dialog), that what it
 * edits is gone. */
void              obeya_dialog_destroy_later    (GtkWindow  *window);
/* Binds Escape to window.close for every instance of @widget_class. */
void              obeya_dialog_class_add_escape (GtkWidgetClass *widget_class);

/* "6 Nov 2026, 09:15" in the offset the time was recorded in. */
char             *obeya_format_timestamp        (ObeyaTimestamp ts);
/* "6 Nov 2026" */
char             *obeya_format_day              (ObeyaDay       day);
/* "Friday, 6 November 2026" */
char             *obeya_format_day_long         (ObeyaDay       day);
/* "3 days", "5 hours", "12 minutes", "less than a minute" */
char             *obeya_format_duration         (gint64         seconds);

/* Translated name of a tag colour of obeya_tag_colors() ("Blue"). */
const char       *obeya_tag_color_get_label     (const char *color);
/* A small round swatch of a tag colour (CSS class "obeya-swatch"). */
GtkWidget        *obeya_tag_swatch_new          (const char *color);
void              obeya_tag_swatch_set_color    (GtkWidget  *swatch,
                                                 const char *color);
/* The first colour of obeya_tag_colors() that no tag of @workspace uses yet
 * (the first colour when all are used). */
const char       *obeya_tag_color_suggest       (ObeyaWorkspace *workspace);

/* A person's colour, from their name, the same on card faces and in People
 * and Tags: its @palette colour (a libadwaita named colour, "blue_4") and
 * whether initials on it are drawn in dark ink (TRUE) or white. Returns
 * the colour's short name ("blue"). */
const char       *obeya_person_color            (const char  *name,
                                                 const char **palette,
                                                 gboolean    *dark_ink);
/* An AdwAvatar of @name in obeya_person_color(); set_name updates both. */
GtkWidget        *obeya_person_avatar_new       (const char *name,
                                                 int         size);
void              obeya_person_avatar_set_name  (GtkWidget  *avatar,
                                                 const char *name);

/* A copy of @strv (NULL = empty) with @item added at the end or removed. */
char            **obeya_strv_with               (const char * const *strv,
                                                 const char         *item,
                                                 gboolean            present);

/* A message dialog over @parent with a "cancel" response (the default and the
 * close response) and a @response_id response labelled @response_label in
 * @appearance. Not yet presented. */
AdwMessageDialog *obeya_dialog_new_confirm      (GtkWindow             *parent,
                                                 const char            *heading,
                                                 const char            *body,
                                                 const char            *response_id,
                                                 const char            *response_label,
                                                 AdwResponseAppearance  appearance);

/* Text of an editable with surrounding white space removed. */
char             *obeya_editable_dup_stripped   (GtkEditable *editable);
/* Sets @editable to @value (NULL = "") when the model's value differs from
 * *@shown, the value last shown, which it then updates: text being typed is
 * not replaced by a refresh that did not change this value. */
void              obeya_sync_editable           (GtkEditable  *editable,
                                                 char        **shown,
                                                 const char   *value);

/* ---- rows made from list models ---------------------------------------- */

/* The model object a row (or button) stands for; the row keeps a reference. */
gpointer          obeya_row_get_object          (gpointer    row);
void              obeya_row_set_object          (gpointer    row,
                                                 gpointer    object);
/* Whether @rows stand for exactly the items of @model, in order. */
gboolean          obeya_rows_match_model        (GPtrArray  *rows,
                                                 GListModel *model);
typedef GtkWidget *(*ObeyaNewRowFunc) (gpointer item,
                                       gpointer data);

/* Makes @rows (the rows of @container, a GtkListBox or an AdwExpanderRow)
 * stand for the items of @model, in order: an item that has a row keeps it
 * (with its state: expanded, focus), @new_row makes rows for new items, and
 * rows of items that left are dropped. Rows go before @anchor, a row of the
 * same list that stays last (an "add" row), or at the end when it is NULL.
 * Does nothing when the rows already match. */
void              obeya_rows_sync               (GtkWidget       *container,
                                                 GtkWidget       *anchor,
                                                 GPtrArray       *rows,
                                                 GListModel      *model,
                                                 ObeyaNewRowFunc  new_row,
                                                 gpointer         data);
/* Inserts @row just before @anchor in the GtkListBox that holds @anchor (a
 * plain list or an expander row's), so that "add" rows stay last. */
void              obeya_list_insert_before      (GtkWidget  *anchor,
                                                 GtkWidget  *row);
/* The entity with @id in @model (kept alive by the model) and its position
 * (@position may be NULL), or NULL. */
gpointer          obeya_find_by_id              (GListModel *model,
                                                 const char *id,
                                                 guint      *position);
/* Position of @item in @model, or GTK_INVALID_LIST_POSITION. */
guint             obeya_model_find              (GListModel *model,
                                                 gpointer    item);
/* Makes @list hold the "name" of each item of @model (for an AdwComboRow
 * whose selection must only change when we say so); touches @list only when
 * a name changed. */
void              obeya_string_list_set_names   (GtkStringList *list,
                                                 GListModel    *model);
/* Makes @list hold @strings, touching it only when they differ. */
void              obeya_string_list_set_strings (GtkStringList      *list,
                                                 const char * const *strings);

/* Check rows in @expander, one per person or tag of @model (the items need
 * "name"; tags also get their colour swatch), inserted before @anchor (an
 * "add" row of the expander, or NULL to append). @rows holds them and is
 * rebuilt only when @model's items changed; each row's check button is
 * active when the item's id is in @checked, and calls @toggled (a
 * GtkCheckButton::toggled handler; obeya_row_get_object() on the button
 * gives the item) with @data. Also sets the expander's subtitle to the
 * checked names, or @none. */
void              obeya_check_rows_sync         (AdwExpanderRow     *expander,
                                                 GtkWidget          *anchor,
                                                 GPtrArray          *rows,
                                                 GListModel         *model,
                                                 const char * const *checked,
                                                 const char         *none,
                                                 GCallback           toggled,
                                                 gpointer            data);

G_END_DECLS
